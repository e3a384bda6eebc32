"""The MLE gradients: G1, G2 and the gradients in mu (G3) and Sigma (G4), checked."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
d, N = 3, 50
M = rng.standard_normal((d, d))
Sigma = M @ M.T + d * np.eye(d)  # symmetric positive definite
mu = rng.standard_normal(d)
X = rng.multivariate_normal(np.zeros(d), np.eye(d), size=N)


def ell(mu, Sigma):
    sign, logdet = np.linalg.slogdet(Sigma)
    assert sign > 0, "Sigma must be positive definite"
    R = X - mu
    quad = np.sum(R * np.linalg.solve(Sigma, R.T).T)
    return -0.5 * N * d * np.log(2 * np.pi) - 0.5 * N * logdet - 0.5 * quad


def scatter(mu):
    R = X - mu
    return R.T @ R  # S = sum_i (x_i - mu)(x_i - mu)^T


Si = np.linalg.inv(Sigma)  # fine for a printed identity; solve() in the loss
B = scatter(mu)
# G1: d log det Sigma / d Sigma = Sigma^-1 (at a symmetric Sigma)
logdet = lambda S: np.linalg.slogdet(S)[1]
assert check_gradient(logdet, np.linalg.inv, Sigma) < 1e-8
# G2: d tr(Sigma^-1 B) / d Sigma = -Sigma^-1 B Sigma^-1 (B and Sigma symmetric)
tr_inv = lambda S: np.trace(np.linalg.solve(S, B))
grad_tr_inv = lambda S: -np.linalg.inv(S) @ B @ np.linalg.inv(S)
assert check_gradient(tr_inv, grad_tr_inv, Sigma) < 1e-8

# G3: grad_mu l = Sigma^-1 sum_i (x_i - mu)
grad_mu = lambda mu: Si @ np.sum(X - mu, axis=0)
assert check_gradient(lambda m: ell(m, Sigma), grad_mu, mu) < 1e-8
# G4: grad_Sigma l = -(N/2) Sigma^-1 + (1/2) Sigma^-1 S Sigma^-1
grad_Sigma = lambda S: (-0.5 * N * np.linalg.inv(S)
                        + 0.5 * np.linalg.inv(S) @ scatter(mu) @ np.linalg.inv(S))
assert check_gradient(lambda S: ell(mu, S), grad_Sigma, Sigma) < 1e-8
# --8<-- [end:body]
