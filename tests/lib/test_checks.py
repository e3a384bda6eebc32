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


# Hard inputs (issue 13): each rule of the checker gets a case ----------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from matcalc import GradcheckReport, directional_report, gradcheck_report, jacobian_report  # noqa: E402


def smooth(x):
    return np.sum(np.exp(np.sin(x)))


def smooth_grad(x):
    return np.cos(x) * np.exp(np.sin(x))


class Counter:
    """f with a count of its evaluations."""

    def __init__(self, f):
        self.f, self.n = f, 0

    def __call__(self, x):
        self.n += 1
        return self.f(x)


def one_entry_off(grad, index, factor):
    def wrong(x):
        g = grad(x).copy()
        g[index] *= factor
        return g

    return wrong


def test_correct_gradient_at_a_least_squares_minimum_passes():
    M, y = rng.standard_normal((20, 5)), rng.standard_normal(20)
    x_star = np.linalg.lstsq(M, y, rcond=None)[0]
    f = lambda x: 0.5 * np.sum((M @ x - y) ** 2)  # noqa: E731
    report = gradcheck_report(f, lambda x: M.T @ (M @ x - y), x_star)
    assert report.verdict == "pass" and report.relative_error <= 1e-6
    # a wrong formula is not rescued by the floor: it is far from 0 at x_star
    assert check_gradient(f, lambda x: M.T @ (M @ x + y), x_star) > 1e-3


@pytest.mark.parametrize("x", [np.zeros(4), np.zeros((2, 2))])
def test_zero_gradient_at_zero_passes(x):
    assert check_gradient(lambda x: np.sum(x**2) + np.sum(x**3), lambda x: 2 * x + 3 * x**2, x) <= 1e-6


def test_right_at_this_x_passes_there():
    # 2Ax is wrong for non-symmetric A, but equals the gradient (A + A^T)x at x = 0
    assert check_gradient(quadratic, lambda x: 2 * A @ x, np.zeros(4)) <= 1e-6


def test_trained_model_minimum_passes():
    # Logistic regression fitted by Newton's method: the gradient is about 1e-15
    X = rng.standard_normal((50, 3))
    t = (X @ [1.0, -2.0, 0.5] + rng.standard_normal(50) > 0).astype(float)

    def loss(w):
        z = X @ w
        return np.sum(np.logaddexp(0, z) - t * z) + 0.5 * w @ w

    def grad(w):
        return X.T @ (1 / (1 + np.exp(-X @ w)) - t) + w

    w = np.zeros(3)
    for _ in range(30):
        p = 1 / (1 + np.exp(-X @ w))
        H = X.T @ (X * (p * (1 - p))[:, None]) + np.eye(3)
        w = w - np.linalg.solve(H, grad(w))
    assert np.max(np.abs(grad(w))) < 1e-12
    assert check_gradient(loss, grad, w) <= 1e-6
    assert check_gradient(loss, lambda w: 1.01 * grad(w) + 1e-3, w) > 1e-3


@pytest.mark.parametrize("offset", [1e4, 1e6, 1e8])
def test_large_constant_offset(offset):
    x = rng.standard_normal(6)
    f = lambda x: offset + smooth(x)  # noqa: E731
    report = gradcheck_report(f, smooth_grad, x)
    assert report.verdict == "pass" and report.relative_error <= 1e-6
    i = int(np.argmax(np.abs(smooth_grad(x))))
    assert check_gradient(f, one_entry_off(smooth_grad, i, 1.05), x) > 1e-3


