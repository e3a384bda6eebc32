"""matcalc.optim: the optimisers the Hessian chapter and its figures use."""

import numpy as np
import pytest

from matcalc import check_gradient, check_jacobian
from matcalc.optim import (
    bfgs_update,
    gradient_descent,
    lbfgs_direction,
    lse_ridge,
    newton,
    quadratic,
)

rng = np.random.default_rng(0)


def _spd(n, cond):
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return Q @ np.diag(np.geomspace(1.0, cond, n)) @ Q.T


@pytest.mark.parametrize("make", ["quadratic", "lse_ridge"])
def test_example_objectives_have_correct_derivatives(make):
    n = 4
    if make == "quadratic":
        f, grad, hess = quadratic(_spd(n, 10.0), rng.standard_normal(n))
    else:
        f, grad, hess = lse_ridge(rng.standard_normal((6, n)), 0.3)
    x = rng.standard_normal(n)
    assert check_gradient(f, grad, x) < 1e-8
    assert check_jacobian(grad, hess, x) < 1e-8
    np.testing.assert_allclose(hess(x), hess(x).T, atol=1e-14)


def test_lse_ridge_survives_large_arguments():
    f, grad, hess = lse_ridge(np.eye(2), 1.0)
    x = np.array([800.0, 0.0])  # exp(800) overflows float64
    assert np.isfinite(f(x)) and np.isclose(f(x), 800.0 + 0.5 * 800.0**2)
    assert np.all(np.isfinite(grad(x))) and np.all(np.isfinite(hess(x)))


def test_gradient_descent_path_follows_the_update_rule():
    A = np.diag([1.0, 10.0])
    _, grad, _ = quadratic(A, np.zeros(2))
    path = gradient_descent(grad, [1.0, 1.0], 0.05, tol=1e-6)
    assert path.shape[1] == 2 and np.array_equal(path[0], [1.0, 1.0])
    for x, x_next in zip(path[:-1], path[1:]):
        np.testing.assert_allclose(x_next, x - 0.05 * grad(x), rtol=1e-15)
    assert np.linalg.norm(grad(path[-1])) <= 1e-6 < np.linalg.norm(grad(path[-2]))


def test_gradient_descent_rate_on_a_quadratic():
    kappa = 50.0
    A = np.diag([1.0, kappa])
    _, grad, _ = quadratic(A, np.zeros(2))
    path = gradient_descent(grad, [1.0, 1.0], 2 / (1 + kappa), tol=1e-10)
    rate = (kappa - 1) / (kappa + 1)
    errors = np.linalg.norm(path, axis=1)  # the minimiser is 0
    np.testing.assert_allclose(errors[1:] / errors[:-1], rate, rtol=1e-9)


def test_gradient_descent_stops_at_max_iter():
    _, grad, _ = quadratic(np.eye(2), np.zeros(2))
    path = gradient_descent(grad, [1.0, 1.0], 1e-3, tol=0.0, max_iter=7)
    assert len(path) == 8


def test_newton_solves_a_quadratic_in_one_step():
    A = _spd(5, 1e4)
    b = rng.standard_normal(5)
    _, grad, hess = quadratic(A, b)
    path = newton(grad, hess, rng.standard_normal(5), tol=1e-9)
    assert len(path) == 2  # one step, then the gradient test stops it
    np.testing.assert_allclose(A @ path[1], b, rtol=1e-9, atol=1e-9)


def test_newton_goes_to_the_saddle_of_an_indefinite_quadratic():
    _, grad, hess = quadratic(np.diag([1.0, -2.0]), np.zeros(2))
    path = newton(grad, hess, [1.5, 0.7])
    np.testing.assert_allclose(path[1], [0.0, 0.0], atol=1e-15)


def test_newton_converges_quadratically_on_a_smooth_function():
    f, grad, hess = lse_ridge(rng.standard_normal((8, 3)), 0.5)
    path = newton(grad, hess, np.full(3, 2.0), tol=1e-14)
    errors = np.linalg.norm(path - path[-1], axis=1)[:-1]
    big = errors[errors > 1e-7]
    assert len(big) >= 3
    ratios = big[1:] / big[:-1] ** 2
    assert np.all(ratios < 5.0), ratios


def test_newton_uses_solve_not_a_wrong_sign():
    _, grad, hess = quadratic(np.diag([2.0, 3.0]), np.array([2.0, 3.0]))
    path = newton(grad, hess, [0.0, 0.0])
    np.testing.assert_allclose(path[1], [1.0, 1.0])


def test_bfgs_update_satisfies_the_secant_equation_and_stays_spd():
    n = 5
    H_inv = np.eye(n)
    for _ in range(4):
        s = rng.standard_normal(n)
        y = _spd(n, 20.0) @ s  # y^T s > 0
        H_inv = bfgs_update(H_inv, s, y)
        np.testing.assert_allclose(H_inv @ y, s, rtol=1e-10)
        np.testing.assert_allclose(H_inv, H_inv.T, atol=1e-12)
        assert np.linalg.eigvalsh(H_inv).min() > 0


def test_bfgs_recovers_the_inverse_hessian_from_conjugate_steps():
    n = 4
    A = _spd(n, 30.0)
    H_inv = np.eye(n)
    for s in np.linalg.eigh(A)[1].T:  # A-conjugate steps: every secant pair is kept
        H_inv = bfgs_update(H_inv, s, A @ s)
    np.testing.assert_allclose(H_inv @ A, np.eye(n), atol=1e-10)


def test_lbfgs_two_loop_equals_explicit_bfgs_updates():
    n, k, gamma = 6, 4, 0.7
    A = _spd(n, 100.0)
    steps = [rng.standard_normal(n) for _ in range(k)]
    changes = [A @ s for s in steps]
    H_inv = gamma * np.eye(n)
    for s, y in zip(steps, changes):
        H_inv = bfgs_update(H_inv, s, y)
    g = rng.standard_normal(n)
    np.testing.assert_allclose(
        lbfgs_direction(g, steps, changes, gamma), H_inv @ g, rtol=1e-10
    )
    assert np.array_equal(lbfgs_direction(g, [], [], gamma), gamma * g)
