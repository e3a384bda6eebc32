"""v^T H v is the second derivative along a unit vector v; eigenvectors give its extremes."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import lse_ridge

rng = np.random.default_rng(3)
A = rng.standard_normal((6, 3))
f, grad, hess = lse_ridge(A, mu=0.5)
x = rng.standard_normal(3)
H = hess(x)


def second_derivative_along(v, h=1e-4):
    # d^2/dt^2 f(x + t v) at t = 0, by a central second difference
    return (f(x + h * v) - 2 * f(x) + f(x - h * v)) / h**2


for _ in range(5):
    v = rng.standard_normal(3)
    v /= np.linalg.norm(v)
    assert np.isclose(second_derivative_along(v), v @ H @ v, rtol=1e-5)

# Principal curvature directions: the eigenvectors of H
lam, V = np.linalg.eigh(H)  # ascending eigenvalues, orthonormal eigenvectors
for i in range(3):
    assert np.isclose(second_derivative_along(V[:, i]), lam[i], rtol=1e-5)

# Every unit direction's curvature lies between the extreme eigenvalues
U = rng.standard_normal((1000, 3))
U /= np.linalg.norm(U, axis=1, keepdims=True)
curvatures = np.einsum("ki,ij,kj->k", U, H, U)
assert lam[0] - 1e-12 <= curvatures.min()
assert curvatures.max() <= lam[-1] + 1e-12
# --8<-- [end:body]
