"""Check one row of the identity tables the way tests/test_identities.py does."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.identities import by_id

row = by_id("log-abs-det")
assert row.latex["derivative"] == r"A^{-\T}"

rng = np.random.default_rng(0)
inputs = row.sample(rng, {"n": 4})  # invertible, not symmetric, well conditioned
at = row.at(inputs)  # f and its derivative as functions of A alone

assert check_gradient(at.f, at.derivative, at.x) < 1e-6
for name, wrong in at.wrong.items():  # A^{-1}: the transpose forgotten
    assert check_gradient(at.f, wrong, at.x) > 1e-3, name
# --8<-- [end:body]
