"""Central differences entry by entry (F1, F2) and the relative error (F3), by hand."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
u, v = rng.standard_normal(3), rng.standard_normal(4)
W = rng.standard_normal((3, 4))


def f(W):
    return u @ np.tanh(W) @ v


def grad_f(W):
    return np.outer(u, v) * (1 - np.tanh(W) ** 2)  # shaped like W


def numerical_gradient(f, W, h=1e-5):
    G = np.zeros_like(W)
    for idx in np.ndindex(W.shape):
        E = np.zeros_like(W)
        E[idx] = h  # h E_ij
        G[idx] = (f(W + E) - f(W - E)) / (2 * h)
    return G


def relative_error(a, b, eps=1e-300):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), eps)


err = relative_error(grad_f(W), numerical_gradient(f, W))
assert err < 1e-9  # float64, correct gradient
# matcalc.check_gradient agrees; it compares entry by entry (see below)
assert check_gradient(f, grad_f, W) < 1e-9
# A bug of 1 % in the gradient is far above the noise floor
assert relative_error(1.01 * grad_f(W), numerical_gradient(f, W)) > 1e-3
# --8<-- [end:body]
