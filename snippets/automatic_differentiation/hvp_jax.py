"""A Hessian-vector product by forward-over-reverse: JAX."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
A = rng.standard_normal((3, 4))
x = rng.standard_normal(4)
v = rng.standard_normal(4)


def f(x):  # R^4 -> R
    return jax.nn.logsumexp(A @ jnp.tanh(x))


_, Hv = jax.jvp(jax.grad(f), (x,), (v,))  # forward-over-reverse
Hv = np.asarray(Hv)
# --8<-- [end:body]
