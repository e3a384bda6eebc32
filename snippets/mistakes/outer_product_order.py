"""Wrong: grad_W (u^T W v) = v u^T. Right: u v^T, shaped like W."""
# --8<-- [start:body]
import numpy as np
import pytest

from matcalc import check_gradient

rng = np.random.default_rng(0)
u, v = rng.standard_normal(3), rng.standard_normal(3)
W = rng.standard_normal((3, 3))  # square: the wrong answer has the right shape
f = lambda W: u @ W @ v

wrong = lambda W: np.outer(v, u)
right = lambda W: np.outer(u, v)
assert check_gradient(f, wrong, W) > 0.1  # rejected by its values
assert check_gradient(f, right, W) < 1e-9

# With a non-square W the wrong answer cannot even take the shape of W
u4 = rng.standard_normal(4)
W43 = rng.standard_normal((4, 3))
with pytest.raises(ValueError, match="shape"):
    check_gradient(lambda W: u4 @ W @ v, lambda W: np.outer(v, u4), W43)
# --8<-- [end:body]
