"""Exercise: checking a float32 implementation: pick h and read the error correctly."""
# --8<-- [start:body]
import numpy as np

from matcalc.fd_study import central_gradient

rng = np.random.default_rng(6)
A = rng.standard_normal((5, 5)).astype(np.float32)
x = rng.standard_normal(5).astype(np.float32)
# float32 in, float32 out
f = lambda x: np.float32(0.5) * np.sum(np.tanh(A @ x) ** 2)
grad = lambda x: A.T @ (np.tanh(A @ x) * (1 - np.tanh(A @ x) ** 2))


def rel(a, b):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


h = np.finfo(np.float32).eps ** (1 / 3)  # about 5e-3
err_good = rel(grad(x), central_gradient(f, x, h, np.float32))
err_tiny_h = rel(grad(x), central_gradient(f, x, 1e-5, np.float32))
assert err_good < 1e-3  # float32 noise, about 1e-5: the gradient is right
assert err_tiny_h > 10 * err_good  # float64's h is mostly round-off here
# A real bug stands out even in float32
assert rel(1.05 * grad(x), central_gradient(f, x, h, np.float32)) > 1e-2
# --8<-- [end:body]
