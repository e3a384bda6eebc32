"""Finite-difference checks for hand-derived gradients and Jacobians.

Layout: denominator. The gradient of a scalar f has the shape of x; the
Jacobian of an array-valued f has shape ``x.shape + f(x).shape``, so for
f: R^n -> R^m it is n-by-m with J[i, j] = d f_j / d x_i.

Every checker returns a relative error, ``||a - b|| / max(||a|| + ||b||, tiny)``.
In float64 a correct derivative gives about 1e-9 or less; 1e-3 and above
means a bug.
"""

import numpy as np

TINY = np.finfo(np.float64).tiny


def relative_error(analytic, numeric):
    """||a - b|| / max(||a|| + ||b||, tiny): 0 when both are zero."""
    a = np.asarray(analytic, dtype=np.float64)
    b = np.asarray(numeric, dtype=np.float64)
    scale = max(np.linalg.norm(a) + np.linalg.norm(b), TINY)
    return float(np.linalg.norm(a - b) / scale)


def _point(x):
    """A private float64 copy of x, so the caller's array is never modified."""
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        raise ValueError(f"x must be a float array, got dtype {x.dtype}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x contains NaN or infinity")
    return np.array(x, dtype=np.float64)


def _evaluate(f, x, what="f(x)"):
    value = np.asarray(f(x.copy()), dtype=np.float64)
    if not np.all(np.isfinite(value)):
        raise ValueError(f"{what} is not finite (got {value!r})")
    return value


def _scalar(f, x, what="f(x)"):
    value = _evaluate(f, x, what)
    if value.size != 1:
        raise ValueError(
            f"{what} must be a scalar for a gradient check, got shape {value.shape}; "
            "use check_jacobian for array-valued functions"
        )
    return float(value.reshape(()))


def _derivative(d, x, expected_shape, name):
    value = np.asarray(d(x.copy()))
    if value.shape != expected_shape:
        raise ValueError(
            f"{name}(x) has shape {value.shape} but must have shape {expected_shape} "
            f"(x has shape {x.shape}; denominator layout)"
        )
    if not np.all(np.isfinite(value)):
        raise ValueError(f"{name}(x) is not finite")
    return value.astype(np.float64)


def _central_differences(f, x, h, out_shape):
    """Row i holds (f(x + h e_i) - f(x - h e_i)) / 2h, flattened over x."""
    rows = np.empty((x.size,) + out_shape)
    for i in range(x.size):
        step = np.zeros(x.size)
        step[i] = h
        step = step.reshape(x.shape)
        plus = _evaluate(f, x + step, "f(x + h e_i)").reshape(out_shape)
        minus = _evaluate(f, x - step, "f(x - h e_i)").reshape(out_shape)
        rows[i] = (plus - minus) / (2 * h)
    return rows.reshape(x.shape + out_shape)


def check_gradient(f, grad, x, *, h=1e-5):
    """Relative error of grad(x) against central differences of a scalar f.

    ``grad(x)`` must have the shape of ``x`` (denominator layout).
    Costs 2 * x.size evaluations of f; see check_gradient_directional
    for large x.
    """
    x = _point(x)
    _scalar(f, x)
    g = _derivative(grad, x, x.shape, "grad")
    g_num = _central_differences(lambda z: _scalar(f, z), x, h, ())
    return relative_error(g, g_num)


def check_jacobian(f, jac, x, *, h=1e-5):
    """Relative error of jac(x) against central differences of f.

    ``jac(x)`` must have shape ``x.shape + f(x).shape``: for f: R^n -> R^m
    that is the n-by-m denominator-layout Jacobian, J[i, j] = d f_j / d x_i.
    """
    x = _point(x)
    fx = _evaluate(f, x)
    out_shape = () if fx.size == 1 and fx.ndim <= 1 else fx.shape
    J = _derivative(jac, x, x.shape + out_shape, "jac")
    J_num = _central_differences(f, x, h, out_shape)
    return relative_error(J, J_num)


def check_gradient_directional(f, grad, x, *, n_dirs=2, rng=None, h=1e-5):
    """Largest relative error of <grad(x), u> against a two-point difference.

    Uses 2 * n_dirs + 1 evaluations of f whatever the size of x, so it
    suits parameters too large for check_gradient. Random directions u
    (unit norm) catch transposed, mis-signed or mis-scaled gradients with
    probability 1. ``rng`` defaults to a fixed seed so results repeat.
    """
    x = _point(x)
    _scalar(f, x)
    g = _derivative(grad, x, x.shape, "grad")
    rng = np.random.default_rng(0) if rng is None else rng
    worst = 0.0
    for _ in range(n_dirs):
        u = rng.standard_normal(x.shape)
        u /= np.linalg.norm(u)
        slope = float(np.sum(g * u))
        slope_num = (_scalar(f, x + h * u) - _scalar(f, x - h * u)) / (2 * h)
        worst = max(worst, relative_error(slope, slope_num))
    return worst
