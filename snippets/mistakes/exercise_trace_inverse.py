"""Exercise: grad_A tr(A^-1 B) for general A and B."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(9)
A = rng.standard_normal((3, 3)) + 3 * np.eye(3)  # invertible, not symmetric
B = rng.standard_normal((3, 3))  # not symmetric
f = lambda A: np.trace(np.linalg.solve(A, B))
Ai = lambda A: np.linalg.inv(A)

# d tr(A^-1 B) = -tr(A^-1 dA A^-1 B) = <-(A^-1 B A^-1)^T, dA>
right = lambda A: -Ai(A).T @ B.T @ Ai(A).T
# The symmetric-case formula (G2)
wrong = lambda A: -Ai(A) @ B @ Ai(A)
assert check_gradient(f, right, A) < 1e-9
assert check_gradient(f, wrong, A) > 1e-2
# --8<-- [end:body]
