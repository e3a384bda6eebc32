"""Backprop through y = sigma(W x + b): B1-B4 checked one by one, and B5's W^T."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_jacobian

rng = np.random.default_rng(0)
m, n = 3, 4
W, b = rng.standard_normal((m, n)), rng.standard_normal(m)
x, t = rng.standard_normal(n), rng.standard_normal(m)
sigma = lambda z: 1 / (1 + np.exp(-z))


def loss(W, b, x):
    y = sigma(W @ x + b)
    return 0.5 * np.sum((y - t) ** 2)


# Forward, then the three lines of the backward pass
z = W @ x + b
y = sigma(z)
delta = y - t  # upstream gradient dL/dy
grad_z = delta * y * (1 - y)  # B1: delta * sigma'(z)
grad_W = np.outer(grad_z, x)  # B2: (dL/dz) x^T, m x n like W
grad_b = grad_z  # B3
grad_x = W.T @ grad_z  # B4: W^T (dL/dz)

loss_of_z = lambda z: 0.5 * np.sum((sigma(z) - t) ** 2)
assert check_gradient(loss_of_z, lambda _: grad_z, z) < 1e-9
assert check_gradient(lambda W: loss(W, b, x), lambda _: grad_W, W) < 1e-9
assert check_gradient(lambda b: loss(W, b, x), lambda _: grad_b, b) < 1e-9
assert check_gradient(lambda x: loss(W, b, x), lambda _: grad_x, x) < 1e-9
# B5: the Jacobian of z = W x is W^T (n x m) in denominator layout
assert check_jacobian(lambda x: W @ x + b, lambda _: W.T, x) < 1e-9
# --8<-- [end:body]
