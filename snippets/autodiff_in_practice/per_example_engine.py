"""Per-example gradients of logistic regression: matcalc.ad, one backward pass per example."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import grad, log, sigmoid

rng = np.random.default_rng(0)
X = rng.standard_normal((6, 4))  # 6 examples, one per row
y = rng.integers(0, 2, size=6).astype(np.float64)  # labels in {0, 1}
w0 = rng.standard_normal(4)


def loss_one(w, x, y):
    """Cross-entropy of one example, written with the engine's operations."""
    z = x @ w
    return -(y * log(sigmoid(z)) + (1 - y) * log(sigmoid(-z)))


# The engine has no vmap: a Python loop, one reverse pass per example
G = np.stack([grad(lambda w: loss_one(w, X[i], y[i]), w0) for i in range(len(X))])

# Row i by hand: (sigma(x_i^T w) - y_i) x_i, shaped like w
s = 1 / (1 + np.exp(-X @ w0))
assert G.shape == (6, 4)
np.testing.assert_allclose(G, (s - y)[:, None] * X, rtol=1e-12)
# --8<-- [end:body]
