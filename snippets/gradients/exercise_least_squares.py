"""Exercise: the gradient of ||A x - b||^2 from rows S1, S3 and the constant."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(9)
A = rng.standard_normal((6, 3))
b = rng.standard_normal(6)
x = rng.standard_normal(3)


def f(x):
    r = A @ x - b
    return r @ r  # = x^T (A^T A) x - 2 (A^T b)^T x + b^T b


def grad_f(x):
    # S3 with the symmetric A^T A, S1 with a = -2 A^T b, and 0 for b^T b
    return 2 * A.T @ A @ x - 2 * A.T @ b


assert grad_f(x).shape == x.shape
assert check_gradient(f, grad_f, x) < 1e-8
np.testing.assert_allclose(grad_f(x), 2 * A.T @ (A @ x - b))  # the compact form
# --8<-- [end:body]
