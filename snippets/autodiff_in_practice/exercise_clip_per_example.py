"""Exercise: per-example gradient norms and clipping (as in DP-SGD), by hand and by vmap."""
# --8<-- [start:body]
import jax
import numpy as np

jax.config.update("jax_enable_x64", True)

rng = np.random.default_rng(1)
X = rng.standard_normal((8, 3)) * np.array([1.0, 3.0, 0.5])
y = rng.integers(0, 2, size=8).astype(np.float64)
w = rng.standard_normal(3)
C = 1.0  # clipping norm


def loss_one(w, x, y):
    z = x @ w
    return jax.nn.softplus(z) - y * z


G = np.asarray(jax.vmap(jax.grad(loss_one), in_axes=(None, 0, 0))(w, X, y))
norms = np.linalg.norm(G, axis=1)
s = 1 / (1 + np.exp(-X @ w))
np.testing.assert_allclose(norms, np.abs(s - y) * np.linalg.norm(X, axis=1), rtol=1e-12)

clipped = G * np.minimum(1.0, C / norms)[:, None]  # each row scaled to norm at most C
big = norms > C
assert 0 < big.sum() < len(big)  # some rows clipped, some not
np.testing.assert_allclose(np.linalg.norm(clipped[big], axis=1), C, rtol=1e-12)
np.testing.assert_allclose(clipped[~big], G[~big], rtol=1e-15)
# --8<-- [end:body]
