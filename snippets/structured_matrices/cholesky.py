"""Cholesky forward and backward (Murray 2016), checked by finite differences and PyTorch."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_gradient, gradcheck_report

rng = np.random.default_rng(5)
n = 4
M = rng.standard_normal((n, n))
A = M @ M.T / n + np.eye(n)
C = rng.standard_normal((n, n))  # f(A) = <C, L>: the gradient w.r.t. L is tril(C)


def f(A):
    return np.sum(C * np.linalg.cholesky(A))


def phi(X):
    """The lower triangle with the diagonal halved."""
    return np.tril(X) - np.diag(np.diag(X)) / 2


def cholesky_backward(L, L_bar):
    """S with df = <S, dA> for every symmetric dA (Murray 2016); S is not symmetric."""
    # dL = L phi(L^-1 dA L^-T), so df = <L_bar, dL> = <L^-T phi(L^T L_bar) L^-1, dA>
    right = np.linalg.solve(L.T, phi(L.T @ L_bar).T).T  # P L^-1
    return np.linalg.solve(L.T, right)  # L^-T P L^-1


L = np.linalg.cholesky(A)
S = cholesky_backward(L, np.tril(C))
grad_A = (S + S.T) / 2  # the gradient on symmetric matrices

# The forward rule, along one symmetric direction
dA = rng.standard_normal((n, n))
dA = dA + dA.T
dL = L @ phi(np.linalg.solve(L, np.linalg.solve(L, dA).T))  # L phi(L^-1 dA L^-T)
h = 1e-6
dL_fd = (np.linalg.cholesky(A + h * dA) - np.linalg.cholesky(A - h * dA)) / (2 * h)
np.testing.assert_allclose(dL, dL_fd, rtol=1e-6, atol=1e-8)

# The backward rule: finite differences along symmetric directions, and PyTorch
assert check_gradient(f, lambda A: grad_A, A, structure="symmetric") < 1e-8
A_t = torch.tensor(A, requires_grad=True)
(torch.as_tensor(C) * torch.linalg.cholesky(A_t)).sum().backward()
np.testing.assert_allclose(A_t.grad.numpy(), grad_A, rtol=1e-10)

# PyTorch issue #137284 proposed S + S^T - diag(S) instead: it double-counts
doubled = S + S.T - np.diag(np.diag(S))
assert gradcheck_report(f, lambda A: doubled, A, structure="symmetric").verdict == "fail"
# --8<-- [end:body]
