"""||x||_1: gradient sign(x) where every x_i != 0, Hessian 0 there, a subdifferential at a zero."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_gradient, check_jacobian


def f(x):
    return np.abs(x).sum()


# Where every x_i != 0, f is linear near x: gradient sign(x), Hessian 0
x = np.array([1.5, -0.3, 2.0])
assert check_gradient(f, np.sign, x) < 1e-10
# exact: sign(x + h e_i) is sign(x) bit for bit, so every difference is 0
assert check_jacobian(np.sign, lambda x: np.zeros((3, 3)), x) == 0.0

# At x_2 = 0 the one-sided slopes along e_2 differ: there is no gradient
x0 = np.array([1.5, 0.0, 2.0])
e2, h = np.array([0.0, 1.0, 0.0]), 1e-6
right = (f(x0 + h * e2) - f(x0)) / h
left = (f(x0) - f(x0 - h * e2)) / h
np.testing.assert_allclose([left, right], [-1.0, 1.0])

# Instead, every g with g_2 in [-1, 1] (others sign(x_i)) is a subgradient:
# f(y) >= f(x0) + g^T (y - x0) for every y
rng = np.random.default_rng(2)
for g2 in (-1.0, -0.4, 0.0, 1.0):
    g = np.array([1.0, g2, 1.0])
    for y in rng.standard_normal((200, 3)) * 3:
        assert f(y) >= f(x0) + g @ (y - x0) - 1e-12
# A value outside [-1, 1] is not: the inequality fails along e_2
g = np.array([1.0, 1.2, 1.0])
assert f(x0 + e2) < f(x0) + g @ e2

# Frameworks return one subgradient, sign(0) = 0, without a warning
x_t = torch.tensor(x0, requires_grad=True)
x_t.abs().sum().backward()
np.testing.assert_array_equal(x_t.grad.numpy(), np.sign(x0))

# A central difference averages the two one-sided slopes, so at the kink it
# "confirms" sign(0) = 0 and rejects the other, equally valid, subgradients
assert check_gradient(f, np.sign, x0) < 1e-10
assert check_gradient(f, lambda x: np.array([1.0, 0.5, 1.0]), x0) > 1e-2
# --8<-- [end:body]
