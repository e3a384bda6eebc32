"""G5: the estimators zero both gradients; Sigma-hat is np.cov with bias=True."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
d, N = 3, 50
X = rng.multivariate_normal(np.zeros(d), np.diag([1.0, 2.0, 3.0]), size=N)

mu_hat = X.mean(axis=0)  # (1/N) sum_i x_i
R = X - mu_hat
Sigma_hat = R.T @ R / N  # (1/N) sum_i r_i r_i^T

Si = np.linalg.inv(Sigma_hat)
grad_mu = Si @ R.sum(axis=0)
grad_Sigma = -0.5 * N * Si + 0.5 * Si @ (R.T @ R) @ Si
assert np.linalg.norm(grad_mu) < 1e-10
assert np.linalg.norm(grad_Sigma) < 1e-10 * N

np.testing.assert_allclose(Sigma_hat, np.cov(X.T, bias=True), rtol=1e-12)
np.testing.assert_allclose(R.T @ R / (N - 1), np.cov(X.T), rtol=1e-12)  # unbiased
# --8<-- [end:body]
