"""Wrong: grad log|det A| = A^-1 for every A. Right: A^-T (A^-1 only when A is symmetric)."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
A = rng.standard_normal((4, 4)) + 4 * np.eye(4)  # invertible, not symmetric
logabsdet = lambda A: np.linalg.slogdet(A)[1]

wrong = lambda A: np.linalg.inv(A)
right = lambda A: np.linalg.inv(A).T
assert check_gradient(logabsdet, wrong, A) > 1e-2
assert check_gradient(logabsdet, right, A) < 1e-9

# For a symmetric positive definite Sigma the two agree: how the slip survives
Sigma = A @ A.T
assert check_gradient(logabsdet, wrong, Sigma) < 1e-8

# The same slip in det A: the gradient is det(A) A^-T, not det(A) A^-1
det = np.linalg.det
assert check_gradient(det, lambda A: det(A) * np.linalg.inv(A), A) > 1e-2
assert check_gradient(det, lambda A: det(A) * np.linalg.inv(A).T, A) < 1e-9
# --8<-- [end:body]
