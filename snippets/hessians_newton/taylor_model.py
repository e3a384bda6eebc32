"""The second-order Taylor model: its error shrinks like the cube of the step."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import lse_ridge

rng = np.random.default_rng(1)
A = rng.standard_normal((6, 3))
f, grad, hess = lse_ridge(A, mu=0.5)
x = rng.standard_normal(3)
d = rng.standard_normal(3)
g, H = grad(x), hess(x)


def first_order(dx):
    return f(x) + g @ dx


def second_order(dx):
    return f(x) + g @ dx + 0.5 * dx @ H @ dx


ts = np.array([1e-2, 1e-3, 1e-4])
err1 = np.array([abs(f(x + t * d) - first_order(t * d)) for t in ts])
err2 = np.array([abs(f(x + t * d) - second_order(t * d)) for t in ts])

# Each tenfold smaller step: first-order error / 100, second-order error / 1000
np.testing.assert_allclose(err1[1:] / err1[:-1], 1e-2, rtol=0.05)
np.testing.assert_allclose(err2[1:] / err2[:-1], 1e-3, rtol=0.05)
assert np.all(err2 < err1)
# --8<-- [end:body]
