"""Exercise: a mean over the batch divides every gradient by the batch size."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(28)
batch, n, m = 6, 3, 2
X = rng.standard_normal((batch, n))
W = rng.standard_normal((m, n))
b = rng.standard_normal(m)
T = rng.standard_normal((batch, m))

# L = mean of (Y - T)^2 over all B x m entries, as nn.MSELoss() by default
Y = X @ W.T + b
delta = 2 * (Y - T) / (batch * m)
grad_W, grad_b = delta.T @ X, delta.sum(axis=0)

layer = torch.nn.Linear(n, m, dtype=torch.float64)
with torch.no_grad():
    layer.weight.copy_(torch.tensor(W))
    layer.bias.copy_(torch.tensor(b))
torch.nn.MSELoss()(layer(torch.tensor(X)), torch.tensor(T)).backward()
np.testing.assert_allclose(layer.weight.grad.numpy(), grad_W)
np.testing.assert_allclose(layer.bias.grad.numpy(), grad_b)
# --8<-- [end:body]
