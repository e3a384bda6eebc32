"""The same layer batched and row-major, as torch.nn.Linear stores it, against autograd."""
# --8<-- [start:body]
import numpy as np
import torch

torch.manual_seed(0)
batch, n, m = 8, 4, 3
layer = torch.nn.Linear(n, m, dtype=torch.float64)  # weight m x n, bias m
X = torch.randn(batch, n, dtype=torch.float64)  # one example per ROW
T = torch.randn(batch, m, dtype=torch.float64)

Y = torch.sigmoid(layer(X))  # Y = sigma(X W^T + b), batch x m
loss = 0.5 * ((Y - T) ** 2).sum()
loss.backward()

# By hand, NumPy, row-major: each line is B1-B4 summed over the rows
W, b = layer.weight.detach().numpy(), layer.bias.detach().numpy()
Xn, Tn = X.numpy(), T.numpy()
Z = Xn @ W.T + b
Yn = 1 / (1 + np.exp(-Z))
grad_Z = (Yn - Tn) * Yn * (1 - Yn)  # B1, batch x m
grad_W = grad_Z.T @ Xn  # B2: sum_k grad_z_k x_k^T, m x n like W
grad_b = grad_Z.sum(axis=0)  # B3
grad_X = grad_Z @ W  # B4 per row: (W^T grad_z)^T = grad_z^T W

np.testing.assert_allclose(grad_W, layer.weight.grad.numpy(), rtol=1e-12)
np.testing.assert_allclose(grad_b, layer.bias.grad.numpy(), rtol=1e-12)
X.requires_grad_()
(0.5 * ((torch.sigmoid(layer(X)) - T) ** 2).sum()).backward()
np.testing.assert_allclose(grad_X, X.grad.numpy(), rtol=1e-12)
# The batched grad_W is the sum of the per-example outer products
per_example = sum(np.outer(grad_Z[k], Xn[k]) for k in range(batch))
np.testing.assert_allclose(grad_W, per_example, rtol=1e-12)
# --8<-- [end:body]
