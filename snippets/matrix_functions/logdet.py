"""d log|det A| = tr(A^{-1} dA) = <A^{-T}, dA>: the gradient is A^{-T}, or A^{-1} for symmetric A."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import check_differential

rng = np.random.default_rng(6)
n = 4
A = rng.standard_normal((n, n))  # not symmetric; det may be negative
dA = rng.standard_normal((n, n))


def logabsdet(A):
    return np.linalg.slogdet(A).logabsdet  # never log(det(A))


# Step 1: chain rule on Jacobi, d log|det A| = d det A / det A = tr(A^{-1} dA)
assert check_differential(
    logabsdet, lambda A, dA: np.trace(np.linalg.solve(A, dA)), A, dA
) < 1e-9

# Step 2: tr(A^{-1} dA) = tr((A^{-T})^T dA), so the gradient is A^{-T}
assert check_gradient(logabsdet, lambda A: np.linalg.inv(A).T, A) < 1e-8
# A^{-1} is wrong for a non-symmetric A
assert check_gradient(logabsdet, lambda A: np.linalg.inv(A), A) > 1e-2

# Symmetric positive definite S: A^{-T} = A^{-1}, the familiar form
M = rng.standard_normal((n, n))
S = M @ M.T + n * np.eye(n)
assert check_gradient(logabsdet, lambda S: np.linalg.inv(S), S) < 1e-8
# --8<-- [end:body]
