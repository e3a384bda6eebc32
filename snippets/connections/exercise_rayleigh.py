"""Exercise: the gradient of the Rayleigh quotient vanishes exactly at eigenvectors."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(10)
M = rng.standard_normal((4, 4))
A = M + M.T
R = lambda x: (x @ A @ x) / (x @ x)
grad_R = lambda x: 2 * (A @ x - R(x) * x) / (x @ x)  # quotient rule
assert check_gradient(R, grad_R, rng.standard_normal(4)) < 1e-9

lams, V = np.linalg.eigh(A)
for lam, v in zip(lams, V.T):
    np.testing.assert_allclose(grad_R(3.0 * v), 0, atol=1e-12)  # any scale
    np.testing.assert_allclose(R(v), lam, rtol=1e-12)
# --8<-- [end:body]
