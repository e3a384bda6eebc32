"""Exercise: the dot-product test rejects a VJP that forgot its transpose."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
A = rng.standard_normal((4, 4))  # square: a wrong transpose keeps the right shape
x = rng.standard_normal(4)


def jvp_Ax(v):  # f(x) = A x; J = A^T in denominator layout, so J^T v = A v
    return A @ v


def vjp_wrong(u):  # should be J u = A^T u
    return A @ u


def vjp_right(u):
    return A.T @ u


u, v = rng.standard_normal(4), rng.standard_normal(4)
assert vjp_wrong(u).shape == x.shape  # the shape check passes
assert not np.isclose(u @ jvp_Ax(v), vjp_wrong(u) @ v)  # the dot-product test fails
np.testing.assert_allclose(u @ jvp_Ax(v), vjp_right(u) @ v)
# --8<-- [end:body]
