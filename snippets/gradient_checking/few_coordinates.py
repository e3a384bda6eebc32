"""Checking a few coordinates of a parameter too large to difference in full."""
# --8<-- [start:body]
import numpy as np

from matcalc import relative_error

rng = np.random.default_rng(3)
n = 1000
W = rng.standard_normal((n, n)) / np.sqrt(n)  # a million parameters
X = rng.standard_normal((n, 8))


def loss(W):
    return 0.5 * np.sum(np.tanh(W @ X) ** 2)


def grad_loss(W):
    T = np.tanh(W @ X)
    return (T * (1 - T**2)) @ X.T


def check_coordinates(f, grad, W, n_coords=10, h=1e-5, rng=None):
    """Central differences on a random sample of entries, not all of them."""
    rng = np.random.default_rng(0) if rng is None else rng
    G = grad(W)
    picks = [tuple(rng.integers(0, s) for s in W.shape) for _ in range(n_coords)]
    analytic, numeric = [], []
    for idx in picks:
        E = np.zeros_like(W)
        E[idx] = h
        analytic.append(G[idx])
        numeric.append((f(W + E) - f(W - E)) / (2 * h))
    return relative_error(np.array(analytic), np.array(numeric))


assert check_coordinates(loss, grad_loss, W) < 1e-7  # 20 evaluations, not 2 million
# A transposed gradient has the right shape and wrong entries
assert check_coordinates(loss, lambda W: grad_loss(W).T, W) > 0.1
# --8<-- [end:body]
