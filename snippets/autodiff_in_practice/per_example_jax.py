"""Per-example gradients of logistic regression: jax.vmap over jax.grad."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
X = rng.standard_normal((6, 4))  # 6 examples, one per row
y = rng.integers(0, 2, size=6).astype(np.float64)  # labels in {0, 1}
w0 = rng.standard_normal(4)


def loss_one(w, x, y):
    """Cross-entropy of one example; softplus(z) - y z is the stable form."""
    z = x @ w
    return jax.nn.softplus(z) - y * z


# grad differentiates one example; vmap maps it over the rows of X and y, not over w
G = np.asarray(jax.vmap(jax.grad(loss_one), in_axes=(None, 0, 0))(w0, X, y))

s = 1 / (1 + np.exp(-X @ w0))
assert G.shape == (6, 4)
np.testing.assert_allclose(G, (s - y)[:, None] * X, rtol=1e-12)
# --8<-- [end:body]
