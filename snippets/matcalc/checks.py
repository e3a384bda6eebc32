"""Finite-difference checks for hand-derived gradients and Jacobians.

Layout: denominator. The gradient of a scalar f has the shape of x; the Jacobian of an
array-valued f has shape ``x.shape + f(x).shape``, so for f: R^n -> R^m it is n-by-m
with ``J[i, j] = d f_j / d x_i``.

Every checker returns a score in [0, 1]: the largest entry-by-entry discrepancy
``|a - n|`` between the claimed derivative a and the numerical one n, relative to
``max(||a||_inf + ||n||_inf, resolution)`` (see ``matcalc.gradcheck``). In float64 a
correct derivative scores at most 1e-6 (usually 1e-9 or less), a wrong one (an entry off
by more than 1 % of ``max(||grad f||_inf, resolution)``) above 1e-3. When f is too noisy
for any verdict, the checkers raise ValueError giving the reason;
``gradcheck_report`` returns the whole measurement instead, with a diagnosis of the
common mistakes (transposed, sign, factor 2 or 1/2, symmetric part only).
"""

import numbers

import numpy as np

from matcalc.gradcheck import (
    PASS,
    Coordinates,
    Counted,
    GradcheckReport,
    RandomDirections,
    SymmetricDirections,
    diagnose,
    matches,
    run_check,
    scaled_max,
    to_real,
)

__all__ = [
    "GradcheckReport",
    "check_gradient",
    "check_gradient_directional",
    "check_jacobian",
    "directional_report",
    "gradcheck_report",
    "jacobian_report",
    "relative_error",
]


def relative_error(analytic, numeric):
    """``||a - b||_2 / (||a||_2 + ||b||_2)`` for arrays of equal shape; 0 when both are zero.

    Computed on a / m and b / m with m the largest |entry|, so that entries of size
    1e+-300 neither overflow nor underflow. Raises ValueError when the shapes differ
    (no broadcasting: (3,) against (3, 1) is a layout bug, not a match) or when an
    argument is complex or not finite.
    """
    a = to_real(analytic, "analytic")
    b = to_real(numeric, "numeric")
    if a.shape != b.shape:
        raise ValueError(
            f"analytic has shape {a.shape} and numeric has shape {b.shape}; "
            "relative_error compares arrays of equal shape"
        )
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("relative_error needs finite arrays")
    m = scaled_max(a, b)
    if m == 0.0:
        return 0.0
    a, b = a / m, b / m
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def _point(x):
    """A private float64 copy of x, so the caller's array is never modified."""
    x = np.asarray(x)
    if np.iscomplexobj(x):
        raise ValueError(f"x is complex (dtype {x.dtype}); the checkers need real x")
    if not np.issubdtype(x.dtype, np.floating):
        raise ValueError(f"x must be a float array, got dtype {x.dtype}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x contains NaN or infinity")
    return np.array(x, dtype=np.float64)


def _step(h):
    """h: None (chosen per entry) or one positive, finite real number."""
    if h is None:
        return None
    if isinstance(h, (bool, np.bool_)) or not isinstance(h, numbers.Real) or np.ndim(h):
        raise ValueError(f"h must be a positive real number, got {h!r}")
    if not np.isfinite(h) or h <= 0:
        raise ValueError(f"h must be positive and finite, got {h!r}")
    return float(h)


def _layout_hint(got, want):
    """Why a derivative of shape got might have been meant for shape want."""
    if int(np.prod(got)) != int(np.prod(want)):
        return ""
    if len(got) == 2 and got[0] == 1 and len(want) in (1, 2):
        return "; a row (1, n) is the numerator-layout gradient: return it with the shape of x"
    if got == tuple(reversed(want)) or sorted(got) == sorted(want):
        return (
            "; it looks transposed, as in numerator layout: in denominator layout the "
            "derivative has the shape of x (then of f(x))"
        )
    return ""


def _derivative(d, x, expected_shape, name):
    value = to_real(d(x.copy()), f"{name}(x)")
    if value.shape != expected_shape:
        raise ValueError(
            f"{name}(x) has shape {value.shape} but must have shape {expected_shape} "
            f"(x has shape {x.shape}; denominator layout)"
            + _layout_hint(value.shape, expected_shape)
        )
    if not np.all(np.isfinite(value)):
        raise ValueError(f"{name}(x) is not finite")
    return value


def _symmetric_point(x):
    if x.ndim != 2 or x.shape[0] != x.shape[1]:
        raise ValueError(f'structure="symmetric" needs a square matrix x, got shape {x.shape}')
    m = scaled_max(x)
    if m and scaled_max(x / m - x.T / m) > 1e-10:
        raise ValueError(
            'structure="symmetric" needs a symmetric x; x differs from x.T by '
            f"{scaled_max(x - x.T):.1e}"
        )
    return (x + x.T) / 2


