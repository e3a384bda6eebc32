"""torch.autograd.functional.jacobian returns output x input: the transpose of this site's J."""
# --8<-- [start:body]
import numpy as np
import torch

from matcalc.ad import vjp

rng = np.random.default_rng(0)
A = rng.standard_normal((3, 5))
x = rng.standard_normal(5)

J = np.stack([vjp(lambda z: A @ z, x, e)[1] for e in np.eye(3)], axis=1)
assert J.shape == (5, 3)  # denominator layout: input x output
np.testing.assert_allclose(J, A.T)

J_torch = torch.autograd.functional.jacobian(lambda z: torch.from_numpy(A) @ z,
                                             torch.from_numpy(x)).numpy()
assert J_torch.shape == (3, 5)  # numerator layout: output x input
np.testing.assert_allclose(J_torch.T, J)
# --8<-- [end:body]
