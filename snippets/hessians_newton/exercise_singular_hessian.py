"""Exercise: Newton on x^4, whose Hessian vanishes at the minimum, converges only linearly."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import newton


def grad(x):
    return 4 * x**3


def hess(x):
    return np.array([[12 * x[0] ** 2]])


path = newton(grad, hess, np.array([1.0]), tol=1e-12)
errors = np.abs(path[:, 0])  # the minimiser is 0
# x - 4x^3 / (12 x^2) = (2/3) x: each step removes a third of the error
np.testing.assert_allclose(errors[1:] / errors[:-1], 2 / 3, rtol=1e-12)
assert errors[20] > 1e-4  # after 20 steps, (2/3)^20 of the error is left
# --8<-- [end:body]
