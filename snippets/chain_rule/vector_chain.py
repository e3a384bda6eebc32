"""C2: the Jacobian of g(h(x)) is (dh/dx)(df/dh), n x k times k x m."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_jacobian

rng = np.random.default_rng(21)
n, k, m = 4, 3, 2
B = rng.standard_normal((k, n))
C = rng.standard_normal((m, k))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def h(x):
    return sigmoid(B @ x)  # R^4 -> R^3


def g(u):
    return softmax(C @ u)  # R^3 -> R^2


def jac_f(x):
    u = h(x)
    p = g(u)
    J_h = B.T * (u * (1 - u))  # n x k: J1 then J3
    J_g = C.T @ (np.diag(p) - np.outer(p, p))  # k x m: J1 then J4
    assert J_h.shape == (n, k) and J_g.shape == (k, m)
    return J_h @ J_g  # (n x k)(k x m) = n x m


x = rng.standard_normal(n)
assert check_jacobian(lambda x: g(h(x)), jac_f, x) < 1e-8

B_t, C_t = torch.tensor(B), torch.tensor(C)
J_torch = torch.autograd.functional.jacobian(
    lambda x: torch.softmax(C_t @ torch.sigmoid(B_t @ x), dim=0),
    torch.tensor(x),
)
np.testing.assert_allclose(J_torch.numpy().T, jac_f(x))  # PyTorch: m x n
# --8<-- [end:body]
