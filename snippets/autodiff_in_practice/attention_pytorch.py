"""The backward of softmax attention by autograd: PyTorch's scaled_dot_product_attention."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
Q0 = rng.standard_normal((4, 3))  # 4 queries of width d_k = 3
K0 = rng.standard_normal((5, 3))  # 5 keys
V0 = rng.standard_normal((5, 2))  # 5 values of width d_v = 2
G = rng.standard_normal((4, 2))  # upstream gradient dL/dO

Q, K, V = (torch.tensor(a, requires_grad=True) for a in (Q0, K0, V0))
O = torch.nn.functional.scaled_dot_product_attention(Q, K, V)  # scale 1/sqrt(d_k)
O.backward(torch.tensor(G))  # a VJP seeded with dL/dO
grad_Q, grad_K, grad_V = Q.grad.numpy(), K.grad.numpy(), V.grad.numpy()
assert grad_K.shape == K0.shape
# --8<-- [end:body]
