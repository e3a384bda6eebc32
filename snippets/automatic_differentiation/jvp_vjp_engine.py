"""A JVP and a VJP of f(x) = tanh(Wx + b): matcalc.ad (denominator layout)."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import jvp, tanh, vjp

rng = np.random.default_rng(0)
W = rng.standard_normal((3, 4))
b = rng.standard_normal(3)
x = rng.standard_normal(4)
v = rng.standard_normal(4)  # tangent, shaped like x
u = rng.standard_normal(3)  # cotangent, shaped like f(x)


def f(x):
    return tanh(W @ x + b)


_, jvp_out = jvp(f, x, v)  # J^T v (frameworks write J v)
_, vjp_out = vjp(f, x, u)  # J u   (frameworks write u^T J)
# --8<-- [end:body]
