"""The gradient of a softmax cross-entropy loss with respect to W: matcalc.ad."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import Tensor, logsumexp

rng = np.random.default_rng(0)
X = rng.standard_normal((8, 5))  # 8 inputs, one per row
Y = np.eye(3)[rng.integers(0, 3, size=8)]  # one-hot labels
W0 = rng.standard_normal((5, 3))
b0 = rng.standard_normal(3)

W, b = Tensor(W0), Tensor(b0)
Z = X @ W + b
loss = (logsumexp(Z, axis=1) - (Z * Y).sum(axis=1)).mean()
loss.backward()  # reverse mode, seeded with dloss/dloss = 1

grad_W = W.grad
assert grad_W.shape == W0.shape
# --8<-- [end:body]
