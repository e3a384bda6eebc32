"""The quadratic form f(x) = x^T A x for any square A, and its level curves in 2-D.

Layout: denominator, so the gradient has the shape of x:

    f(x) = x^T A x,   grad f(x) = (A + A^T) x,   H = A + A^T.

Only the symmetric part S = (A + A^T) / 2 matters (x^T A x = x^T S x), so the
gradient is 2 A x only when A is symmetric. naive_gradient is that wrong
formula, kept so pages and figures can show where it fails.

For a 2x2 A whose symmetric part is positive definite, the level set
{x : f(x) = c} with c > 0 is an ellipse. With S = Q diag(lam) Q^T it is
x(t) = sqrt(c) Q diag(lam)^(-1/2) (cos t, sin t): ellipse_point gives points
of that curve and ellipse_angle the t of a given point, so a tangent can be
taken from the curve itself, independently of any gradient formula.
"""

import numpy as np


def _square(A):
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square matrix, got shape {A.shape}")
    return A


def symmetric_part(A):
    """(A + A^T) / 2, the only part of A that x^T A x sees."""
    A = _square(A)
    return (A + A.T) / 2


def value(A, x):
    """f(x) = x^T A x."""
    A = _square(A)
    x = np.asarray(x, dtype=np.float64)
    return float(x @ A @ x)


def gradient(A, x):
    """grad f(x) = (A + A^T) x, shaped like x; valid for any square A."""
    A = _square(A)
    return (A + A.T) @ np.asarray(x, dtype=np.float64)


def naive_gradient(A, x):
    """2 A x: the gradient only when A is symmetric (a common slip otherwise)."""
    return 2 * _square(A) @ np.asarray(x, dtype=np.float64)


def hessian(A):
    """H = A + A^T, constant and symmetric."""
    A = _square(A)
    return A + A.T


def grid_values(A, xs, ys):
    """f on the grid (xs[j], ys[i]) for a 2x2 A, as an array of shape (len(ys), len(xs))."""
    A = _square(A)
    if A.shape != (2, 2):
        raise ValueError(f"grid_values needs a 2x2 A, got shape {A.shape}")
    X, Y = np.meshgrid(np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64))
    return A[0, 0] * X * X + (A[0, 1] + A[1, 0]) * X * Y + A[1, 1] * Y * Y


def _ellipse_axes(A):
    S = symmetric_part(A)
    if S.shape != (2, 2):
        raise ValueError(f"level-curve helpers need a 2x2 A, got shape {S.shape}")
    lam, Q = np.linalg.eigh(S)
    if lam[0] <= 0:
        raise ValueError("the symmetric part of A must be positive definite for an ellipse")
    return lam, Q


def ellipse_point(A, c, t):
    """Points x(t) of the level curve f(x) = c > 0; t scalar or 1-D, result (..., 2)."""
    if c <= 0:
        raise ValueError(f"the level c must be positive, got {c}")
    lam, Q = _ellipse_axes(A)
    t = np.asarray(t, dtype=np.float64)
    circle = np.stack([np.cos(t), np.sin(t)], axis=-1)
    return np.sqrt(c) * (circle / np.sqrt(lam)) @ Q.T


def ellipse_angle(A, x):
    """The parameter t with ellipse_point(A, value(A, x), t) == x, for x != 0."""
    lam, Q = _ellipse_axes(A)
    y = np.sqrt(lam) * (Q.T @ np.asarray(x, dtype=np.float64))
    if not np.any(y):
        raise ValueError("x = 0 lies on no ellipse: the level set of 0 is a single point")
    return float(np.arctan2(y[1], y[0]))
