"""Stop-gradient in JAX: jax.lax.stop_gradient; the gradient check then fails."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np
from jax.test_util import check_grads

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
a = jnp.asarray(rng.standard_normal(5))
x0 = jnp.asarray(rng.standard_normal(5))


def f_stopped(x):
    return a @ x / jax.lax.stop_gradient(jnp.linalg.norm(x))


grad_x = np.asarray(jax.grad(f_stopped)(x0))
r = float(jnp.linalg.norm(x0))
np.testing.assert_allclose(grad_x, np.asarray(a) / r, rtol=1e-12)  # ||x|| held constant

# check_grads compares with finite differences of the same function: it raises
try:
    check_grads(f_stopped, (x0,), order=1, modes=["rev"])
    failed = False
except AssertionError:
    failed = True
assert failed
check_grads(lambda x: a @ x / jnp.linalg.norm(x), (x0,), order=1, modes=["rev"])
# --8<-- [end:body]
