"""The quadratic form f(x) = x^T A x: the chapter's formulas for any n, and the 2x2
math the interactive gradient field draws.

Layout: denominator, so the gradient has the shape of x. For any square A,

    f(x) = x^T A x,   grad f(x) = (A + A^T) x,   H = A + A^T,

and only for a symmetric A does the gradient reduce to 2 A x (naive_gradient
is that formula, kept so pages and figures can show where it fails). Only the
symmetric part S = (A + A^T) / 2 matters: x^T A x = x^T S x.

For an n x n A: value, gradient, naive_gradient, hessian, symmetric_part;
for a 2x2 A whose symmetric part is positive definite, the level set
{x : f(x) = c > 0} is the ellipse x(t) = sqrt(c) Q diag(lam)^(-1/2) (cos t, sin t)
with S = Q diag(lam) Q^T: ellipse_point and ellipse_angle give points of that
curve and the t of a point, so a tangent can be taken from the curve itself,
independently of any gradient formula (Magnus & Neudecker, Matrix
Differential Calculus, ch. 5, for the derivatives).

The figure's script (docs/assets/javascripts/gradient-field.js) mirrors these functions
line for line; a browser test compares the two at random points. The
presets, the size limit and the tolerances below are the single source of
both: tools/generators/gradient_field_twins.py writes them into each page
fragment as JSON, which the script reads.

The figure's functions (gd_step, newton_step, symmetric_eigen, classify,
is_singular, arrow_scale, drawn_arrow, readouts, view_half_width,
level_values, level_curves) take a 2x2 A and points of shape (2,), float64,
with finite entries of absolute value at most LIMIT, and raise ValueError
naming the argument otherwise (as_matrix, as_point, as_step_size). Their
eigenvalues are computed on S / t, t a power of two near max |S_ij|, so that
entries as small as 1e-300 neither underflow nor overflow (the scale-safe
norm of LAPACK's dlapy2).

Level curves are drawn from the eigen-decomposition of the symmetric part
S = (A + A^T) / 2 = Q diag(lam1, lam2) Q^T. In the rotated coordinates
y = Q^T x the form is f = lam1 y1^2 + lam2 y2^2, so a level set f = c is
an ellipse, a hyperbola, a pair of parallel lines, a pair of crossing lines,
a point or nothing, and each of those has a short exact parametrisation.
"""

import math

import numpy as np

from matcalc._validate import float_array, square_matrix

__all__ = [
    # the form of any size (the chapter)
    "value", "gradient", "naive_gradient", "hessian", "symmetric_part", "grid_values",
    "ellipse_point", "ellipse_angle",
    # the figure: its limits, presets, steps, level curves and readouts
    "LIMIT", "ZERO_TOL", "VIEW", "LEVEL_COUNT", "LEVEL_SPACING", "DEFAULT_X", "DEFAULT_LR",
    "DEFAULT_PRESET", "PRESETS", "KINDS", "SingularHessianError", "UnknownPresetError",
    "as_matrix", "as_point", "as_step_size", "gd_step", "newton_step", "symmetric_eigen",
    "classify", "is_singular", "arrow_scale", "drawn_arrow", "readouts", "view_half_width",
    "level_values", "level_curves", "preset", "widget_config",
]

# Largest |entry| of A, x or the step size the figure accepts
LIMIT = 1e6
# An eigenvalue of S is zero when |lam| <= ZERO_TOL * max |lam|
ZERO_TOL = 1e-12
# The plotted square is [-L, L]^2 with L = VIEW * 2**k, the smallest that holds x
VIEW = 3.0
# Level curves per sign, spaced LEVEL_SPACING * L apart along the steepest axis
LEVEL_COUNT = 8
LEVEL_SPACING = 1 / 6
DEFAULT_X = (1.2, 0.8)
DEFAULT_LR = 0.1
DEFAULT_PRESET = "identity"

