"""The gradient of a softmax cross-entropy loss with respect to W: JAX."""
# --8<-- [start:body]
import jax
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
X = rng.standard_normal((8, 5))  # 8 inputs, one per row
Y = np.eye(3)[rng.integers(0, 3, size=8)]  # one-hot labels
W0 = rng.standard_normal((5, 3))
b0 = rng.standard_normal(3)


def loss(W, b):
    Z = X @ W + b
    return (jax.nn.logsumexp(Z, axis=1) - (Z * Y).sum(axis=1)).mean()


grad_W = np.asarray(jax.grad(loss)(W0, b0))  # jax.grad: argument 0 by default
assert grad_W.shape == W0.shape
# --8<-- [end:body]
