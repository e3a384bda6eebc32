"""PyTorch adds into .grad: a second backward() without zeroing doubles the gradient."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
X = torch.from_numpy(rng.standard_normal((8, 5)))
W = torch.tensor(rng.standard_normal((5, 3)), requires_grad=True)

(X @ W).square().mean().backward()
first = W.grad.clone()
(X @ W).square().mean().backward()  # a second step, .grad not cleared
torch.testing.assert_close(W.grad, 2 * first)  # accumulated, not replaced

W.grad = None  # what optimizer.zero_grad() does before each step
(X @ W).square().mean().backward()
torch.testing.assert_close(W.grad, first)
# --8<-- [end:body]
