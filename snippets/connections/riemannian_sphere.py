"""The Riemannian gradient on the sphere is the projected gradient; check it along a curve."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
M = rng.standard_normal((4, 4))
A = M + M.T
f = lambda x: x @ A @ x
egrad = lambda x: 2 * A @ x  # Euclidean gradient

x = rng.standard_normal(4)
x /= np.linalg.norm(x)  # a point on the unit sphere
P = np.eye(4) - np.outer(x, x)  # onto the tangent space {v : x^T v = 0}
rgrad = P @ egrad(x)
assert abs(x @ rgrad) < 1e-12  # tangent


def curve(t, v):
    # The great circle through x with unit tangent velocity v: it stays on
    # the sphere
    return np.cos(t) * x + np.sin(t) * v


for _ in range(3):
    v = P @ rng.standard_normal(4)
    v /= np.linalg.norm(v)
    h = 1e-6
    slope = (f(curve(h, v)) - f(curve(-h, v))) / (2 * h)
    np.testing.assert_allclose(rgrad @ v, slope, rtol=1e-7)
    # The raw Euclidean gradient gives the same slope on tangent v...
    np.testing.assert_allclose(egrad(x) @ v, slope, rtol=1e-7)
# ...but it is not tangent, so it is not the Riemannian gradient: a step
# along it leaves the sphere, and it does not vanish at the critical points
# (the eigenvectors of A)
assert abs(x @ egrad(x)) > 1e-3
lams, V = np.linalg.eigh(A)
e = V[:, -1]
np.testing.assert_allclose((np.eye(4) - np.outer(e, e)) @ egrad(e), 0, atol=1e-12)
assert np.linalg.norm(egrad(e)) > 0.1
# --8<-- [end:body]
