"""The 1/N estimator is biased by (N - 1)/N; 1/(N - 1) is not. A seeded simulation."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
d, N, trials = 2, 5, 40_000
Sigma = np.array([[2.0, 0.6], [0.6, 1.0]])
L = np.linalg.cholesky(Sigma)

# trials independent samples of size N
X = rng.standard_normal((trials, N, d)) @ L.T
R = X - X.mean(axis=1, keepdims=True)
scatter = np.einsum("tni,tnj->tij", R, R)
mean_mle = (scatter / N).mean(axis=0)
mean_unbiased = (scatter / (N - 1)).mean(axis=0)

# E[Sigma_hat] = (N - 1)/N Sigma = 0.8 Sigma at N = 5
np.testing.assert_allclose(mean_mle, (N - 1) / N * Sigma, atol=0.03)
np.testing.assert_allclose(mean_unbiased, Sigma, atol=0.035)
assert np.all(np.diag(mean_mle) < 0.9 * np.diag(Sigma))  # visibly too small
# --8<-- [end:body]
