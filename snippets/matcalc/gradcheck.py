"""The engine behind ``matcalc.checks``: finite differences that know their own error.

A check compares K claimed directional derivatives ``a_k = <grad f(x), v_k>`` with
numerical ones ``n_k``. The directions are coordinate vectors (``check_gradient``,
``check_jacobian``), symmetric unit matrices (``structure="symmetric"``) or random unit
vectors (``check_gradient_directional``). Per direction:

1. one central difference at a step scaled to x, ``h_k = eps^(1/3) max(|x_i|, 1)``
   (the 1 shrinks to max|x| for a tiny x),
   with its round-off bound ``E_k = c eps max|f| / h_k`` (Numerical Recipes, 3rd ed.,
   section 5.7). When the claimed value agrees to within ``max(E_k, 1e-6 scale)``, the
   direction is done: a well-scaled check costs 2K + 1 evaluations of f;
2. otherwise Ridders' extrapolation (Ridders 1982; Numerical Recipes, section 5.7), from
   a large step down, which removes the truncation error and estimates its own error
   ``E_k``. It is spent only on the directions that disagree, or on all of them when a
   trial shows that it resolves a gradient the single step could not (a loss of 1e8 plus
   a small change). A direction whose large-step run still disagrees gets a second run
   from the first step down (f may vary faster than x: sin x at x = 1e5), and a
   sixth-difference noise estimate decides between two runs that contradict each other.

The score is entry by entry, as in ``numpy.allclose``:
``max_k |a_k - n_k| / max(||a||_inf + ||n||_inf, E_k / 1e-6)``. The floor ``E_k / 1e-6``
is what makes a correct gradient at a stationary point (a and n both about 0) score
at most 1e-6 instead of 1; ``max_k E_k / 1e-6`` is reported as the resolution.
"""

from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "GradcheckReport", "Coordinates", "SymmetricDirections", "RandomDirections",
    "Counted", "run_check", "compare", "ridders", "noise_level", "is_kink", "pick",
    "diagnose", "matches", "to_real", "scaled_max", "typical_size",
]

EPS = np.finfo(np.float64).eps
PASS = 1e-6  # a correct derivative scores at most this
FAIL = 1e-3  # a wrong one (an entry off by 1 % of the scale) scores above this
BASE_STEP = EPS ** (1 / 3)  # balances h^2 truncation against eps / h round-off
ROUNDOFF = 2.0  # f(x + h) and f(x - h) each carry about an ulp of max|f|
RIDDERS_START = 0.1  # first Ridders step, relative to max(|x_i|, 1)
RIDDERS_SHRINK = 1.4  # step ratio between rows (Numerical Recipes' CON)
RIDDERS_ROWS = 12
RIDDERS_MIN_ROWS = 4  # enough rows to tell a kink from a smooth curve
TRIAL = 4  # directions extrapolated first, to see whether extrapolation pays
NOISY = 100.0  # an error this far above the round-off bound means f is noisy


@dataclass(frozen=True)
class GradcheckReport:
    """What a gradient check measured, and its verdict.

    - ``verdict``: ``"pass"``, ``"fail"`` or ``"inconclusive"`` (f too noisy to resolve
      the gradient: never a pass);
    - ``relative_error``: the score ``check_gradient`` returns (entry by entry, see the
      module docstring): at most 1e-6 for a correct gradient, above 1e-3 for a wrong one;
    - ``max_abs_error``, ``max_rel_error``: the largest ``|a - n|`` and the largest
      ``|a - n| / max(|a|, |n|, resolution)`` over entries;
    - ``worst_index``: the index (into x, or ``(i, j)`` of a symmetric matrix, or the
      direction number) of the entry that sets ``relative_error``;
    - ``resolution``: the gradient scale below which the check cannot vouch for 1e-6
      relative agreement (``fd_error / 1e-6``); ``fd_error``: the estimated absolute
      error of the numerical derivatives (largest over entries);
    - ``steps``: the smallest and largest finite-difference steps used;
    - ``n_evals``: evaluations of f; ``n_extrapolated``: entries that needed Ridders;
    - ``diagnosis``: the common mistake the claimed gradient matches, or None;
    - ``reason``: one sentence saying why the verdict is what it is;
    - ``analytic``, ``numeric``: the compared values (claimed and finite-difference).
    """

    verdict: str
    relative_error: float
    max_abs_error: float
    max_rel_error: float
    worst_index: tuple
    resolution: float
    fd_error: float
    steps: tuple
    n_evals: int
    n_extrapolated: int
    diagnosis: str | None
    reason: str
    analytic: np.ndarray = field(repr=False, compare=False)
    numeric: np.ndarray = field(repr=False, compare=False)

    def __str__(self):
        lines = [
            f"gradient check: {self.verdict.upper()}",
            f"  relative error  {self.relative_error:.2e}  (pass <= {PASS:g}, bug > {FAIL:g})",
            f"  worst entry     {self.worst_index}: |a - n| = {self.max_abs_error:.2e}, "
            f"relative {self.max_rel_error:.2e}",
            f"  resolution      {self.resolution:.2e}  (finite-difference error "
            f"{self.fd_error:.2e})",
            f"  steps           {self.steps[0]:.2e} to {self.steps[1]:.2e}; "
            f"{self.n_evals} evaluations of f, {self.n_extrapolated} entries extrapolated",
        ]
        if self.diagnosis:
            lines.append(f"  diagnosis       {self.diagnosis}")
        lines.append(f"  {self.reason}")
        return "\n".join(lines)


