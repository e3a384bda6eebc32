"""Comparing a denominator-layout Jacobian with torch's jacobian() needs one transpose."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_jacobian

torch.manual_seed(0)
A = torch.randn(2, 3, dtype=torch.float64)  # f: R^3 -> R^2
x = torch.randn(3, dtype=torch.float64)


def f(x):
    return torch.tanh(A @ x)


J_torch = torch.autograd.functional.jacobian(f, x)  # output x input: 2 x 3
assert J_torch.shape == (2, 3)

# Ours is input x output: J[i, j] = d f_j / d x_i, so J = J_torch^T
A_np, x_np = A.numpy(), x.numpy()
f_np = lambda x: np.tanh(A_np @ x)
J_ours = lambda x: A_np.T * (1 - np.tanh(A_np @ x) ** 2)
np.testing.assert_allclose(J_ours(x_np), J_torch.numpy().T, rtol=1e-12)
assert check_jacobian(f_np, J_ours, x_np) < 1e-9

# .grad of a scalar is shaped like the parameter in every convention
x_leaf = x.clone().requires_grad_()
f(x_leaf).sum().backward()
grad_x = J_ours(x_np) @ np.ones(2)  # the gradient of sum(f) is J times ones
np.testing.assert_allclose(x_leaf.grad.numpy(), grad_x, rtol=1e-12)
# --8<-- [end:body]
