"""Exercise: with a square W the shapes agree, so only the values expose v u^T."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(6)
n = 3
u, v = rng.standard_normal(n), rng.standard_normal(n)
W = rng.standard_normal((n, n))


def f(W):
    return u @ W @ v


assert check_gradient(f, lambda W: np.outer(u, v), W) < 1e-8
# Same shape, wrong values: the relative error is of order one
assert check_gradient(f, lambda W: np.outer(v, u), W) > 1e-2
# --8<-- [end:body]