class Counted:
    """f with a counter and the checks every value must pass (real, finite, numeric)."""

    def __init__(self, f, out_shape=None):
        self.f, self.out_shape, self.n = f, out_shape, 0

    def raw(self, x, what="f(x)"):
        """The value as float64, or None when it is not finite (outside f's domain)."""
        self.n += 1
        try:
            value = to_real(self.f(x.copy()), what)
        except np.linalg.LinAlgError:
            return None  # a step left the matrices f can factor (not positive definite)
        if self.out_shape == () and value.size != 1:
            raise ValueError(
                f"f(x) must be a scalar for a gradient check, got shape {value.shape}; "
                "use check_jacobian for array-valued functions"
            )
        if self.out_shape is not None:
            value = value.reshape(self.out_shape)
        return value if np.all(np.isfinite(value)) else None

    def __call__(self, x, what="f(x)"):
        value = self.raw(x, what)
        if value is None:
            raise ValueError(
                f"{what} is not finite (or f raised LinAlgError); if x lies near the "
                "edge of f's domain, pass a smaller step h"
            )
        return value


def to_real(value, what):
    """value as a float64 array, or a ValueError naming what was wrong with it."""
    if value is None or isinstance(value, (str, bytes)):
        raise ValueError(f"{what} returned {value!r}; it must return real numbers")
    array = np.asarray(value)
    if np.iscomplexobj(array):
        raise ValueError(f"{what} is complex; the checkers compare real derivatives")
    if array.dtype.kind not in "fiub":
        raise ValueError(
            f"{what} returned a {type(value).__name__} of dtype {array.dtype}; "
            "it must return real numbers"
        )
    if array.dtype in (np.float32, np.float16):
        raise ValueError(
            f"{what} returned {array.dtype}: in {array.dtype} finite differences resolve "
            "only about 1e-3 of a gradient and a correct one looks wrong. Check in "
            "float64: cast the parameters and the data with .astype(np.float64)"
        )
    return array.astype(np.float64)


def scaled_max(*arrays):
    """Largest |entry| over arrays, computed without overflow or underflow."""
    return max((float(np.max(np.abs(a))) if np.size(a) else 0.0) for a in arrays)


def compare(a, n, err):
    """Entry-by-entry comparison of claimed a and numerical n (K rows) with errors err.

    Returns per-row discrepancies and scores, and the scale; all scaled by the largest
    entry first, so that values of size 1e+-300 neither overflow nor underflow.
    """
    m = scaled_max(a, n)
    if m == 0.0:
        zeros = np.zeros(len(err))
        return zeros, zeros, 0.0
    a_s, n_s = a / m, n / m
    rows = len(err)
    diff = np.max(np.abs(a_s - n_s).reshape(rows, -1), axis=1)
    scale = scaled_max(a_s) + scaled_max(n_s)  # ||a||_inf + ||n||_inf, in units of m
    floor = np.maximum(scale, (err / m) / PASS)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(diff > 0, diff / floor, 0.0)
    return diff * m, score, scale * m


