"""Stop-gradient in the engine: a value re-wrapped as a constant; the gradient check then fails."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.ad import Tensor, grad

rng = np.random.default_rng(0)
a = rng.standard_normal(5)
x0 = rng.standard_normal(5)


def stop_gradient(t):
    return Tensor(t.data, requires_grad=False)  # same value, no edge back into the graph


def f_stopped(x):
    return (a @ x) / stop_gradient((x * x).sum() ** 0.5)  # a^T x / sg(||x||)


def f(x):
    return a @ x / np.linalg.norm(x)  # the function a finite difference sees


grad_x = grad(f_stopped, x0)
r = np.linalg.norm(x0)
np.testing.assert_allclose(grad_x, a / r, rtol=1e-12)  # ||x|| was held constant

true_grad = a / r - (a @ x0) * x0 / r**3  # the quotient rule, ||x|| not held constant
assert check_gradient(f, lambda x: true_grad, x0) < 1e-8
assert check_gradient(f, lambda x: grad(f_stopped, x), x0) > 1e-3  # the check fails

# Checked against the surrogate, ||x|| frozen at c = ||x0||, AD's gradient passes
assert check_gradient(lambda x: a @ x / r, lambda x: grad(f_stopped, x), x0) < 1e-8
# --8<-- [end:body]
