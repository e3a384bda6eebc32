"""A BFGS update of the inverse-Hessian estimate satisfies the secant equation."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import bfgs_update, lse_ridge

rng = np.random.default_rng(6)
A = rng.standard_normal((8, 3))
f, grad, hess = lse_ridge(A, mu=0.5)

x, x_new = rng.standard_normal(3), rng.standard_normal(3)
s = x_new - x  # the step taken
y = grad(x_new) - grad(x)  # the change of gradient it caused
assert y @ s > 0  # curvature condition, guaranteed for a convex f

M = bfgs_update(np.eye(3), s, y)
np.testing.assert_allclose(M @ y, s, rtol=1e-12)  # secant: M maps y back to s
np.testing.assert_allclose(M, M.T, atol=1e-15)
assert np.linalg.eigvalsh(M).min() > 0  # still positive definite

# By the mean value theorem y = H_bar s for the Hessian averaged along the step,
# so M mimics the inverse Hessian there, built from gradients alone
N = 1000
H_bar = sum(hess(x + (k + 0.5) / N * s) for k in range(N)) / N  # midpoint rule
np.testing.assert_allclose(H_bar @ s, y, rtol=1e-5)
# --8<-- [end:body]
