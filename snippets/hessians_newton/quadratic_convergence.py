"""Newton converges quadratically near a minimum with nonsingular H; gradient descent linearly."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import gradient_descent, lse_ridge, newton

rng = np.random.default_rng(5)
A = rng.standard_normal((8, 3))
f, grad, hess = lse_ridge(A, mu=0.5)  # smooth, strongly convex, not quadratic
x0 = np.full(3, 2.0)

path = newton(grad, hess, x0, tol=1e-14)
x_star = path[-1]
assert np.linalg.norm(grad(x_star)) <= 1e-14
errors = np.linalg.norm(path[:-1] - x_star, axis=1)  # e_k = ||x_k - x*||

# e_{k+1} <= C e_k^2: once close, the number of correct digits doubles
C = 0.5
assert np.all(errors[1:] <= C * errors[:-1] ** 2)
assert errors[-2] < 1e-4 and errors[-1] < 1e-10
assert len(path) - 1 <= 8

# Gradient descent from the same start: e_{k+1} / e_k tends to a constant rate
lr = 0.3
gd = gradient_descent(grad, x0, lr, tol=1e-12)
gd_errors = np.linalg.norm(gd - x_star, axis=1)
lam = np.linalg.eigvalsh(hess(x_star))
rate = max(abs(1 - lr * lam[0]), abs(1 - lr * lam[-1]))
np.testing.assert_allclose(gd_errors[-1] / gd_errors[-2], rate, rtol=1e-2)
assert len(gd) - 1 > 10 * (len(path) - 1)
# --8<-- [end:body]
