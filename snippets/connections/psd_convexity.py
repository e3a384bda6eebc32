"""K4: x^T A x is convex iff A + A^T is PSD; the eigenvalues of a non-symmetric A mislead."""
# --8<-- [start:body]
import numpy as np


def is_psd(S, tol=1e-12):
    return np.linalg.eigvalsh(S).min() >= -tol  # eigvalsh: S must be symmetric


def midpoint_convex(f, rng, trials=2000):
    for _ in range(trials):
        x, y = rng.standard_normal(2), rng.standard_normal(2)
        if f((x + y) / 2) > (f(x) + f(y)) / 2 + 1e-12:
            return False
    return True


rng = np.random.default_rng(0)
# Symmetric: PSD <=> convex <=> Hessian 2A PSD
for A in (np.array([[2.0, 1.0], [1.0, 1.0]]), np.array([[1.0, 2.0], [2.0, 1.0]])):
    f = lambda x, A=A: x @ A @ x
    assert is_psd(A) == midpoint_convex(f, rng) == is_psd(2 * A)

# Non-symmetric: both eigenvalues of A are 1, yet x^T A x is not convex
A = np.array([[1.0, 4.0], [0.0, 1.0]])
np.testing.assert_allclose(np.linalg.eigvals(A), [1.0, 1.0])
f = lambda x: x @ A @ x
assert not midpoint_convex(f, rng)
assert not is_psd(A + A.T)  # the test that matters: the Hessian is A + A^T
x = np.array([1.0, -1.0])
assert f(x) < 0  # 1 - 4 + 1 = -2
# --8<-- [end:body]
