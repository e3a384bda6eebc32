"""f(x + dx) ~ f(x) + J^T dx: the model error shrinks four times when dx halves."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(10)
n, m = 3, 2
W = rng.standard_normal((m, n))


def f(x):
    return np.tanh(W @ x)  # f: R^3 -> R^2


def jac_f(x):
    return W.T * (1 - np.tanh(W @ x) ** 2)  # n x m: W^T diag(1 - tanh^2)


x = rng.standard_normal(n)
J = jac_f(x)
direction = rng.standard_normal(n)
errors = []
for eps in (1e-2, 5e-3, 2.5e-3):
    dx = eps * direction
    errors.append(np.linalg.norm(f(x + dx) - (f(x) + J.T @ dx)))
# Second-order error: halving dx divides it by about 4
np.testing.assert_allclose(np.array(errors[:-1]) / errors[1:], 4.0, rtol=0.05)

# Without the transpose the product does not conform: J is 3 x 2, dx is 3
try:
    J @ dx
except ValueError:
    pass
else:
    raise AssertionError("J @ dx should not conform when n != m")
# --8<-- [end:body]
