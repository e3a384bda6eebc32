"""Hypergradient of ridge regression in PyTorch: autograd through the solve, and through K steps."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
X, y = rng.standard_normal((20, 5)), rng.standard_normal(20)  # training set
X_val, y_val = rng.standard_normal((10, 5)), rng.standard_normal(10)  # validation set
lam0 = 0.7
X, y, X_val, y_val = (torch.tensor(a) for a in (X, y, X_val, y_val))
I = torch.eye(5, dtype=torch.float64)


def val_loss(w):
    return 0.5 * ((X_val @ w - y_val) ** 2).sum()


# Through the exact solve: solve's VJP is the implicit one, so this is the adjoint method
lam = torch.tensor(lam0, dtype=torch.float64, requires_grad=True)
w = torch.linalg.solve(X.T @ X + lam * I, X.T @ y)
(dL_dlam,) = torch.autograd.grad(val_loss(w), lam)
dL_dlam = dL_dlam.numpy()

# Unrolled: autograd records all K steps of gradient descent
lr = 1 / (torch.linalg.matrix_norm(X, 2) ** 2 + lam0)
w = torch.zeros(5, dtype=torch.float64)
for _ in range(200):
    w = w - lr * (X.T @ (X @ w - y) + lam * w)
(dL_dlam_unrolled,) = torch.autograd.grad(val_loss(w), lam)
dL_dlam_unrolled = dL_dlam_unrolled.numpy()

# The adjoint formula -w*^T H^{-1} grad_w L, written out
w_s = torch.linalg.solve(X.T @ X + lam0 * I, X.T @ y)
v = torch.linalg.solve(X.T @ X + lam0 * I, X_val.T @ (X_val @ w_s - y_val))
np.testing.assert_allclose(dL_dlam, -(w_s @ v).numpy(), rtol=1e-12)
np.testing.assert_allclose(dL_dlam_unrolled, dL_dlam, rtol=1e-10)
# --8<-- [end:body]
