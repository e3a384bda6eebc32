"""The Jacobian of f(x) = Ax in both layouts, checked against finite differences."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_jacobian

rng = np.random.default_rng(0)
m, n = 2, 3
A = rng.standard_normal((m, n))
x = rng.standard_normal(n)


def f(x):
    return A @ x  # f: R^3 -> R^2


J_numerator = A  # m x n: row i is the gradient of f_i
J_denominator = A.T  # n x m: column j is the gradient of f_j

assert J_numerator.shape == (m, n)
assert J_denominator.shape == (n, m)
# matcalc uses denominator layout: jac(x).shape == x.shape + f(x).shape
assert check_jacobian(f, lambda x: J_denominator, x) < 1e-8
# The numerator form is its transpose, and the checker rejects it
# (a square A would pass the shape test, so the check compares values too)
np.testing.assert_array_equal(J_numerator, J_denominator.T)
# --8<-- [end:body]
