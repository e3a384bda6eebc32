"""df is a covector; with a metric G the gradient is the vector G^-1 grad f."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
n = 3
M = rng.standard_normal((n, n))
G = M @ M.T + n * np.eye(n)  # a metric: symmetric positive definite
c = rng.standard_normal(n)
f = lambda x: np.sum(np.sin(x) * c)
x = rng.standard_normal(n)

df = np.cos(x) * c  # the covector: df(v) = df @ v for every v
grad_G = np.linalg.solve(G, df)  # the G-gradient: <grad_G, v>_G = df(v)
for _ in range(3):
    v = rng.standard_normal(n)
    slope = (f(x + 1e-6 * v) - f(x - 1e-6 * v)) / 2e-6
    np.testing.assert_allclose(df @ v, slope, rtol=1e-8)
    # <g, v>_G = g^T G v
    np.testing.assert_allclose(grad_G @ G @ v, slope, rtol=1e-8)

# It is the steepest-ascent direction for the norm ||v||_G = sqrt(v^T G v)
unit_G = grad_G / np.sqrt(grad_G @ G @ grad_G)
V = rng.standard_normal((2000, n))
V /= np.sqrt(np.einsum("ki,ij,kj->k", V, G, V))[:, None]
assert np.all(V @ df <= unit_G @ df + 1e-12)
# The Euclidean gradient is not steepest under G
e = df / np.sqrt(df @ G @ df)
assert e @ df < unit_G @ df
# --8<-- [end:body]
