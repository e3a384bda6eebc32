"""Exercise: the dot-product test for F(X) = X @ X."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(7)
X = rng.standard_normal((4, 4))

jvp = lambda X, V: V @ X + X @ V  # dF = dX X + X dX
vjp = lambda X, U: U @ X.T + X.T @ U  # the adjoint of V -> V X + X V
vjp_wrong = lambda X, U: X @ U + U @ X  # forgot the transposes

for _ in range(3):
    U, V = rng.standard_normal((4, 4)), rng.standard_normal((4, 4))
    lhs = np.sum(U * jvp(X, V))  # <U, J V>
    assert abs(lhs - np.sum(vjp(X, U) * V)) < 1e-12 * max(1, abs(lhs))
    assert abs(lhs - np.sum(vjp_wrong(X, U) * V)) > 1e-3
# And the JVP against a difference
V = rng.standard_normal((4, 4))
fd = ((X + 1e-6 * V) @ (X + 1e-6 * V) - (X - 1e-6 * V) @ (X - 1e-6 * V)) / 2e-6
np.testing.assert_allclose(jvp(X, V), fd, rtol=1e-7, atol=1e-9)
# --8<-- [end:body]
