"""Exercise: log det A = 2 sum log L_ii, and its gradient A^-1 from the Cholesky backward."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(10)
n = 5
M = rng.standard_normal((n, n))
A = M @ M.T / n + np.eye(n)
L = np.linalg.cholesky(A)

L_bar = np.diag(2 / np.diag(L))  # d/dL of 2 sum log L_ii
P = L.T @ L_bar  # upper triangular, diagonal 2
phi_P = np.tril(P) - np.diag(np.diag(P)) / 2
np.testing.assert_allclose(phi_P, np.eye(n), atol=1e-12)  # so S = L^-T L^-1 = A^-1
S = np.linalg.solve(L.T, np.linalg.solve(L.T, phi_P.T).T)
np.testing.assert_allclose(S, np.linalg.inv(A), rtol=1e-10)

logdet = lambda A: 2 * np.log(np.diag(np.linalg.cholesky(A))).sum()
assert check_gradient(logdet, lambda A: S, A, structure="symmetric") < 1e-8
# --8<-- [end:body]
