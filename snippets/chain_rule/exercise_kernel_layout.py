"""Exercise: the in x out weight layout Y = X W + b (as in Flax's Dense), and its gradients."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(27)
batch, n, m = 5, 4, 3
X = rng.standard_normal((batch, n))
W = rng.standard_normal((n, m))  # in x out
b = rng.standard_normal(m)
G = rng.standard_normal((batch, m))


def loss(X, W, b):
    return (G * np.tanh(X @ W + b)).sum()


delta = G * (1 - np.tanh(X @ W + b) ** 2)  # dL/dY, B x m
grad_W = X.T @ delta  # (n x B)(B x m) = n x m: nn.Linear's form, transposed
grad_b = delta.sum(axis=0)
grad_X = delta @ W.T  # (B x m)(m x n) = B x n

assert check_gradient(lambda W: loss(X, W, b), lambda W: grad_W, W) < 1e-8
assert check_gradient(lambda b: loss(X, W, b), lambda b: grad_b, b) < 1e-8
assert check_gradient(lambda X: loss(X, W, b), lambda X: grad_X, X) < 1e-8
# --8<-- [end:body]