@pytest.mark.parametrize("offset", [1e15, 1e16])
def test_offset_that_hides_f_is_inconclusive_never_pass(offset):
    # At 1e16 an ulp of f is 2: f(x + t e_i) - f(x) is 0 or one ulp at every step tried,
    # so a nonzero claim, right or wrong, cannot be told from 0 (before: all passed as
    # "a stationary point", with a resolution of 1e8 reported)
    x = rng.standard_normal(6)
    f = lambda x: offset + smooth(x)  # noqa: E731
    for claim in (smooth_grad, lambda x: 2 * smooth_grad(x), lambda x: -smooth_grad(x)):
        report = gradcheck_report(f, claim, x)
        assert report.verdict == "inconclusive", report
        assert "round-off" in report.reason and report.resolution > 1e6
    # A zero claim matches the flat f it sees: it passes, with the coarse resolution shown
    zero = gradcheck_report(f, lambda x: 0 * x, x)
    assert zero.verdict == "pass" and "stationary point" in zero.reason and zero.resolution > 1e6


def test_constant_derivative_still_checks():
    # The rule above needs f flat to round-off AND a nonzero claim: an f that is exactly
    # constant (the gradient of a linear form, whose Jacobian is 0) passes 0 and fails 1
    a = rng.standard_normal(4)
    x = rng.standard_normal(4)
    assert check_jacobian(lambda x: a.copy(), lambda x: np.zeros((4, 4)), x) <= 1e-6
    assert check_gradient(lambda x: 5.0, lambda x: np.ones(4), x) > 1e-3


def test_offset_needs_extrapolation_only_where_it_helps():
    x = rng.standard_normal(6)
    plain = gradcheck_report(smooth, smooth_grad, x)
    offset = gradcheck_report(lambda x: 1e8 + smooth(x), smooth_grad, x)
    assert plain.n_extrapolated == 0 and plain.n_evals == 2 * 6 + 1
    assert offset.n_extrapolated > 0 and offset.steps[1] > 1e-2


@pytest.mark.parametrize("size", [1e3, 1e5])
def test_large_x(size):
    x = size * (1 + rng.random(5))
    f = lambda x: np.sum(x * np.log(x))  # noqa: E731
    assert check_gradient(f, lambda x: np.log(x) + 1, x) <= 1e-6
    assert check_gradient(f, lambda x: np.log(x), x) > 1e-3


def test_f_varying_faster_than_x_is_large():
    # Steps scaled to |x| = 1e5 are far too large for sin: a local run decides
    x = 1e5 + rng.standard_normal(4)
    f = lambda x: np.sum(np.sin(x))  # noqa: E731
    assert check_gradient(f, np.cos, x) <= 1e-6
    assert check_gradient(f, lambda x: 1.05 * np.cos(x), x) > 1e-3


def test_wrong_by_one_percent_of_the_resolution_fails_at_a_stationary_point():
    M, y = rng.standard_normal((20, 5)), rng.standard_normal(20)
    x_star = np.linalg.lstsq(M, y, rcond=None)[0]
    f = lambda x: 0.5 * np.sum((M @ x - y) ** 2)  # noqa: E731
    grad = lambda x: M.T @ (M @ x - y)  # noqa: E731
    report = gradcheck_report(f, grad, x_star)
    assert report.verdict == "pass"
    off = lambda x: grad(x) + 0.02 * report.resolution * np.eye(5)[1]  # noqa: E731
    assert check_gradient(f, off, x_star) > 1e-3


@pytest.mark.parametrize("scale", [1e-12, 1.0, 1e12])
def test_rescaling_f_changes_nothing(scale):
    x = rng.standard_normal(5)
    f = lambda x: scale * smooth(x)  # noqa: E731
    assert check_gradient(f, lambda x: scale * smooth_grad(x), x) <= 1e-6
    assert check_gradient(f, lambda x: -scale * smooth_grad(x), x) > 0.5
    i = int(np.argmax(np.abs(smooth_grad(x))))  # 5 % of the largest entry is a bug
    assert check_gradient(f, one_entry_off(lambda x: scale * smooth_grad(x), i, 1.05), x) > 1e-3


