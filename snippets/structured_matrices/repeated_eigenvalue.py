"""At a double eigenvalue lambda_max has no gradient: one-sided slopes differ, v is not unique."""
# --8<-- [start:body]
import numpy as np

from matcalc import gradcheck_report

rng = np.random.default_rng(3)
n = 4
Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
A = Q @ np.diag([1.0, 2.0, 3.0, 3.0]) @ Q.T  # lambda_max = 3, twice
A = (A + A.T) / 2
lam_max = lambda A: np.linalg.eigvalsh(A)[-1]

# Along a symmetric direction D, lambda_max(A + tD) bends: the slope for t > 0 is the
# larger eigenvalue of W^T D W (W spans the eigenspace), for t < 0 the smaller
D = rng.standard_normal((n, n))
D = (D + D.T) / 2
W = Q[:, 2:]
low, high = np.linalg.eigvalsh(W.T @ D @ W)
h = 1e-6
forward = (lam_max(A + h * D) - lam_max(A)) / h
backward = (lam_max(A) - lam_max(A - h * D)) / h
assert abs(forward - high) < 1e-5 and abs(backward - low) < 1e-5
assert high - low > 0.1  # a kink: no gradient in this direction

# The eigenvector is not unique either: two perturbations of size 1e-12, +E and -E,
# pick orthogonal vectors of the eigenspace
E = rng.standard_normal((n, n))
E = (E + E.T) / 2
v_plus = np.linalg.eigh(A + 1e-12 * E)[1][:, -1]
v_minus = np.linalg.eigh(A - 1e-12 * E)[1][:, -1]
assert (v_plus @ v_minus) ** 2 < 1e-6  # (u^T v)^2: free of the signs
# The gradient check finds no gradient at all
v = np.linalg.eigh(A)[1][:, -1]
report = gradcheck_report(lam_max, lambda A: np.outer(v, v), A, structure="symmetric")
assert report.verdict == "fail" and "kink" in report.reason
# --8<-- [end:body]
