"""Newton's step minimises the quadratic model: H dx = -grad, solved, never inverted."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.optim import lse_ridge

rng = np.random.default_rng(2)
A = rng.standard_normal((6, 3))
f, grad, hess = lse_ridge(A, mu=0.5)
x = rng.standard_normal(3)
g, H = grad(x), hess(x)


def model(dx):
    return f(x) + g @ dx + 0.5 * dx @ H @ dx


def model_grad(dx):
    return g + H @ dx  # H is symmetric, so (H + H^T) dx / 2 = H dx


assert check_gradient(model, model_grad, rng.standard_normal(3)) < 1e-9

# The model's gradient vanishes where H dx = -g
dx = np.linalg.solve(H, -g)
np.testing.assert_allclose(model_grad(dx), 0.0, atol=1e-12)

# H is positive definite here, so that point is the model's minimum
assert np.linalg.eigvalsh(H).min() > 0
nearby = [dx + 1e-3 * rng.standard_normal(3) for _ in range(20)]
assert all(model(dx) < model(z) for z in nearby)

# And the step improves f itself
assert f(x + dx) < f(x)
# --8<-- [end:body]
