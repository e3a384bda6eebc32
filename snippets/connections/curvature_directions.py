"""K1: the Hessian of x^T A x is 2A; its eigenvectors are the extreme curvature directions."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_jacobian

rng = np.random.default_rng(0)
M = rng.standard_normal((3, 3))
A = M + M.T  # symmetric
f = lambda x: x @ A @ x
x0 = rng.standard_normal(3)

# The Hessian is the Jacobian of the gradient 2 A x
assert check_jacobian(lambda x: 2 * A @ x, lambda x: 2 * A, x0) < 1e-9


def curvature(v, h=1e-4):
    # Second derivative of t -> f(x0 + t v) at t = 0, v a unit vector
    return (f(x0 + h * v) - 2 * f(x0) + f(x0 - h * v)) / h**2


H = 2 * A
lams, V = np.linalg.eigh(H)
for lam, v in zip(lams, V.T):
    np.testing.assert_allclose(curvature(v), lam, rtol=1e-6)  # v^T H v = lambda
# Every unit direction curves between the smallest and the largest eigenvalue
for _ in range(200):
    v = rng.standard_normal(3)
    v /= np.linalg.norm(v)
    assert lams[0] - 1e-6 <= curvature(v) <= lams[-1] + 1e-6
# --8<-- [end:body]
