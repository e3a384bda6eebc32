"""The gradient is perpendicular to the level curve: a tangent taken from the curve itself."""
# --8<-- [start:body]
import numpy as np

from matcalc.quadratic import ellipse_angle, ellipse_point, gradient, value

A = np.array([[2.0, 3.0], [-1.0, 3.0]])  # not symmetric
x0 = np.array([0.8, 0.6])
c = value(A, x0)  # the level curve {x : f(x) = c} through x0

# The level curve as a parametrised ellipse x(t), with x(t0) = x0
t0 = ellipse_angle(A, x0)
np.testing.assert_allclose(ellipse_point(A, c, t0), x0)
t = t0 + np.linspace(-0.5, 0.5, 11)
np.testing.assert_allclose([value(A, p) for p in ellipse_point(A, c, t)], c)

# Its tangent at x0, by a central difference along the curve
h = 1e-6
tangent = (ellipse_point(A, c, t0 + h) - ellipse_point(A, c, t0 - h)) / (2 * h)


def cosine(u, v):
    return u @ v / (np.linalg.norm(u) * np.linalg.norm(v))


g = gradient(A, x0)  # (A + A^T) x0
assert np.linalg.norm(g) > 0  # the argument needs a nonzero gradient
assert abs(cosine(g, tangent)) < 1e-8  # perpendicular
assert abs(cosine(2 * A @ x0, tangent)) > 0.1  # 2 A x0 is not, for this A
# --8<-- [end:body]
