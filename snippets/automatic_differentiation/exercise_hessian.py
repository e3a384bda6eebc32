"""Exercise: the Hessian of log-sum-exp(Ax) from n Hessian-vector products."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import hvp, logsumexp, softmax

rng = np.random.default_rng(1)
A = rng.standard_normal((4, 3))
x = rng.standard_normal(3)


def f(x):
    return logsumexp(A @ x)


H = np.stack([hvp(f, x, e) for e in np.eye(3)])  # 3 HVPs, one per column

# By hand: the gradient is A^T p with p = softmax(Ax); its Jacobian is
# A^T (diag(p) - p p^T) A, symmetric positive semidefinite
p = softmax(A @ x)
np.testing.assert_allclose(H, A.T @ (np.diag(p) - np.outer(p, p)) @ A, atol=1e-12)
assert np.linalg.eigvalsh(H).min() > -1e-12
# --8<-- [end:body]
