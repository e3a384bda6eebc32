"""C1: the gradient of g(h(x)) is J_h times grad g, with the shape written at every step."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(20)
n, k = 4, 3
B = rng.standard_normal((k, n))


def h(x):
    return np.tanh(B @ x)  # h: R^4 -> R^3


def g(u):
    return u @ u  # g: R^3 -> R


def f(x):
    return g(h(x))


def grad_f(x):
    u = h(x)  # evaluate the inner function first
    J_h = B.T * (1 - u**2)  # n x k = 4 x 3: B^T diag(1 - tanh^2)
    grad_g = 2 * u  # k = 3, the gradient of g at u = h(x)
    assert J_h.shape == (n, k) and grad_g.shape == (k,)
    return J_h @ grad_g  # (n x k)(k) = n, shaped like x


x = rng.standard_normal(n)
assert grad_f(x).shape == x.shape
assert check_gradient(f, grad_f, x) < 1e-8
# --8<-- [end:body]