PRESETS = (
    {
        "id": "identity",
        "label": "Identity",
        "A": ((1.0, 0.0), (0.0, 1.0)),
        "text": "f = x₁²+x₂². Gradient = 2x — points straight out from origin. "
                "All directions equal curvature.",
    },
    {
        "id": "anisotropic",
        "label": "Anisotropic",
        "A": ((1.0, 0.0), (0.0, 4.0)),
        "text": "f = x₁²+4x₂². Gradient = (2x₁, 8x₂): the ellipses are narrow along x₂, "
                "so −∇f no longer points at the minimum. Curvature is 2 along x₁ and 8 "
                "along x₂.",
    },
    {
        "id": "rotated",
        "label": "Rotated (correlated)",
        "A": ((2.0, 1.0), (1.0, 2.0)),
        "text": "f = 2x₁²+2x₁x₂+2x₂². The cross term tilts the ellipses by 45°: the "
                "principal axes are the eigenvectors of H = 2A, (1, 1) with curvature 6 "
                "and (1, −1) with curvature 2.",
    },
    {
        "id": "saddle",
        "label": "Indefinite (saddle)",
        "A": ((1.0, 0.0), (0.0, -1.0)),
        "text": "f = x₁²−x₂². A saddle: the level curves are hyperbolas, f rises along x₁ "
                "and falls along x₂. H = diag(2, −2) is indefinite, so the Newton step "
                "lands on the saddle point at 0, not on a minimum.",
    },
    {
        "id": "nonsymmetric",
        "label": "Non-symmetric A",
        "A": ((1.0, 2.0), (0.0, 2.0)),
        "text": "A is not symmetric: f = x₁²+2x₁x₂+2x₂² only sees (A+Aᵀ)/2. The "
                "gradient is (A+Aᵀ)x and H = A+Aᵀ; the dashed arrow 2Ax, right only for "
                "a symmetric A, is not perpendicular to the level curve.",
    },
    {
        "id": "degenerate",
        "label": "Degenerate (singular H)",
        "A": ((1.0, 1.0), (1.0, 1.0)),
        "text": "f = (x₁+x₂)². The level curves are pairs of parallel lines and every "
                "point of the line x₁+x₂ = 0 is a minimum. H = 2A is singular, so there is "
                "no Newton step.",
    },
)

# What the level curves look like, by the signs of the eigenvalues of A + A^T
KINDS = {
    "ellipses-min": "A+Aᵀ is positive definite: the level curves are ellipses around "
                    "the minimum at 0.",
    "ellipses-max": "A+Aᵀ is negative definite: the level curves are ellipses around "
                    "the maximum at 0.",
    "hyperbolas": "A+Aᵀ is indefinite: the level curves are hyperbolas and 0 is a "
                  "saddle point.",
    "lines-min": "A+Aᵀ is positive semidefinite and singular: the level curves are "
                 "parallel lines around a whole line of minima.",
    "lines-max": "A+Aᵀ is negative semidefinite and singular: the level curves are "
                 "parallel lines around a whole line of maxima.",
    "flat": "A+Aᵀ = 0 (A is skew-symmetric): f is 0 everywhere, so there are no level "
            "curves and the gradient is 0.",
}


class SingularHessianError(ValueError):
    """H = A + A^T is singular, so the Newton system H dx = -grad has no unique solution."""


# --- Input validation ------------------------------------------------------------

def _finite_array(value, shape, name):
    if value is None or isinstance(value, (str, bytes)):
        raise ValueError(f"{name} must be numbers, got {value!r}")
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numbers: {error}") from None
    if array.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite (no NaN or infinity)")
    if np.any(np.abs(array) > LIMIT):
        raise ValueError(f"{name} is too large: every entry must satisfy |v| <= {LIMIT:g}")
    return array


def as_matrix(A):
    """A validated float64 copy of a 2x2 matrix (finite, |entries| <= LIMIT)."""
    return _finite_array(A, (2, 2), "A")


def as_point(x):
    """A validated float64 copy of a point of the plane."""
    return _finite_array(x, (2,), "x")


def as_step_size(lr):
    """A validated step size: a finite number with 0 < lr <= LIMIT."""
    lr = float(_finite_array(lr, (), "the step size"))
    if lr <= 0:
        raise ValueError(f"the step size must be positive, got {lr:g}")
    return lr


# --- The form and its derivatives, any size -----------------------------------------

def _form(A, x):
    A = square_matrix(A, "A")
    return A, float_array(x, "x", shape=(A.shape[0],))


def value(A, x):
    """f(x) = x^T A x, a float. A: (n, n), x: (n,), both finite."""
    A, x = _form(A, x)
    return float(x @ A @ x)


def gradient(A, x):
    """(A + A^T) x: the gradient in denominator layout, shape (n,) like x."""
    A, x = _form(A, x)
    return (A + A.T) @ x


def naive_gradient(A, x):
    """2 A x, shape (n,): the gradient only when A is symmetric; shown next to the right one."""
    A, x = _form(A, x)
    return 2 * A @ x


def hessian(A):
    """H = A + A^T, shape (n, n), symmetric whatever A is."""
    A = square_matrix(A, "A")
    return A + A.T


def symmetric_part(A):
    """S = (A + A^T) / 2, shape (n, n): the only part of A that x^T A x sees."""
    A = square_matrix(A, "A")
    return (A + A.T) / 2


