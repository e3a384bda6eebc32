"""On symmetric matrices the gradient is sym(G); G + G^T - G o I double-counts."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report

rng = np.random.default_rng(0)
n = 4
B = rng.standard_normal((n, n))  # not symmetric, so G is not either
M = rng.standard_normal((n, n))
S = M @ M.T / n + np.eye(n)  # symmetric positive definite


def f(S):
    # Reads only the lower triangle of S, as every symmetric routine may
    L = np.linalg.cholesky(S)
    return 2 * np.log(np.diag(L)).sum() + np.trace(B @ S)


G = np.linalg.inv(S) + B.T  # the unconstrained gradient of log det S + tr(B S)
sym_G = (G + G.T) / 2
doubled = G + G.T - G * np.eye(n)  # the "symmetric gradient" of some tables

# Along symmetric directions, only sym(G) gives the first-order change
assert check_gradient(f, lambda S: sym_G, S, structure="symmetric") < 1e-8
report = gradcheck_report(f, lambda S: doubled, S, structure="symmetric")
assert report.verdict == "fail" and report.relative_error > 0.1

# G itself also fails: its skew part is invisible along symmetric directions
report = gradcheck_report(f, lambda S: G, S, structure="symmetric")
assert report.verdict == "fail" and "not symmetric" in report.reason

# Entry by entry (structure=None) the check perturbs S off the symmetric matrices,
# where f is not the function we mean: Cholesky reads only one triangle
assert gradcheck_report(f, lambda S: sym_G, S).verdict == "fail"
# --8<-- [end:body]