def gradcheck_report(f, grad, x, *, h=None, structure=None):
    """Check ``grad(x)`` against finite differences of scalar f and report what was found.

    - ``f``: x -> a real scalar (float64; a float32 f raises ValueError: check in
      float64). ``grad``: x -> the claimed gradient, shape ``x.shape`` (denominator
      layout), real. ``x``: a real float array of any shape, never modified.
    - ``h``: None chooses a step per entry, ``eps^(1/3) max(|x_i|, 1)``, and extrapolates
      (Ridders) the entries that need it; a positive number fixes the first step.
    - ``structure="symmetric"``: x is a symmetric matrix and f is only defined on
      symmetric matrices (it may read one triangle, as ``np.linalg.cholesky``, ``eigh``
      and ``eigvalsh`` do). The claimed gradient must be the symmetric G with
      ``df = <G, dX>`` for symmetric dX (the sym(G) convention); derivatives are compared
      along ``E_ii`` and ``E_ij + E_ji``.

    Returns a ``GradcheckReport`` (verdict, score, worst entry, resolution, steps,
    evaluations, diagnosis). Raises ValueError for bad input: shapes (naming both, and
    the numerator-layout mistake when it fits), complex or non-finite values, h <= 0,
    f returning None, a string or float32. Cost: ``2 x.size + 1`` evaluations of f for a
    well-scaled f; Ridders adds up to 54 per extrapolated entry.
    """
    x = _point(x)
    h = _step(h)
    if structure not in (None, "symmetric"):
        raise ValueError(f'structure must be None or "symmetric", got {structure!r}')
    f_eval = Counted(f, out_shape=())
    if structure == "symmetric":
        x = _symmetric_point(x)
    f0 = f_eval(x)
    g = _derivative(grad, x, x.shape, "grad")
    if structure == "symmetric":
        return _symmetric_report(f_eval, g, x, f0, h)
    problem = Coordinates(x)
    result = run_check(problem, g.reshape(-1), f_eval, f0, h)
    numeric = result.pop("numeric").reshape(x.shape)
    diagnosis = None
    if result["verdict"] == "fail":
        diagnosis = diagnose(g, numeric, square=_square(x), symmetric_x=_is_symmetric(x))
    return GradcheckReport(
        **result, n_evals=f_eval.n, diagnosis=diagnosis, analytic=g, numeric=numeric
    )


def _square(x):
    return x.ndim == 2 and x.shape[0] == x.shape[1]


def _is_symmetric(x):
    m = scaled_max(x)
    return _square(x) and (m == 0 or scaled_max(x / m - x.T / m) <= 1e-10)


def _symmetric_report(f_eval, G, x, f0, h):
    problem = SymmetricDirections(x)
    result = run_check(problem, problem.claimed(G), f_eval, f0, h)
    numeric = problem.unpack(result.pop("numeric"))
    # The claimed gradient must itself be symmetric: its asymmetric part is invisible
    # along symmetric directions, so it is scored on its own
    m = scaled_max(G, numeric)
    asym = scaled_max(G / m - G.T / m) * m if m else 0.0
    asym_score = asym / max(2 * scaled_max(G), result["resolution"]) if asym else 0.0
    diagnosis = None
    if asym_score > PASS and asym_score > result["relative_error"]:
        sym = (G + G.T) / 2
        result.update(
            verdict="fail",
            relative_error=float(asym_score),
            reason=(
                "the claimed gradient is not symmetric; for a function of a symmetric "
                "matrix report sym(G) = (G + G.T) / 2"
                + (", which matches here" if matches(sym, numeric) else "")
            ),
        )
        diagnosis = "not symmetric: use sym(G) = (G + G^T)/2"
        if np.allclose(np.triu(G, 1), 0) or np.allclose(np.tril(G, -1), 0):
            diagnosis += " (a triangular G is the entrywise derivative through one triangle)"
    elif result["verdict"] == "fail":
        off = 1 - np.eye(len(G))
        if matches(G, numeric * (1 + off)):
            diagnosis = (
                "doubled off-diagonal: G + G^T - G*I is the derivative with respect to "
                "the free entries of a symmetric matrix; here the gradient is sym(G)"
            )
        else:
            diagnosis = diagnose(G, numeric, square=False, symmetric_x=True)
    return GradcheckReport(
        **result, n_evals=f_eval.n, diagnosis=diagnosis, analytic=G, numeric=numeric
    )


def _score(report):
    if report.verdict == "inconclusive":
        raise ValueError(f"gradient check inconclusive: {report.reason}")
    return report.relative_error