def grid_values(A, xs, ys):
    """f on the grid (xs[j], ys[i]) for a 2x2 A: shape (len(ys), len(xs))."""
    A = float_array(A, "A", shape=(2, 2))
    X, Y = np.meshgrid(float_array(xs, "xs", ndim=1), float_array(ys, "ys", ndim=1))
    return A[0, 0] * X * X + (A[0, 1] + A[1, 0]) * X * Y + A[1, 1] * Y * Y


def _ellipse_axes(A):
    lam, Q = np.linalg.eigh(symmetric_part(float_array(A, "A", shape=(2, 2))))
    if lam[0] <= 0:
        raise ValueError("the symmetric part of A must be positive definite for an ellipse")
    return lam, Q


def ellipse_point(A, c, t):
    """Points x(t) of the level curve f(x) = c > 0 of a 2x2 A; t scalar or 1-D, result (..., 2)."""
    if not (np.isfinite(c) and c > 0):
        raise ValueError(f"the level c must be finite and positive, got {c}")
    lam, Q = _ellipse_axes(A)
    t = float_array(t, "t", ndim=(0, 1))
    circle = np.stack([np.cos(t), np.sin(t)], axis=-1)
    return np.sqrt(c) * (circle / np.sqrt(lam)) @ Q.T


def ellipse_angle(A, x):
    """The parameter t with ellipse_point(A, value(A, x), t) == x, for x != 0 of shape (2,)."""
    lam, Q = _ellipse_axes(A)
    y = np.sqrt(lam) * (Q.T @ float_array(x, "x", shape=(2,)))
    if not np.any(y):
        raise ValueError("x = 0 lies on no ellipse: the level set of 0 is a single point")
    return float(np.arctan2(y[1], y[0]))


# --- The figure's 2x2 steps, within its limits ---------------------------------------


def gd_step(A, x, lr=DEFAULT_LR):
    """One gradient-descent step: x - lr * grad f(x)."""
    A, x = as_matrix(A), as_point(x)
    return x - as_step_size(lr) * gradient(A, x)


def newton_step(A, x):
    """x - H^{-1} grad f(x): the stationary point of the form when H is invertible.

    For a quadratic the model is exact, so one step reaches 0, the minimum
    when H is positive definite and the saddle when H is indefinite.
    Raises SingularHessianError when H is singular (see classify).
    """
    A, x = as_matrix(A), as_point(x)
    if is_singular(A):
        H = hessian(A)
        raise SingularHessianError(
            f"no Newton step: H = A + A^T = {H.tolist()} is singular "
            f"(det H = {np.linalg.det(H):.3g}), so H dx = -grad f has no unique solution"
        )
    # H and grad divided by the same power of two (exact): the same solution,
    # and no underflow in the elimination when the entries of A are tiny
    t = _unit_eigen(A)[3]
    return x - np.linalg.solve(hessian(A) / t, gradient(A, x) / t)


# --- Shape of the level curves ----------------------------------------------------

def _unit_eigen(A):
    """(mu1, mu2, theta, t): the eigenvalues of S / t and the angle of symmetric_eigen.

    t is the power of two at or below the largest |entry| of S (1 when S = 0),
    so dividing by it is exact and mu is of order 1: squaring entries near
    1e-200 would underflow to 0 and call a nonzero S zero. The script does
    the same (a scale-safe norm, as LAPACK's dlapy2 and hypot do).
    """
    A = as_matrix(A)
    s11, s22 = A[0, 0], A[1, 1]
    s12 = (A[0, 1] + A[1, 0]) / 2
    big = max(abs(s11), abs(s22), abs(s12))
    t = 1.0 if big == 0 else 2.0 ** math.floor(math.log2(big))
    s11, s22, s12 = s11 / t, s22 / t, s12 / t
    m = (s11 + s22) / 2
    d = (s11 - s22) / 2
    r = math.sqrt(d * d + s12 * s12)
    return float(m + r), float(m - r), 0.5 * math.atan2(s12, d), t


def symmetric_eigen(A):
    """(lam1, lam2, theta): eigenvalues lam1 >= lam2 of S = (A + A^T)/2 and the angle
    of the eigenvector of lam1, (cos theta, sin theta).

    Closed form, written with the same operations, in the same order, as the
    script, so that both classify a matrix the same way.
    """
    mu1, mu2, theta, t = _unit_eigen(A)
    return mu1 * t, mu2 * t, theta


