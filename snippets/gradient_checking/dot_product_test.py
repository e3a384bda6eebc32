"""The dot-product test: a JVP and a VJP are consistent when <u, J v> = <J^T u, v>."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(2)
A = rng.standard_normal((5, 3))  # f(x) = tanh(A x): R^3 -> R^5
x = rng.standard_normal(3)


def jvp(x, v):
    # Forward mode: the change of f along v, in R^5
    return (1 - np.tanh(A @ x) ** 2) * (A @ v)


def vjp(x, u):
    # Reverse mode: the gradient of <u, f(x)>, in R^3 (the W^T of backprop)
    return A.T @ ((1 - np.tanh(A @ x) ** 2) * u)


def vjp_buggy(x, u):
    return A.T @ u  # forgot the tanh' factor


for _ in range(3):
    u, v = rng.standard_normal(5), rng.standard_normal(3)
    lhs = u @ jvp(x, v)
    assert abs(lhs - vjp(x, u) @ v) < 1e-12 * max(1.0, abs(lhs))
    assert abs(lhs - vjp_buggy(x, u) @ v) > 1e-3

# The JVP itself is checked against a difference along v
v = rng.standard_normal(3)
fd = (np.tanh(A @ (x + 1e-6 * v)) - np.tanh(A @ (x - 1e-6 * v))) / 2e-6
np.testing.assert_allclose(jvp(x, v), fd, rtol=1e-7, atol=1e-9)
# --8<-- [end:body]
