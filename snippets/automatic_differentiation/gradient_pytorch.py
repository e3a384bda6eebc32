"""The gradient of a softmax cross-entropy loss with respect to W: PyTorch."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
X = rng.standard_normal((8, 5))  # 8 inputs, one per row
Y = np.eye(3)[rng.integers(0, 3, size=8)]  # one-hot labels
W0 = rng.standard_normal((5, 3))
b0 = rng.standard_normal(3)

W = torch.tensor(W0, requires_grad=True)  # float64, as W0
b = torch.tensor(b0, requires_grad=True)
Z = torch.from_numpy(X) @ W + b
loss = torch.nn.functional.cross_entropy(Z, torch.from_numpy(Y))
loss.backward()  # reverse mode, seeded with dloss/dloss = 1

grad_W = W.grad.numpy()
assert grad_W.shape == W0.shape
# --8<-- [end:body]
