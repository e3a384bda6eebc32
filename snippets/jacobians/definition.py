"""The denominator-layout Jacobian: column j is the gradient of the output f_j."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_jacobian


def f(x):
    return np.array([x[0] * x[1], np.sin(x[2]) + x[0] ** 2])  # f: R^3 -> R^2


def jac_f(x):
    grad_f1 = np.array([x[1], x[0], 0.0])  # gradient of f_1 = x_1 x_2
    grad_f2 = np.array([2 * x[0], 0.0, np.cos(x[2])])  # gradient of f_2
    # Gradients as columns: J[i, j] = d f_j / d x_i
    return np.stack([grad_f1, grad_f2], axis=1)


x = np.array([0.5, -1.2, 2.0])
J = jac_f(x)
assert J.shape == (3, 2)  # n x m: rows follow the input, columns the output
assert check_jacobian(f, jac_f, x) < 1e-8

# PyTorch's jacobian() is output x input (numerator layout): the transpose
J_torch = torch.autograd.functional.jacobian(
    lambda x: torch.stack([x[0] * x[1], torch.sin(x[2]) + x[0] ** 2]),
    torch.tensor(x, dtype=torch.float64),
)
np.testing.assert_allclose(J_torch.numpy().T, J)
# --8<-- [end:body]
