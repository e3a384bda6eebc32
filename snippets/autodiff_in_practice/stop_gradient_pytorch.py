"""Stop-gradient in PyTorch: detach(); the gradient check then fails."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(0)
a = torch.tensor(rng.standard_normal(5))
x = torch.tensor(rng.standard_normal(5), requires_grad=True)


def f_stopped(x):
    return a @ x / x.norm().detach()  # detach: same value, cut from the graph


f_stopped(x).backward()
grad_x = x.grad.numpy()
r = x.norm().item()
np.testing.assert_allclose(grad_x, (a / r).numpy(), rtol=1e-12)  # ||x|| held constant

# gradcheck perturbs x, and the detached norm moves with it: a mismatch
x_check = x.detach().clone().requires_grad_()
assert not torch.autograd.gradcheck(f_stopped, (x_check,), raise_exception=False)
assert torch.autograd.gradcheck(lambda x: a @ x / x.norm(), (x_check,))
# --8<-- [end:body]
