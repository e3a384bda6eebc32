"""Exercise: the Jacobian of log-softmax, I - p 1^T in denominator layout."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_jacobian


def log_softmax(x):
    c = x.max()
    return x - (c + np.log(np.exp(x - c).sum()))  # x - lse(x), shifted


def jac_log_softmax(x):
    p = np.exp(log_softmax(x))
    # J[i, j] = delta_ij - p_i
    return np.eye(x.size) - np.outer(p, np.ones(x.size))


x = np.random.default_rng(17).standard_normal(4)
J = jac_log_softmax(x)
assert check_jacobian(log_softmax, jac_log_softmax, x) < 1e-8
assert not np.allclose(J, J.T)  # not symmetric: here the layout matters
J_torch = torch.autograd.functional.jacobian(
    lambda x: torch.log_softmax(x, dim=0), torch.tensor(x)
)
np.testing.assert_allclose(J_torch.numpy().T, J)
# --8<-- [end:body]
