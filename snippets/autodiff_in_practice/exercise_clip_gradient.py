"""Exercise: a custom VJP that clips the cotangent; the gradient check fails, as with detach."""
# --8<-- [start:body]
import numpy as np
import torch


class ClipGradient(torch.autograd.Function):
    """The identity going forward; the cotangent clipped to [-1, 1] going back."""

    @staticmethod
    def forward(ctx, x):
        return x.clone()

    @staticmethod
    def backward(ctx, out_grad):
        return out_grad.clamp(-1.0, 1.0)


x = torch.tensor([0.1, 0.5, 2.0], dtype=torch.float64, requires_grad=True)
(ClipGradient.apply(x) ** 3).sum().backward()  # d/dx sum x^3 = 3 x^2
np.testing.assert_allclose(x.grad.numpy(), np.minimum(3 * x.detach().numpy() ** 2, 1.0))

# Where 3 x^2 < 1 nothing is clipped and the check passes; at x = 2 it fails
cube = lambda t: (ClipGradient.apply(t) ** 3).sum()  # noqa: E731
small = torch.tensor([0.1, 0.5], dtype=torch.float64, requires_grad=True)
assert torch.autograd.gradcheck(cube, (small,))
assert not torch.autograd.gradcheck(cube, (x,), raise_exception=False)
# --8<-- [end:body]
