"""The Frechet derivative of expm, and the gradient of tr(C expm(X)) = expm_frechet(X^T, C^T)."""
# --8<-- [start:body]
import numpy as np
import torch
from scipy.linalg import expm, expm_frechet

from matcalc import check_gradient

rng = np.random.default_rng(7)
n = 4
X = rng.standard_normal((n, n)) / 2
E = rng.standard_normal((n, n))

# L(X, E), the linear change of expm(X) along E, three ways
L = expm_frechet(X, E, compute_expm=False)
h = 1e-6
L_fd = (expm(X + h * E) - expm(X - h * E)) / (2 * h)
np.testing.assert_allclose(L, L_fd, rtol=1e-6, atol=1e-9)
# expm of the block matrix [[X, E], [0, X]] holds L(X, E) in its top-right block
L_block = expm(np.block([[X, E], [np.zeros((n, n)), X]]))[:n, n:]
np.testing.assert_allclose(L, L_block, rtol=1e-10, atol=1e-12)
# Not expm(X) E: X and E do not commute
assert np.linalg.norm(L - expm(X) @ E) > 0.1 * np.linalg.norm(L)

# f(X) = tr(C expm(X)): df = tr(C L(X, dX)) = <L(X^T, C^T), dX>
C = rng.standard_normal((n, n))
f = lambda X: np.trace(C @ expm(X))
grad_X = expm_frechet(X.T, C.T, compute_expm=False)
assert check_gradient(f, lambda X: grad_X, X) < 1e-8
X_t = torch.tensor(X, requires_grad=True)
torch.trace(torch.as_tensor(C) @ torch.linalg.matrix_exp(X_t)).backward()
np.testing.assert_allclose(X_t.grad.numpy(), grad_X, rtol=1e-10)
# --8<-- [end:body]
