"""Exercise: backpropagate through y = A x without forming a product of Jacobians by hand."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(7)
A = rng.standard_normal((4, 3))
c = rng.standard_normal(4)
x = rng.standard_normal(3)


def loss(x):
    y = A @ x
    return c @ y  # L = c^T A x


# Denominator layout: grad_x L = J_{x->y} grad_y L = A^T c, shaped like x
grad_x = A.T @ c
assert grad_x.shape == x.shape
assert check_gradient(loss, lambda x: A.T @ c, x) < 1e-8
# --8<-- [end:body]
