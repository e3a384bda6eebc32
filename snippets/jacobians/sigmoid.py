"""J3: the elementwise sigmoid has the diagonal Jacobian diag(s * (1 - s))."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_jacobian


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def jac_sigmoid(x):
    s = sigmoid(x)
    return np.diag(s * (1 - s))  # output j depends on x_j only


x = np.random.default_rng(12).standard_normal(5)
assert check_jacobian(sigmoid, jac_sigmoid, x) < 1e-8

J_torch = torch.autograd.functional.jacobian(torch.sigmoid, torch.tensor(x))
np.testing.assert_allclose(J_torch.numpy().T, jac_sigmoid(x))

# Backprop never builds the n x n matrix: J u is an elementwise product
u = np.random.default_rng(13).standard_normal(5)
s = sigmoid(x)
np.testing.assert_allclose(jac_sigmoid(x) @ u, s * (1 - s) * u)
# --8<-- [end:body]
