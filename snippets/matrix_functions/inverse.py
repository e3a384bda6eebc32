"""d(A^{-1}) = -A^{-1} dA A^{-1}, and from it grad tr(A^{-1} B) = -A^{-T} B^T A^{-T}."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import check_differential

rng = np.random.default_rng(7)
n = 4
A = rng.standard_normal((n, n)) + n * np.eye(n)  # invertible, not symmetric
B = rng.standard_normal((n, n))  # not symmetric
dA = rng.standard_normal((n, n))

# Step 1: differentiate A A^{-1} = I: dA A^{-1} + A d(A^{-1}) = 0,
# so d(A^{-1}) = -A^{-1} dA A^{-1}, a matrix-valued differential
def d_inverse(A, dA):
    return -np.linalg.solve(A, dA) @ np.linalg.inv(A)


assert check_differential(np.linalg.inv, d_inverse, A, dA) < 1e-9


# The "scalar" answer -A^{-2} dA is wrong: matrices do not commute
def d_inverse_wrong(A, dA):
    return -np.linalg.matrix_power(np.linalg.inv(A), 2) @ dA


assert check_differential(np.linalg.inv, d_inverse_wrong, A, dA) > 1e-2


def f(A):
    return np.trace(np.linalg.solve(A, B))  # tr(A^{-1} B), no inverse formed


# Step 2: df = -tr(A^{-1} dA A^{-1} B) = -tr(A^{-1} B A^{-1} dA)  (cyclic)
def df(A, dA):
    return -np.trace(np.linalg.solve(A, B) @ np.linalg.solve(A, dA))


assert check_differential(f, df, A, dA) < 1e-9


# Step 3: read off G = -(A^{-1} B A^{-1})^T = -A^{-T} B^T A^{-T}, two solves
def grad_f(A):
    return -np.linalg.solve(A.T, np.linalg.solve(A, B).T)


assert check_gradient(f, grad_f, A) < 1e-8
Ainv = np.linalg.inv(A)
np.testing.assert_allclose(grad_f(A), -Ainv.T @ B.T @ Ainv.T, rtol=1e-10)

# Symmetric S and C (a covariance and a scatter matrix): -S^{-1} C S^{-1}
M = rng.standard_normal((n, n))
S = M @ M.T + n * np.eye(n)
C = B + B.T
assert check_gradient(
    lambda S: np.trace(np.linalg.solve(S, C)),
    lambda S: -np.linalg.solve(S, np.linalg.solve(S, C).T),  # S^{-1} C S^{-1}
    S,
) < 1e-8
# --8<-- [end:body]
