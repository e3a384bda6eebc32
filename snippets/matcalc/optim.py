"""Gradient descent, Newton's method and quasi-Newton updates, small enough to read.

Layout: denominator. ``grad(x)`` has the shape of x (a 1-D array here) and
``hess(x)`` is the symmetric n-by-n Hessian, H[i, j] = d^2 f / dx_i dx_j.

The optimisers return every iterate, shape (k + 1, n) with x0 first, so that
pages, figures and tests measure the same trajectories. Each Newton step
solves H dx = -grad with np.linalg.solve: forming H^{-1} costs as much and
is less accurate.

Bad input raises ValueError naming the argument. An iteration that meets a
non-finite gradient, Hessian or iterate stops there and raises
NonFiniteIterateError (a ValueError) saying which, with the finite iterates
so far in its ``path``.
"""

import numpy as np

from matcalc._validate import count, float_array, positive, square_matrix

__all__ = [
    "NonFiniteIterateError", "bfgs_update", "gradient_descent", "lbfgs_direction",
    "lse_ridge", "newton", "quadratic",
]


class NonFiniteIterateError(ValueError):
    """An iteration met NaN or infinity; ``path`` holds the finite iterates before it."""

    def __init__(self, message, path):
        super().__init__(message)
        self.path = np.array(path)


def _start(x0, tol, max_iter):
    x = float_array(x0, "x0", ndim=1)
    return x, positive(tol, "tol", allow_zero=True), count(max_iter, "max_iter")


def _finite(value, what, k, shape, path):
    """value as an array of `shape`; NonFiniteIterateError if it holds NaN or infinity."""
    value = np.asarray(value, dtype=np.float64)
    if value.shape != shape:
        raise ValueError(f"{what} at iterate {k} has shape {value.shape}, expected {shape}")
    if not np.all(np.isfinite(value)):
        raise NonFiniteIterateError(f"stopped at iterate {k}: {what} is not finite "
                                    "(NaN or infinity; a step size too large diverges)", path)
    return value


# --8<-- [start:gradient_descent]
def gradient_descent(grad, x0, lr, *, tol=1e-8, max_iter=10_000):
    """Iterates of x <- x - lr * grad(x) until ||grad(x)|| <= tol.

    x0 is a 1-D float array of shape (n,), grad(x) returns shape (n,). Returns
    the iterates, shape (k + 1, n), x0 first. Raises ValueError for bad
    arguments and NonFiniteIterateError at the first non-finite gradient or iterate.
    Method: steepest descent with a fixed step (Nocedal & Wright, Numerical
    Optimization, 2nd ed., sec. 2.2).
    """
    x, tol, max_iter = _start(x0, tol, max_iter)
    lr = positive(lr, "lr")
    path = [x.copy()]
    for k in range(max_iter):
        g = _finite(grad(x), "grad(x)", k, x.shape, path)
        if np.linalg.norm(g) <= tol:
            break
        x = _finite(x - lr * g, "the iterate", k + 1, x.shape, path)
        path.append(x.copy())
    return np.array(path)
# --8<-- [end:gradient_descent]


# --8<-- [start:newton]
def newton(grad, hess, x0, *, tol=1e-8, max_iter=100):
    """Iterates of x <- x + dx, hess(x) dx = -grad(x), until ||grad|| <= tol.

    Shapes: x0 (n,), grad(x) (n,), hess(x) (n, n); returns (k + 1, n), x0
    first. Raises ValueError for bad arguments or a singular Hessian, and
    NonFiniteIterateError at the first non-finite gradient, Hessian or iterate.
    Method: Newton's method with unit steps (Nocedal & Wright, sec. 3.3).
    """
    x, tol, max_iter = _start(x0, tol, max_iter)
    n = x.size
    path = [x.copy()]
    for k in range(max_iter):
        g = _finite(grad(x), "grad(x)", k, (n,), path)
        if np.linalg.norm(g) <= tol:
            break
        H = _finite(hess(x), "hess(x)", k, (n, n), path)
        try:
            dx = np.linalg.solve(H, -g)  # a linear solve, never inv(H) @ g
        except np.linalg.LinAlgError:
            raise ValueError(f"hess(x) at iterate {k} is singular: no Newton step") from None
        x = _finite(x + dx, "the iterate", k + 1, (n,), path)
        path.append(x.copy())
    return np.array(path)
# --8<-- [end:newton]


# --8<-- [start:quadratic]
def quadratic(A, b):
    """f(x) = x^T A x / 2 - b^T x (A symmetric, (n, n)), its gradient and Hessian.

    b has shape (n,). Returns the functions (f, grad, hess) of x of shape (n,).
    """
    A = square_matrix(A, "A")
    b = float_array(b, "b", shape=(A.shape[0],))

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
    A = float_array(A, "A", ndim=2)
    mu = positive(mu, "mu", allow_zero=True)

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


def _pair(s, y, n, index):
    s = float_array(s, f"s{index}", shape=(n,))
    y = float_array(y, f"y{index}", shape=(n,))
    if not y @ s > 0:
        raise ValueError(f"y{index}^T s{index} = {y @ s:.3g}: the curvature condition "
                         "y^T s > 0 fails, so the BFGS update is undefined or not positive definite")
    return s, y


# --8<-- [start:bfgs_update]
def bfgs_update(H_inv, s, y):
    """BFGS update of an inverse-Hessian estimate H_inv.

    s is the step taken and y the change of gradient it caused. The result M
    satisfies the secant equation M y = s and stays symmetric positive
    definite when y^T s > 0. Shapes: H_inv (n, n), s and y (n,). Raises
    ValueError unless y^T s > 0 (the curvature condition; at y^T s = 0 the
    update divides by zero). Nocedal & Wright, Numerical Optimization, eq. (6.17).
    """
    H_inv = square_matrix(H_inv, "H_inv")
    s, y = _pair(s, y, H_inv.shape[0], "")
    rho = 1.0 / (y @ s)
    V = np.eye(len(s)) - rho * np.outer(s, y)
    return V @ H_inv @ V.T + rho * np.outer(s, s)
# --8<-- [end:bfgs_update]


# --8<-- [start:lbfgs_direction]
def lbfgs_direction(g, steps, changes, gamma=1.0):
    """H_k^{-1} g by the L-BFGS two-loop recursion, in O(k n) time and memory.

    ``steps`` and ``changes`` are the last k pairs (s_i, y_i), oldest first;
    H_k^{-1} is what k BFGS updates of gamma * I would give, never formed.
    Shapes: g, s_i and y_i (n,). Raises ValueError for lists of unequal
    length, a pair with y_i^T s_i <= 0, or gamma <= 0. Nocedal & Wright,
    Numerical Optimization, Algorithm 7.4.
    """
    q = float_array(g, "g", ndim=1)
    steps, changes = list(steps), list(changes)
    if len(steps) != len(changes):
        raise ValueError(f"steps and changes must be equally long, got {len(steps)} "
                         f"and {len(changes)}")
    gamma = positive(gamma, "gamma")
    pairs = [_pair(s, y, q.size, f"[{i}]") for i, (s, y) in enumerate(zip(steps, changes))]
    steps, changes = [s for s, _ in pairs], [y for _, y in pairs]
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
