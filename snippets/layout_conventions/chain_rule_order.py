"""The chain rule multiplies Jacobians in opposite orders in the two layouts."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_jacobian

rng = np.random.default_rng(3)
n, k, m = 4, 3, 2
B = rng.standard_normal((k, n))  # h(x) = B x: R^4 -> R^3
C = rng.standard_normal((m, k))  # g(u) = C u: R^3 -> R^2


def f(x):
    return C @ (B @ x)


J_h, J_g = B.T, C.T  # denominator layout: n x k and k x m
J_f_denominator = J_h @ J_g  # (n x k)(k x m) = n x m: inner function first
J_f_numerator = C @ B  # (m x k)(k x n) = m x n: outer function first

x = rng.standard_normal(n)
assert check_jacobian(f, lambda x: J_f_denominator, x) < 1e-8
np.testing.assert_allclose(J_f_numerator, J_f_denominator.T)
# --8<-- [end:body]
