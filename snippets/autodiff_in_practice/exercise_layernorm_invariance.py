"""Exercise: LayerNorm's input gradient sums to zero per row, and is orthogonal to x_hat when eps = 0."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(2)
X0 = rng.standard_normal((3, 6))
G = rng.standard_normal((3, 6))
for eps in (0.0, 0.5):
    X = torch.tensor(X0, requires_grad=True)
    torch.nn.functional.layer_norm(X, (6,), eps=eps).backward(torch.tensor(G))
    grad_X = X.grad.numpy()
    var = X0.var(axis=1, keepdims=True)
    X_hat = (X0 - X0.mean(axis=1, keepdims=True)) / np.sqrt(var + eps)
    # Shifting a row changes no output: the gradient has no component along 1
    np.testing.assert_allclose(grad_X.sum(axis=1), 0.0, atol=1e-13)
    # Scaling a row about its mean: invariant only when eps = 0
    along = (grad_X * X_hat).sum(axis=1)
    expected = (G * X_hat).sum(axis=1) / np.sqrt(var[:, 0] + eps) * eps / (var[:, 0] + eps)
    np.testing.assert_allclose(along, expected, atol=1e-13)
# --8<-- [end:body]
