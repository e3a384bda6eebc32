"""The backward of softmax attention by hand (NumPy), checked by finite differences."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(0)
Q0 = rng.standard_normal((4, 3))  # 4 queries of width d_k = 3
K0 = rng.standard_normal((5, 3))  # 5 keys
V0 = rng.standard_normal((5, 2))  # 5 values of width d_v = 2
G = rng.standard_normal((4, 2))  # upstream gradient dL/dO, shaped like O


def softmax_rows(S):
    E = np.exp(S - S.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def attention(Q, K, V):
    return softmax_rows(Q @ K.T / np.sqrt(Q.shape[1])) @ V


def attention_backward(Q, K, V, G):
    """(grad_Q, grad_K, grad_V) of L with dL/dO = G, each shaped like its variable."""
    scale = 1 / np.sqrt(Q.shape[1])
    P = softmax_rows(Q @ K.T * scale)
    grad_P = G @ V.T
    grad_S = P * (grad_P - (grad_P * P).sum(axis=1, keepdims=True))  # softmax, row by row
    return grad_S @ K * scale, grad_S.T @ Q * scale, P.T @ G


grad_Q, grad_K, grad_V = attention_backward(Q0, K0, V0, G)


def L(Q, K, V):
    return np.sum(G * attention(Q, K, V))  # a loss whose dL/dO is G


assert check_gradient(lambda Q: L(Q, K0, V0), lambda Q: grad_Q, Q0) < 1e-8
assert check_gradient(lambda K: L(Q0, K, V0), lambda K: grad_K, K0) < 1e-8
assert check_gradient(lambda V: L(Q0, K0, V), lambda V: grad_V, V0) < 1e-8
# --8<-- [end:body]
