"""A Hessian-vector product by forward-over-reverse: matcalc.ad."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import hvp, logsumexp, tanh

rng = np.random.default_rng(0)
A = rng.standard_normal((3, 4))
x = rng.standard_normal(4)
v = rng.standard_normal(4)


def f(x):  # R^4 -> R
    return logsumexp(A @ tanh(x))


Hv = hvp(f, x, v)  # the reverse sweep run on Duals: no 4 x 4 Hessian is formed
# --8<-- [end:body]
