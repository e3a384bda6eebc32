"""The backward of LayerNorm by autograd: JAX."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
X0 = rng.standard_normal((3, 6))  # 3 rows (tokens), 6 features
gamma0, beta0 = rng.standard_normal(6), rng.standard_normal(6)
G = rng.standard_normal((3, 6))  # upstream gradient dL/dY
eps = 1e-5


def layernorm(X, gamma, beta):
    mu = X.mean(axis=1, keepdims=True)
    return (X - mu) / jnp.sqrt(X.var(axis=1, keepdims=True) + eps) * gamma + beta


_, pullback = jax.vjp(layernorm, X0, gamma0, beta0)
grad_X, grad_gamma, grad_beta = (np.asarray(g) for g in pullback(G))
assert grad_X.shape == X0.shape and grad_gamma.shape == (6,)
# --8<-- [end:body]
