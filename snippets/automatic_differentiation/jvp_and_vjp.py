"""JVP and VJP with the engine, in the site's denominator layout and in numerator layout."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import jvp, tanh, vjp

rng = np.random.default_rng(0)
W = rng.standard_normal((3, 4))
b = rng.standard_normal(3)
x = rng.standard_normal(4)
v = rng.standard_normal(4)  # a tangent: shaped like the input
u = rng.standard_normal(3)  # a cotangent: shaped like the output


def f(x):
    return tanh(W @ x + b)


J = W.T * (1 - f(x) ** 2)  # denominator layout: n x m = 4 x 3
J_num = J.T  # numerator layout: m x n, what frameworks call the Jacobian

y, jvp_out = jvp(f, x, v)  # forward mode
_, vjp_out = vjp(f, x, u)  # reverse mode
assert jvp_out.shape == y.shape and vjp_out.shape == x.shape

np.testing.assert_allclose(jvp_out, J.T @ v)  # denominator layout: J^T v
np.testing.assert_allclose(jvp_out, J_num @ v)  # numerator layout:   J v
np.testing.assert_allclose(vjp_out, J @ u)  # denominator layout: J u
np.testing.assert_allclose(vjp_out, u @ J_num)  # numerator layout:   u^T J

# The dot-product test: both products use the same J
np.testing.assert_allclose(u @ jvp_out, vjp_out @ v)
# --8<-- [end:body]
