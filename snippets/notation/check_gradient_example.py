"""Checking a hand-derived gradient with matcalc."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_gradient_directional

rng = np.random.default_rng(0)
A = rng.standard_normal((3, 3))  # not symmetric
x = rng.standard_normal(3)


def f(x):
    return x @ A @ x


def grad_f(x):
    return (A + A.T) @ x


assert check_gradient(f, grad_f, x) < 1e-8  # 2n + 1 evaluations of f
assert check_gradient_directional(f, grad_f, x) < 1e-8  # 2 * n_dirs + 1 evaluations
# 2Ax is right only for symmetric A: here it is rejected
assert check_gradient(f, lambda x: 2 * A @ x, x) > 1e-3
# --8<-- [end:body]
