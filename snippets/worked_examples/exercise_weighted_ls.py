"""Exercise: weighted least squares and its normal equations."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(4)
A = rng.standard_normal((15, 3))
b = rng.standard_normal(15)
d = rng.uniform(0.5, 2.0, size=15)  # positive weights, D = diag(d)

L = lambda w: (A @ w - b) @ (d * (A @ w - b))
grad_L = lambda w: 2 * A.T @ (d * (A @ w - b))  # 2 A^T D (A w - b)
assert check_gradient(L, grad_L, rng.standard_normal(3)) < 1e-9

w = np.linalg.solve(A.T @ (d[:, None] * A), A.T @ (d * b))  # A^T D A w = A^T D b
assert np.linalg.norm(grad_L(w)) < 1e-12
# Same as ordinary least squares on rows scaled by sqrt(d)
w_ols, *_ = np.linalg.lstsq(np.sqrt(d)[:, None] * A, np.sqrt(d) * b, rcond=None)
np.testing.assert_allclose(w, w_ols, rtol=1e-10)
# --8<-- [end:body]
