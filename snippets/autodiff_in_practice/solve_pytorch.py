"""The gradient through x = A^{-1} b in PyTorch: autograd of torch.linalg.solve against the formula."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
A0 = rng.standard_normal((4, 4)) + 4 * np.eye(4)  # well conditioned
b0 = rng.standard_normal(4)
t = rng.standard_normal(4)

A = torch.tensor(A0, requires_grad=True)
b = torch.tensor(b0, requires_grad=True)
x = torch.linalg.solve(A, b)
loss = 0.5 * ((x - torch.tensor(t)) ** 2).sum()
loss.backward()
grad_A, grad_b = A.grad.numpy(), b.grad.numpy()

# The implicit formulas, with x_bar = x - t
x_np = np.linalg.solve(A0, b0)
b_bar = np.linalg.solve(A0.T, x_np - t)
np.testing.assert_allclose(grad_b, b_bar, rtol=1e-12)
np.testing.assert_allclose(grad_A, -np.outer(b_bar, x_np), rtol=1e-12)
# --8<-- [end:body]
