"""The backward of softmax attention by autograd: JAX."""
# --8<-- [start:body]
import jax
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
Q0 = rng.standard_normal((4, 3))  # 4 queries of width d_k = 3
K0 = rng.standard_normal((5, 3))  # 5 keys
V0 = rng.standard_normal((5, 2))  # 5 values of width d_v = 2
G = rng.standard_normal((4, 2))  # upstream gradient dL/dO


def attention(Q, K, V):
    return jax.nn.softmax(Q @ K.T / np.sqrt(Q.shape[1]), axis=1) @ V


_, pullback = jax.vjp(attention, Q0, K0, V0)
grad_Q, grad_K, grad_V = (np.asarray(g) for g in pullback(G))
assert grad_K.shape == K0.shape
# --8<-- [end:body]
