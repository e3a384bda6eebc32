"""A custom VJP rule in JAX: softplus with jax.custom_vjp."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np
from jax.test_util import check_grads

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs


@jax.custom_vjp
def softplus(x):
    return jnp.logaddexp(0.0, x)


def softplus_fwd(x):
    return softplus(x), x  # the output, and the residuals backward needs


def softplus_bwd(x, out_grad):
    return (out_grad * jax.nn.sigmoid(x),)  # a tuple: one cotangent per input


softplus.defvjp(softplus_fwd, softplus_bwd)

x = jnp.array([-800.0, -3.0, 0.0, 2.5, 800.0])
grad_x = np.asarray(jax.grad(lambda t: softplus(t).sum())(x))
sig = 1 / (1 + np.exp(-np.array([-3.0, 2.5])))
np.testing.assert_allclose(grad_x, [0.0, sig[0], 0.5, sig[1], 1.0], rtol=1e-15)

# Autograd of log(1 + e^x) instead: e^800 is inf, and the gradient inf / inf
naive = jax.grad(lambda t: jnp.log(1 + jnp.exp(t)).sum())(x)
assert jnp.isnan(naive[-1])

# check_grads compares reverse mode with finite differences; raises if they differ
check_grads(softplus, (x[1:4],), order=1, modes=["rev"])
# --8<-- [end:body]
