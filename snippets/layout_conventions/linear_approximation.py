"""The first-order model f(x + dx) ~ f(x) + J^T dx, with J the n x m denominator Jacobian."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(2)
n, m = 3, 2
W = rng.standard_normal((m, n))


def f(x):
    return np.tanh(W @ x)  # f: R^3 -> R^2


def jacobian_denominator(x):
    # d f_j / d x_i = (1 - tanh(z_j)^2) W[j, i], arranged n x m
    return W.T * (1 - np.tanh(W @ x) ** 2)


x = rng.standard_normal(n)
J = jacobian_denominator(x)
assert J.shape == (n, m)

for size in (1e-2, 1e-3):
    dx = size * rng.standard_normal(n)
    first_order = f(x) + J.T @ dx  # the transpose comes from the layout
    # The error of a first-order model shrinks like |dx|^2
    assert np.linalg.norm(f(x + dx) - first_order) < 10 * size**2
# --8<-- [end:body]
