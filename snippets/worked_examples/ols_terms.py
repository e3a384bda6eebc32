"""OLS: the loss expanded (O1) and the gradient of each term (O2-O4), each checked."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
A = rng.standard_normal((20, 3))  # 20 observations, 3 features
b = rng.standard_normal(20)
w = rng.standard_normal(3)

L = lambda w: np.sum((A @ w - b) ** 2)
# O1: ||Aw - b||^2 = w^T A^T A w - 2 b^T A w + b^T b
expanded = w @ A.T @ A @ w - 2 * b @ A @ w + b @ b
assert abs(L(w) - expanded) < 1e-10 * L(w)

# O2: A^T A is symmetric, so the quadratic term has gradient 2 A^T A w
quad = lambda w: w @ A.T @ A @ w
assert check_gradient(quad, lambda w: 2 * A.T @ A @ w, w) < 1e-9
# O3: the linear term
assert check_gradient(lambda w: -2 * b @ A @ w, lambda w: -2 * A.T @ b, w) < 1e-9
# O4: b^T b does not depend on w
# exact: f does not depend on w, so every difference is exactly 0
assert check_gradient(lambda w: b @ b, lambda w: np.zeros_like(w), w) == 0.0

# O5: the sum
grad_L = lambda w: 2 * A.T @ A @ w - 2 * A.T @ b
assert check_gradient(L, grad_L, w) < 1e-9
# --8<-- [end:body]
