"""A custom VJP rule in PyTorch: softplus as a torch.autograd.Function."""
# --8<-- [start:body]
import numpy as np
import torch


class Softplus(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)  # what backward needs, kept by autograd
        return torch.logaddexp(torch.zeros_like(x), x)

    @staticmethod
    def backward(ctx, out_grad):
        (x,) = ctx.saved_tensors
        return out_grad * torch.sigmoid(x)  # one cotangent per input, shaped like it


x = torch.tensor([-800.0, -3.0, 0.0, 2.5, 800.0], dtype=torch.float64, requires_grad=True)
Softplus.apply(x).sum().backward()
grad_x = x.grad.numpy()
sig = 1 / (1 + np.exp(-np.array([-3.0, 2.5])))
np.testing.assert_allclose(grad_x, [0.0, sig[0], 0.5, sig[1], 1.0], rtol=1e-15)

# Autograd of log(1 + e^x) instead: e^800 is inf, and the gradient inf / inf
z = x.detach().clone().requires_grad_()
torch.log(1 + torch.exp(z)).sum().backward()
assert torch.isnan(z.grad[-1])

# gradcheck compares backward with central differences (float64 needed)
assert torch.autograd.gradcheck(Softplus.apply, (x[1:4].detach().clone().requires_grad_(),))
# --8<-- [end:body]
