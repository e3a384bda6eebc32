"""Why slogdet and solve: det over- and underflows, inv(A) @ b loses digits."""
# --8<-- [start:body]
import numpy as np

# det of a 400 x 400 matrix: 0.1^400 underflows to 0, 10^400 overflows to inf
small, large = 0.1 * np.eye(400), 10.0 * np.eye(400)
assert np.linalg.det(small) == 0.0  # exact: 1e-400 rounds to 0; log(det) would be -inf
with np.errstate(over="ignore"):
    assert np.linalg.det(large) == np.inf  # exact: 1e400 overflows to inf
sign, logabsdet = np.linalg.slogdet(small)
# exact: slogdet's sign is -1, 0 or 1
assert sign == 1.0 and np.isclose(logabsdet, 400 * np.log(0.1))
assert np.isclose(np.linalg.slogdet(large).logabsdet, 400 * np.log(10.0))

# Solving A x = b: solve is backward stable, inv(A) @ b is not
n = 12
i = np.arange(n)
A = 1.0 / (i[:, None] + i[None, :] + 1.0)  # Hilbert matrix, cond ~ 1e16
b = A @ np.ones(n)
residual_solve = np.linalg.norm(A @ np.linalg.solve(A, b) - b)
residual_inv = np.linalg.norm(A @ (np.linalg.inv(A) @ b) - b)
assert residual_solve < 1e-12
assert residual_inv > 1e3 * residual_solve
# --8<-- [end:body]
