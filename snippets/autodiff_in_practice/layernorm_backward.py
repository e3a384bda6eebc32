"""The backward of LayerNorm by hand (NumPy), checked by finite differences."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
X0 = rng.standard_normal((3, 6))  # 3 rows (tokens), 6 features
gamma0, beta0 = rng.standard_normal(6), rng.standard_normal(6)
G = rng.standard_normal((3, 6))  # upstream gradient dL/dY, shaped like Y
eps = 1e-5


def layernorm(X, gamma, beta):
    mu = X.mean(axis=1, keepdims=True)
    sigma = np.sqrt(X.var(axis=1, keepdims=True) + eps)
    return (X - mu) / sigma * gamma + beta


def layernorm_backward(X, gamma, G):
    """(grad_X, grad_gamma, grad_beta) of L with dL/dY = G, each shaped like its variable."""
    sigma = np.sqrt(X.var(axis=1, keepdims=True) + eps)
    X_hat = (X - X.mean(axis=1, keepdims=True)) / sigma
    G_hat = G * gamma  # dL/dX_hat
    grad_X = (G_hat - G_hat.mean(axis=1, keepdims=True)
              - X_hat * (G_hat * X_hat).mean(axis=1, keepdims=True)) / sigma
    return grad_X, (G * X_hat).sum(axis=0), G.sum(axis=0)


grad_X, grad_gamma, grad_beta = layernorm_backward(X0, gamma0, G)


def L(X, gamma, beta):
    return np.sum(G * layernorm(X, gamma, beta))  # a loss whose dL/dY is G


assert check_gradient(lambda X: L(X, gamma0, beta0), lambda X: grad_X, X0) < 1e-8
assert check_gradient(lambda g: L(X0, g, beta0), lambda g: grad_gamma, gamma0) < 1e-8
assert check_gradient(lambda b: L(X0, gamma0, b), lambda b: grad_beta, beta0) < 1e-8
# --8<-- [end:body]
