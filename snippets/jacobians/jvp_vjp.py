"""JVP and VJP in denominator layout: J^T v and J u, against PyTorch's."""
# --8<-- [start:body]
import numpy as np
import torch
from torch.autograd.functional import jvp, vjp

rng = np.random.default_rng(15)
n, m = 4, 3
A = rng.standard_normal((m, n))


def f(x):
    return np.tanh(A @ x)  # R^4 -> R^3


def jac_f(x):
    return A.T * (1 - np.tanh(A @ x) ** 2)  # n x m, denominator layout


x, v, u = rng.standard_normal(n), rng.standard_normal(n), rng.standard_normal(m)
J = jac_f(x)

# JVP: push an input tangent v (n) forward to an output tangent (m)
# VJP: pull an output cotangent u (m) back to an input cotangent (n)
jvp_ours, vjp_ours = J.T @ v, J @ u

A_t = torch.tensor(A)
f_t = lambda x: torch.tanh(A_t @ x)  # noqa: E731
_, jvp_torch = jvp(f_t, torch.tensor(x), torch.tensor(v))
_, vjp_torch = vjp(f_t, torch.tensor(x), torch.tensor(u))
np.testing.assert_allclose(jvp_ours, jvp_torch.numpy())
np.testing.assert_allclose(vjp_ours, vjp_torch.numpy())

# The dot-product test ties them together: <u, J^T v> = <J u, v>
np.testing.assert_allclose(u @ jvp_ours, vjp_ours @ v)

# Neither needs J: both are two matrix-vector products
d = 1 - np.tanh(A @ x) ** 2
np.testing.assert_allclose(jvp_ours, d * (A @ v))
np.testing.assert_allclose(vjp_ours, A.T @ (d * u))
# --8<-- [end:body]
