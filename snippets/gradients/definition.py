"""The gradient collects the partial derivatives into a vector shaped like x."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient


def f(x):
    return x[0] ** 2 * x[1] + np.sin(x[2])  # f: R^3 -> R


def grad_f(x):
    # One partial derivative per component of x, stacked in the order of x
    return np.array([
        2 * x[0] * x[1],  # d f / d x_1
        x[0] ** 2,  # d f / d x_2
        np.cos(x[2]),  # d f / d x_3
    ])


x = np.array([0.5, -1.2, 2.0])
assert grad_f(x).shape == x.shape  # the gradient has the shape of x
assert check_gradient(f, grad_f, x) < 1e-8
# --8<-- [end:body]
