"""Scalar-by-matrix chain rule: differentials give 2 A^T R B^T without a Kronecker Jacobian."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import check_differential

rng = np.random.default_rng(10)
m, p, q, n = 3, 4, 5, 2
A = rng.standard_normal((m, p))
B = rng.standard_normal((q, n))
C = rng.standard_normal((m, n))
X = rng.standard_normal((p, q))
dX = rng.standard_normal((p, q))


def L(X):
    R = A @ X @ B - C
    return np.sum(R * R)  # ||A X B - C||_F^2


# Chain of differentials: dR = A dX B, dL = 2 <R, dR> = 2 tr(R^T A dX B)
R = A @ X @ B - C
assert check_differential(
    L, lambda X, dX: 2 * np.sum(R * (A @ dX @ B)), X, dX
) < 1e-9

# Cycle: 2 tr(B R^T A dX) = tr((2 A^T R B^T)^T dX), so G = 2 A^T R B^T
G = 2 * A.T @ R @ B.T
assert check_gradient(L, lambda X: 2 * A.T @ (A @ X @ B - C) @ B.T, X) < 1e-9

# The same gradient through the vec/Kronecker Jacobian, as matrices of matrices
J = np.kron(B, A.T)  # Jacobian of vec X -> vec R, (p q) x (m n)
grad_vec = J @ (2 * R.reshape(-1, order="F"))  # chain rule: J_R times grad_R L
np.testing.assert_allclose(grad_vec.reshape((p, q), order="F"), G, rtol=1e-12)

# That detour costs (p q)(m n) numbers; for 1000 x 1000 matrices everywhere,
# 10^12 float64 entries = 8 TB, for a gradient of 10^6 numbers (8 MB)
side = 1000
assert (side * side) ** 2 * 8 == 8 * 10**12
assert side * side * 8 == 8 * 10**6
# --8<-- [end:body]
