"""O6: setting grad ||A x - b||^2 = 0 gives the normal equations; the residual is orthogonal to A's columns."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
A = rng.standard_normal((30, 4))
b = rng.standard_normal(30)
x, *_ = np.linalg.lstsq(A, b, rcond=None)
r = A @ x - b

# grad = 2 A^T (A x - b) = 0 is A^T A x = A^T b, i.e. A^T r = 0
np.testing.assert_allclose(A.T @ r, 0, atol=1e-12)
np.testing.assert_allclose(x, np.linalg.solve(A.T @ A, A.T @ b), rtol=1e-10)
# A x is the orthogonal projection of b onto the column space of A
Q, _ = np.linalg.qr(A)
np.testing.assert_allclose(A @ x, Q @ (Q.T @ b), atol=1e-12)
# --8<-- [end:body]
