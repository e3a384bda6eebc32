"""The batched gradients are sums of the one-example formulas delta_b x_b^T, delta_b, W^T delta_b."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(24)
batch, n, m = 5, 4, 3
X = rng.standard_normal((batch, n))
W = rng.standard_normal((m, n))
delta = rng.standard_normal((batch, m))  # any upstream gradient dL/dY

# One example, z = W x + b:
# dL/dW = delta x^T, dL/db = delta, dL/dx = W^T delta
per_example_W = sum(np.outer(delta[r], X[r]) for r in range(batch))
per_example_b = sum(delta[r] for r in range(batch))
per_example_X = np.stack([W.T @ delta[r] for r in range(batch)])

# Stacking the examples as rows turns the sums into matrix products
np.testing.assert_allclose(delta.T @ X, per_example_W)
np.testing.assert_allclose(delta.sum(axis=0), per_example_b)
np.testing.assert_allclose(delta @ W, per_example_X)  # row r is (W^T delta_r)^T
# --8<-- [end:body]
