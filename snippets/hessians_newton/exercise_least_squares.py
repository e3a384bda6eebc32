"""Exercise: the Hessian of least squares, and Newton's single step to the normal equations."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_jacobian
from matcalc.optim import newton

rng = np.random.default_rng(8)
A = rng.standard_normal((10, 4))
b = rng.standard_normal(10)


def f(x):
    r = A @ x - b
    return r @ r


def grad(x):
    return 2 * A.T @ (A @ x - b)


def hess(x):
    return 2 * A.T @ A  # constant: f is quadratic


x0 = rng.standard_normal(4)
assert check_gradient(f, grad, x0) < 1e-9
assert check_jacobian(grad, hess, x0) < 1e-9

path = newton(grad, hess, x0, tol=1e-10)
assert len(path) == 2  # one step, from anywhere
x_ls = np.linalg.lstsq(A, b, rcond=None)[0]
np.testing.assert_allclose(path[1], x_ls, rtol=1e-10)
# --8<-- [end:body]
