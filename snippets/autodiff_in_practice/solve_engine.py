"""The gradient through x = A^{-1} b: a solve operation for the engine, with its implicit VJP."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.ad import Tensor

rng = np.random.default_rng(0)
A0 = rng.standard_normal((4, 4)) + 4 * np.eye(4)  # well conditioned
b0 = rng.standard_normal(4)
t = rng.standard_normal(4)


def solve(A, b):
    """x = A^{-1} b as one node; backward solves with A^T instead of differentiating LU."""
    out = Tensor(np.linalg.solve(A.data, b.data), True, (A, b), "solve")

    def backward():
        b_bar = np.linalg.solve(A.data.T, out.grad)  # A^{-T} x_bar
        A.grad += -np.outer(b_bar, out.data)  # -(A^{-T} x_bar) x^T
        b.grad += b_bar

    out._backward = backward
    return out


A, b = Tensor(A0), Tensor(b0)
x = solve(A, b)
loss = ((x - t) * (x - t)).sum() * 0.5  # L = ||x - t||^2 / 2, so x_bar = x - t
loss.backward()
grad_A, grad_b = A.grad, b.grad


def L(A, b):
    return 0.5 * np.sum((np.linalg.solve(A, b) - t) ** 2)


assert check_gradient(lambda A: L(A, b0), lambda A: grad_A, A0) < 1e-8
assert check_gradient(lambda b: L(A0, b), lambda b: grad_b, b0) < 1e-8
# --8<-- [end:body]
