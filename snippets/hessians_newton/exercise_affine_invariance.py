"""Exercise: Newton's step does not depend on linear changes of variables; gradient descent's does."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_jacobian
from matcalc.optim import lse_ridge

rng = np.random.default_rng(9)
f, grad, hess = lse_ridge(rng.standard_normal((6, 3)), mu=0.5)
T = rng.standard_normal((3, 3)) + 3 * np.eye(3)  # invertible: x = T y
y = rng.standard_normal(3)
x = T @ y


# g(y) = f(T y): chain rule in denominator layout; y -> T y has Jacobian T^T
def g(y):
    return f(T @ y)


def grad_g(y):
    return T.T @ grad(T @ y)


def hess_g(y):
    return T.T @ hess(T @ y) @ T


assert check_gradient(g, grad_g, y) < 1e-9
assert check_jacobian(grad_g, hess_g, y) < 1e-8

# Newton's step in y, mapped back to x, is Newton's step in x
dy = np.linalg.solve(hess_g(y), -grad_g(y))
dx = np.linalg.solve(hess(x), -grad(x))
np.testing.assert_allclose(T @ dy, dx, rtol=1e-10)

# Gradient descent's is not: T (-lr T^T grad) != -lr grad
lr = 0.1
assert np.linalg.norm(T @ (-lr * grad_g(y)) - (-lr * grad(x))) > 0.1
# --8<-- [end:body]
