"""tr(A^T B) -> B and tr(AB) -> B^T, derived with differentials."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import check_differential

rng = np.random.default_rng(2)
m, n = 3, 5
A = rng.standard_normal((m, n))
dA = rng.standard_normal((m, n))

# tr(A^T B), B shaped like A: d tr(A^T B) = tr(dA^T B) = tr(B^T dA), so G = B
B1 = rng.standard_normal((m, n))
assert check_differential(
    lambda A: np.trace(A.T @ B1), lambda A, dA: np.trace(B1.T @ dA), A, dA
) < 1e-9
assert check_gradient(lambda A: np.trace(A.T @ B1), lambda A: B1, A) < 1e-9

# tr(A B), B of shape n x m: d tr(AB) = tr(dA B) = tr(B dA) = tr((B^T)^T dA),
# so G = B^T
B2 = rng.standard_normal((n, m))
assert check_differential(
    lambda A: np.trace(A @ B2), lambda A, dA: np.trace(B2 @ dA), A, dA
) < 1e-9
assert check_gradient(lambda A: np.trace(A @ B2), lambda A: B2.T, A) < 1e-9
# --8<-- [end:body]
