"""Exercise: the gradient of b^T A^{-1} c with respect to A."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(13)
n = 4
A = rng.standard_normal((n, n)) + n * np.eye(n)
b, c = rng.standard_normal(n), rng.standard_normal(n)


def f(A):
    return b @ np.linalg.solve(A, c)


# df = -b^T A^{-1} dA A^{-1} c = -<(A^{-T} b)(A^{-1} c)^T, dA>
def grad_f(A):
    return -np.outer(np.linalg.solve(A.T, b), np.linalg.solve(A, c))


assert check_gradient(f, grad_f, A) < 1e-8
# --8<-- [end:body]
