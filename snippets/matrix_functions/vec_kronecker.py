"""vec(A X B) = (B^T kron A) vec X with column-major vec, and the Jacobian it gives."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_jacobian

rng = np.random.default_rng(9)
m, p, q, n = 2, 3, 4, 5
A = rng.standard_normal((m, p))
X = rng.standard_normal((p, q))
B = rng.standard_normal((q, n))


def vec(M):
    return M.reshape(-1, order="F")  # stack the columns: column-major


def unvec(x, shape):
    return x.reshape(shape, order="F")


# The identity, exact up to rounding; d vec(A X B) = (B^T kron A) d vec X
# since X -> A X B is linear
K = np.kron(B.T, A)  # (m n) x (p q)
np.testing.assert_allclose(vec(A @ X @ B), K @ vec(X), rtol=1e-12)

# NumPy's default reshape is row-major: there the factors swap
np.testing.assert_allclose(
    (A @ X @ B).reshape(-1), np.kron(A, B.T) @ X.reshape(-1), rtol=1e-12
)


# The Jacobian of vec X -> vec(A X B): numerator layout K,
# denominator layout K^T = B kron A^T
def f(x):
    return vec(A @ unvec(x, (p, q)) @ B)


J = np.kron(B, A.T)  # (p q) x (m n): input x output
np.testing.assert_allclose(J, K.T)
assert J.shape == (p * q, m * n)
assert check_jacobian(f, lambda x: J, vec(X)) < 1e-9

# The inverse: d vec(A^{-1}) = -(A^{-T} kron A^{-1}) d vec A (numerator layout);
# the denominator layout transposes it
S = rng.standard_normal((3, 3)) + 3 * np.eye(3)
Sinv = np.linalg.inv(S)
assert check_jacobian(
    lambda s: vec(np.linalg.inv(unvec(s, (3, 3)))),
    lambda s: -np.kron(Sinv.T, Sinv).T,
    vec(S),
) < 1e-8
# That transpose is -(A^{-1} kron A^{-T}), the form of the identity table
np.testing.assert_allclose(-np.kron(Sinv.T, Sinv).T, -np.kron(Sinv, Sinv.T), rtol=1e-12)
# --8<-- [end:body]
