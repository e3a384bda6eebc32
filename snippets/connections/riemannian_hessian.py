"""The Riemannian Hessian on the sphere: the projected Euclidean Hessian plus a curvature term."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
M = rng.standard_normal((4, 4))
A = M + M.T
f = lambda x: x @ A @ x
x = rng.standard_normal(4)
x /= np.linalg.norm(x)
P = np.eye(4) - np.outer(x, x)
egrad, ehess = 2 * A @ x, 2 * A

# Hess f(x)[v] = P (ehess v) - (x^T egrad) v for tangent v
riem_hess = P @ ehess @ P - (x @ egrad) * P
naive = P @ ehess @ P  # projection alone drops the curvature term

for _ in range(3):
    v = P @ rng.standard_normal(4)
    v /= np.linalg.norm(v)
    h = 1e-4
    # Second derivative along the great circle, a geodesic
    c = lambda t: np.cos(t) * x + np.sin(t) * v
    # The curve accelerates towards the centre, c''(0) = -x: the source of the extra term
    np.testing.assert_allclose((c(h) - 2 * c(0.0) + c(-h)) / h**2, -x, atol=1e-6)
    second = (f(c(h)) - 2 * f(c(0.0)) + f(c(-h))) / h**2
    np.testing.assert_allclose(v @ riem_hess @ v, second, rtol=1e-5)
    assert abs(v @ naive @ v - second) > 1e-2
# --8<-- [end:body]
