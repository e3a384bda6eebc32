"""Jacobi's formula d det A = det(A) tr(A^{-1} dA) = tr(adj(A) dA), and grad det = adj(A)^T."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import adjugate, check_differential

rng = np.random.default_rng(4)
n = 4
A = rng.standard_normal((n, n))  # invertible and not symmetric
dA = rng.standard_normal((n, n))


# Jacobi's formula, both forms; A^{-1} dA is a solve, not inv(A) @ dA
def d_det(A, dA):
    return np.linalg.det(A) * np.trace(np.linalg.solve(A, dA))


assert check_differential(np.linalg.det, d_det, A, dA) < 1e-9
assert check_differential(
    np.linalg.det, lambda A, dA: np.trace(adjugate(A) @ dA), A, dA
) < 1e-9

# tr(adj(A) dA) = tr((adj(A)^T)^T dA): the gradient is adj(A)^T, the cofactors
assert check_gradient(np.linalg.det, lambda A: adjugate(A).T, A) < 1e-9

# For invertible A, adj(A) = det(A) A^{-1}, so the gradient is det(A) A^{-T}
np.testing.assert_allclose(
    adjugate(A), np.linalg.det(A) * np.linalg.inv(A), rtol=1e-10
)
# --8<-- [end:body]
