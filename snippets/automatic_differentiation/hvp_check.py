"""A Hessian-vector product checked against differences of the gradient; n of them give H."""
# --8<-- [start:body]
import numpy as np

from matcalc import relative_error
from matcalc.ad import grad, hvp, logsumexp, tanh

rng = np.random.default_rng(0)
A = rng.standard_normal((3, 4))
x = rng.standard_normal(4)
v = rng.standard_normal(4)


def f(x):
    return logsumexp(A @ tanh(x))


Hv = hvp(f, x, v)

# H v is the derivative of the gradient along v: a central difference agrees
h = 1e-5
Hv_numeric = (grad(f, x + h * v) - grad(f, x - h * v)) / (2 * h)
assert relative_error(Hv, Hv_numeric) < 1e-8

# n HVPs with the basis vectors give the whole Hessian, symmetric as it must be
H = np.stack([hvp(f, x, e) for e in np.eye(4)])
np.testing.assert_allclose(H, H.T, atol=1e-12)
np.testing.assert_allclose(H @ v, Hv)
# --8<-- [end:body]
