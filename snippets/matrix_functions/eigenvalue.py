"""d lambda = v^T dA v for a simple eigenvalue of a symmetric A with unit eigenvector v."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import check_differential

rng = np.random.default_rng(8)
n = 5
M = rng.standard_normal((n, n))
A = (M + M.T) / 2  # symmetric, eigenvalues distinct (simple)
E = rng.standard_normal((n, n))
dA = (E + E.T) / 2  # a symmetric perturbation keeps A symmetric

lam, V = np.linalg.eigh(A)  # ascending; columns of V are unit eigenvectors
assert np.min(np.diff(lam)) > 1e-3


def top(A):
    return np.linalg.eigvalsh(A)[-1]


v = V[:, -1]
assert np.isclose(v @ v, 1.0)

# Differentiate A v = lam v, multiply by v^T:
# v^T dA v + lam v^T dv = dlam + lam v^T dv, so dlam = v^T dA v
assert check_differential(top, lambda A, dA: v @ dA @ v, A, dA) < 1e-8

# Every simple eigenvalue: d lam_i = v_i^T dA v_i = <v_i v_i^T, dA>,
# so the gradient of lam_i is v_i v_i^T
for i in range(n):
    vi = V[:, i]
    assert check_differential(
        lambda A: np.linalg.eigvalsh(A)[i], lambda A, dA: vi @ dA @ vi, A, dA
    ) < 1e-8


# As a function of any square A, through its symmetric part: gradient v v^T
def top_of_sym(A):
    return np.linalg.eigvalsh((A + A.T) / 2)[-1]


A_general = A + (E - E.T) / 2  # not symmetric; its symmetric part is A
assert check_gradient(top_of_sym, lambda A: np.outer(v, v), A_general) < 1e-8
# --8<-- [end:body]
