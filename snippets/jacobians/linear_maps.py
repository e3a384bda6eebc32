"""J1 and J2: the Jacobian of A x is A^T, the Jacobian of x^T A is A."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc import check_jacobian

rng = np.random.default_rng(11)
n, m = 4, 3
A1 = rng.standard_normal((m, n))  # for A x:   R^4 -> R^3
A2 = rng.standard_normal((n, m))  # for x^T A: R^4 -> R^3
x = rng.standard_normal(n)

assert check_jacobian(lambda x: A1 @ x, lambda x: A1.T, x) < 1e-8  # J1: 4 x 3
assert check_jacobian(lambda x: x @ A2, lambda x: A2, x) < 1e-8  # J2: A, 4 x 3

# PyTorch returns output x input, so its Jacobians are the transposes
x_t = torch.tensor(x)
A1_t, A2_t = torch.tensor(A1), torch.tensor(A2)
J1_torch = torch.autograd.functional.jacobian(lambda x: A1_t @ x, x_t)
J2_torch = torch.autograd.functional.jacobian(lambda x: x @ A2_t, x_t)
np.testing.assert_allclose(J1_torch.numpy().T, A1.T)
np.testing.assert_allclose(J2_torch.numpy().T, A2)
# --8<-- [end:body]
