"""J4: the softmax Jacobian diag(p) - p p^T, symmetric, with rows that sum to zero."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_jacobian


def softmax(x):
    z = np.exp(x - x.max())  # shifted: see "Numerically sound softmax"
    return z / z.sum()


def jac_softmax(x):
    p = softmax(x)
    return np.diag(p) - np.outer(p, p)  # J[i, j] = p_j (delta_ij - p_i)


x = np.random.default_rng(14).standard_normal(5)
J = jac_softmax(x)
assert check_jacobian(softmax, jac_softmax, x) < 1e-8
np.testing.assert_allclose(J, J.T)  # symmetric: both layouts agree here

J_torch = torch.autograd.functional.jacobian(
    lambda x: torch.softmax(x, dim=0), torch.tensor(x)
)
np.testing.assert_allclose(J_torch.numpy().T, J, atol=1e-15)

# Adding a constant to every x_i leaves p unchanged, so J 1 = 0
np.testing.assert_allclose(J @ np.ones(5), 0.0, atol=1e-15)
# --8<-- [end:body]
