"""A numerator-layout (row) gradient in the update broadcasts instead of failing."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(5)
n = 3
a = rng.standard_normal(n)
x_col = rng.standard_normal((n, 1))  # x stored as an n x 1 column
lr = 0.1

grad_col = a.reshape(n, 1)  # denominator layout: shaped like x
grad_row = a.reshape(1, n)  # numerator layout: a 1 x n row

assert (x_col - lr * grad_col).shape == (n, 1)  # the update we meant
# The row version raises no error: broadcasting makes an n x n matrix
assert (x_col - lr * grad_row).shape == (n, n)
np.testing.assert_allclose(x_col - lr * grad_row.T, x_col - lr * grad_col)
# --8<-- [end:body]
