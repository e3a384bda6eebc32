"""What loss.backward() computes for one linear layer, from three identities."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
W = rng.standard_normal((3, 4))
x = rng.standard_normal(4)
target = rng.standard_normal(3)

# Autograd
W_t = torch.tensor(W, requires_grad=True)
x_t = torch.tensor(x, requires_grad=True)
loss = ((W_t @ x_t - torch.tensor(target)) ** 2).sum()
loss.backward()

# By hand: r = Wx - t, L = r^T r
r = W @ x - target
grad_r = 2 * r  # gradient of a squared norm
grad_W = np.outer(grad_r, x)  # gradient of u^T W x with respect to W
grad_x = W.T @ grad_r  # Jacobian of Wx is W^T (denominator layout)

np.testing.assert_allclose(W_t.grad.numpy(), grad_W, rtol=1e-12)
np.testing.assert_allclose(x_t.grad.numpy(), grad_x, rtol=1e-12)
# --8<-- [end:body]
