"""Broadcasting in the forward pass is a sum in the backward pass."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_gradient


def unbroadcast(grad, shape):
    """Sum grad down to shape: over added leading axes and axes of size 1."""
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1:
            grad = grad.sum(axis=axis, keepdims=True)
    return grad


rng = np.random.default_rng(25)
batch, n = 6, 4
X = rng.standard_normal((batch, n))
gamma = rng.standard_normal(n)  # per feature: broadcast over rows
s = rng.standard_normal((batch, 1))  # per example: broadcast over columns
c = np.array(0.3)  # a scalar: broadcast everywhere
G = rng.standard_normal((batch, n))


def loss(gamma, s, c):
    Y = X * gamma * s + c  # B x n
    return (G * Y).sum()  # dL/dY = G


dY = G
grad_gamma = unbroadcast(dY * X * s, gamma.shape)  # sum over the batch
grad_s = unbroadcast(dY * X * gamma, s.shape)  # sum over the features
grad_c = unbroadcast(dY, c.shape)  # sum over everything
assert grad_gamma.shape == (n,) and grad_s.shape == (batch, 1)
assert grad_c.shape == ()

assert check_gradient(lambda v: loss(v, s, c), lambda v: grad_gamma, gamma) < 1e-8
assert check_gradient(lambda v: loss(gamma, v, c), lambda v: grad_s, s) < 1e-8
assert check_gradient(lambda v: loss(gamma, s, v), lambda v: grad_c, c) < 1e-8

# PyTorch does the same reduction inside backward()
g_t, s_t, c_t = (torch.tensor(a, requires_grad=True) for a in (gamma, s, c))
(torch.tensor(G) * (torch.tensor(X) * g_t * s_t + c_t)).sum().backward()
for t, ours in ((g_t, grad_gamma), (s_t, grad_s), (c_t, grad_c)):
    np.testing.assert_allclose(t.grad.numpy(), ours)
# --8<-- [end:body]
