"""Exercise: 2 A x as the gradient of x^T A x when A is not symmetric."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(8)
A = rng.standard_normal((3, 3))  # not symmetric
x = rng.standard_normal(3)
f = lambda x: x @ A @ x

assert check_gradient(f, lambda x: 2 * A @ x, x) > 1e-2  # only for A = A^T
assert check_gradient(f, lambda x: (A + A.T) @ x, x) < 1e-9
# x^T A x only sees the symmetric part: 2 sym(A) x is the same vector
np.testing.assert_allclose((A + A.T) @ x, 2 * ((A + A.T) / 2) @ x)
# --8<-- [end:body]
