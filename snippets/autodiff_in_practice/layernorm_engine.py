"""The backward of LayerNorm by reverse mode: matcalc.ad."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import Tensor

rng = np.random.default_rng(0)
X0 = rng.standard_normal((3, 6))  # 3 rows (tokens), 6 features
gamma0, beta0 = rng.standard_normal(6), rng.standard_normal(6)
G = rng.standard_normal((3, 6))  # upstream gradient dL/dY
eps = 1e-5

X, gamma, beta = Tensor(X0), Tensor(gamma0), Tensor(beta0)
Xc = X - X.mean(axis=1, keepdims=True)
Y = Xc * ((Xc * Xc).mean(axis=1, keepdims=True) + eps) ** -0.5 * gamma + beta
Y.backward(G)  # a VJP seeded with dL/dY
grad_X, grad_gamma, grad_beta = X.grad, gamma.grad, beta.grad
assert grad_X.shape == X0.shape and grad_gamma.shape == (6,)
# --8<-- [end:body]