def check_gradient(f, grad, x, *, h=None, structure=None):
    """Score of ``grad(x)`` against finite differences of scalar f: at most 1e-6 when right.

    Arguments as in ``gradcheck_report`` (shapes: ``grad(x)`` has the shape of x,
    denominator layout; float64). Returns the entry-by-entry relative error in [0, 1]:
    a correct gradient scores at most 1e-6 (usually about 1e-10), a wrong one above
    1e-3. Raises ValueError when the check is inconclusive (f too noisy), giving the
    reason, and for bad input (see ``gradcheck_report``). Costs ``2 x.size + 1``
    evaluations of f for a well-scaled f; see ``check_gradient_directional`` for large x.
    """
    return _score(gradcheck_report(f, grad, x, h=h, structure=structure))


def jacobian_report(f, jac, x, *, h=None):
    """Check ``jac(x)`` against finite differences of array-valued f, with a report.

    ``jac(x)`` must have shape ``x.shape + f(x).shape``: for f: R^n -> R^m the n-by-m
    denominator-layout Jacobian, ``J[i, j] = d f_j / d x_i``; a size-1 f(x) of at most
    one dimension counts as a scalar. Same rules, errors and report as
    ``gradcheck_report``; a Jacobian in numerator layout (output x input) raises
    ValueError naming both shapes.
    """
    x = _point(x)
    h = _step(h)
    probe = Counted(f)
    fx = probe(x)
    out_shape = () if fx.size == 1 and fx.ndim <= 1 else fx.shape
    f_eval = Counted(f, out_shape)
    f_eval.n = probe.n
    f0 = fx.reshape(out_shape)
    J = _derivative(jac, x, x.shape + out_shape, "jac")
    problem = Coordinates(x)
    result = run_check(problem, J.reshape((x.size,) + out_shape), f_eval, f0, h)
    numeric = result.pop("numeric").reshape(J.shape)
    diagnosis = None
    if result["verdict"] == "fail":
        diagnosis = diagnose(
            J, numeric, square=J.ndim == 2 and J.shape[0] == J.shape[1], symmetric_x=False
        )
    return GradcheckReport(
        **result, n_evals=f_eval.n, diagnosis=diagnosis, analytic=J, numeric=numeric
    )


def check_jacobian(f, jac, x, *, h=None):
    """Score of ``jac(x)`` (shape ``x.shape + f(x).shape``) against finite differences.

    Same contract as ``check_gradient``: at most 1e-6 when right, above 1e-3 when an
    entry is wrong; ValueError when inconclusive or for bad input (a numerator-layout
    Jacobian among them). Costs ``2 x.size + 1`` evaluations of f when well scaled.
    """
    return _score(jacobian_report(f, jac, x, h=h))


def _generator(rng):
    if rng is None:
        return np.random.default_rng(0)  # a fixed seed so results repeat
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, numbers.Integral) and not isinstance(rng, (bool, np.bool_)):
        return np.random.default_rng(int(rng))
    raise ValueError(f"rng must be None, an int seed or a numpy Generator, got {rng!r}")


def directional_report(f, grad, x, *, n_dirs=2, rng=None, h=None):
    """Check ``<grad(x), u>`` against differences of f along random unit directions u.

    ``n_dirs`` (an int >= 1) directions drawn from ``rng`` (None: seed 0; an int seed;
    or a numpy Generator), so results repeat. Same rules, errors and report as
    ``gradcheck_report``; entries are the directions. Costs ``2 n_dirs + 1``
    evaluations of f for a well-scaled f, whatever the size of x.
    """
    if isinstance(n_dirs, (bool, np.bool_)) or not isinstance(n_dirs, numbers.Integral):
        raise ValueError(f"n_dirs must be an int >= 1, got {n_dirs!r}")
    if n_dirs < 1:
        raise ValueError(f"n_dirs must be at least 1, got {n_dirs}: no direction checks nothing")
    x = _point(x)
    h = _step(h)
    generator = _generator(rng)
    f_eval = Counted(f, out_shape=())
    f0 = f_eval(x)
    g = _derivative(grad, x, x.shape, "grad")
    problem = RandomDirections(x, generator, int(n_dirs))
    slopes = np.array([float(np.sum(g * u)) for u in problem.u])
    result = run_check(problem, slopes, f_eval, f0, h)
    numeric = result.pop("numeric")
    diagnosis = None
    if result["verdict"] == "fail":
        diagnosis = diagnose(slopes, numeric, square=False, symmetric_x=False)
    return GradcheckReport(
        **result, n_evals=f_eval.n, diagnosis=diagnosis, analytic=slopes, numeric=numeric
    )


def check_gradient_directional(f, grad, x, *, n_dirs=2, rng=None, h=None):
    """Score of ``<grad(x), u>`` against two-point differences along random unit u.

    Uses ``2 n_dirs + 1`` evaluations of f whatever the size of x (more only when f is
    badly scaled), so it suits parameters too large for ``check_gradient``. Random
    directions catch transposed, mis-signed or mis-scaled gradients with probability 1.
    Same contract and errors as ``check_gradient``; ``rng`` accepts an int seed.
    """
    return _score(directional_report(f, grad, x, n_dirs=n_dirs, rng=rng, h=h))

