"""Exercise: the sum of the k largest eigenvalues is smooth where lambda_k > lambda_(k+1), ties inside allowed."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report

rng = np.random.default_rng(11)
n, k = 5, 2
Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
A = Q @ np.diag([0.0, 1.0, 2.0, 3.0, 3.0]) @ Q.T  # the top two eigenvalues tie
A = (A + A.T) / 2
top_k = lambda A: np.linalg.eigvalsh(A)[-k:].sum()

V_k = np.linalg.eigh(A)[1][:, -k:]  # any orthonormal basis of the top eigenspace
P = V_k @ V_k.T  # the projector: the same for every basis
assert check_gradient(top_k, lambda A: P, A, structure="symmetric") < 1e-8

# With k = 1 the tie is at the boundary: lambda_max alone has no gradient
v = V_k[:, -1]
report = gradcheck_report(lambda A: np.linalg.eigvalsh(A)[-1], lambda A: np.outer(v, v), A,
                          structure="symmetric")
assert report.verdict == "fail"
# --8<-- [end:body]
