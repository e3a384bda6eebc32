"""Exercise: a softmax output layer with cross-entropy; B1 becomes p - y."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(5)
m, n = 4, 3
W, b = rng.standard_normal((m, n)), rng.standard_normal(m)
x = rng.standard_normal(n)
y = np.eye(m)[2]  # one-hot label


def loss(W):
    z = W @ x + b
    return np.logaddexp.reduce(z) - y @ z  # -log softmax(z)[label], shifted inside


z = W @ x + b
p = np.exp(z - z.max())
p /= p.sum()
grad_z = p - y  # B1 for softmax + cross-entropy
grad_W = np.outer(grad_z, x)  # B2 unchanged
assert check_gradient(loss, lambda _: grad_W, W) < 1e-9
assert check_gradient(lambda x: np.logaddexp.reduce(W @ x + b) - y @ (W @ x + b),
                      lambda _: W.T @ grad_z, x) < 1e-9  # B4: W^T again
# --8<-- [end:body]
