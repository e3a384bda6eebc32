"""The gradient with respect to a matrix, entry by entry: it has the shape of A."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
m, n = 3, 2  # a non-square A, so a transposed answer cannot hide
A = rng.standard_normal((m, n))
B = rng.standard_normal((m, n))


def f(A):
    return np.sum(A**2 * B)  # sum_ij B_ij A_ij^2


# (df/dA)_ij = df/dA_ij, one central difference per entry
eps = 1e-5
G_entrywise = np.zeros_like(A)
for i in range(m):
    for j in range(n):
        E = np.zeros_like(A)
        E[i, j] = eps
        G_entrywise[i, j] = (f(A + E) - f(A - E)) / (2 * eps)

G = 2 * A * B  # df/dA_ij = 2 B_ij A_ij
assert G.shape == A.shape == (3, 2)
np.testing.assert_allclose(G_entrywise, G, rtol=1e-8)
assert check_gradient(f, lambda A: 2 * A * B, A) < 1e-9  # the same, packaged
# --8<-- [end:body]
