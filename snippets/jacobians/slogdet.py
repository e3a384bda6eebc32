"""log det through slogdet: the determinant itself underflows, its logarithm does not."""
# --8<-- [start:body]
import numpy as np

n = 400
A = 0.1 * np.eye(n) + 0.01 * np.random.default_rng(19).standard_normal((n, n))

sign, logabsdet = np.linalg.slogdet(A)  # from the LU factors, summing logs
assert sign != 0 and np.isfinite(logabsdet)
assert logabsdet / np.log(10) < -324  # |det A| < 1e-324, below every float64
with np.errstate(divide="ignore"):
    assert np.linalg.det(A) == 0.0  # |det A| is far below 1e-308: it underflows
    assert np.log(abs(np.linalg.det(A))) == -np.inf

# The same number from the eigenvalues, summed as logarithms
np.testing.assert_allclose(logabsdet, np.log(np.abs(np.linalg.eigvals(A))).sum())
# --8<-- [end:body]
