"""A shape check catches a layout slip before any number is compared."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(4)
m, n = 3, 2
u, v = rng.standard_normal(m), rng.standard_normal(n)
W = rng.standard_normal((m, n))


def f(W):
    return u @ W @ v  # a scalar function of an m x n matrix


def grad_right(W):
    return np.outer(u, v)  # u v^T: m x n, the shape of W


def grad_transposed(W):
    return np.outer(v, u)  # v u^T: n x m, the numerator-layout slip


assert check_gradient(f, grad_right, W) < 1e-8
try:
    check_gradient(f, grad_transposed, W)
except ValueError as err:
    message = str(err)
else:
    raise AssertionError("a gradient of the wrong shape must be refused")
assert "(2, 3)" in message and "(3, 2)" in message  # both shapes are named
# --8<-- [end:body]