def test_one_bad_entry_among_ten_thousand():
    n = 10_000
    x, c = rng.standard_normal(n), rng.standard_normal(n)
    f = Counter(lambda x: np.sum(c * np.sin(x)))
    grad = lambda x: c * np.cos(x)  # noqa: E731
    report = gradcheck_report(f, grad, x)
    assert report.verdict == "pass" and report.relative_error <= 1e-6
    assert f.n == report.n_evals == 2 * n + 1  # well scaled: no extrapolation
    g = grad(x)
    i = int(np.argmin(np.abs(np.abs(g) - 0.4 * np.max(np.abs(g)))))
    # 5 % of an entry of 40 % of the largest: 2 % of ||g||_inf, which a 2-norm dilutes
    assert relative_error(one_entry_off(grad, i, 1.05)(x), g) < 1e-3
    f.n = 0
    bad = gradcheck_report(f, one_entry_off(grad, i, 1.05), x)
    assert bad.verdict == "fail" and bad.relative_error > 1e-3
    assert bad.worst_index == (i,)
    assert f.n <= 2 * n + 1 + 2 * 24 + 6  # one entry extrapolated (twice) to confirm


def test_float32_f_is_refused_with_advice():
    x = rng.standard_normal(4)
    f32 = lambda x: np.float32(smooth(x.astype(np.float32)))  # noqa: E731
    with pytest.raises(ValueError, match="float32.*float64"):
        check_gradient(f32, smooth_grad, x)


def test_f_computed_in_float32_is_inconclusive_never_a_pass():
    x = rng.standard_normal(4)
    f = lambda x: float(smooth(x.astype(np.float32)))  # noqa: E731
    report = gradcheck_report(f, smooth_grad, x)
    assert report.verdict == "inconclusive"
    assert "noisy" in report.reason and "float32" in report.reason
    with pytest.raises(ValueError, match="inconclusive"):
        check_gradient(f, smooth_grad, x)


def test_noisy_f_is_inconclusive():
    noise = np.random.default_rng(1)
    x = rng.standard_normal(5)
    f = lambda x: smooth(x) + 1e-6 * noise.standard_normal()  # noqa: E731
    assert gradcheck_report(f, smooth_grad, x).verdict == "inconclusive"


def test_kink_is_not_a_pass():
    relu = lambda x: np.sum(np.maximum(x, 0))  # noqa: E731
    report = gradcheck_report(relu, lambda x: (x > 0) * 1.0, np.array([0.0, 1.3, -0.7]))
    assert report.verdict == "fail" and "kink" in report.reason


def test_jacobian_hard_cases():
    x = rng.standard_normal(4)
    B = rng.standard_normal((3, 4))
    f = lambda x: 1e8 + np.tanh(B @ x)  # noqa: E731
    jac = lambda x: B.T * (1 - np.tanh(B @ x) ** 2)  # noqa: E731
    assert check_jacobian(f, jac, x) <= 1e-6
    assert check_jacobian(f, lambda x: 1.05 * jac(x), x) > 1e-3
    # a stationary point of every output
    assert check_jacobian(lambda x: x**2, lambda x: np.diag(2 * x), np.zeros(3)) <= 1e-6
    report = jacobian_report(lambda x: B @ x, lambda x: -B.T, x)
    assert report.verdict == "fail" and report.diagnosis.startswith("sign")


def test_directional_hard_cases():
    x = rng.standard_normal(50)
    assert check_gradient_directional(lambda x: 1e8 + smooth(x), smooth_grad, x) <= 1e-6
    assert check_gradient_directional(lambda x: np.sum(x**2), lambda x: 2 * x, np.zeros(50)) <= 1e-6
    assert check_gradient_directional(smooth, smooth_grad, x, rng=7) <= 1e-6
    seeded = directional_report(smooth, lambda x: 2 * smooth_grad(x), x, rng=7)
    assert seeded.verdict == "fail" and seeded.diagnosis.startswith("factor 2")
    again = directional_report(smooth, lambda x: 2 * smooth_grad(x), x, rng=np.random.default_rng(7))
    assert again.relative_error == seeded.relative_error


# Symmetric arguments ---------------------------------------------------------------

