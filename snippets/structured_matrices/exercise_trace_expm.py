"""Exercise: the gradient of tr(expm(X)) is expm(X)^T."""
# --8<-- [start:body]
import numpy as np
from scipy.linalg import expm, expm_frechet

from matcalc import check_gradient

rng = np.random.default_rng(12)
X = rng.standard_normal((4, 4)) / 2
f = lambda X: np.trace(expm(X))
# With C = I the rule gives L(X^T, I); I commutes with X^T, so L(X^T, I) = expm(X^T)
np.testing.assert_allclose(expm_frechet(X.T, np.eye(4), compute_expm=False), expm(X).T, rtol=1e-10)
assert check_gradient(f, lambda X: expm(X).T, X) < 1e-8
assert check_gradient(f, lambda X: expm(X), X) > 1e-3  # the transpose matters
# --8<-- [end:body]
