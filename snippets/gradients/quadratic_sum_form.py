"""Step 1 of the x^T A x derivation: the matrix form equals the double sum."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(1)
n = 4
A = rng.standard_normal((n, n))  # not symmetric
x = rng.standard_normal(n)

double_sum = sum(A[i, j] * x[i] * x[j] for i in range(n) for j in range(n))
np.testing.assert_allclose(x @ A @ x, double_sum)
# --8<-- [end:body]
