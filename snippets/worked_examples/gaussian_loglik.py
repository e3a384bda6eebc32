"""The Gaussian log-likelihood, computed stably and compared with PyTorch."""
# --8<-- [start:body]
import numpy as np
import torch


def log_likelihood(mu, Sigma, X):
    """l(mu, Sigma) for the rows of X, with slogdet and solve, never det or inv."""
    N, d = X.shape
    sign, logdet = np.linalg.slogdet(Sigma)
    assert sign > 0, "Sigma must be positive definite"
    R = X - mu  # residuals x_i - mu, one per row
    quad = np.sum(R * np.linalg.solve(Sigma, R.T).T)  # sum_i r_i^T Sigma^-1 r_i
    return -0.5 * N * d * np.log(2 * np.pi) - 0.5 * N * logdet - 0.5 * quad


rng = np.random.default_rng(0)
d, N = 3, 50
M = rng.standard_normal((d, d))
Sigma = M @ M.T + d * np.eye(d)  # symmetric positive definite
mu = rng.standard_normal(d)
X = rng.multivariate_normal(mu, Sigma, size=N)

reference = torch.distributions.MultivariateNormal(
    torch.tensor(mu), covariance_matrix=torch.tensor(Sigma)
).log_prob(torch.tensor(X)).sum()
ours = log_likelihood(mu, Sigma, X)
np.testing.assert_allclose(ours, reference.item(), rtol=1e-12)
# --8<-- [end:body]
