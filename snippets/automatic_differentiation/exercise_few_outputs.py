"""Exercise: the whole Jacobian of a map from R^1000 to R^2 costs 2 VJPs."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import jvp, tanh, vjp

rng = np.random.default_rng(0)
n, m = 1000, 2
A = rng.standard_normal((m, n)) / np.sqrt(n)
x = rng.standard_normal(n)


def f(x):  # R^1000 -> R^2
    return tanh(A @ x)


# Reverse mode: m = 2 passes, one per output, each gives a column of J
J = np.stack([vjp(f, x, e)[1] for e in np.eye(m)], axis=1)
assert J.shape == (n, m)
np.testing.assert_allclose(J, A.T * (1 - f(x) ** 2))

# Forward mode would need n = 1000 passes, one per row; three of them agree
for i in rng.choice(n, size=3, replace=False):
    np.testing.assert_allclose(jvp(f, x, np.eye(n)[i])[1], J[i])
# --8<-- [end:body]
