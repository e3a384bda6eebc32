"""Without full column rank the normal equations have infinitely many solutions."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
A = rng.standard_normal((20, 3))
A = np.column_stack([A, A[:, 0] + A[:, 1]])  # a fourth, redundant feature
b = rng.standard_normal(20)
assert np.linalg.matrix_rank(A) == 3  # rank 3 < 4 columns

# A^T A is singular (to rounding): solve() would return noise or raise
assert np.linalg.cond(A.T @ A) > 1e12
# lstsq returns the minimum-norm minimiser; adding a null vector keeps the loss
w_min, *_ = np.linalg.lstsq(A, b, rcond=None)
null = np.array([1.0, 1.0, 0.0, -1.0])  # A @ null == 0
np.testing.assert_allclose(A @ null, 0, atol=1e-12)
L = lambda w: np.sum((A @ w - b) ** 2)
assert abs(L(w_min + 3 * null) - L(w_min)) < 1e-9
assert np.linalg.norm(w_min) < np.linalg.norm(w_min + 3 * null)
# Ridge restores a unique answer
w_ridge = np.linalg.solve(A.T @ A + 1e-3 * np.eye(4), A.T @ b)
np.testing.assert_allclose(w_ridge, w_min, atol=1e-3)
# --8<-- [end:body]
