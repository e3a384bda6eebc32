"""The O(1) random-direction check: <grad f, u> against a two-point difference."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient_directional

rng = np.random.default_rng(1)
W = rng.standard_normal((300, 200))  # 60 000 parameters
u, v = rng.standard_normal(300), rng.standard_normal(200)
calls = 0


def f(W):
    global calls
    calls += 1
    return u @ np.tanh(W) @ v


def grad_f(W):
    return np.outer(u, v) * (1 - np.tanh(W) ** 2)


# <grad f(W), U> should equal (f(W + hU) - f(W - hU)) / 2h for any direction U
U = rng.standard_normal(W.shape)
slope = np.sum(grad_f(W) * U)
slope_num = (f(W + 1e-5 * U) - f(W - 1e-5 * U)) / 2e-5
assert abs(slope - slope_num) / abs(slope) < 1e-8

calls = 0
assert check_gradient_directional(f, grad_f, W, n_dirs=3) < 1e-7
assert calls == 2 * 3 + 1  # not 2 * 60 000
# A transposed-and-reshaped, mis-signed or mis-scaled gradient fails
wrong_sign = lambda W: -grad_f(W)
half = lambda W: 0.5 * grad_f(W)
assert check_gradient_directional(f, wrong_sign, W) > 0.5
assert check_gradient_directional(f, half, W) > 0.1
# --8<-- [end:body]
