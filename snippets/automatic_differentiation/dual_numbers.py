"""Forward mode: a Dual carries a tangent through every operation."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import Dual, tanh

rng = np.random.default_rng(0)
W = rng.standard_normal((3, 4))
b = rng.standard_normal(3)
x = rng.standard_normal(4)
v = rng.standard_normal(4)  # a direction in input space

y = tanh(W @ Dual(x, v) + b)  # one forward pass: value and tangent together
np.testing.assert_allclose(y.value, np.tanh(W @ x + b))

# f(x) = tanh(Wx + b) maps R^4 to R^3; in denominator layout J is 4 x 3
J = W.T * (1 - y.value**2)  # W^T diag(1 - y^2)
assert J.shape == (4, 3)
np.testing.assert_allclose(y.tangent, J.T @ v)  # the tangent is J^T v
# --8<-- [end:body]