S_root = rng.standard_normal((4, 4))
Sigma = S_root @ S_root.T + 4 * np.eye(4)


def logdet_cholesky(S):
    # np.linalg.cholesky reads the lower triangle only
    return 2 * np.sum(np.log(np.diag(np.linalg.cholesky(S))))


def test_cholesky_logdet_needs_symmetric_directions():
    inv = np.linalg.inv
    report = gradcheck_report(logdet_cholesky, inv, Sigma)
    assert report.verdict == "fail"  # entry by entry it sees a triangular gradient
    assert check_gradient(logdet_cholesky, inv, Sigma, structure="symmetric") <= 1e-6
    assert check_gradient(np.log, lambda s: 1 / s, np.array([[2.0]]), structure="symmetric") <= 1e-6


def test_triangular_by_product_is_rejected_and_sym_suggested():
    def by_product(S):
        G = np.linalg.inv(S)
        return np.tril(2 * G) - np.diag(np.diag(G))

    # entry by entry, the wrong answer passes
    assert check_gradient(logdet_cholesky, by_product, Sigma) <= 1e-6
    report = gradcheck_report(logdet_cholesky, by_product, Sigma, structure="symmetric")
    assert report.verdict == "fail" and report.relative_error > 1e-3
    assert "sym(G)" in report.reason and "sym(G)" in report.diagnosis


def test_doubled_off_diagonal_is_rejected():
    def doubled(S):
        G = np.linalg.inv(S)
        return G + G.T - np.diag(np.diag(G))

    report = gradcheck_report(logdet_cholesky, doubled, Sigma, structure="symmetric")
    assert report.verdict == "fail" and report.relative_error > 1e-3
    assert report.diagnosis.startswith("doubled off-diagonal")


def test_eigh_functions_pass_along_symmetric_directions():
    f = lambda S: np.sum(np.linalg.eigvalsh(S) ** 3)  # noqa: E731 = tr(S^3)
    assert check_gradient(f, lambda S: 3 * S @ S, Sigma, structure="symmetric") <= 1e-6
    assert check_gradient(f, lambda S: S @ S, Sigma, structure="symmetric") > 1e-3


@pytest.mark.parametrize(
    "x, match",
    [(np.triu(Sigma), "symmetric x"), (np.ones((2, 3)), "square"), (np.ones(3), "square")],
)
def test_symmetric_structure_needs_a_symmetric_x(x, match):
    with pytest.raises(ValueError, match=match):
        check_gradient(np.sum, np.ones_like, x, structure="symmetric")


# The report and its diagnosis ------------------------------------------------------

W_sq = rng.standard_normal((4, 4))
u4, v4 = rng.standard_normal(4), rng.standard_normal(4)


def bilinear_tanh(W):
    return u4 @ np.tanh(W) @ v4


def bilinear_tanh_grad(W):
    return np.outer(u4, v4) * (1 - np.tanh(W) ** 2)


@pytest.mark.parametrize(
    "wrong, name",
    [
        (lambda W: bilinear_tanh_grad(W).T, "transposed"),
        (lambda W: 2 * bilinear_tanh_grad(W), "factor 2"),
        (lambda W: 0.5 * bilinear_tanh_grad(W), "factor 1/2"),
        (lambda W: -bilinear_tanh_grad(W), "sign"),
    ],
)
def test_diagnosis_names_the_mistake(wrong, name):
    report = gradcheck_report(bilinear_tanh, wrong, W_sq)
    assert report.verdict == "fail" and report.relative_error > 1e-3
    assert report.diagnosis.startswith(name)
    assert name in str(report)


def test_diagnosis_symmetric_part_only():
    # x^T A x with A not symmetric: (A + A^T) x is right, the symmetric part of the
    # matrix gradient u v^T of u^T W v is not
    f = lambda W: u4 @ W @ v4  # noqa: E731
    sym = lambda W: (np.outer(u4, v4) + np.outer(v4, u4)) / 2  # noqa: E731
    report = gradcheck_report(f, sym, W_sq)
    assert report.verdict == "fail" and report.diagnosis.startswith("symmetric part only")


