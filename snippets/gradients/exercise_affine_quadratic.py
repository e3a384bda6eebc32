"""Exercise: gradient, Hessian and minimiser of x^T A x + b^T x + c for a non-symmetric A."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_jacobian

# Not symmetric
A = np.array([[3.0, 1.0, 0.0], [-1.0, 2.0, 0.5], [0.0, 0.5, 4.0]])
b = np.array([1.0, -2.0, 0.5])
c = 0.7


def f(x):
    return x @ A @ x + b @ x + c


def grad_f(x):
    return (A + A.T) @ x + b  # S2 + S1; the constant has gradient 0


H = A + A.T
x = np.array([0.3, -0.8, 1.1])
assert check_gradient(f, grad_f, x) < 1e-8
assert check_jacobian(grad_f, lambda x: H, x) < 1e-8

# H is positive definite, so the stationary point is the minimiser
assert np.linalg.eigvalsh(H).min() > 0
x_min = np.linalg.solve(H, -b)
np.testing.assert_allclose(grad_f(x_min), 0.0, atol=1e-12)
rng = np.random.default_rng(8)
assert all(f(x_min + d) > f(x_min) for d in rng.standard_normal((100, 3)))
# --8<-- [end:body]
