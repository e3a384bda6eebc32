"""PyTorch's mixed layout: .grad is shaped like the parameter, jacobian() is output x input."""
# --8<-- [start:body]
import numpy as np
import torch

torch.manual_seed(0)
m, n = 2, 3
A = torch.randn(m, n, dtype=torch.float64)
x = torch.randn(n, dtype=torch.float64, requires_grad=True)

# A scalar loss: .grad has the shape of x, like a denominator-layout gradient
loss = (A @ x).sum()
loss.backward()
assert x.grad.shape == x.shape
np.testing.assert_allclose(x.grad, A.T @ torch.ones(m, dtype=torch.float64))

# A vector function: jacobian() returns output x input, the numerator layout
J_torch = torch.autograd.functional.jacobian(lambda x: A @ x, x.detach())
assert J_torch.shape == (m, n)
np.testing.assert_allclose(J_torch, A)  # numerator layout: A, not A^T
# --8<-- [end:body]
