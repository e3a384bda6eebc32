"""PCA from the Lagrangian: C w = lambda w, the top eigenvector, compared with an SVD."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
N = 500
mix = np.array([[3.0, 1.0, 0.0], [0.0, 1.0, 0.5], [0.0, 0.0, 0.3]])
X = rng.standard_normal((N, 3)) @ mix  # correlated features
Xc = X - X.mean(axis=0)
C = Xc.T @ Xc / N  # covariance, symmetric PSD

# grad (w^T C w) = 2 C w; grad (w^T w - 1) = 2 w
w0 = rng.standard_normal(3)
assert check_gradient(lambda w: w @ C @ w, lambda w: 2 * C @ w, w0) < 1e-9

lams, V = np.linalg.eigh(C)  # ascending eigenvalues
lam_max, w = lams[-1], V[:, -1]
# Stationary point of the Lagrangian: 2 C w - 2 lambda w = 0
np.testing.assert_allclose(2 * C @ w - 2 * lam_max * w, 0, atol=1e-12)
# The variance captured by the projection is lambda_max
np.testing.assert_allclose(np.var(Xc @ w), lam_max, rtol=1e-12)
# No unit direction captures more
U = rng.standard_normal((1000, 3))
U /= np.linalg.norm(U, axis=1, keepdims=True)
assert np.all(np.einsum("ki,ij,kj->k", U, C, U) <= lam_max + 1e-12)

# The SVD of the centred data: the same direction (up to sign), sigma_1^2 / N
_, s, Vt = np.linalg.svd(Xc, full_matrices=False)
np.testing.assert_allclose(abs(Vt[0] @ w), 1.0, rtol=1e-12)
np.testing.assert_allclose(s[0] ** 2 / N, lam_max, rtol=1e-12)
# --8<-- [end:body]