def ridders(value_at, f0, start, fscale_floor):
    """Ridders' extrapolation of the derivative along one direction.

    ``value_at(t)`` is f at x + t v (None outside f's domain). Returns the estimate, its
    error estimate (never below the round-off bound at the step used), that bound,
    whether the second difference says f has a kink (then the estimate is the plain
    difference at the smallest step), the steps it tried, and the largest |f| seen.
    """
    H = start
    while True:  # shrink a first step that leaves f's domain
        plus, minus = value_at(H), value_at(-H)
        if plus is not None and minus is not None:
            break
        H /= 10
        if H < start * 1e-6:
            raise ValueError("f is not finite on either side of x at any step tried")
    table, curvature, steps = [], [], []
    best, best_err, best_step = None, np.inf, H
    fscale = max(fscale_floor, scaled_max(f0))
    con2 = RIDDERS_SHRINK**2
    for i in range(RIDDERS_ROWS):
        if i:
            H /= RIDDERS_SHRINK
            plus, minus = value_at(H), value_at(-H)
            if plus is None or minus is None:
                break
        steps.append(H)
        fscale = max(fscale, scaled_max(plus, minus))
        curvature.append(scaled_max(plus - 2 * f0 + minus) / H)
        row = [(plus - minus) / (2 * H)]
        fac = con2
        for j in range(1, i + 1):
            row.append((row[j - 1] * fac - table[-1][j - 1]) / (fac - 1))
            fac *= con2
            err = max(scaled_max(row[j] - row[j - 1]), scaled_max(row[j] - table[-1][j - 1]))
            if err <= best_err:
                best, best_err, best_step = row[j], err, H
        if i and i >= RIDDERS_MIN_ROWS - 1 and (
            scaled_max(row[i] - table[-1][i - 1]) >= 2 * best_err
        ):
            table.append(row)
            break
        table.append(row)
    if is_kink(curvature, steps, EPS * fscale):
        # Extrapolation assumes smoothness: keep the most local plain difference
        best, best_err, best_step, kink = table[-1][0], 0.0, steps[-1], True
    else:
        kink = False
        if best is None:
            best, best_err = table[0][0], np.inf
    roundoff = ROUNDOFF * EPS * fscale / best_step
    return best, max(best_err, roundoff), roundoff, kink, steps, fscale


def is_kink(curvature, steps, noise):
    """True when |f(x+h) - 2f(x) + f(x-h)| / h stays put as h shrinks.

    Smooth f: it falls like h (slope 1 in h). A kink: it is the jump in slope (slope 0).
    Round-off: it grows like 1/h. Below the noise nothing can be said.
    """
    if len(curvature) < 3 or curvature[0] * steps[0] <= 100 * noise or curvature[-1] == 0:
        return False
    slope = np.log(curvature[0] / curvature[-1]) / np.log(steps[0] / steps[-1])
    return abs(slope) < 0.4


def noise_level(value_at, f0, delta):
    """Standard deviation of the noise in f, from a sixth difference at spacing delta.

    For smooth f the sixth difference is about delta^6 f^(6), negligible; for noise of
    standard deviation sigma it has standard deviation sigma sqrt(924) (Hamming's
    difference table; More and Wild, "Estimating computational noise", 2011).
    """
    weights = (1, -6, 15, -20, 15, -6, 1)
    values = [f0 if j == 0 else value_at(j * delta) for j in range(-3, 4)]
    if any(v is None for v in values):
        return 0.0
    return scaled_max(sum(w * v for w, v in zip(weights, values))) / np.sqrt(924)


def pick(runs, sigma):
    """Of a large-step and a local Ridders run that both disagree with the claim.

    Noise of size sigma makes a run at step H uncertain by about 4 sigma / H (two
    values, amplified by the extrapolation): the error estimates are raised to that.
    Where the two runs contradict each other, either f varies on a shorter scale than
    the large steps (then the local run is right) or the local run is drowned in noise
    (then the large-step one is): the noise decides which.
    """
    (a, err_a, r_a, k_a, steps_a, fs_a), (b, err_b, r_b, k_b, steps_b, fs_b) = runs
    err_a = max(err_a, 4 * sigma / steps_a[-1])
    err_b = max(err_b, 4 * sigma / steps_b[-1])
    run_a = (a, err_a, r_a, k_a, steps_a, fs_a)
    run_b = (b, err_b, r_b, k_b, steps_b, fs_b)
    gap = scaled_max(a - b)
    if gap <= err_a + err_b:  # consistent: the more accurate one
        return run_a if err_a <= err_b else run_b
    return run_a if err_b >= gap else run_b


