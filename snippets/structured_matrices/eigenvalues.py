"""d lambda_i = v_i^T dA v_i for a simple eigenvalue of a symmetric A, checked for each i."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(2)
n = 5
M = rng.standard_normal((n, n))
A = (M + M.T) / 2  # symmetric; its eigenvalues are simple (with probability 1)
lam, V = np.linalg.eigh(A)
assert np.diff(lam).min() > 0.1

for i in range(n):
    v = V[:, i : i + 1]
    f = lambda A, i=i: np.linalg.eigvalsh(A)[i]
    # v v^T is symmetric and free of v's sign
    assert check_gradient(f, lambda A, v=v: v @ v.T, A, structure="symmetric") < 1e-8
# --8<-- [end:body]
