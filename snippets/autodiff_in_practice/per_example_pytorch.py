"""Per-example gradients of logistic regression: torch.func.vmap over torch.func.grad."""
# --8<-- [start:body]
import numpy as np
import torch
from torch.func import grad, vmap

rng = np.random.default_rng(0)
X = rng.standard_normal((6, 4))  # 6 examples, one per row
y = rng.integers(0, 2, size=6).astype(np.float64)  # labels in {0, 1}
w0 = rng.standard_normal(4)


def loss_one(w, x, y):
    """Cross-entropy of one example: x is one row, y one label."""
    return torch.nn.functional.binary_cross_entropy_with_logits(x @ w, y)


# grad differentiates one example; vmap maps it over the rows of X and y, not over w
per_example = vmap(grad(loss_one), in_dims=(None, 0, 0))
G = per_example(torch.tensor(w0), torch.tensor(X), torch.tensor(y)).numpy()

s = 1 / (1 + np.exp(-X @ w0))
assert G.shape == (6, 4)
np.testing.assert_allclose(G, (s - y)[:, None] * X, rtol=1e-12)
# --8<-- [end:body]
