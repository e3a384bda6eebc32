"""In denominator layout the gradient has the shape of x, so the update x - lr * grad type-checks."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(1)
n = 4
a = rng.standard_normal(n)
x = rng.standard_normal(n)


def f(x):
    return a @ x  # f(x) = a^T x, a scalar


def grad_f(x):
    return a  # shape (n,), like x


assert grad_f(x).shape == x.shape
assert check_gradient(f, grad_f, x) < 1e-8

lr = 0.1
x_new = x - lr * grad_f(x)  # same shapes on both sides
assert x_new.shape == x.shape
# One small step downhill lowers f, as the gradient promises
assert f(x_new) < f(x)
# --8<-- [end:body]
