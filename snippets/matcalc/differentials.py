"""Check a claimed differential df = L(X)[dX] against a central difference.

The differentials method writes the change of f(X) along a direction dX as a
linear expression in dX, e.g. d tr(X^T X) = 2 tr(X^T dX), and reads the
gradient off the form df = tr(G^T dX). ``check_differential`` tests one such
step on its own, before any gradient is read off: it compares ``df(X, dX)``
with (f(X + h dX) - f(X - h dX)) / 2h. It works for scalar-, vector- and
matrix-valued f alike (d(X^{-1}) = -X^{-1} dX X^{-1}, say).
"""

import numpy as np

from matcalc._validate import float_array, positive, square_matrix
from matcalc.checks import relative_error

__all__ = [
    "adjugate", "check_differential",
]


def check_differential(f, df, X, dX, *, h=1e-5):
    """Relative error of df(X, dX) against (f(X + h dX) - f(X - h dX)) / 2h.

    X and dX are finite float arrays of one shape (any); df(X, dX) must have
    the shape of f(X). Raises ValueError for mismatched shapes, non-finite
    input or h <= 0. Returns a float (see matcalc.checks.relative_error).
    """
    X = float_array(X, "X")
    dX = float_array(dX, "dX")
    h = positive(h, "h")
    if dX.shape != X.shape:
        raise ValueError(f"dX has shape {dX.shape} but X has shape {X.shape}")
    claimed = np.asarray(df(X.copy(), dX.copy()), dtype=np.float64)
    plus = np.asarray(f(X + h * dX), dtype=np.float64)
    minus = np.asarray(f(X - h * dX), dtype=np.float64)
    numeric = (plus - minus) / (2 * h)
    if claimed.shape != numeric.shape:
        raise ValueError(
            f"df(X, dX) has shape {claimed.shape} but f(X) has shape {numeric.shape}"
        )
    return relative_error(claimed, numeric)


# --8<-- [start:adjugate]
def adjugate(A):
    """adj(A) = C^T, where C_ij = (-1)^(i+j) det(A without row i and column j).

    Defined for every square A, singular or not; A adj(A) = det(A) I.
    O(n^5) by minors: meant for the small matrices of checks, not for work.
    """
    A = square_matrix(A, "A")  # n x n; a 1-D or 0-d A is refused
    n = A.shape[0]
    C = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            minor = np.delete(np.delete(A, i, axis=0), j, axis=1)
            C[i, j] = (-1) ** (i + j) * np.linalg.det(minor)
    return C.T
# --8<-- [end:adjugate]