def _clean_eigen(A):
    """Eigenvalues of S with those negligible against the largest set to 0."""
    mu1, mu2, theta, t = _unit_eigen(A)
    scale = max(abs(mu1), abs(mu2))
    mu1 = 0.0 if abs(mu1) <= ZERO_TOL * scale else mu1
    mu2 = 0.0 if abs(mu2) <= ZERO_TOL * scale else mu2
    return mu1 * t, mu2 * t, theta


def classify(A):
    """The kind of level curves, a key of KINDS."""
    lam1, lam2, _ = _clean_eigen(A)
    if lam1 == 0 and lam2 == 0:
        return "flat"
    if lam1 > 0 and lam2 > 0:
        return "ellipses-min"
    if lam1 < 0 and lam2 < 0:
        return "ellipses-max"
    if lam1 > 0 > lam2:
        return "hyperbolas"
    return "lines-min" if lam1 + lam2 > 0 else "lines-max"


def is_singular(A):
    """True when H = A + A^T has a zero eigenvalue (to ZERO_TOL)."""
    return classify(A) in ("lines-min", "lines-max", "flat")


def arrow_scale(A):
    """The figure draws arrows at 1 / ||H||_2 of their length (1 when H = 0).

    ||(A + A^T) x|| <= ||H||_2 ||x||, so a drawn gradient is never longer than x
    is far from 0, and it stays inside the plotted square's disc.
    """
    mu1, mu2, _, t = _unit_eigen(A)
    norm = 2 * max(abs(mu1), abs(mu2))
    return 1.0 if norm == 0 else 1 / norm / t


def drawn_arrow(A, v):
    """v at arrow_scale(A) of its length, computed as (v / t) / ||H / t||_2.

    Multiplying by arrow_scale(A) instead overflows to infinity (and NaN
    arrows) when the entries of A are below about 1e-300.
    """
    mu1, mu2, _, t = _unit_eigen(A)
    v = float_array(v, "v", shape=(2,))
    norm = 2 * max(abs(mu1), abs(mu2))
    return v if norm == 0 else (v / t) / norm


def readouts(A, x):
    """The numbers the figure prints, by the name of their [data-readout] element."""
    A, x = as_matrix(A), as_point(x)
    g, H = gradient(A, x), hessian(A)
    values = {"x1": x[0], "x2": x[1], "f": value(A, x), "grad1": g[0], "grad2": g[1],
              "gradnorm": math.hypot(g[0], g[1])}
    for i in range(2):
        for j in range(2):
            values[f"a{i + 1}{j + 1}"] = A[i, j]
            values[f"h{i + 1}{j + 1}"] = H[i, j]
    return {name: float(v) for name, v in values.items()}


def view_half_width(x):
    """L = VIEW * 2**k, the smallest such half-width whose square [-L, L]^2 holds x."""
    x = as_point(x)
    reach = float(np.max(np.abs(x)))
    L = VIEW
    while reach > L:
        L *= 2
    return L


def level_values(A, half_width=VIEW):
    """The levels c drawn for A: for each sign the form takes, LEVEL_COUNT levels
    whose curves cross the steepest axis of that sign at k * LEVEL_SPACING * L."""
    lam1, lam2, _ = _clean_eigen(A)
    h = LEVEL_SPACING * half_width
    levels = []
    for lam in (lam1 if lam1 > 0 else 0.0, lam2 if lam2 < 0 else 0.0):
        if lam:
            levels += [lam * ((k * h) * (k * h)) for k in range(1, LEVEL_COUNT + 1)]
    return levels


