"""A Hessian-vector product by forward-over-reverse: torch.func."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
A = torch.from_numpy(rng.standard_normal((3, 4)))
x = torch.from_numpy(rng.standard_normal(4))
v = torch.from_numpy(rng.standard_normal(4))


def f(x):  # R^4 -> R
    return torch.logsumexp(A @ torch.tanh(x), dim=0)


_, Hv = torch.func.jvp(torch.func.grad(f), (x,), (v,))  # forward-over-reverse
Hv = Hv.numpy()
# --8<-- [end:body]
