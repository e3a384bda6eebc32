"""Exercise: the gradient of tr(A X B) with respect to X."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(11)
A = rng.standard_normal((4, 2))
X = rng.standard_normal((2, 3))
B = rng.standard_normal((3, 4))

# d tr(A X B) = tr(A dX B) = tr(B A dX) = tr(((B A)^T)^T dX),
# so G = (B A)^T = A^T B^T
G = A.T @ B.T
assert G.shape == X.shape
assert check_gradient(
    lambda X: np.trace(A @ X @ B), lambda X: A.T @ B.T, X
) < 1e-9
# --8<-- [end:body]
