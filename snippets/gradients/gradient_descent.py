"""Gradient descent on a convex quadratic reaches the minimiser that a linear solve gives."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(4)
n = 5
M = rng.standard_normal((n, n))
A = M @ M.T + n * np.eye(n)  # symmetric positive definite
b = rng.standard_normal(n)


def f(x):
    return x @ A @ x - 2 * b @ x


def grad_f(x):
    return 2 * A @ x - 2 * b  # S3 and S1


# grad f = 0 gives A x = b: solve the system, never form inv(A)
x_star = np.linalg.solve(A, b)
np.testing.assert_allclose(grad_f(x_star), 0.0, atol=1e-12)

# With H = 2A, any step size below 2 / lambda_max(H) makes every step go downhill
lr = 1 / np.linalg.eigvalsh(2 * A).max()
x = np.zeros(n)
values = [f(x)]
for _ in range(100):
    x = x - lr * grad_f(x)
    values.append(f(x))
# Later steps change f by less than round-off
assert np.all(np.diff(values[:20]) < 0)
np.testing.assert_allclose(x, x_star, atol=1e-8)
# --8<-- [end:body]
