"""Without continuous second derivatives the mixed partials can differ."""
# --8<-- [start:body]
import numpy as np


def f(x, y):
    # x y (x^2 - y^2) / (x^2 + y^2), and 0 at the origin
    r2 = x * x + y * y
    return 0.0 if r2 == 0 else x * y * (x * x - y * y) / r2


k, h = 1e-7, 1e-3  # inner step much smaller than outer step


def f_x(x, y):
    return (f(x + k, y) - f(x - k, y)) / (2 * k)


def f_y(x, y):
    return (f(x, y + k) - f(x, y - k)) / (2 * k)


d_dy_of_f_x = (f_x(0, h) - f_x(0, -h)) / (2 * h)
d_dx_of_f_y = (f_y(h, 0) - f_y(-h, 0)) / (2 * h)
assert np.isclose(d_dy_of_f_x, -1.0, atol=1e-6)
assert np.isclose(d_dx_of_f_y, 1.0, atol=1e-6)
# --8<-- [end:body]