def run_check(problem, claimed, f, f0, h, structure_note=""):
    """Phase 1 (one central difference per direction), then Ridders where needed.

    ``problem`` gives ``size`` (number of directions), ``shift(k, t)`` (x + t v_k),
    ``scale(k)`` (the length scale of x along v_k) and ``index(k)``.
    """
    K = problem.size
    out_shape = claimed.shape[1:]
    seen = [0.0]  # the largest change |f(x + t v) - f(x)| of any evaluation

    def change(value):
        if value is not None:
            seen[0] = max(seen[0], scaled_max(value - f0))
        return value
    numeric = np.empty_like(claimed)
    err = np.empty(K)
    roundoff = np.empty(K)
    step = np.empty(K)
    fscale = np.empty(K)
    for k in range(K):
        h_k = h if h is not None else BASE_STEP * problem.scale(k)
        h_k = problem.exact_step(k, h_k)
        if h_k == 0.0:
            raise ValueError(
                f"h = {h!r} is too small for x along {problem.index(k)}: x + h rounds back to "
                "x in float64; use h=None (a step chosen per entry) or a larger h"
            )
        plus = change(f(problem.shift(k, h_k), "f(x + h e_i)"))
        minus = change(f(problem.shift(k, -h_k), "f(x - h e_i)"))
        numeric[k] = (plus - minus) / (2 * h_k)
        fscale[k] = max(scaled_max(f0), scaled_max(plus, minus))
        roundoff[k] = ROUNDOFF * EPS * fscale[k] / h_k
        step[k] = h_k
    err[:] = roundoff
    kink = np.zeros(K, dtype=bool)
    extrapolated = np.zeros(K, dtype=bool)
    steps_used = [float(step.min()), float(step.max())] if K else [0.0, 0.0]

    def extrapolate(ks):
        scale = compare(claimed, numeric, err)[2]
        for k in ks:
            value_at = lambda t: change(f.raw(problem.shift(k, t), "f(x + h v)"))  # noqa: E731
            # From large steps first (small round-off); if that disagrees with the
            # claim, again from the first step down, in case f varies on a shorter
            # scale than x (sin x at x = 1e5)
            runs, agreed = [], False
            for start in (RIDDERS_START * problem.scale(k), step[k]):
                with np.errstate(all="ignore"):
                    runs.append(ridders(value_at, f0, start, fscale[k]))
                # Agreement counts only from a run precise enough to tell a bug
                est, e = runs[-1][0], runs[-1][1]
                agreed = scaled_max(claimed[k] - est) <= max(e, PASS * scale) and e <= FAIL * scale
                if agreed:
                    break
            run = runs[-1]
            if len(runs) == 2 and not agreed:
                # A kink seen by the large steps stands; otherwise the noise decides
                run = runs[0] if runs[0][3] else pick(runs, noise_level(value_at, f0, step[k] / 100))
            est, e, r, knk, tried, fs = run
            numeric[k], err[k], roundoff[k], kink[k] = est, e, r, knk
            fscale[k] = fs
            extrapolated[k] = True
            for used in runs:
                steps_used[0] = min(steps_used[0], min(used[4]))
                steps_used[1] = max(steps_used[1], max(used[4]))

    def status():
        return compare(claimed, numeric, err)

    def resolved_disagreement(ks, diff, score, scale):
        # Beyond the error estimate, and by a wide margin where f proved noisy
        noisy = err[ks] > NOISY * roundoff[ks]
        margin = np.where(noisy, 10.0, 1.0) * np.maximum(err[ks], PASS * scale)
        return (score[ks] > PASS) & ~kink[ks] & (diff[ks] > margin)

    diff, score, scale = status()
    disagree = np.flatnonzero((score > PASS) & ~extrapolated)
    if disagree.size:
        # The worst few first: a confirmed disagreement settles the verdict cheaply
        order = disagree[np.argsort(-score[disagree])]
        extrapolate(order[:TRIAL])
        diff, score, scale = status()
        confirmed = np.any(resolved_disagreement(order[:TRIAL], diff, score, scale))
        if not confirmed:
            extrapolate(order[TRIAL:])
            diff, score, scale = status()
    # A resolution coarser than the gradient: extrapolate when a trial shows it helps
    coarse = np.flatnonzero((err > PASS * scale) & ~extrapolated)
    if coarse.size and not np.any(score > PASS):
        order = coarse[np.argsort(-err[coarse])]
        before = err[order[:TRIAL]].copy()
        extrapolate(order[:TRIAL])
        if np.all(err[order[:TRIAL]] <= PASS * scale) or np.all(err[order[:TRIAL]] < before / 100):
            extrapolate(order[TRIAL:])
        diff, score, scale = status()

    worst = int(np.argmax(score)) if K else 0
    fd_error = float(err.max()) if K else 0.0
    resolution = fd_error / PASS
    noisy = (err > NOISY * roundoff) & extrapolated
    with np.errstate(divide="ignore", invalid="ignore"):
        entry_rel = diff / np.maximum(
            np.max(np.abs(np.stack([claimed.reshape(K, -1), numeric.reshape(K, -1)])), axis=(0, 2)),
            resolution,
        )
    entry_rel = np.nan_to_num(entry_rel, nan=0.0)

    failing = score > PASS
    # Only extrapolated entries settle a failure: every disagreement in the first pass
    # is extrapolated, the worst first; a kink is a failure too (no gradient there)
    clear = np.zeros(K, dtype=bool)
    clear[extrapolated] = resolved_disagreement(np.flatnonzero(extrapolated), diff, score, scale)
    clear |= failing & kink
    k = worst
    if np.any(clear):
        verdict = "fail"
        k = int(np.argmax(np.where(clear, score, -1.0)))
        if kink[k]:
            reason = (
                f"f is not smooth at x along {problem.index(k)}: its slope jumps within "
                "the step (a kink), so no gradient exists there to match; check at a "
                "point away from the kink"
            )
        else:
            reason = (
                f"entry {problem.index(k)}: claimed {_fmt(claimed[k])}, finite differences "
                f"give {_fmt(numeric[k])} (error {err[k]:.1e})"
            )
    elif np.any(failing) or (np.any(noisy) and resolution > scale):
        verdict = "inconclusive"
        k = int(np.argmax(np.where(noisy, err, -1.0)))
        reason = (
            f"f is too noisy to resolve the gradient: along {problem.index(k)} its finite "
            f"differences are accurate only to {err[k]:.1e}, far above float64 round-off "
            f"({roundoff[k]:.1e}); is f computed in float32, by an iterative solver or "
            "with random numbers? Check a float64, deterministic f"
        )
    elif resolution > scale and scaled_max(claimed) > 0 and seen[0] <= 2 * ROUNDOFF * EPS * fscale.max():
        # f never changed by more than its round-off at any step: a nonzero claim is
        # invisible to finite differences here (a large constant offset hides f's
        # variation), so neither it nor its opposite can be told from 0
        verdict = "inconclusive"
        k = int(np.argmax(np.abs(claimed.reshape(K, -1)).max(axis=1)))
        reason = (
            f"f does not change by more than its round-off ({EPS * fscale.max():.1e}, f is about "
            f"{fscale.max():.1e}) at any step tried, up to {steps_used[1]:.1e}: the claimed "
            f"gradient (up to {scaled_max(claimed):.1e}) is below the resolution {resolution:.1e}, "
            "so finite differences cannot check it here; subtract a large constant from f"
        )
    else:
        verdict = "pass"
        if resolution > scale:
            reason = (
                "claimed and numerical gradients agree to the finite-difference error; "
                f"both are below the resolution {resolution:.1e} (a stationary point)"
            )
        else:
            reason = "claimed and numerical gradients agree entry by entry"
    return dict(
        verdict=verdict,
        relative_error=float(score[k]) if K else 0.0,
        max_abs_error=float(diff.max()) if K else 0.0,
        max_rel_error=float(entry_rel.max()) if K else 0.0,
        worst_index=problem.index(k) if K else (),
        resolution=resolution,
        fd_error=fd_error,
        steps=tuple(steps_used),
        n_extrapolated=int(extrapolated.sum()),
        reason=reason + structure_note,
        numeric=numeric,
    )


