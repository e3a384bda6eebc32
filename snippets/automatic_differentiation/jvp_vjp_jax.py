"""A JVP and a VJP of f(x) = tanh(Wx + b): JAX."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
W = rng.standard_normal((3, 4))
b = rng.standard_normal(3)
x = rng.standard_normal(4)
v = rng.standard_normal(4)  # tangent, shaped like x
u = rng.standard_normal(3)  # cotangent, shaped like f(x)


def f(x):
    return jnp.tanh(W @ x + b)


_, jvp_out = jax.jvp(f, (x,), (v,))  # forward mode: J v
_, pullback = jax.vjp(f, x)  # reverse mode: records the graph
(vjp_out,) = pullback(u)  # u^T J, shaped like x
jvp_out, vjp_out = np.asarray(jvp_out), np.asarray(vjp_out)
# --8<-- [end:body]
