"""Each row of the JVP/VJP table: matrix-free products against J^T v and J u."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_jacobian

rng = np.random.default_rng(18)
n, m = 4, 3
A1, A2 = rng.standard_normal((m, n)), rng.standard_normal((n, m))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    z = np.exp(x - x.max())
    return z / z.sum()


def ds(x):
    return sigmoid(x) * (1 - sigmoid(x))


def jac_softmax(x):
    p = softmax(x)
    return np.diag(p) - np.outer(p, p)


def softmax_product(x, w):  # J^T w = J w: J is symmetric
    p = softmax(x)
    return p * w - p * (p @ w)


# name: (f, J in denominator layout, JVP v -> J^T v, VJP u -> J u)
rows = {
    "Ax": (lambda x: A1 @ x, lambda x: A1.T,
           lambda x, v: A1 @ v, lambda x, u: A1.T @ u),
    "x^T A": (lambda x: x @ A2, lambda x: A2,
              lambda x, v: A2.T @ v, lambda x, u: A2 @ u),
    "sigmoid": (sigmoid, lambda x: np.diag(ds(x)),
                lambda x, v: ds(x) * v, lambda x, u: ds(x) * u),
    "softmax": (softmax, jac_softmax, softmax_product, softmax_product),
}

x = rng.standard_normal(n)
for name, (f, jac, jvp, vjp) in rows.items():
    v, u = rng.standard_normal(n), rng.standard_normal(f(x).size)
    assert check_jacobian(f, jac, x) < 1e-8, name
    np.testing.assert_allclose(jvp(x, v), jac(x).T @ v, err_msg=name)
    np.testing.assert_allclose(vjp(x, u), jac(x) @ u, err_msg=name)
# --8<-- [end:body]
