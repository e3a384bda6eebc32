"""The backward of softmax attention by reverse mode: matcalc.ad."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import Tensor, softmax

rng = np.random.default_rng(0)
Q0 = rng.standard_normal((4, 3))  # 4 queries of width d_k = 3
K0 = rng.standard_normal((5, 3))  # 5 keys
V0 = rng.standard_normal((5, 2))  # 5 values of width d_v = 2
G = rng.standard_normal((4, 2))  # upstream gradient dL/dO

Q, K, V = Tensor(Q0), Tensor(K0), Tensor(V0)
O = softmax(Q @ K.T * (1 / np.sqrt(3)), axis=1) @ V
O.backward(G)  # a VJP seeded with dL/dO
grad_Q, grad_K, grad_V = Q.grad, K.grad, V.grad
assert grad_K.shape == K0.shape
# --8<-- [end:body]
