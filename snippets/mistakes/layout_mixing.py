"""Wrong: mixing layouts in the chain rule. Right: one layout, factors in its order."""
# --8<-- [start:body]
import numpy as np
import pytest

from matcalc import check_jacobian

rng = np.random.default_rng(0)
n = 3
A = rng.standard_normal((n, n))
B = rng.standard_normal((n, n))  # square, so every wrong product conforms
x = rng.standard_normal(n)


def f(x):
    return np.tanh(B @ (A @ x))  # f = g(h(x)) with h(x) = A x, g(u) = tanh(B u)


def J_g(u):
    return B.T * (1 - np.tanh(B @ u) ** 2)  # denominator layout, k x m


J_h = A.T  # denominator layout, n x k
right = J_h @ J_g(A @ x)  # (dh/dx)(dg/dh), the order of the computation
mixed = A @ J_g(A @ x)  # numerator-layout J_h times denominator-layout J_g
wrong_order = J_g(A @ x) @ J_h  # numerator-layout order with denominator factors
assert check_jacobian(f, lambda _: right, x) < 1e-9
assert check_jacobian(f, lambda _: mixed, x) > 0.1
assert check_jacobian(f, lambda _: wrong_order, x) > 0.1

# With h: R^3 -> R^2 the wrong order does not even conform
A2 = rng.standard_normal((2, n))
B2 = rng.standard_normal((4, 2))
J_g2 = B2.T * (1 - np.tanh(B2 @ (A2 @ x)) ** 2)  # 2 x 4
assert (A2.T @ J_g2).shape == (3, 4)
with pytest.raises(ValueError):
    J_g2 @ A2.T  # (2 x 4)(3 x 2)
# --8<-- [end:body]
