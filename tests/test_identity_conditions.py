"""Every row's conditions are no weaker and no stronger than the truth.

Random inputs almost never land on the edge of a condition (a zero entry, a
singular matrix, a symmetric matrix among general ones), so a stated
condition can be too weak or too strict and every other check still passes.
``matcalc.identities.EDGES`` names, for each condition, points just inside it
and points just outside it. For every registry row and every variable, this
test puts that variable on each edge point (the others drawn as usual) and
compares the row's derivative with one-sided differences in random
directions:

- inside the condition the formula must hold (forward and backward
  differences agree with it);
- outside it the formula must break (it cannot be evaluated, or a one-sided
  difference disagrees with it): if it still holds there, the stated
  condition excludes points where the formula is true.

One-sided differences, not central ones: at a kink such as |x| at 0 the
central difference is 0 and would agree with sign(0) = 0.
"""

import numpy as np
import pytest

from matcalc.identities import EDGES, IDENTITIES, KINDS

IDS = [entry.id for entry in IDENTITIES]
H = 1e-6
HOLDS, BREAKS = 1e-4, 1e-2  # relative disagreement of a one-sided difference


def _disagreement(entry, inputs, rng):
    """Largest relative gap between the derivative and one-sided differences; inf if it cannot be evaluated."""
    with np.errstate(all="ignore"):
        try:
            x = np.asarray(inputs[entry.wrt], dtype=np.float64)
            at = entry.at(inputs)
            derivative = np.asarray(at.derivative(x), dtype=np.float64)
            f0 = np.asarray(at.f(x), dtype=np.float64)
            worst = 0.0
            for _ in range(3):
                v = rng.standard_normal(x.shape)
                # Denominator layout: df = <v, D> contracted over the variable's axes
                linear = np.tensordot(v, derivative, axes=v.ndim)
                for side in (1.0, -1.0):
                    step = np.asarray(at.f(x + side * H * v), dtype=np.float64)
                    difference = side * (step - f0) / H
                    if not (np.all(np.isfinite(difference)) and np.all(np.isfinite(linear))):
                        return np.inf
                    gap = np.linalg.norm(difference - linear)
                    worst = max(worst, gap / max(1.0, np.linalg.norm(linear)))
            return worst
        except (np.linalg.LinAlgError, ZeroDivisionError, FloatingPointError):
            return np.inf


def _edge_cases(entry):
    """(variable, side, label, inputs) for every edge point of every variable of the row."""
    base = entry.sample(np.random.default_rng(0))
    for name, var in entry.variables.items():
        if var.differential:
            continue
        inside, outside = EDGES[var.kind]
        shape = np.shape(base[name])
        for side, points in (("inside", inside(shape)), ("outside", outside(shape))):
            for label, value in points:
                yield name, side, label, {**base, name: np.asarray(value, dtype=np.float64)}


def test_every_kind_has_edges():
    assert set(EDGES) == set(KINDS), "each condition needs its points just inside and just outside"


@pytest.mark.parametrize("identity_id", IDS)
def test_conditions_are_exact(identity_id):
    entry = next(e for e in IDENTITIES if e.id == identity_id)
    problems = []
    for name, side, label, inputs in _edge_cases(entry):
        gap = _disagreement(entry, inputs, np.random.default_rng(1))
        if side == "inside" and not gap < HOLDS:
            problems.append(f"breaks inside its condition: {name} {label} (gap {gap:.2g})")
        if side == "outside" and not gap > BREAKS:
            problems.append(f"holds outside its stated condition: {name} {label} (gap {gap:.2g})")
    assert not problems, f"{identity_id}: " + "; ".join(problems)
