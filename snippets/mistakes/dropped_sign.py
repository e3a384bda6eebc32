"""Wrong: d||X - UV||^2/dV = 2 U^T (X - UV). Right: -2 U^T (X - UV)."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
X = rng.standard_normal((6, 5))
U = rng.standard_normal((6, 2))
V = rng.standard_normal((2, 5))
f = lambda V: np.sum((X - U @ V) ** 2)

wrong = lambda V: 2 * U.T @ (X - U @ V)
right = lambda V: -2 * U.T @ (X - U @ V)
assert check_gradient(f, wrong, V) > 0.99  # exactly opposite: relative error 1
assert check_gradient(f, right, V) < 1e-9

# Descent with the wrong sign climbs
lr = 0.01
assert f(V - lr * wrong(V)) > f(V) > f(V - lr * right(V))
# --8<-- [end:body]
