"""Backprop: a chain of vector-Jacobian products, output to input, never a full Jacobian."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(22)
n, depth = 400, 3
Ws = [rng.standard_normal((n, n)) / np.sqrt(n) for _ in range(depth)]
x = rng.standard_normal(n)

# Forward: x_l = tanh(W_l x_(l-1)), loss = ||x_L||^2 / 2; keep every x_l
activations = [x]
for W in Ws:
    activations.append(np.tanh(W @ activations[-1]))
loss = activations[-1] @ activations[-1] / 2

# Backward: start from grad loss (shaped like x_L) and apply one VJP per layer,
# last layer first: delta <- J delta with J = W^T diag(1 - t^2), matrix-free
delta = activations[-1]
for W, t in zip(reversed(Ws), reversed(activations[1:])):
    delta = W.T @ (delta * (1 - t**2))  # n-vectors only
grad_vjp = delta

# The same gradient from full Jacobians, multiplied input to output
# n x n each: J_l = W_l^T diag(1 - t^2)
jacobians = [W.T @ np.diag(1 - t**2) for W, t in zip(Ws, activations[1:])]
product = jacobians[0]
for J in jacobians[1:]:
    product = product @ J  # n x n times n x n: n^3 multiplications each
grad_full = product @ activations[-1]
np.testing.assert_allclose(grad_vjp, grad_full, rtol=1e-10, atol=1e-12)

# Memory: the full route stores depth n x n matrices, the VJP route n-vectors
full_bytes = sum(J.nbytes for J in jacobians)
vjp_bytes = sum(t.nbytes for t in activations[1:]) + delta.nbytes
assert full_bytes == depth * n * n * 8  # 3.84 MB for n = 400
assert vjp_bytes == (depth + 1) * n * 8  # 12.8 KB
# Multiplications: (depth - 1) n^3 + n^2 for the products,
# depth (n^2 + n) for the VJPs
assert ((depth - 1) * n**3 + n**2) / (depth * (n**2 + n)) > 250

# PyTorch's backward() runs the same VJP chain
x_t = torch.tensor(x, requires_grad=True)
a = x_t
for W in Ws:
    a = torch.tanh(torch.tensor(W) @ a)
(a @ a / 2).backward()
np.testing.assert_allclose(x_t.grad.numpy(), grad_vjp, rtol=1e-10, atol=1e-12)
# --8<-- [end:body]
