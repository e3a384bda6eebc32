"""A new engine operation with a hand-written VJP: softplus, the micrograd way."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.ad import Tensor, exp, grad, log, sigmoid


def softplus(x):
    """log(1 + e^x) elementwise, as one node whose backward rule we write."""
    out = Tensor(np.logaddexp(0.0, x.data), x.requires_grad, (x,), "softplus")

    def backward():
        # d softplus / dx = sigmoid(x), finite for every x; += as every engine rule
        x.grad += out.grad * sigmoid(x.data)

    out._backward = backward
    return out


x = np.array([-800.0, -3.0, 0.0, 2.5, 800.0])
grad_x = grad(lambda t: softplus(t).sum(), x)
np.testing.assert_allclose(grad_x, [0.0, sigmoid(-3.0), 0.5, sigmoid(2.5), 1.0], rtol=1e-15)

# Composed from exp and log instead, e^800 overflows and the gradient is inf / inf
with np.errstate(over="ignore", invalid="ignore"):
    naive = grad(lambda t: log(1 + exp(t)).sum(), x)
assert np.isnan(naive[-1])

# Where the naive form is finite, finite differences confirm the rule
x_mid = x[1:4]
assert check_gradient(lambda v: np.logaddexp(0.0, v).sum(),
                      lambda v: grad(lambda t: softplus(t).sum(), v), x_mid) < 1e-8
# --8<-- [end:body]
