"""Exercise: the Jacobian of tanh(A x) from rows J1 and the elementwise rule."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_jacobian

rng = np.random.default_rng(16)
A = rng.standard_normal((2, 3))
x = rng.standard_normal(3)


def f(x):
    return np.tanh(A @ x)  # R^3 -> R^2


def jac_f(x):
    t = np.tanh(A @ x)
    return A.T @ np.diag(1 - t**2)  # (3 x 2)(2 x 2): inner map first


assert jac_f(x).shape == (3, 2)
assert check_jacobian(f, jac_f, x) < 1e-8
A_t = torch.tensor(A)
J_torch = torch.autograd.functional.jacobian(
    lambda x: torch.tanh(A_t @ x), torch.tensor(x)
)
np.testing.assert_allclose(J_torch.numpy().T, jac_f(x))
# --8<-- [end:body]
