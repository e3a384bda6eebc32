"""O6: the normal equations A^T A w = A^T b, solved stably, and ridge regression."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
A = rng.standard_normal((20, 3))
b = rng.standard_normal(20)
assert np.linalg.matrix_rank(A) == 3  # full column rank: A^T A is invertible

# Solve the system; never form inv(A^T A)
w_normal = np.linalg.solve(A.T @ A, A.T @ b)
# lstsq works on A itself (QR/SVD), avoiding the squared condition number
w_lstsq, *_ = np.linalg.lstsq(A, b, rcond=None)
np.testing.assert_allclose(w_normal, w_lstsq, rtol=1e-10)

# The gradient vanishes at the solution and the loss is larger elsewhere
grad_L = lambda w: 2 * A.T @ (A @ w - b)
assert np.linalg.norm(grad_L(w_lstsq)) < 1e-12
L = lambda w: np.sum((A @ w - b) ** 2)
nearby = w_lstsq + 0.1 * rng.standard_normal((20, 3))
assert all(L(w) > L(w_lstsq) for w in nearby)

# Ridge: L(w) + lam ||w||^2 has gradient 2 A^T (A w - b) + 2 lam w
lam = 0.5
ridge = lambda w: L(w) + lam * w @ w
grad_ridge = lambda w: grad_L(w) + 2 * lam * w
assert check_gradient(ridge, grad_ridge, rng.standard_normal(3)) < 1e-9
w_ridge = np.linalg.solve(A.T @ A + lam * np.eye(3), A.T @ b)
assert np.linalg.norm(grad_ridge(w_ridge)) < 1e-12
assert np.linalg.norm(w_ridge) < np.linalg.norm(w_lstsq)  # shrinkage
# --8<-- [end:body]
