"""A JVP and a VJP of f(x) = tanh(Wx + b): torch.func."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
W = torch.from_numpy(rng.standard_normal((3, 4)))
b = torch.from_numpy(rng.standard_normal(3))
x = torch.from_numpy(rng.standard_normal(4))
v = torch.from_numpy(rng.standard_normal(4))  # tangent, shaped like x
u = torch.from_numpy(rng.standard_normal(3))  # cotangent, shaped like f(x)


def f(x):
    return torch.tanh(W @ x + b)


_, jvp_out = torch.func.jvp(f, (x,), (v,))  # forward mode: J v
_, pullback = torch.func.vjp(f, x)  # reverse mode: records the graph
(vjp_out,) = pullback(u)  # u^T J, shaped like x
jvp_out, vjp_out = jvp_out.numpy(), vjp_out.numpy()
# --8<-- [end:body]