def test_diagnosis_one_triangle_points_to_symmetric_structure():
    report = gradcheck_report(logdet_cholesky, np.linalg.inv, Sigma)
    assert report.diagnosis is not None and "symmetric" in report.diagnosis


def test_report_fields():
    report = gradcheck_report(bilinear_tanh, bilinear_tanh_grad, W_sq)
    assert isinstance(report, GradcheckReport)
    assert report.verdict == "pass" and report.diagnosis is None
    assert report.n_evals == 2 * 16 + 1 and report.n_extrapolated == 0
    assert report.steps[0] > 0 and report.resolution == report.fd_error / 1e-6
    scale = np.max(np.abs(report.numeric)) + np.max(np.abs(report.analytic))
    assert report.max_abs_error <= report.relative_error * max(scale, report.resolution)
    assert report.numeric.shape == W_sq.shape and len(report.worst_index) == 2
    with pytest.raises(AttributeError):
        report.verdict = "fail"  # frozen
    assert "PASS" in str(report)


@pytest.mark.parametrize("x_shape", [(3,), (3, 1)])
def test_row_gradient_is_named_numerator_layout(x_shape):
    x = np.ones(x_shape)
    with pytest.raises(ValueError, match=r"\(1, 3\).*" + re_shape(x_shape) + ".*numerator"):
        check_gradient(np.sum, lambda x: np.ones((1, 3)), x)


def re_shape(shape):
    return str(shape).replace("(", r"\(").replace(")", r"\)")


def test_transposed_non_square_gradient_is_named():
    W = rng.standard_normal((2, 3))
    with pytest.raises(ValueError, match=r"\(3, 2\).*\(2, 3\).*numerator"):
        check_gradient(np.sum, lambda W: np.ones((3, 2)), W)


# Bad input -------------------------------------------------------------------------


@pytest.mark.parametrize("h", [0, 0.0, -1e-5, np.nan, np.inf, np.array([1e-5, 1e-5]), "1e-5", True])
def test_bad_step_is_refused(h):
    with pytest.raises(ValueError, match="h must"):
        check_gradient(np.sum, np.ones_like, np.ones(2), h=h)
    with pytest.raises(ValueError, match="h must"):
        check_jacobian(np.sin, lambda x: np.diag(np.cos(x)), np.ones(2), h=h)


@pytest.mark.parametrize("n_dirs", [0, -1, 1.5, True])
def test_bad_n_dirs_is_refused(n_dirs):
    with pytest.raises(ValueError, match="n_dirs"):
        check_gradient_directional(np.sum, np.ones_like, np.ones(3), n_dirs=n_dirs)


def test_bad_rng_is_refused():
    with pytest.raises(ValueError, match="rng"):
        check_gradient_directional(np.sum, np.ones_like, np.ones(3), rng="seed")


@pytest.mark.parametrize(
    "f, grad, x, match",
    [
        (np.sum, np.ones_like, np.ones(2) + 0j, "x is complex"),
        (lambda x: np.sum(x) + 1j, np.ones_like, np.ones(2), r"f\(x\) is complex"),
        (np.sum, lambda x: np.ones(2) * (1 + 1j), np.ones(2), r"grad\(x\) is complex"),
        (lambda x: None, np.ones_like, np.ones(2), "None"),
        (lambda x: "1.0", np.ones_like, np.ones(2), "'1.0'"),
        (lambda x: object(), np.ones_like, np.ones(2), "real numbers"),
        (lambda x: {"loss": 1.0}, np.ones_like, np.ones(2), "real numbers"),
        (np.sum, lambda x: None, np.ones(2), r"grad\(x\) returned None"),
    ],
)
def test_non_real_values_are_refused(f, grad, x, match):
    with pytest.raises(ValueError, match=match):
        check_gradient(f, grad, x)


