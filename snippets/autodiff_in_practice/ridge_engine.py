"""Hypergradient of ridge regression: the adjoint method against unrolled gradient descent (engine)."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.ad import Tensor, grad

rng = np.random.default_rng(0)
X, y = rng.standard_normal((20, 5)), rng.standard_normal(20)  # training set
X_val, y_val = rng.standard_normal((10, 5)), rng.standard_normal(10)  # validation set
lam0 = 0.7


def w_star(lam):
    return np.linalg.solve(X.T @ X + lam * np.eye(5), X.T @ y)


def val_loss(w):
    return 0.5 * np.sum((X_val @ w - y_val) ** 2)


# Adjoint method: one solve for w*, one more for the adjoint v (J_w v = grad_w L)
w = w_star(lam0)
H = X.T @ X + lam0 * np.eye(5)  # Jacobian of the stationarity condition in w
v = np.linalg.solve(H, X_val.T @ (X_val @ w - y_val))
dL_dlam = -w @ v  # -J_lam v, and J_lam = w^T

# Unrolled: K steps of gradient descent from 0, differentiated by the engine
lr = 1 / (np.linalg.norm(X, 2) ** 2 + lam0)  # 1 / (largest curvature)


def unrolled(lam, K):
    w = Tensor(np.zeros(5), requires_grad=False)
    for _ in range(K):
        w = w - lr * (X.T @ (X @ w - y) + lam * w)
    r = X_val @ w - y_val
    return (r * r).sum() * 0.5


dL_dlam_unrolled = grad(lambda lam: unrolled(lam, 200), np.array(lam0))
err = {K: abs(grad(lambda lam: unrolled(lam, K), np.array(lam0)) - dL_dlam) for K in (5, 50, 200)}
assert err[5] > err[50] > err[200] and err[200] < 1e-10 * abs(dL_dlam)

# Finite differences of the exact solution agree with the adjoint
assert check_gradient(lambda lam: val_loss(w_star(lam[0])), lambda lam: [dL_dlam],
                      np.array([lam0])) < 1e-8
# --8<-- [end:body]
