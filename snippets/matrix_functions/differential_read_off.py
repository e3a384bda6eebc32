"""The differentials method on tr(X^T X): write df = tr(G^T dX), read off G."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import check_differential

rng = np.random.default_rng(1)
X = rng.standard_normal((4, 3))
dX = rng.standard_normal((4, 3))  # any direction, not small: df is linear in it


def f(X):
    return np.trace(X.T @ X)  # = ||X||_F^2


# Step 1: product rule, d(X^T X) = dX^T X + X^T dX
def df_product(X, dX):
    return np.trace(dX.T @ X + X.T @ dX)


assert check_differential(f, df_product, X, dX) < 1e-9


# Step 2: tr(M^T) = tr(M) turns tr(dX^T X) into tr(X^T dX), so df = 2 tr(X^T dX)
def df_collected(X, dX):
    return 2 * np.trace(X.T @ dX)


assert check_differential(f, df_collected, X, dX) < 1e-9

# Step 3: tr(G^T dX) = sum_ij G_ij dX_ij is the Frobenius inner product <G, dX>
G = 2 * X
np.testing.assert_allclose(np.trace(G.T @ dX), np.sum(G * dX))

# Step 4: read off the gradient, G = 2X, shaped like X
assert check_gradient(f, lambda X: 2 * X, X) < 1e-9


def frobenius_squared(X):
    return np.linalg.norm(X, "fro") ** 2  # the same function


assert check_gradient(frobenius_squared, lambda X: 2 * X, X) < 1e-9
# --8<-- [end:body]
