"""The checkers every chapter relies on: right answers pass, wrong ones fail, bad input is refused."""

import numpy as np
import pytest

from matcalc import (
    check_gradient,
    check_gradient_directional,
    check_jacobian,
    relative_error,
)

rng = np.random.default_rng(0)
A = rng.standard_normal((4, 4))


def quadratic(x):
    return x @ A @ x


def quadratic_grad(x):
    return (A + A.T) @ x


@pytest.mark.parametrize("shape", [(1,), (5,), (3, 2), (2, 3, 2)])
def test_gradient_of_any_shape(shape):
    x = rng.standard_normal(shape)
    B = rng.standard_normal(shape)
    assert check_gradient(lambda X: np.sum(B * X**3), lambda X: 3 * B * X**2, x) < 1e-8


def test_correct_gradient_passes_and_wrong_ones_fail():
    x = rng.standard_normal(4)
    assert check_gradient(quadratic, quadratic_grad, x) < 1e-8
    assert check_gradient(quadratic, lambda x: 2 * A @ x, x) > 1e-3  # needs symmetric A
    assert check_gradient(quadratic, lambda x: -quadratic_grad(x), x) > 0.5
    assert check_gradient(quadratic, lambda x: 0.5 * quadratic_grad(x), x) > 0.1


def test_transposed_matrix_gradient_fails():
    u, v, W = rng.standard_normal(3), rng.standard_normal(3), rng.standard_normal((3, 3))
    f = lambda W: u @ W @ v  # noqa: E731
    assert check_gradient(f, lambda W: np.outer(u, v), W) < 1e-8
    assert check_gradient(f, lambda W: np.outer(v, u), W) > 1e-2


def test_gradient_shape_error_names_both_shapes():
    W = rng.standard_normal((3, 2))
    with pytest.raises(ValueError, match=r"\(2, 3\).*\(3, 2\)"):
        check_gradient(np.sum, lambda W: np.ones((2, 3)), W)


def test_non_scalar_f_is_refused():
    with pytest.raises(ValueError, match="scalar"):
        check_gradient(lambda x: 2 * x, lambda x: x, np.ones(3))


def test_size_one_output_counts_as_scalar():
    x = rng.standard_normal(3)
    assert check_gradient(lambda x: np.array([x @ x]), lambda x: 2 * x, x) < 1e-8


@pytest.mark.parametrize(
    "f, grad, x, match",
    [
        (np.sum, np.ones_like, np.array([1.0, np.nan]), "x contains NaN"),
        (np.sum, np.ones_like, np.array([np.inf, 1.0]), "x contains NaN or inf"),
        (lambda x: np.log(x[0] - 5), np.ones_like, np.array([1.0, 2.0]), "not finite"),
        (np.sum, lambda x: np.full_like(x, np.nan), np.ones(2), r"grad\(x\) is not finite"),
        (np.sum, np.ones_like, np.array([1, 2]), "float"),
    ],
)
def test_bad_input_is_refused(f, grad, x, match):
    with np.errstate(all="ignore"), pytest.raises(ValueError, match=match):
        check_gradient(f, grad, x)


def test_x_is_never_modified():
    x = rng.standard_normal(4)
    before = x.copy()

    def grad_that_scribbles(z):
        z += 1.0  # a careless gradient mutating its argument
        return quadratic_grad(z - 1.0)

    check_gradient(quadratic, grad_that_scribbles, x)
    check_jacobian(lambda z: A @ z, lambda z: A.T, x)
    check_gradient_directional(quadratic, quadratic_grad, x)
    np.testing.assert_array_equal(x, before)


def test_jacobian_denominator_layout():
    B = rng.standard_normal((2, 3))
    x = rng.standard_normal(3)
    assert check_jacobian(lambda x: B @ x, lambda x: B.T, x) < 1e-8
    with pytest.raises(ValueError, match=r"\(2, 3\).*\(3, 2\)"):
        check_jacobian(lambda x: B @ x, lambda x: B, x)  # numerator layout


def test_jacobian_of_matrix_valued_function():
    X = rng.standard_normal((2, 2)) + 3 * np.eye(2)

    def inverse_jacobian(X):
        # d(X^-1)_kl / dX_ij = -(X^-1)_ki (X^-1)_jl
        Xi = np.linalg.inv(X)
        return -np.einsum("ki,jl->ijkl", Xi, Xi)

    assert check_jacobian(np.linalg.inv, inverse_jacobian, X) < 1e-7


def test_directional_check_catches_transpose_sign_and_scale():
    W = rng.standard_normal((30, 20))
    u, v = rng.standard_normal(30), rng.standard_normal(20)
    f = lambda W: u @ np.tanh(W) @ v  # noqa: E731
    grad = lambda W: np.outer(u, v) * (1 - np.tanh(W) ** 2)  # noqa: E731
    assert check_gradient_directional(f, grad, W) < 1e-7
    assert check_gradient_directional(f, lambda W: -grad(W), W) > 0.5
    assert check_gradient_directional(f, lambda W: 2 * grad(W), W) > 0.1
    square = rng.standard_normal((20, 20))
    u2 = rng.standard_normal(20)
    g = lambda W: u2 @ W @ v  # noqa: E731
    assert check_gradient_directional(g, lambda W: np.outer(v, u2), square) > 1e-2


def test_directional_check_costs_o1_evaluations():
    calls = []

    def f(x):
        calls.append(1)
        return np.sum(x**2)

    check_gradient_directional(f, lambda x: 2 * x, rng.standard_normal(10_000), n_dirs=3)
    assert len(calls) == 2 * 3 + 1


def test_directional_check_is_reproducible():
    x = rng.standard_normal(50)
    wrong = lambda x: 2 * x + 1e-4  # noqa: E731
    first = check_gradient_directional(lambda x: x @ x, wrong, x)
    assert first == check_gradient_directional(lambda x: x @ x, wrong, x)


def test_relative_error_edge_cases():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error([1.0], [-1.0]) == 1.0
