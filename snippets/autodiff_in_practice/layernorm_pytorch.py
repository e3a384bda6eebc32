"""The backward of LayerNorm by autograd: PyTorch's own layer_norm."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
X0 = rng.standard_normal((3, 6))  # 3 rows (tokens), 6 features
gamma0, beta0 = rng.standard_normal(6), rng.standard_normal(6)
G = rng.standard_normal((3, 6))  # upstream gradient dL/dY
eps = 1e-5

X, gamma, beta = (torch.tensor(a, requires_grad=True) for a in (X0, gamma0, beta0))
Y = torch.nn.functional.layer_norm(X, (6,), gamma, beta, eps)
Y.backward(torch.tensor(G))  # a VJP seeded with dL/dY
grad_X, grad_gamma, grad_beta = X.grad.numpy(), gamma.grad.numpy(), beta.grad.numpy()
assert grad_X.shape == X0.shape and grad_gamma.shape == (6,)
# --8<-- [end:body]
