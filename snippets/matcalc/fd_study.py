"""How the error of a central difference depends on the step h and the precision.

A central difference [f(x + h e_i) - f(x - h e_i)] / 2h has two errors:
truncation, about h^2 |f'''| / 6, which falls as h shrinks, and round-off,
about eps |f| / h, which grows as h shrinks. Their sum is smallest near
h ~ eps^(1/3): about 6e-6 in float64 and 5e-3 in float32.
"""

import numpy as np

from matcalc._validate import float_array, positive

__all__ = [
    "DEMO_POINT", "STEPS", "best_step", "central_gradient", "demo_function",
    "demo_gradient", "log_slope", "step_size_errors",
]


def _float_type(dtype):
    """The NumPy scalar type of a floating dtype given as a type, a dtype or a name."""
    try:
        kind = np.dtype(dtype)
    except TypeError:
        raise ValueError(f"dtype must be a floating-point dtype, got {dtype!r}") from None
    if kind.kind != "f":
        raise ValueError(f"dtype must be a floating-point dtype, got {kind}")
    return kind.type


def _steps(steps):
    steps = float_array(steps, "steps", ndim=1)
    if np.any(steps <= 0):
        raise ValueError(f"steps must all be > 0, got {steps[steps <= 0][:3].tolist()}")
    return steps


def central_gradient(f, x, h, dtype=np.float64):
    """Central-difference gradient of a scalar f, every operation in ``dtype``.

    x is an array of any shape; the result has its shape (denominator layout)
    and ``dtype`` (np.float64, np.float32, "float32", ...). Raises ValueError
    for a non-finite x, h <= 0, or a non-floating dtype.
    """
    dtype = _float_type(dtype)
    x = float_array(x, "x").astype(dtype)
    h = dtype(positive(h, "h"))
    g = np.empty_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step.flat[i] = h
        g.flat[i] = (f(x + step) - f(x - step)) / (dtype(2) * h)
    return g


def step_size_errors(f, grad, x, steps, dtype=np.float64):
    """Relative error ||g_num - g|| / ||g|| of the central difference at each step.

    ``grad`` is the exact gradient, evaluated in float64 as the reference; it
    must be finite and nonzero (the error is relative to its norm). ``steps``
    is 1-D and positive; the result has its shape.
    """
    x = float_array(x, "x")
    steps = _steps(steps)
    exact = float_array(grad(x), "grad(x)", shape=x.shape)
    scale = np.linalg.norm(exact)
    if scale == 0:
        raise ValueError("grad(x) is 0: a relative error needs a nonzero exact gradient")
    errors = []
    for h in steps:
        numeric = central_gradient(f, x, h, dtype).astype(np.float64)
        errors.append(np.linalg.norm(numeric - exact) / scale)
    return np.array(errors)


def best_step(steps, errors):
    """The step with the smallest error, and that error.

    steps and errors are 1-D and equally long; a NaN error raises ValueError
    (np.argmin would pick it as the smallest).
    """
    steps = _steps(steps)
    errors = _errors(errors, steps)
    i = int(np.argmin(errors))
    return float(steps[i]), float(errors[i])


def log_slope(steps, errors):
    """Least-squares slope of log10(error) against log10(h).

    steps and errors are 1-D, equally long (at least 2), positive and finite:
    the logarithm of 0 or of a negative number has no slope.
    """
    steps = _steps(steps)
    errors = _errors(errors, steps, finite=True)
    if steps.size < 2:
        raise ValueError(f"a slope needs at least 2 steps, got {steps.size}")
    if np.any(errors <= 0):
        raise ValueError("errors must all be > 0 for a log-log slope, got "
                         f"{errors[errors <= 0][:3].tolist()}")
    return float(np.polyfit(np.log10(steps), np.log10(errors), 1)[0])


def _errors(errors, steps, finite=False):
    errors = float_array(errors, "errors", shape=steps.shape, finite=False)
    if np.any(np.isnan(errors)) or (finite and not np.all(np.isfinite(errors))):
        raise ValueError(f"errors must not be NaN{' or infinite' if finite else ''}, got "
                         f"{errors.tolist()[:6]}")
    if np.any(errors < 0):
        raise ValueError("errors must be >= 0 (they are norms)")
    return errors


def _real(x):
    """x as an array in its own floating dtype (float32 stays float32); integers as float64."""
    array = np.asarray(x) if not isinstance(x, (str, bytes)) and x is not None else None
    if array is None or array.dtype.kind not in "fiu":
        raise ValueError(f"x must be an array of numbers, got {x!r}")
    return array if array.dtype.kind == "f" else array.astype(np.float64)


def demo_function(x):
    """A smooth test function, sum(exp(sin(x))), in the dtype of x (a float)."""
    x = _real(x)
    return np.sum(np.exp(np.sin(x)))


def demo_gradient(x):
    """The gradient of demo_function, cos(x) exp(sin(x)), shaped like x."""
    x = _real(x)
    return np.cos(x) * np.exp(np.sin(x))


DEMO_POINT = np.array([0.3, -1.1, 0.7, 2.0])
STEPS = np.logspace(-12, 0, 49)
