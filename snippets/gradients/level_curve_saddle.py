"""Where the gradient is zero the level set need not be a curve with one normal."""
# --8<-- [start:body]
import numpy as np

A = np.diag([1.0, -1.0])  # f = x_1^2 - x_2^2, a saddle


def f(x):
    return x @ A @ x


x0 = np.zeros(2)
np.testing.assert_allclose((A + A.T) @ x0, 0.0)  # gradient 0 at the saddle

# The level set f = 0 through x0 is two crossing lines, x_2 = x_1 and
# x_2 = -x_1: two tangent directions at x0, so no single normal direction
for s in np.linspace(-2, 2, 9):
    np.testing.assert_allclose(f(np.array([s, s])), 0.0)
    np.testing.assert_allclose(f(np.array([s, -s])), 0.0)
# --8<-- [end:body]
