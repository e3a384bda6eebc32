"""Rows S1-S7 of the gradient table: each gradient and each Hessian checked by finite differences."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_jacobian

rng = np.random.default_rng(0)
n = 4
a, b = rng.standard_normal(n), rng.standard_normal(n)
A = rng.standard_normal((n, n))  # general: not symmetric
S = A + A.T  # symmetric
I, Z = np.eye(n), np.zeros((n, n))

# name: (f, gradient, Hessian); the Hessian is the Jacobian of the gradient
rows = {
    "S1 a^T x": (lambda x: a @ x, lambda x: a, lambda x: Z),
    "S2 x^T A x": (lambda x: x @ A @ x, lambda x: (A + A.T) @ x,
                   lambda x: A + A.T),
    "S3 x^T S x": (lambda x: x @ S @ x, lambda x: 2 * S @ x, lambda x: 2 * S),
    "S4 ||x||^2": (lambda x: x @ x, lambda x: 2 * x, lambda x: 2 * I),
    "S5 ||x - a||^2": (lambda x: (x - a) @ (x - a), lambda x: 2 * (x - a),
                       lambda x: 2 * I),
    "S6 x^T A b": (lambda x: x @ A @ b, lambda x: A @ b, lambda x: Z),
    "S7 ||x||_1": (lambda x: np.abs(x).sum(), np.sign, lambda x: Z),
}

x = rng.standard_normal(n)  # every x_i != 0, so S7 is differentiable here
assert np.all(x != 0)
for name, (f, grad, hess) in rows.items():
    assert check_gradient(f, grad, x) < 1e-8, name
    assert check_jacobian(grad, hess, x) < 1e-8, name
# --8<-- [end:body]
