"""K2, K3: sigma_1 = max ||A x|| over unit x; A^T A v = sigma^2 v; u = A v / sigma."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
A = rng.standard_normal((5, 3))

# The Lagrangian ||A x||^2 - lambda (x^T x - 1) has gradient 2 A^T A x - 2 lambda x
assert check_gradient(lambda x: np.sum((A @ x) ** 2), lambda x: 2 * A.T @ A @ x,
                      rng.standard_normal(3)) < 1e-9
# Its stationary points are eigenvectors of A^T A, with lambda = sigma^2
lams, V = np.linalg.eigh(A.T @ A)
sigma, v = np.sqrt(lams[-1]), V[:, -1]
np.testing.assert_allclose(A.T @ A @ v, sigma**2 * v, atol=1e-12)
u = A @ v / sigma
np.testing.assert_allclose(np.linalg.norm(u), 1.0, rtol=1e-12)

# Against the SVD (singular vectors are defined up to a common sign)
U_svd, s, Vt = np.linalg.svd(A, full_matrices=False)
np.testing.assert_allclose(sigma, s[0], rtol=1e-12)
sign = np.sign(Vt[0] @ v)
np.testing.assert_allclose(sign * v, Vt[0], atol=1e-12)
np.testing.assert_allclose(sign * u, U_svd[:, 0], atol=1e-12)
# sigma_1 is the maximum of ||A x|| on the unit sphere
X = rng.standard_normal((2000, 3))
X /= np.linalg.norm(X, axis=1, keepdims=True)
assert np.max(np.linalg.norm(X @ A.T, axis=1)) <= s[0] + 1e-12
np.testing.assert_allclose(np.linalg.norm(A @ v), s[0], rtol=1e-12)
# --8<-- [end:body]
