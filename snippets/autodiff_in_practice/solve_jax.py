"""The gradient through x = A^{-1} b in JAX: autograd of jnp.linalg.solve against the formula."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
A0 = rng.standard_normal((4, 4)) + 4 * np.eye(4)  # well conditioned
b0 = rng.standard_normal(4)
t = rng.standard_normal(4)


def L(A, b):
    return 0.5 * jnp.sum((jnp.linalg.solve(A, b) - t) ** 2)


grad_A, grad_b = (np.asarray(g) for g in jax.grad(L, argnums=(0, 1))(A0, b0))

# The implicit formulas, with x_bar = x - t
x_np = np.linalg.solve(A0, b0)
b_bar = np.linalg.solve(A0.T, x_np - t)
np.testing.assert_allclose(grad_b, b_bar, rtol=1e-12)
np.testing.assert_allclose(grad_A, -np.outer(b_bar, x_np), rtol=1e-12)
# --8<-- [end:body]