def _fmt(value):
    value = np.asarray(value)
    if value.size == 1:
        return f"{float(value.reshape(())):.6g}"
    return np.array2string(value, precision=4, threshold=6)


def typical_size(x):
    """The size of an entry of x below which steps stop shrinking: 1, or less for a tiny x."""
    largest = scaled_max(x)
    return min(1.0, largest) if largest > 0 else 1.0


class Coordinates:
    """Directions e_i over the entries of x (check_gradient, check_jacobian)."""

    def __init__(self, x):
        self.x, self.size = x, x.size
        self.flat = x.reshape(-1)
        self.typical = typical_size(x)

    def scale(self, k):
        return max(abs(self.flat[k]), self.typical)

    def exact_step(self, k, h):
        # (x_i + h) - x_i is the step actually taken after rounding
        return float((self.flat[k] + h) - self.flat[k])

    def shift(self, k, t):
        y = self.x.copy()
        y.reshape(-1)[k] += t
        return y

    def index(self, k):
        return tuple(int(i) for i in np.unravel_index(k, self.x.shape))


class SymmetricDirections:
    """Directions E_ii and E_ij + E_ji (i < j) that keep a symmetric X symmetric."""

    def __init__(self, x):
        self.x = x
        self.pairs = [(i, j) for i in range(x.shape[0]) for j in range(i, x.shape[0])]
        self.size = len(self.pairs)
        self.typical = typical_size(x)

    def scale(self, k):
        i, j = self.pairs[k]
        return max(abs(self.x[i, j]), self.typical)

    def exact_step(self, k, h):
        i, j = self.pairs[k]
        return float((self.x[i, j] + h) - self.x[i, j])

    def shift(self, k, t):
        i, j = self.pairs[k]
        y = self.x.copy()
        y[i, j] += t
        if i != j:
            y[j, i] += t
        return y

    def index(self, k):
        return self.pairs[k]

    def claimed(self, G):
        """<G, V_ij>: G_ii on the diagonal, G_ij + G_ji off it."""
        return np.array([G[i, j] + (G[j, i] if i != j else 0.0) for i, j in self.pairs])

    def unpack(self, values):
        """The symmetric matrix whose <., V_ij> are values: sym convention."""
        G = np.zeros(self.x.shape)
        for (i, j), v in zip(self.pairs, values):
            G[i, j] = G[j, i] = v if i == j else v / 2
        return G


