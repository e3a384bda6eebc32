"""On an ill-conditioned quadratic Newton needs one step; gradient descent needs about kappa."""
# --8<-- [start:body]
import numpy as np

from matcalc.optim import gradient_descent, newton, quadratic

rng = np.random.default_rng(4)
Q, _ = np.linalg.qr(rng.standard_normal((2, 2)))  # a random rotation
b = rng.standard_normal(2)
x0 = np.array([3.0, -2.0])
tol = 1e-8

steps = {}
for kappa in (10.0, 100.0, 1000.0):
    A = Q @ np.diag([1.0, kappa]) @ Q.T  # condition number kappa
    f, grad, hess = quadratic(A, b)

    # Newton: the model is f itself, so one step lands on the minimiser
    path = newton(grad, hess, x0, tol=tol)
    assert len(path) == 2
    np.testing.assert_allclose(A @ path[1], b, atol=1e-10)

    # Gradient descent, best fixed step 2 / (lam_min + lam_max): each step
    # multiplies the error by (kappa - 1) / (kappa + 1) in both eigendirections
    path = gradient_descent(grad, x0, 2 / (1 + kappa), tol=tol, max_iter=50_000)
    rate = (kappa - 1) / (kappa + 1)
    g0 = np.linalg.norm(grad(x0))
    predicted = int(np.ceil(np.log(g0 / tol) / np.log(1 / rate)))
    measured = len(path) - 1
    assert abs(measured - predicted) <= 1, (kappa, measured, predicted)
    steps[kappa] = measured

# Ten times the condition number, about ten times the steps
assert 8 < steps[100.0] / steps[10.0] < 12
assert 8 < steps[1000.0] / steps[100.0] < 12
# --8<-- [end:body]
