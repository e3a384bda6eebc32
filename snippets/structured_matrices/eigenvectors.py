"""The eigenvector's derivative has 1/(lambda_i - lambda_j) terms: checked through (c^T v)^2, then blown up."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(4)
n = 4
Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
c = rng.standard_normal(n)


def overlap(A):
    """(c^T v)^2 for the top eigenvector v: the same for v and -v."""
    return (c @ np.linalg.eigh(A)[1][:, -1]) ** 2


def grad_overlap(A):
    # dv = sum_{j != top} v_j (v_j^T dA v) / (lambda - lambda_j), so
    # d(c^T v)^2 = <2 (c^T v) sum_j (c^T v_j) / (lambda - lambda_j) v_j v^T, dA>
    lam, V = np.linalg.eigh(A)
    v = V[:, -1]
    G = sum((c @ V[:, j]) / (lam[-1] - lam[j]) * np.outer(V[:, j], v) for j in range(n - 1))
    G = 2 * (c @ v) * G
    return (G + G.T) / 2  # the gradient on symmetric matrices


norms = []
for gap in [1.0, 1e-1, 1e-2, 1e-3]:
    A = Q @ np.diag([0.0, 1.0, 2.0, 2.0 + gap]) @ Q.T
    A = (A + A.T) / 2
    assert check_gradient(overlap, grad_overlap, A, structure="symmetric") < 1e-6
    norms.append(np.linalg.norm(grad_overlap(A)))

# Each tenfold smaller gap makes the gradient about ten times larger: 1 / gap
growth = np.array(norms[1:]) / np.array(norms[:-1])
np.testing.assert_allclose(growth, 10, rtol=0.05)
# --8<-- [end:body]
