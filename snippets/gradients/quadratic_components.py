"""Steps 2-3: the partial derivative d f / d x_k, as two sums and as (Ax)_k + (A^T x)_k."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(1)
n = 4
A = rng.standard_normal((n, n))
x = rng.standard_normal(n)
h = 1e-5


def f(x):
    return x @ A @ x


for k in range(n):
    # Step 2: x_k appears as x_i (i = k) and as x_j (j = k)
    two_sums = (sum(A[k, j] * x[j] for j in range(n))
                + sum(A[i, k] * x[i] for i in range(n)))
    # Step 3: the two sums are entries of matrix-vector products
    np.testing.assert_allclose(two_sums, (A @ x)[k] + (A.T @ x)[k])
    # Both agree with a central difference along the k-th axis
    e_k = np.eye(n)[k]
    slope = (f(x + h * e_k) - f(x - h * e_k)) / (2 * h)
    np.testing.assert_allclose(two_sums, slope, rtol=1e-8)
# --8<-- [end:body]
