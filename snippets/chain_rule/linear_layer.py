"""torch.nn.Linear in row-major batched form: Y = X W^T + b, and its three gradients."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_gradient

rng = np.random.default_rng(23)
batch, n, m = 5, 4, 3
X = rng.standard_normal((batch, n))  # one example per row
W = rng.standard_normal((m, n))  # nn.Linear stores weight as out x in
b = rng.standard_normal(m)
T = rng.standard_normal((batch, m))  # targets


def forward(X, W, b):
    return X @ W.T + b  # B x m; b is broadcast over the batch


def loss(X, W, b):
    R = forward(X, W, b) - T
    return (R * R).sum() / 2


delta = forward(X, W, b) - T  # dL/dY, B x m
grad_W = delta.T @ X  # (m x B)(B x n) = m x n, shaped like W
grad_b = delta.sum(axis=0)  # m: the broadcast over the batch becomes a sum
grad_X = delta @ W  # (B x m)(m x n) = B x n, shaped like X
assert grad_W.shape == W.shape and grad_b.shape == b.shape
assert grad_X.shape == X.shape

assert check_gradient(lambda W: loss(X, W, b), lambda W: grad_W, W) < 1e-8
assert check_gradient(lambda b: loss(X, W, b), lambda b: grad_b, b) < 1e-8
assert check_gradient(lambda X: loss(X, W, b), lambda X: grad_X, X) < 1e-8

# PyTorch's own layer, in float64
layer = torch.nn.Linear(n, m, dtype=torch.float64)
with torch.no_grad():
    layer.weight.copy_(torch.tensor(W))
    layer.bias.copy_(torch.tensor(b))
X_t = torch.tensor(X, requires_grad=True)
((layer(X_t) - torch.tensor(T)) ** 2).sum().div(2).backward()
np.testing.assert_allclose(layer.weight.grad.numpy(), grad_W)
np.testing.assert_allclose(layer.bias.grad.numpy(), grad_b)
np.testing.assert_allclose(X_t.grad.numpy(), grad_X)
# --8<-- [end:body]
