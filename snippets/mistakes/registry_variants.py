"""The identity registry's wrong variants for this page's mistakes, each rejected."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.identities import by_id

rng = np.random.default_rng(0)
MISTAKES = [
    "bilinear-matrix",  # v u^T for u v^T
    "log-abs-det",  # A^-1 for A^-T
    "det-invertible",  # det(A) A^-1 for det(A) A^-T
    "trace-inverse-product",  # missing transposes, sign error
    "log-det-spd",  # the 'symmetric gradient' 2 S^-1 - S^-1 o I
    "trace-inverse-symmetric",  # the same, and a sign error
]


def rejected(f, grad, x):
    # A wrong shape is refused before any number is compared
    try:
        return check_gradient(f, grad, x) > 1e-3
    except ValueError:
        return True


for identity_id in MISTAKES:
    entry = by_id(identity_id)
    at = entry.at(entry.sample(rng))
    assert check_gradient(at.f, at.derivative, at.x) < 1e-7, identity_id
    assert at.wrong, identity_id
    for name, wrong in at.wrong.items():
        assert rejected(at.f, wrong, at.x), (identity_id, name)
# --8<-- [end:body]
