"""A whole Jacobian from n JVPs (its rows) or from m VJPs (its columns)."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_jacobian
from matcalc.ad import jvp, softmax, vjp

rng = np.random.default_rng(0)
A = rng.standard_normal((3, 5))
x = rng.standard_normal(5)


def f(x):  # R^5 -> R^3
    return softmax(A @ x)


n, m = 5, 3
rows = [jvp(f, x, e)[1] for e in np.eye(n)]  # n forward passes: J^T e_i is row i
columns = [vjp(f, x, e)[1] for e in np.eye(m)]  # m reverse passes: J e_j is column j
J_forward = np.stack(rows)  # n x m
J_reverse = np.stack(columns, axis=1)  # n x m
np.testing.assert_allclose(J_forward, J_reverse)

# Against central differences, and against the chain rule by hand
assert check_jacobian(f, lambda z: np.stack([jvp(f, z, e)[1] for e in np.eye(n)]), x) < 1e-6
p = f(x)
np.testing.assert_allclose(J_forward, A.T @ (np.diag(p) - np.outer(p, p)))
# --8<-- [end:body]
