"""A computational graph built by matcalc.ad, and the gradient one reverse sweep gives."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import Tensor, tanh

rng = np.random.default_rng(0)
X = rng.standard_normal((8, 4))  # a batch of 8 inputs, one per row
W = Tensor(rng.standard_normal((4, 3)))
b = Tensor(rng.standard_normal(3))

Z = X @ W + b  # matmul, then add (b is broadcast over the rows)
Y = tanh(Z)
L = (Y * Y).sum()

# Every node remembers the operation that made it and its inputs
assert Y.op == "tanh" and Y.parents == (Z,)
assert [node.op for node in L.topological_order()] == [
    "leaf", "matmul", "leaf", "add", "tanh", "mul", "sum"]

L.backward()  # one reverse sweep fills .grad of every node

# The same gradient by hand: the chain rule, from the output back
delta = 2 * Y.data * (1 - Y.data**2)  # dL/dZ, shaped like Z
np.testing.assert_allclose(W.grad, X.T @ delta)
np.testing.assert_allclose(b.grad, delta.sum(axis=0))  # b was broadcast: sum back
assert W.grad.shape == W.shape and b.grad.shape == b.shape
# --8<-- [end:body]
