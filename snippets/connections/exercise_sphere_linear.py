"""Exercise: the Riemannian gradient of a^T x on the unit sphere."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(11)
a = rng.standard_normal(3)
rgrad = lambda x: a - (x @ a) * x  # (I - x x^T) a

x = rng.standard_normal(3)
x /= np.linalg.norm(x)
v = rgrad(x) / np.linalg.norm(rgrad(x))  # a unit tangent direction
slope = (a @ (np.cos(1e-6) * x + np.sin(1e-6) * v)
         - a @ (np.cos(1e-6) * x - np.sin(1e-6) * v)) / 2e-6
np.testing.assert_allclose(rgrad(x) @ v, slope, rtol=1e-7)
# Critical points: x = +-a/||a||, the maximum and the minimum
for s in (1.0, -1.0):
    np.testing.assert_allclose(rgrad(s * a / np.linalg.norm(a)), 0, atol=1e-12)
# --8<-- [end:body]
