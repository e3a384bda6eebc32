"""Sigma-hat has rank at most N - 1: it is positive definite only when N > d."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
d = 4
for N in (2, 3, 4, 5, 8):
    X = rng.standard_normal((N, d))
    R = X - X.mean(axis=0)
    Sigma_hat = R.T @ R / N
    rank = np.linalg.matrix_rank(Sigma_hat)
    assert rank == min(N - 1, d)
    positive_definite = np.linalg.eigvalsh(Sigma_hat).min() > 1e-12
    assert positive_definite == (N > d)
# At N <= d, log det Sigma_hat = -inf: the likelihood is unbounded
X = rng.standard_normal((d, d))
R = X - X.mean(axis=0)
sign, logdet = np.linalg.slogdet(R.T @ R / d)
# exact: sign is -1, 0 or 1; rounding decides between an exact 0 and a tiny det
assert sign == 0 or logdet < -25
# --8<-- [end:body]
