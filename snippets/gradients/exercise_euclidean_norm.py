"""Exercise: grad ||x|| = x / ||x|| for x != 0, and no gradient at x = 0."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient


def f(x):
    return np.linalg.norm(x)


def grad_f(x):
    # Chain rule through sqrt(x^T x): (1 / 2||x||) 2x
    return x / np.linalg.norm(x)


x = np.array([0.6, -1.3, 0.2])
assert check_gradient(f, grad_f, x) < 1e-8
np.testing.assert_allclose(np.linalg.norm(grad_f(x)), 1.0)  # a unit vector

# At 0 the slope along u and along -u are both +1: no linear function does that
u, h = np.array([1.0, 2.0, -2.0]) / 3, 1e-6
zero = np.zeros(3)
np.testing.assert_allclose((f(zero + h * u) - f(zero)) / h, 1.0)
np.testing.assert_allclose((f(zero - h * u) - f(zero)) / h, 1.0)
# --8<-- [end:body]