def test_relative_error_refuses_unequal_shapes():
    with pytest.raises(ValueError, match=r"\(3,\).*\(3, 1\)"):
        relative_error(np.ones(3), np.ones((3, 1)))


@pytest.mark.parametrize("size", [1e-300, 1e-160, 1e160, 1e300])
def test_norms_neither_overflow_nor_underflow(size):
    a = size * np.array([3.0, 4.0])
    assert relative_error(a, a) == 0.0
    assert relative_error(a, -a) == 1.0
    assert abs(relative_error(a, 1.01 * a) - 0.01 / 2.01) < 1e-12
    x = np.array([0.3, -0.8])
    f = lambda x: size * smooth(x)  # noqa: E731
    assert check_gradient(f, lambda x: size * smooth_grad(x), x) <= 1e-6
    assert check_gradient(f, lambda x: -size * smooth_grad(x), x) > 0.5


# Property tests: random shapes and scales -------------------------------------------


@settings(max_examples=30, deadline=None, database=None)  # nothing stored between runs
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
    f_scale=st.sampled_from([1e-12, 1e-6, 1.0, 1e6, 1e12]),
    x_scale=st.sampled_from([1e-3, 1.0, 1e3]),
    offset=st.sampled_from([0.0, 1.0, 1e4]),
    seed=st.integers(0, 2**16),
)
def test_property_correct_passes_and_one_wrong_entry_fails(shape, f_scale, x_scale, offset, seed):
    r = np.random.default_rng(seed)
    c = r.standard_normal(shape)
    x = x_scale * r.standard_normal(shape)
    length = max(x_scale, 1.0)  # f varies on the scale of x, or of 1 for small x

    def f(x):
        return f_scale * (offset + np.sum(c * np.sin(x / length)))

    def grad(x):
        return f_scale * c * np.cos(x / length) / length

    assert check_gradient(f, grad, x) <= 1e-6
    g = grad(x)
    i = np.unravel_index(np.argmax(np.abs(g)), shape)

    def wrong(z):
        w = grad(z).copy()
        w[i] += 0.02 * np.abs(g[i])  # 2 % of ||grad f||_inf on one entry
        return w

    assert check_gradient(f, wrong, x) > 1e-3


@settings(max_examples=20, deadline=None, database=None)  # nothing stored between runs
@given(n=st.integers(1, 5), seed=st.integers(0, 2**16), scale=st.sampled_from([1e-8, 1.0, 1e8]))
def test_property_symmetric_logdet(n, seed, scale):
    r = np.random.default_rng(seed)
    B = r.standard_normal((n, n))
    S = scale * (B @ B.T + n * np.eye(n))
    S = (S + S.T) / 2
    assert check_gradient(logdet_cholesky, np.linalg.inv, S, structure="symmetric") <= 1e-6
    if n > 1:
        doubled = lambda S: 2 * np.linalg.inv(S) - np.diag(np.diag(np.linalg.inv(S)))  # noqa: E731
        assert check_gradient(logdet_cholesky, doubled, S, structure="symmetric") > 1e-3


@settings(max_examples=30, deadline=None, database=None)  # nothing stored between runs
@given(
    n=st.integers(1, 6),
    seed=st.integers(0, 2**16),
    size=st.sampled_from([1e-300, 1e-150, 1.0, 1e150, 1e300]),
)
def test_property_relative_error_is_scale_free(n, seed, size):
    r = np.random.default_rng(seed)
    a, b = r.standard_normal(n), r.standard_normal(n)
    expected = np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))
    assert abs(relative_error(size * a, size * b) - expected) <= 1e-12


def test_a_step_that_leaves_x_unchanged_is_an_error():
    # x + 1e-20 == x for x of size 1: the difference would be 0 / 0
    x = np.array([1.0, 2.0, 3.0])
    for h in (1e-20, 1e-17):
        with pytest.raises(ValueError, match="too small"):
            gradcheck_report(lambda x: x @ x, lambda x: -7 * x, x, h=h)

