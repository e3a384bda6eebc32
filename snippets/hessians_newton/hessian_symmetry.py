"""The Hessian is the Jacobian of the gradient, and it is symmetric."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_jacobian
from matcalc.optim import lse_ridge

rng = np.random.default_rng(0)
A = rng.standard_normal((6, 3))
f, grad, hess = lse_ridge(A, mu=0.5)
x = rng.standard_normal(3)

assert check_gradient(f, grad, x) < 1e-9
# H is the (denominator-layout) Jacobian of grad: H[i, j] = d (grad f)_j / d x_i
assert check_jacobian(grad, hess, x) < 1e-8

# Schwarz: for a C^2 function the mixed partials agree, H = H^T
H = hess(x)
np.testing.assert_allclose(H, H.T, atol=1e-15)


# The same from f alone, by differences of differences: symmetric up to rounding
def second_difference(f, x, i, j, h=1e-4):
    ei, ej = np.eye(len(x))[i] * h, np.eye(len(x))[j] * h
    return (
        f(x + ei + ej) - f(x + ei - ej) - f(x - ei + ej) + f(x - ei - ej)
    ) / (4 * h * h)


H_fd = np.array(
    [[second_difference(f, x, i, j) for j in range(3)] for i in range(3)]
)
np.testing.assert_allclose(H_fd, H, atol=1e-6)
# --8<-- [end:body]