def level_curves(A, c, radius, step, max_points=400):
    """The part of the level set {x : x^T A x = c} inside the disc |x| <= radius.

    Returns a list of polylines (arrays of shape (k, 2)) whose consecutive
    points are at most ``step`` apart (fewer if a branch would need more than
    ``max_points``). A level set that is a single point or the whole plane
    gives an empty list. The plotted square of half-width L lies in the disc
    of radius L * sqrt(2), which does not depend on the rotation Q.
    """
    lam1, lam2, theta = _clean_eigen(A)
    c = float(c)
    if not (math.isfinite(c) and radius > 0 and step > 0):
        raise ValueError("level_curves needs a finite c, radius > 0 and step > 0")
    cos, sin = math.cos(theta), math.sin(theta)
    R2 = radius * radius

    def to_x(y1, y2):
        return (cos * y1 - sin * y2, sin * y1 + cos * y2)

    def count(length):
        return min(max(1, math.ceil(length / step)), max_points)

    def sample(length, start, stop, point):
        n = count(length)
        return np.array([point(start + (stop - start) * i / n) for i in range(n + 1)])

    def ellipse(p, q):
        # y = (p cos t, q sin t), kept where |y| <= radius
        if min(p, q) >= radius:
            return []
        big, small = max(p, q), min(p, q)
        point = lambda t: to_x(p * math.cos(t), q * math.sin(t))  # noqa: E731
        if big <= radius:
            return [sample(2 * math.pi * big, 0.0, 2 * math.pi, point)]
        # Two arcs around the ends of the short axis, at t = t0 and t0 + pi, where
        # |y|^2 = small^2 + (big^2 - small^2) sin(t - t0)^2 <= radius^2
        tau = math.asin(math.sqrt((R2 - small * small) / (big * big - small * small)))
        t0 = 0.0 if p < q else math.pi / 2
        return [sample(2 * tau * big, t - tau, t + tau, point) for t in (t0, t0 + math.pi)]

    def hyperbola(p, q, swap):
        # y = (+-p sqrt(1 + u^2), q u), vertices at +-p on the first axis
        if p >= radius:
            return []
        u_max = math.sqrt((R2 - p * p) / (p * p + q * q))
        length = 2 * u_max * math.sqrt(p * p + q * q)
        branches = []
        for side in (1.0, -1.0):
            def point(u, side=side):
                a, b = side * p * math.sqrt(1 + u * u), q * u
                return to_x(b, a) if swap else to_x(a, b)
            branches.append(sample(length, -u_max, u_max, point))
        return branches

    def parallel(p, swap):
        # y1 = +-p (or y2 = +-p when swap): lines across the disc
        if p >= radius:
            return []
        h = math.sqrt(R2 - p * p)
        lines = []
        for offset in ((p, -p) if p > 0 else (0.0,)):
            def point(t, offset=offset):
                return to_x(t, offset) if swap else to_x(offset, t)
            lines.append(sample(2 * h, -h, h, point))
        return lines

    def crossing():
        # lam1 y1^2 + lam2 y2^2 = 0 with lam1 > 0 > lam2: y parallel to (sqrt(-lam2), +-sqrt(lam1))
        a, b = math.sqrt(-lam2), math.sqrt(lam1)
        n = math.sqrt(a * a + b * b)
        lines = []
        for sign in (1.0, -1.0):
            def point(t, sign=sign):
                return to_x(t * a / n, sign * t * b / n)
            lines.append(sample(2 * radius, -radius, radius, point))
        return lines

    if lam1 == 0 and lam2 == 0:
        return []  # f is 0 everywhere
    if lam1 != 0 and lam2 != 0 and (lam1 > 0) == (lam2 > 0):
        if c == 0 or (c > 0) != (lam1 > 0):
            return []  # the single point 0, or nothing
        return ellipse(math.sqrt(c / lam1), math.sqrt(c / lam2))
    if lam1 != 0 and lam2 != 0:  # lam1 > 0 > lam2
        if c == 0:
            return crossing()
        if c > 0:
            return hyperbola(math.sqrt(c / lam1), math.sqrt(-c / lam2), swap=False)
        return hyperbola(math.sqrt(c / lam2), math.sqrt(-c / lam1), swap=True)
    # One eigenvalue is zero: f = lam y_k^2 along one axis only
    lam, swap = (lam1, False) if lam1 != 0 else (lam2, True)
    if c / lam < 0:
        return []
    return parallel(math.sqrt(c / lam), swap)


# --- What the page fragment hands to the script -------------------------------------

class UnknownPresetError(KeyError, ValueError):
    """No preset of that id: a KeyError, and a ValueError like all bad input."""


def preset(preset_id):
    """The preset with this id (a dict: id, label, A, text); UnknownPresetError otherwise."""
    for entry in PRESETS:
        if entry["id"] == preset_id:
            return entry
    raise UnknownPresetError(f"no preset {preset_id!r}; known: {[p['id'] for p in PRESETS]}")


def widget_config():
    """Everything the script needs that Python defines: presets, limits, tolerances.

    JSON-ready (lists and plain floats); written into every page fragment.
    """
    return {
        "limit": LIMIT,
        "zeroTol": ZERO_TOL,
        "view": VIEW,
        "levelCount": LEVEL_COUNT,
        "levelSpacing": LEVEL_SPACING,
        "x": list(DEFAULT_X),
        "lr": DEFAULT_LR,
        "defaultPreset": DEFAULT_PRESET,
        "presets": [
            {"id": p["id"], "label": p["label"], "A": [list(row) for row in p["A"]],
             "text": p["text"]}
            for p in PRESETS
        ],
        "kinds": dict(KINDS),
    }
