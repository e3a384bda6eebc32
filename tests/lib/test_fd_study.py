"""matcalc.fd_study: the truncation/round-off trade-off behind the step-size figure."""

import numpy as np
import pytest

from matcalc import fd_study as s

STEPS = s.STEPS


@pytest.fixture(scope="module")
def errors():
    return {
        dtype: s.step_size_errors(s.demo_function, s.demo_gradient, s.DEMO_POINT, STEPS, dtype)
        for dtype in (np.float64, np.float32)
    }


def test_demo_gradient_is_the_gradient():
    from matcalc import check_gradient

    assert check_gradient(s.demo_function, s.demo_gradient, s.DEMO_POINT) < 1e-9


def test_arithmetic_stays_in_the_requested_dtype():
    seen = []

    def f(x):
        seen.append(x.dtype)
        return s.demo_function(x)

    g = s.central_gradient(f, s.DEMO_POINT, 1e-2, np.float32)
    assert g.dtype == np.float32 and set(seen) == {np.dtype(np.float32)}


def test_best_step_is_near_cube_root_of_machine_epsilon(errors):
    for dtype, (low, high) in {np.float64: (1e-6, 1e-4), np.float32: (1e-3, 3e-2)}.items():
        h, _ = s.best_step(STEPS, errors[dtype])
        assert low <= h <= high, (dtype, h)
        assert low <= np.finfo(dtype).eps ** (1 / 3) <= high


def test_best_errors_differ_by_the_precision(errors):
    _, best64 = s.best_step(STEPS, errors[np.float64])
    _, best32 = s.best_step(STEPS, errors[np.float32])
    assert best64 < 1e-9
    assert 1e-6 < best32 < 1e-3
    assert best32 > 1e4 * best64


def test_truncation_error_falls_like_h_squared(errors):
    mask = (STEPS >= 1e-3) & (STEPS <= 1e-1)
    assert s.log_slope(STEPS[mask], errors[np.float64][mask]) == pytest.approx(2, abs=0.05)


def test_round_off_error_grows_like_one_over_h(errors):
    mask = (STEPS >= 1e-12) & (STEPS <= 1e-8)
    assert s.log_slope(STEPS[mask], errors[np.float64][mask]) == pytest.approx(-1, abs=0.25)


def test_a_step_below_the_spacing_of_x_gives_nothing(errors):
    # In float32 x + 1e-9 == x: the difference is 0 and the error is 100 %
    tiny = STEPS <= 1e-8
    np.testing.assert_array_equal(errors[np.float32][tiny], 1.0)


def test_no_truncation_error_for_a_quadratic():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    x = np.array([0.4, -0.9])
    err = s.step_size_errors(lambda x: x @ A @ x, lambda x: 2 * A @ x, x, [0.5, 1.0])
    assert np.all(err < 1e-14)


def test_best_step_and_slope_helpers():
    steps = np.array([1e-3, 1e-2, 1e-1])
    assert s.best_step(steps, np.array([3.0, 1.0, 2.0])) == (1e-2, 1.0)
    assert s.log_slope(steps, steps**2) == pytest.approx(2)