class RandomDirections:
    """n_dirs random unit directions (check_gradient_directional)."""

    def __init__(self, x, rng, n_dirs):
        self.x, self.size = x, n_dirs
        self.u = []
        for _ in range(n_dirs):
            u = rng.standard_normal(x.shape)
            self.u.append(u / np.linalg.norm(u))
        self.length = max(scaled_max(x), typical_size(x))

    def scale(self, k):
        return self.length

    def exact_step(self, k, h):
        return h

    def shift(self, k, t):
        return self.x + t * self.u[k]

    def index(self, k):
        return (k,)


def diagnose(a, n, square, symmetric_x):
    """The common mistake claimed gradient a makes with respect to numeric n, if any."""
    if matches(a, n):
        return None
    if square:
        if symmetric_x and a.ndim == 2 and (
            matches(np.triu(n, 1), 0 * n) or matches(np.tril(n, -1), 0 * n)
        ):
            return (
                "one triangle: the numerical gradient is triangular because f reads one "
                "triangle of the symmetric x (Cholesky, eigh, eigvalsh); check with "
                'structure="symmetric"'
            )
        if matches(np.swapaxes(a, 0, 1), n):
            return "transposed: the claimed gradient is the transpose of the numerical one"
        sym_n = (n + np.swapaxes(n, 0, 1)) / 2
        if not matches(sym_n, n) and matches(a, sym_n):
            return (
                "symmetric part only: the claimed gradient is sym(G) = (G + G^T)/2 of the "
                "numerical G, which is not symmetric (a formula derived for a symmetric "
                "matrix, such as 2Ax, used for a general one)"
            )
    for name, b in [
        ("sign: the claimed gradient is minus the numerical one", -a),
        ("factor 2: the claimed gradient is twice the numerical one", a / 2),
        ("factor 1/2: the claimed gradient is half the numerical one", 2 * a),
    ]:
        if matches(b, n):
            return name
    return None


def matches(b, n):
    """b equals n to 1e-4 of their scale, entry by entry."""
    m = scaled_max(b, n)
    if m == 0:
        return True
    return scaled_max(b / m - n / m) <= 1e-4 * (scaled_max(b / m) + scaled_max(n / m))
