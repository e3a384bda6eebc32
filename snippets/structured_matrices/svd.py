"""Singular values: d sigma_i = u_i^T dA v_i; singular vectors through a sign-free scalar, and their gap terms."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(6)
m, n = 5, 3
A = rng.standard_normal((m, n))  # rectangular, no symmetry: every entry is free
U, s, Vt = np.linalg.svd(A, full_matrices=False)

for i in range(n):
    f = lambda A, i=i: np.linalg.svd(A, compute_uv=False)[i]
    # u_i v_i^T is the same for (u_i, v_i) and (-u_i, -v_i)
    assert check_gradient(f, lambda A, i=i: np.outer(U[:, i], Vt[i]), A) < 1e-8


def top_right_vector(A):
    return np.linalg.svd(A)[2][0]


c = rng.standard_normal(n)


def overlap(A):
    """(c^T v_1)^2: free of the sign of v_1."""
    return (c @ top_right_vector(A)) ** 2


def grad_overlap(A):
    # v_1 is the top eigenvector of A^T A, whose eigenvalues are sigma_j^2: the
    # eigenvector rule with d(A^T A) = dA^T A + A^T dA gives gaps sigma_1^2 - sigma_j^2
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    v = Vt[0]
    H = sum((c @ Vt[j]) / (s[0] ** 2 - s[j] ** 2) * np.outer(Vt[j], v) for j in range(1, n))
    H = 2 * (c @ v) * H  # the gradient with respect to the symmetric A^T A, before sym
    return A @ (H + H.T)  # chain rule through A^T A


assert check_gradient(overlap, grad_overlap, A) < 1e-6

# The gap terms: as sigma_1 - sigma_2 shrinks, the gradient grows like 1 / gap
norms = []
for gap in [1e-1, 1e-2, 1e-3]:
    A_gap = U @ np.diag([2.0 + gap, 2.0, 1.0]) @ Vt
    assert check_gradient(overlap, grad_overlap, A_gap) < 1e-6
    norms.append(np.linalg.norm(grad_overlap(A_gap)))
np.testing.assert_allclose(np.array(norms[1:]) / np.array(norms[:-1]), 10, rtol=0.05)
# --8<-- [end:body]
