"""Exercise: the Jacobian of an affine map in both layouts."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_jacobian

rng = np.random.default_rng(5)
A = rng.standard_normal((3, 2))
b = rng.standard_normal(3)
x = rng.standard_normal(2)


def f(x):
    return A @ x + b  # R^2 -> R^3; b does not depend on x


J_denominator = A.T  # 2 x 3
J_numerator = A  # 3 x 2
assert check_jacobian(f, lambda x: J_denominator, x) < 1e-8
assert J_numerator.shape == (3, 2) and J_denominator.shape == (2, 3)
# --8<-- [end:body]
