"""Adagrad and Adam precondition with squared gradients, not curvature: they are not quasi-Newton."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import quadratic

lr, eps = 0.1, 1e-8


def adam_first_step(g, beta1=0.9, beta2=0.999):
    m = (1 - beta1) * g  # first moment after one step
    v = (1 - beta2) * g * g  # second moment: squared gradients, elementwise
    m_hat, v_hat = m / (1 - beta1), v / (1 - beta2)  # bias correction
    return -lr * m_hat / (np.sqrt(v_hat) + eps)  # a diagonal preconditioner


def adagrad_first_step(g):
    return -lr * g / (np.sqrt(g * g) + eps)


# Two quadratics with very different Hessians, at points with equal gradients
A1 = np.array([[1.0, 0.0], [0.0, 100.0]])
A2 = np.array([[50.0, 20.0], [20.0, 10.0]])
_, grad1, hess1 = quadratic(A1, np.zeros(2))
_, grad2, hess2 = quadratic(A2, np.zeros(2))
g = np.array([3.0, -1.0])
x1, x2 = np.linalg.solve(A1, g), np.linalg.solve(A2, g)
np.testing.assert_allclose(grad1(x1), grad2(x2))

# Adam's and Adagrad's steps depend only on the gradient: identical for both
# problems, and of size lr in every coordinate (-lr * sign(g))
for step in (adam_first_step, adagrad_first_step):
    np.testing.assert_allclose(step(grad1(x1)), step(grad2(x2)))
    np.testing.assert_allclose(step(g), -lr * np.sign(g), rtol=1e-7)

# Newton's steps use the curvature: they differ, and each lands on 0
newton1 = np.linalg.solve(hess1(x1), -grad1(x1))
newton2 = np.linalg.solve(hess2(x2), -grad2(x2))
np.testing.assert_allclose(x1 + newton1, 0.0, atol=1e-12)
np.testing.assert_allclose(x2 + newton2, 0.0, atol=1e-12)
assert np.linalg.norm(newton1 - newton2) > 1.0

# No diagonal matrix mimics the inverse of a rotated Hessian: fit D y = s on one
# step exactly, and the secant equation fails on the next
s1, s2 = np.array([1.0, 1.0]), np.array([1.0, -1.0])
y1, y2 = A2 @ s1, A2 @ s2
D = np.diag(s1 / y1)
np.testing.assert_allclose(D @ y1, s1)
assert np.linalg.norm(D @ y2 - s2) > 1.0  # D y2 != s2
# --8<-- [end:body]
