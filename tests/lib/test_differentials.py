"""matcalc.differentials: right differentials pass, wrong ones fail, shapes are enforced."""

import numpy as np
import pytest

from matcalc.differentials import check_differential

rng = np.random.default_rng(1)
X = rng.standard_normal((3, 3)) + 3 * np.eye(3)
dX = rng.standard_normal((3, 3))


def test_scalar_differentials():
    def f(X):
        return np.trace(X @ X @ X)

    assert check_differential(f, lambda X, E: 3 * np.trace(X @ X @ E), X, dX) < 1e-8
    # tr(X X dX) + tr(X dX X) + tr(dX X X) = 3 tr(X^2 dX) by cyclic invariance;
    # a slip that drops two of the terms is caught
    assert check_differential(f, lambda X, E: np.trace(X @ X @ E), X, dX) > 0.3


def test_matrix_valued_differential_of_the_inverse():
    def inverse(X):
        return np.linalg.inv(X)

    def right(X, E):
        Xi = np.linalg.inv(X)
        return -Xi @ E @ Xi

    def wrong(X, E):
        Xi = np.linalg.inv(X)
        return -Xi @ Xi @ E  # matrices do not commute

    assert check_differential(inverse, right, X, dX) < 1e-8
    assert check_differential(inverse, wrong, X, dX) > 1e-2


def test_caller_arrays_are_not_modified():
    X0, dX0 = X.copy(), dX.copy()

    def df(X, E):
        out = 2 * np.sum(X * E)
        X += 1.0  # a careless df must not change the caller's point
        return out

    check_differential(lambda X: np.sum(X * X), df, X, dX)
    assert np.array_equal(X, X0) and np.array_equal(dX, dX0)


def test_shapes_are_enforced():
    with pytest.raises(ValueError, match="dX has shape"):
        check_differential(np.sum, lambda X, E: np.sum(E), X, dX[:2])
    with pytest.raises(ValueError, match="df"):
        check_differential(lambda X: X @ X, lambda X, E: np.trace(E), X, dX)


def test_adjugate_matches_a_known_case_and_the_inverse():
    from matcalc.differentials import adjugate

    # det M = 1, so adj(M) = inv(M), which has integer entries (a textbook example)
    M = np.array([[1.0, 2.0, 3.0], [0.0, 1.0, 4.0], [5.0, 6.0, 0.0]])
    exact = np.array([[-24.0, 18.0, 5.0], [20.0, -15.0, -4.0], [-5.0, 4.0, 1.0]])
    np.testing.assert_allclose(adjugate(M), exact, atol=1e-12)
    R = rng.integers(-4, 5, size=(4, 4)).astype(float)
    np.testing.assert_allclose(R @ adjugate(R), np.linalg.det(R) * np.eye(4), atol=1e-9)


def test_adjugate_of_a_singular_matrix():
    from matcalc.differentials import adjugate

    M = np.array([[1.0, 2.0], [2.0, 4.0]])  # det 0
    np.testing.assert_allclose(adjugate(M), [[4.0, -2.0], [-2.0, 1.0]])
    np.testing.assert_allclose(M @ adjugate(M), np.zeros((2, 2)), atol=1e-12)
