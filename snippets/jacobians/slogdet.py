"""log det through slogdet: the determinant itself underflows, its logarithm does not."""
# --8<-- [start:body]
import numpy as np

n = 400
A = 0.1 * np.eye(n) + 0.01 * np.random.default_rng(19).standard_normal((n, n))

sign, logabsdet = np.linalg.slogdet(A)  # from the LU factors, summing logs
assert sign != 0 and np.isfinite(logabsdet)  # exact: sign is -1, 0 or 1
assert logabsdet / np.log(10) < -324  # |det A| < 1e-324, below every float64
with np.errstate(divide="ignore"):
    # exact: |det A| = e^-794 is below half the smallest float64 (e^-745): it rounds to 0
    assert np.linalg.det(A) == 0.0
    assert np.log(abs(np.linalg.det(A))) == -np.inf  # exact: log(0) is -inf

# The same number from the eigenvalues, summed as logarithms
np.testing.assert_allclose(logabsdet, np.log(np.abs(np.linalg.eigvals(A))).sum())
# --8<-- [end:body]
