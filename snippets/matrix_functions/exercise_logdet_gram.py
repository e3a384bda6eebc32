"""Exercise: the gradient of log det(X^T X) for a tall X of full column rank."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(12)
n, k = 6, 3
X = rng.standard_normal((n, k))  # full column rank: X^T X is positive definite


def f(X):
    sign, logdet = np.linalg.slogdet(X.T @ X)
    assert sign > 0
    return logdet


# d log det M = tr(M^{-1} dM) with M = X^T X and dM = dX^T X + X^T dX:
# df = 2 tr(M^{-1} X^T dX), so G = 2 X M^{-1} (M is symmetric)
def grad_f(X):
    return 2 * np.linalg.solve(X.T @ X, X.T).T  # X M^{-1} = (M^{-1} X^T)^T


assert grad_f(X).shape == X.shape
assert check_gradient(f, grad_f, X) < 1e-8
# --8<-- [end:body]
