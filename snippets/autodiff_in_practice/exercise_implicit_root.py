"""Exercise: the derivative of a root x*(theta) of x^3 + x = theta, implicitly and unrolled."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.ad import grad


def root(theta, K=30):
    """Newton's method on F(x, theta) = x^3 + x - theta; works on engine Tensors too."""
    x = theta * 0.0  # start at 0, inside the graph when theta is a Tensor
    for _ in range(K):
        x = x - (x**3 + x - theta) / (3 * x**2 + 1)
    return x


theta = np.array(2.5)
x_star = root(theta)
implicit = 1 / (3 * x_star**2 + 1)  # -(dF/dtheta) / (dF/dx) = 1 / (3 x*^2 + 1)

unrolled = grad(lambda t: root(t), theta)  # through all 30 Newton steps
np.testing.assert_allclose(unrolled, implicit, rtol=1e-12)
assert check_gradient(lambda t: root(t[0]), lambda t: [implicit], np.array([2.5])) < 1e-8
# --8<-- [end:body]
