"""L-BFGS: the two-loop recursion applies k BFGS updates in O(k n), never forming a matrix."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import (
    bfgs_update,
    gradient_descent,
    lbfgs_direction,
    lse_ridge,
)

rng = np.random.default_rng(7)
n, k = 50, 5
A = rng.standard_normal((100, n))
f, grad, hess = lse_ridge(A, mu=0.1)

# The two-loop recursion equals k explicit BFGS updates of gamma I
steps = [rng.standard_normal(n) for _ in range(k)]
changes = [grad(s) - grad(np.zeros(n)) for s in steps]  # steps taken from 0
gamma = 0.5
M = gamma * np.eye(n)
for s, y in zip(steps, changes):
    M = bfgs_update(M, s, y)  # n x n: O(n^2) memory
g = rng.standard_normal(n)
np.testing.assert_allclose(
    lbfgs_direction(g, steps, changes, gamma), M @ g, rtol=1e-10
)

# A minimal L-BFGS: last k pairs, gamma = s^T y / y^T y, backtracking
x = np.zeros(n)
g = grad(x)
steps, changes = [], []
for iteration in range(1000):
    if np.linalg.norm(g) <= 1e-8:
        break
    gamma = 1.0
    if steps:
        gamma = steps[-1] @ changes[-1] / (changes[-1] @ changes[-1])
    d = -lbfgs_direction(g, steps, changes, gamma)
    t = 1.0
    while f(x + t * d) > f(x) + 1e-4 * t * (g @ d):  # Armijo condition
        t /= 2
    x_new = x + t * d
    g_new = grad(x_new)
    steps, changes = (steps + [x_new - x])[-k:], (changes + [g_new - g])[-k:]
    x, g = x_new, g_new

assert np.linalg.norm(grad(x)) <= 1e-8
# The whole memory: 2k vectors of length n
assert sum(v.size for v in steps + changes) == 2 * k * n

# Gradient descent with step 1 / L (L bounds the curvature) needs far more steps
L = np.linalg.norm(A, 2) ** 2 / 2 + 0.1  # the Hessian never exceeds this
gd = gradient_descent(grad, np.zeros(n), 1 / L, tol=1e-8, max_iter=100_000)
assert len(gd) - 1 > 10 * iteration
# --8<-- [end:body]
