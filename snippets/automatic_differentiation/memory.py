"""Reverse mode keeps every intermediate of the forward pass until backward() has run."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import Tensor, tanh

rng = np.random.default_rng(0)
batch, width = 256, 64
X = rng.standard_normal((batch, width))


def graph_bytes(depth):
    """Bytes of every value the graph of a depth-layer network holds."""
    h = X
    for _ in range(depth):
        W = Tensor(rng.standard_normal((width, width)) / np.sqrt(width))
        h = tanh(h @ W)
    loss = (h * h).mean()
    return sum(node.data.nbytes for node in loss.topological_order())


activation = batch * width * 8  # one float64 activation matrix
weight = width * width * 8
# Each extra layer keeps W, X W and tanh(X W): memory grows with depth
assert graph_bytes(8) - graph_bytes(4) == 4 * (weight + 2 * activation)

# Evaluating the loss alone keeps only the current activation
h = X
for _ in range(8):
    h = np.tanh(h @ (rng.standard_normal((width, width)) / np.sqrt(width)))
assert h.nbytes == activation
# --8<-- [end:body]
