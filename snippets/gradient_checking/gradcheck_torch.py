"""torch.autograd.gradcheck: the same central differences, on every output, in float64."""
# --8<-- [start:body]
import inspect

import numpy as np
import torch

from matcalc import check_gradient

# The defaults this page quotes, read from the installed PyTorch
defaults = inspect.signature(torch.autograd.gradcheck).parameters
# exact: the defaults are literals in the signature, not computed
assert defaults["eps"].default == 1e-6
# exact: literals too
assert defaults["atol"].default == 1e-5 and defaults["rtol"].default == 1e-3
assert defaults["fast_mode"].default is False


class Square(torch.autograd.Function):
    """x**2 with a hand-written backward, optionally wrong."""

    scale = 2.0

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return grad_out * Square.scale * x


torch.manual_seed(0)
x = torch.randn(5, dtype=torch.float64, requires_grad=True)
assert torch.autograd.gradcheck(Square.apply, (x,))
assert torch.autograd.gradcheck(Square.apply, (x,), fast_mode=True)

Square.scale = 1.9  # a 5 % bug in backward
assert not torch.autograd.gradcheck(Square.apply, (x,), raise_exception=False)
assert not torch.autograd.gradcheck(Square.apply, (x,), fast_mode=True,
                                    raise_exception=False)
Square.scale = 2.0

# The same check with matcalc, on the NumPy twin of the function
x_np = x.detach().numpy()
assert check_gradient(lambda z: np.sum(z**2), lambda z: 2 * z, x_np) < 1e-9
# --8<-- [end:body]
