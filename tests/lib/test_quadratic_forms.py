"""matcalc.quadratic for any n: the quadratic form x^T A x, checked by finite differences."""

import numpy as np
import pytest

from matcalc import check_gradient, check_jacobian
from matcalc import quadratic as qf

RNG = np.random.default_rng(2024)
NONSYMMETRIC = np.array([[1.0, 2.0], [0.0, 2.0]])


def test_value_is_the_double_sum():
    A = RNG.standard_normal((4, 4))
    x = RNG.standard_normal(4)
    double_sum = sum(A[i, j] * x[i] * x[j] for i in range(4) for j in range(4))
    assert qf.value(A, x) == pytest.approx(double_sum, rel=1e-12)


@pytest.mark.parametrize("n", [2, 3, 5])
def test_gradient_and_hessian_for_a_nonsymmetric_matrix(n):
    A = RNG.standard_normal((n, n))
    x = RNG.standard_normal(n)
    assert check_gradient(lambda z: qf.value(A, z), lambda z: qf.gradient(A, z), x) < 1e-8
    assert check_jacobian(lambda z: qf.gradient(A, z), lambda z: qf.hessian(A), x) < 1e-8
    np.testing.assert_allclose(qf.hessian(A), qf.hessian(A).T)


def test_naive_gradient_is_wrong_unless_symmetric():
    x = np.array([0.7, -1.1])
    f = lambda z: qf.value(NONSYMMETRIC, z)  # noqa: E731
    assert check_gradient(f, lambda z: qf.naive_gradient(NONSYMMETRIC, z), x) > 1e-2
    S = qf.symmetric_part(NONSYMMETRIC)
    np.testing.assert_allclose(qf.naive_gradient(S, x), qf.gradient(NONSYMMETRIC, x))
    assert qf.value(S, x) == pytest.approx(qf.value(NONSYMMETRIC, x), rel=1e-14)


def test_grid_values_match_value():
    xs, ys = np.linspace(-2, 2, 5), np.linspace(-1, 3, 4)
    Z = qf.grid_values(NONSYMMETRIC, xs, ys)
    assert Z.shape == (4, 5)
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            assert Z[i, j] == pytest.approx(qf.value(NONSYMMETRIC, [x, y]), abs=1e-12)


@pytest.mark.parametrize("A", [np.diag([1.0, 4.0]), NONSYMMETRIC, [[2.0, 1.0], [1.0, 2.0]]])
def test_ellipse_points_lie_on_the_level_set_and_angles_invert(A):
    c = 1.7
    t = np.linspace(-3, 3, 13)
    points = qf.ellipse_point(A, c, t)
    assert points.shape == (13, 2)
    for p, ti in zip(points, t):
        assert qf.value(A, p) == pytest.approx(c, rel=1e-12)
        assert qf.ellipse_angle(A, p) == pytest.approx(ti, abs=1e-12)


def test_gradient_is_normal_to_the_ellipse():
    t0, h = 0.9, 1e-6
    x0 = qf.ellipse_point(NONSYMMETRIC, 2.0, t0)
    tangent = (qf.ellipse_point(NONSYMMETRIC, 2.0, t0 + h)
               - qf.ellipse_point(NONSYMMETRIC, 2.0, t0 - h)) / (2 * h)
    g = qf.gradient(NONSYMMETRIC, x0)
    cosine = g @ tangent / (np.linalg.norm(g) * np.linalg.norm(tangent))
    assert abs(cosine) < 1e-8
    naive = qf.naive_gradient(NONSYMMETRIC, x0)
    assert abs(naive @ tangent) / (np.linalg.norm(naive) * np.linalg.norm(tangent)) > 0.1


def test_helpers_refuse_bad_input():
    with pytest.raises(ValueError, match="square"):
        qf.value(np.ones((2, 3)), np.ones(3))
    with pytest.raises(ValueError, match="positive definite"):
        qf.ellipse_point(np.diag([1.0, -1.0]), 1.0, 0.0)
    with pytest.raises(ValueError, match="positive"):
        qf.ellipse_point(np.eye(2), 0.0, 0.0)
    with pytest.raises(ValueError, match="single point"):
        qf.ellipse_angle(np.eye(2), np.zeros(2))
    with pytest.raises(ValueError, match=r"shape \(2, 2\)"):
        qf.grid_values(np.eye(3), [0.0], [0.0])
