"""Gradient descent, Newton's method and quasi-Newton updates, small enough to read.

Layout: denominator. ``grad(x)`` has the shape of x (a 1-D array here) and
``hess(x)`` is the symmetric n-by-n Hessian, H[i, j] = d^2 f / dx_i dx_j.

The optimisers return every iterate, shape (k + 1, n) with x0 first, so that
pages, figures and tests measure the same trajectories. Each Newton step
solves H dx = -grad with np.linalg.solve: forming H^{-1} costs as much and
is less accurate.
"""

import numpy as np


# --8<-- [start:gradient_descent]
def gradient_descent(grad, x0, lr, *, tol=1e-8, max_iter=10_000):
    """Iterates of x <- x - lr * grad(x) until ||grad(x)|| <= tol."""
    x = np.array(x0, dtype=np.float64)
    path = [x.copy()]
    for _ in range(max_iter):
        g = grad(x)
        if np.linalg.norm(g) <= tol:
            break
        x = x - lr * g
        path.append(x.copy())
    return np.array(path)
# --8<-- [end:gradient_descent]


# --8<-- [start:newton]
def newton(grad, hess, x0, *, tol=1e-8, max_iter=100):
    """Iterates of x <- x + dx, hess(x) dx = -grad(x), until ||grad|| <= tol."""
    x = np.array(x0, dtype=np.float64)
    path = [x.copy()]
    for _ in range(max_iter):
        g = grad(x)
        if np.linalg.norm(g) <= tol:
            break
        x = x + np.linalg.solve(hess(x), -g)  # a linear solve, never inv(H) @ g
        path.append(x.copy())
    return np.array(path)
# --8<-- [end:newton]


# --8<-- [start:quadratic]
def quadratic(A, b):
    """f(x) = x^T A x / 2 - b^T x (A symmetric), its gradient and Hessian."""
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)

    def f(x):
        return 0.5 * x @ A @ x - b @ x

    def grad(x):
        return A @ x - b

    def hess(x):
        return A

    return f, grad, hess
# --8<-- [end:quadratic]


# --8<-- [start:lse_ridge]
def lse_ridge(A, mu):
    """f(x) = lse(A x) + mu ||x||^2 / 2: smooth, strongly convex, not quadratic.

    With p = softmax(A x): grad = A^T p + mu x and
    H = A^T (diag(p) - p p^T) A + mu I.
    """
    A = np.asarray(A, dtype=np.float64)

    def softmax(z):
        e = np.exp(z - z.max())  # shifted: exp never overflows
        return e / e.sum()

    def f(x):
        z = A @ x
        return z.max() + np.log(np.sum(np.exp(z - z.max()))) + 0.5 * mu * x @ x

    def grad(x):
        return A.T @ softmax(A @ x) + mu * x

    def hess(x):
        p = softmax(A @ x)
        return A.T @ (np.diag(p) - np.outer(p, p)) @ A + mu * np.eye(A.shape[1])

    return f, grad, hess
# --8<-- [end:lse_ridge]


# --8<-- [start:bfgs_update]
def bfgs_update(H_inv, s, y):
    """BFGS update of an inverse-Hessian estimate H_inv.

    s is the step taken and y the change of gradient it caused. The result M
    satisfies the secant equation M y = s and stays symmetric positive
    definite when y^T s > 0.
    """
    rho = 1.0 / (y @ s)
    V = np.eye(len(s)) - rho * np.outer(s, y)
    return V @ H_inv @ V.T + rho * np.outer(s, s)
# --8<-- [end:bfgs_update]


# --8<-- [start:lbfgs_direction]
def lbfgs_direction(g, steps, changes, gamma=1.0):
    """H_k^{-1} g by the L-BFGS two-loop recursion, in O(k n) time and memory.

    ``steps`` and ``changes`` are the last k pairs (s_i, y_i), oldest first;
    H_k^{-1} is what k BFGS updates of gamma * I would give, never formed.
    """
    q = np.array(g, dtype=np.float64)
    rhos = [1.0 / (y @ s) for s, y in zip(steps, changes)]
    alphas = []
    for s, y, rho in reversed(list(zip(steps, changes, rhos))):
        alpha = rho * (s @ q)
        q -= alpha * y
        alphas.append(alpha)
    r = gamma * q
    for (s, y, rho), alpha in zip(zip(steps, changes, rhos), reversed(alphas)):
        beta = rho * (y @ r)
        r += (alpha - beta) * s
    return r
# --8<-- [end:lbfgs_direction]
