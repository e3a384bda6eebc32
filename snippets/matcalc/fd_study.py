"""How the error of a central difference depends on the step h and the precision.

A central difference [f(x + h e_i) - f(x - h e_i)] / 2h has two errors:
truncation, about h^2 |f'''| / 6, which falls as h shrinks, and round-off,
about eps |f| / h, which grows as h shrinks. Their sum is smallest near
h ~ eps^(1/3): about 6e-6 in float64 and 5e-3 in float32.
"""

import numpy as np

__all__ = [
    "DEMO_POINT", "STEPS", "best_step", "central_gradient", "demo_function",
    "demo_gradient", "log_slope", "step_size_errors",
]


def central_gradient(f, x, h, dtype=np.float64):
    """Central-difference gradient of a scalar f, every operation in ``dtype``."""
    x = np.asarray(x, dtype=dtype)
    h = dtype(h)
    g = np.empty_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step.flat[i] = h
        g.flat[i] = (f(x + step) - f(x - step)) / (dtype(2) * h)
    return g


def step_size_errors(f, grad, x, steps, dtype=np.float64):
    """Relative error ||g_num - g|| / ||g|| of the central difference at each step.

    ``grad`` is the exact gradient, evaluated in float64 as the reference.
    """
    exact = np.asarray(grad(np.asarray(x, dtype=np.float64)), dtype=np.float64)
    scale = np.linalg.norm(exact)
    errors = []
    for h in steps:
        numeric = central_gradient(f, x, h, dtype).astype(np.float64)
        errors.append(np.linalg.norm(numeric - exact) / scale)
    return np.array(errors)


def best_step(steps, errors):
    """The step with the smallest error, and that error."""
    i = int(np.argmin(errors))
    return float(steps[i]), float(errors[i])


def log_slope(steps, errors):
    """Least-squares slope of log10(error) against log10(h)."""
    return float(np.polyfit(np.log10(steps), np.log10(errors), 1)[0])


def demo_function(x):
    """A smooth test function, sum(exp(sin(x))), in the dtype of x."""
    return np.sum(np.exp(np.sin(x)))


def demo_gradient(x):
    return np.cos(x) * np.exp(np.sin(x))


DEMO_POINT = np.array([0.3, -1.1, 0.7, 2.0])
STEPS = np.logspace(-12, 0, 49)
