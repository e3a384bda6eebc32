"""On an indefinite quadratic Newton's step lands on the saddle point."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import gradient_descent, newton, quadratic

A = np.diag([1.0, -2.0])  # one positive and one negative curvature
f, grad, hess = quadratic(A, np.zeros(2))
x0 = np.array([0.6, 0.8])

path = newton(grad, hess, x0)
saddle = path[1]
np.testing.assert_allclose(saddle, [0.0, 0.0], atol=1e-15)
np.testing.assert_allclose(grad(saddle), 0.0, atol=1e-15)  # stationary...
assert f(saddle) > f(x0)  # ...reached by going uphill

# ...and not a minimum: f decreases along the negative-curvature eigenvector
lam, V = np.linalg.eigh(hess(saddle))
assert lam[0] < 0 < lam[1]
assert f(saddle + 0.1 * V[:, 0]) < f(saddle)

# Gradient descent leaves the saddle along that direction, and f keeps falling
path = gradient_descent(grad, x0, 0.1, max_iter=30)
assert abs(path[-1][1]) > 10 * abs(x0[1])
assert f(path[-1]) < f(x0)
# --8<-- [end:body]
