"""Step 4: grad x^T A x = (A + A^T) x for every square A; 2 A x only when A is symmetric."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_jacobian
from matcalc.quadratic import gradient, hessian, naive_gradient, value

rng = np.random.default_rng(1)
n = 4
A = rng.standard_normal((n, n))  # not symmetric
x = rng.standard_normal(n)


def f(x):
    return x @ A @ x


def grad_f(x):
    return (A + A.T) @ x  # S2


assert check_gradient(f, grad_f, x) < 1e-8
assert check_jacobian(grad_f, lambda x: A + A.T, x) < 1e-8  # Hessian A + A^T
# The slip 2 A x fails the check by a wide margin
assert check_gradient(f, lambda x: 2 * A @ x, x) > 1e-2

# Only the symmetric part of A matters: x^T A x = x^T sym(A) x
S = (A + A.T) / 2
np.testing.assert_allclose(x @ S @ x, f(x))
assert check_gradient(lambda x: x @ S @ x, lambda x: 2 * S @ x, x) < 1e-8  # S3

# matcalc.quadratic, used by the figure below, holds the same formulas
np.testing.assert_allclose(gradient(A, x), grad_f(x))
np.testing.assert_allclose(hessian(A), A + A.T)
np.testing.assert_allclose(value(A, x), f(x))
assert not np.allclose(naive_gradient(A, x), grad_f(x))
# --8<-- [end:body]
