"""matcalc.quadratic: the math behind the gradient field, checked by finite differences."""

import math

import numpy as np
import pytest

from matcalc import check_gradient, check_jacobian, relative_error
from matcalc import quadratic as q

RNG_SEEDS = range(5)


def random_A(rng, symmetric=False):
    A = rng.uniform(-3, 3, (2, 2))
    return (A + A.T) / 2 if symmetric else A


# --- The form and its derivatives -------------------------------------------------

@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_gradient_is_A_plus_AT_x(seed):
    rng = np.random.default_rng(seed)
    A, x = random_A(rng), rng.uniform(-3, 3, 2)
    assert not np.allclose(A, A.T)
    assert check_gradient(lambda z: q.value(A, z), lambda z: q.gradient(A, z), x) < 1e-8
    np.testing.assert_allclose(q.gradient(A, x), (A + A.T) @ x, rtol=1e-14)


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_hessian_is_the_jacobian_of_the_gradient(seed):
    rng = np.random.default_rng(seed)
    A, x = random_A(rng), rng.uniform(-3, 3, 2)
    err = check_jacobian(lambda z: q.gradient(A, z), lambda z: q.hessian(A), x)
    assert err < 1e-8
    H = q.hessian(A)
    np.testing.assert_array_equal(H, H.T)


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_2Ax_is_wrong_unless_A_is_symmetric(seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, 2)
    A = random_A(rng)
    assert check_gradient(lambda z: q.value(A, z), lambda z: q.naive_gradient(A, z), x) > 1e-2
    S = random_A(rng, symmetric=True)
    assert check_gradient(lambda z: q.value(S, z), lambda z: q.naive_gradient(S, z), x) < 1e-8


def test_default_state_matches_the_lesson():
    A, x = np.array(q.preset("identity")["A"]), np.array(q.DEFAULT_X)
    r = q.readouts(A, x)
    assert (round(r["x1"], 3), round(r["x2"], 3)) == (1.2, 0.8)
    assert math.isclose(r["f"], 2.08, rel_tol=1e-12)
    np.testing.assert_allclose([r["grad1"], r["grad2"]], [2.4, 1.6], rtol=1e-12)
    assert math.isclose(r["gradnorm"], math.sqrt(8.32), rel_tol=1e-12)
    assert f"{r['gradnorm']:.3f}" == "2.884"
    assert [r[k] for k in ("a11", "a12", "a21", "a22")] == [1, 0, 0, 1]
    assert [r[k] for k in ("h11", "h12", "h21", "h22")] == [2, 0, 0, 2]
    assert q.DEFAULT_PRESET == "identity"


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_readouts_are_numpy_values(seed):
    rng = np.random.default_rng(seed)
    A, x = random_A(rng), rng.uniform(-3, 3, 2)
    r = q.readouts(A, x)
    g = (A + A.T) @ x
    expected = {"x1": x[0], "x2": x[1], "f": x @ A @ x, "grad1": g[0], "grad2": g[1],
                "gradnorm": np.linalg.norm(g), "a11": A[0, 0], "a12": A[0, 1],
                "a21": A[1, 0], "a22": A[1, 1], "h11": 2 * A[0, 0], "h12": A[0, 1] + A[1, 0],
                "h21": A[1, 0] + A[0, 1], "h22": 2 * A[1, 1]}
    assert r.keys() == expected.keys()
    for name, value in expected.items():
        assert math.isclose(r[name], value, rel_tol=1e-12, abs_tol=1e-14), name


# --- Steps -----------------------------------------------------------------------

@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_gd_step_moves_against_the_gradient_and_lowers_f(seed):
    rng = np.random.default_rng(seed)
    M = rng.standard_normal((2, 2))
    A = M @ M.T + 0.5 * np.eye(2) + np.array([[0, 1.0], [-1.0, 0]])  # PD part, skew part
    x = rng.uniform(-3, 3, 2)
    lr = 0.5 / np.linalg.eigvalsh(q.hessian(A)).max()
    new = q.gd_step(A, x, lr)
    np.testing.assert_allclose(new, x - lr * (A + A.T) @ x, rtol=1e-14)
    assert q.value(A, new) < q.value(A, x)


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_newton_reaches_the_minimum_of_a_convex_quadratic_in_one_step(seed):
    rng = np.random.default_rng(seed)
    M = rng.standard_normal((2, 2))
    A = M @ M.T + 0.5 * np.eye(2) + np.array([[0, 2.0], [-2.0, 0]])
    x = rng.uniform(-3, 3, 2)
    new = q.newton_step(A, x)
    assert np.linalg.norm(new) < 1e-12 * np.linalg.norm(x)
    assert np.linalg.norm(q.gradient(A, new)) < 1e-12
    assert q.classify(A) == "ellipses-min"


def test_newton_lands_on_the_saddle_of_an_indefinite_form():
    A = np.array(q.preset("saddle")["A"])
    new = q.newton_step(A, q.DEFAULT_X)
    np.testing.assert_allclose(new, [0, 0], atol=1e-15)
    eig = np.linalg.eigvalsh(q.hessian(A))
    assert eig.min() < 0 < eig.max()  # a saddle, not a minimum
    assert q.value(A, new + [0.1, 0]) > 0 > q.value(A, new + [0, 0.1])


@pytest.mark.parametrize("A", [[[1, 1], [1, 1]], [[0, 1], [-1, 0]], [[0, 0], [0, 0]],
                               [[-2, 1], [1, -0.5]], [[0.1, 0.3], [0.3, 0.9]]])
def test_newton_refuses_a_singular_hessian(A):
    assert abs(np.linalg.det(q.hessian(A))) < 1e-12
    with pytest.raises(q.SingularHessianError, match="singular"):
        q.newton_step(A, [1.0, 2.0])
    assert isinstance(q.SingularHessianError("x"), ValueError)


# --- Classification and level curves ---------------------------------------------

@pytest.mark.parametrize("A, kind", [
    ([[1, 0], [0, 1]], "ellipses-min"),
    ([[2, 3], [-1, 2]], "ellipses-min"),
    ([[-1, 0.2], [0, -3]], "ellipses-max"),
    ([[1, 0], [0, -1]], "hyperbolas"),
    ([[0, 1], [1, 0]], "hyperbolas"),
    ([[1, 1], [1, 1]], "lines-min"),
    ([[0.1, 0.3], [0.3, 0.9]], "lines-min"),
    ([[-1, 2], [0, -1]], "lines-max"),
    ([[0, 5], [-5, 0]], "flat"),
    ([[0, 0], [0, 0]], "flat"),
    ([[1e5, 1e5], [1e5, 1e5 + 0.001]], "ellipses-min"),  # lam2 / lam1 = 2.5e-9
])
def test_classify(A, kind):
    assert q.classify(A) == kind
    assert kind in q.KINDS
    H = np.array(A, dtype=float) + np.array(A, dtype=float).T
    eig = np.linalg.eigvalsh(H)
    assert q.is_singular(A) == (kind in ("lines-min", "lines-max", "flat"))
    lam1, lam2, theta = q.symmetric_eigen(A)
    np.testing.assert_allclose(sorted([2 * lam1, 2 * lam2]), eig, atol=1e-9 * max(1, abs(eig).max()))
    v = np.array([math.cos(theta), math.sin(theta)])
    np.testing.assert_allclose(H @ v, 2 * lam1 * v, atol=1e-9 * max(1, abs(eig).max()))


def test_preset_kinds():
    kinds = {p["id"]: q.classify(p["A"]) for p in q.PRESETS}
    assert kinds == {"identity": "ellipses-min", "anisotropic": "ellipses-min",
                     "rotated": "ellipses-min", "saddle": "hyperbolas",
                     "nonsymmetric": "ellipses-min", "degenerate": "lines-min"}


CURVE_CASES = [
    ([[1, 0], [0, 1]], [0.3, 2.0, 5.0, 9.0, 20.0]),          # circles, some clipped, some gone
    ([[1, 0], [0, 100]], [0.5, 4.0, 30.0]),                  # very elongated ellipses
    ([[100, 0], [0, 1]], [0.5, 4.0, 30.0]),
    ([[2, 1.3], [0.7, 2]], [1.0, 6.0]),                      # rotated, non-symmetric A
    ([[-1, 0.5], [0.1, -2]], [-1.0, -6.0, 1.0]),             # maximum: positive c empty
    ([[1, 0], [0, -1]], [1.0, -1.0, 4.0, 0.0]),              # hyperbolas and asymptotes
    ([[0.2, 1.5], [0.5, -3]], [2.0, -2.0, 0.0]),
    ([[1, 1], [1, 1]], [0.0, 1.0, 4.0, -1.0]),               # parallel lines
    ([[-1, -1], [-1, -1]], [0.0, -1.0, 4.0]),
]


@pytest.mark.parametrize("A, levels", CURVE_CASES)
def test_level_curves_lie_on_the_level_set_and_are_perpendicular_to_the_gradient(A, levels):
    radius, step = 3 * math.sqrt(2), 0.05
    for c in levels:
        curves = q.level_curves(A, c, radius, step)
        for curve in curves:
            assert curve.ndim == 2 and curve.shape[1] == 2 and len(curve) >= 2
            values = np.einsum("ni,ij,nj->n", curve, np.array(A, float), curve)
            np.testing.assert_allclose(values, c, atol=1e-9 * max(1, abs(c)))
            assert np.all(np.linalg.norm(curve, axis=1) <= radius * (1 + 1e-9))
            gaps = np.linalg.norm(np.diff(curve, axis=0), axis=1)
            assert gaps.max() <= step * (1 + 1e-9) or len(curve) == 401
            # I1: the gradient is perpendicular to the level curve (where it is not 0)
            tangents = np.diff(curve, axis=0)
            mids = (curve[1:] + curve[:-1]) / 2
            grads = mids @ (np.array(A, float) + np.array(A, float).T).T
            norms = np.linalg.norm(tangents, axis=1) * np.linalg.norm(grads, axis=1)
            ok = norms > 1e-9
            cosines = np.abs(np.sum(tangents * grads, axis=1))[ok] / norms[ok]
            assert np.all(cosines < 0.05)
            assert ok.any() or c == 0  # only a line of stationary points has no gradient


def test_level_curves_cover_the_visible_part():
    # Every point of the circle x^T x = 4 inside the disc is within one step of the curve
    radius, step = 3.0, 0.05
    (circle,) = q.level_curves(np.eye(2), 4.0, radius, step)
    t = np.linspace(0, 2 * np.pi, 1000)
    truth = 2 * np.stack([np.cos(t), np.sin(t)], axis=1)
    dist = np.min(np.linalg.norm(truth[:, None, :] - circle[None, :, :], axis=2), axis=1)
    assert dist.max() <= step
    # A long ellipse: the visible arcs reach the disc's edge at both ends
    arcs = q.level_curves([[100, 0], [0, 1]], 16.0, radius, step)
    assert len(arcs) == 2
    for arc in arcs:
        ends = np.linalg.norm(arc[[0, -1]], axis=1)
        np.testing.assert_allclose(ends, radius, rtol=1e-9)


@pytest.mark.parametrize("A, c, count", [
    ([[1, 0], [0, 1]], 0.0, 0),      # the single point 0
    ([[1, 0], [0, 1]], -1.0, 0),     # empty
    ([[1, 0], [0, 1]], 100.0, 0),    # outside the disc
    ([[1, 0], [0, 1]], 1.0, 1),      # one closed curve
    ([[1, 0], [0, -1]], 1.0, 2),     # two branches
    ([[1, 0], [0, -1]], -1.0, 2),
    ([[1, 0], [0, -1]], 0.0, 2),     # the asymptotes
    ([[1, 1], [1, 1]], 1.0, 2),      # two parallel lines
    ([[1, 1], [1, 1]], 0.0, 1),      # one line of minima
    ([[0, 1], [-1, 0]], 0.0, 0),     # f = 0 everywhere: no curve to draw
])
def test_level_curve_shapes(A, c, count):
    assert len(q.level_curves(A, c, 3 * math.sqrt(2), 0.05)) == count


def test_level_values():
    assert q.level_values(np.eye(2)) == pytest.approx([(k / 2) ** 2 for k in range(1, 9)])
    saddle = q.level_values([[1, 0], [0, -4]])
    assert len(saddle) == 16 and sum(c > 0 for c in saddle) == 8
    # Each sign spaced along its own steepest axis
    assert min(c for c in saddle if c < 0) == pytest.approx(-4 * 16)
    assert q.level_values([[0, 1], [-1, 0]]) == []
    assert q.level_values([[1, 1], [1, 1]], 6.0) == pytest.approx(
        [2 * (k * 1.0) ** 2 for k in range(1, 9)])


def test_view_and_arrow_scale():
    assert q.view_half_width([1.2, 0.8]) == 3
    assert q.view_half_width([3.0, -3.0]) == 3
    assert q.view_half_width([0, -3.5]) == 6
    assert q.view_half_width([1e6, 0]) == 3 * 2 ** 19
    assert q.arrow_scale(np.eye(2)) == 0.5
    assert q.arrow_scale([[0, 1], [-1, 0]]) == 1.0
    rng = np.random.default_rng(7)
    for _ in range(20):
        A, x = random_A(rng), rng.uniform(-3, 3, 2)
        drawn = q.arrow_scale(A) * np.linalg.norm(q.gradient(A, x))
        assert drawn <= np.linalg.norm(x) * (1 + 1e-12)


# --- Validation -------------------------------------------------------------------

@pytest.mark.parametrize("A, message", [
    ([[1, 0], [0]], "numbers"),
    ([[1, 0, 0], [0, 1, 0]], "shape"),
    ([[np.nan, 0], [0, 1]], "finite"),
    ([[np.inf, 0], [0, 1]], "finite"),
    ([[2e6, 0], [0, 1]], "too large"),
    ([["a", 0], [0, 1]], "numbers"),
    ("1 0 0 1", "numbers"),
])
def test_bad_matrices_are_refused_clearly(A, message):
    # The figure's limits: the readouts of a 2x2 A with |entries| <= LIMIT
    with pytest.raises(ValueError, match=message):
        q.readouts(A, [1.0, 1.0])


@pytest.mark.parametrize("x, message", [
    ([1.0], "shape"), ([np.nan, 0], "finite"), ([0, -1e7], "too large"), (None, "numbers"),
])
def test_bad_points_are_refused_clearly(x, message):
    with pytest.raises(ValueError, match=message):
        q.readouts(np.eye(2), x)


@pytest.mark.parametrize("lr, message", [(0, "positive"), (-0.1, "positive"),
                                         (np.inf, "finite"), (1e9, "too large")])
def test_bad_step_sizes_are_refused_clearly(lr, message):
    with pytest.raises(ValueError, match=message):
        q.gd_step(np.eye(2), [1.0, 1.0], lr)


def test_limits_are_inclusive():
    assert q.readouts([[1e6, 0], [0, -1e6]], [1e6, 1e6])["f"] == 0
    with pytest.raises(ValueError):
        q.readouts([[1e6 * (1 + 1e-15), 0], [0, 0]], [0, 0])


def test_the_chapter_functions_take_any_size_and_no_figure_limit():
    A = np.diag([2e6, 1.0, 3.0])
    assert q.value(A, [1.0, 1.0, 1.0]) == 2e6 + 4
    np.testing.assert_array_equal(q.gradient(A, [1.0, 0.0, 0.0]), [4e6, 0.0, 0.0])


# --- Presets and what the page receives --------------------------------------------

def test_presets():
    ids = [p["id"] for p in q.PRESETS]
    assert len(ids) == len(set(ids)) >= 5
    assert {"identity", "anisotropic", "rotated", "saddle", "nonsymmetric"} <= set(ids)
    assert q.preset("identity")["text"] == (
        "f = x₁²+x₂². Gradient = 2x — points straight out from origin. "
        "All directions equal curvature."
    )
    for p in q.PRESETS:
        q.as_matrix(p["A"])
        assert p["text"] and p["label"]
        symmetric = np.array_equal(np.array(p["A"]), np.array(p["A"]).T)
        assert symmetric == (p["id"] != "nonsymmetric")
    with pytest.raises(KeyError, match="no preset"):
        q.preset("nope")


def test_nonsymmetric_preset_shows_that_2Ax_is_not_perpendicular():
    A, x = np.array(q.preset("nonsymmetric")["A"]), np.array(q.DEFAULT_X)
    (curve,) = [c for c in q.level_curves(A, q.value(A, x), 5.0, 0.01)
                if np.min(np.linalg.norm(c - x, axis=1)) < 0.01]
    i = np.argmin(np.linalg.norm(curve - x, axis=1))
    tangent = curve[i + 1] - curve[i - 1]
    tangent /= np.linalg.norm(tangent)
    right, wrong = q.gradient(A, x), q.naive_gradient(A, x)
    assert abs(tangent @ right) / np.linalg.norm(right) < 1e-3
    assert abs(tangent @ wrong) / np.linalg.norm(wrong) > 0.3


def test_widget_config_round_trips_through_json():
    import json

    config = q.widget_config()
    assert json.loads(json.dumps(config)) == config
    assert config["limit"] == q.LIMIT and config["zeroTol"] == q.ZERO_TOL
    assert [p["id"] for p in config["presets"]] == [p["id"] for p in q.PRESETS]
    assert set(config["kinds"]) == set(q.KINDS)
    assert relative_error(config["x"], q.DEFAULT_X) == 0


# --- Tiny and huge entries: a scale-safe norm, as in the script ----------------------

@pytest.mark.parametrize("tiny", [1e-150, 1e-200, 1e-300, 1e-310])
def test_tiny_off_diagonal_entries_are_not_called_skew_symmetric(tiny):
    # S = [[0, t/2], [t/2, 0]] has eigenvalues +-t/2: hyperbolas, not "f = 0 everywhere";
    # squaring t/2 underflows to 0, which is what the unscaled formula did
    assert q.classify([[0.0, tiny], [0.0, 0.0]]) == "hyperbolas"
    assert q.classify([[0.0, tiny], [-tiny, 0.0]]) == "flat"  # truly skew-symmetric
    lam1, lam2, _ = q.symmetric_eigen([[0.0, tiny], [0.0, 0.0]])
    assert lam1 == pytest.approx(tiny / 2, rel=1e-15) and lam2 == pytest.approx(-tiny / 2, rel=1e-15)


@pytest.mark.parametrize("tiny", [1e-300, 1e-307, 1e-310])
def test_arrows_stay_finite_when_A_is_tiny(tiny):
    A, x = tiny * np.eye(2), np.array([1.2, 0.8])
    # H = 2 tiny I, so the gradient drawn at 1 / ||H|| of its length is x itself
    np.testing.assert_allclose(q.drawn_arrow(A, q.gradient(A, x)), x, rtol=1e-12)
    for v in (q.gradient(A, x), q.naive_gradient(A, x)):
        assert np.all(np.isfinite(q.drawn_arrow(A, v)))
    if tiny >= 1e-307:  # the readout's number 1 / ||H||; above 1.8e308 it is inf, shown as "—"
        assert q.arrow_scale(A) == pytest.approx(1 / (2 * tiny), rel=1e-15)


def test_drawn_arrow_is_the_scaled_gradient_for_ordinary_A():
    rng = np.random.default_rng(11)
    for _ in range(20):
        A, x = random_A(rng), rng.uniform(-3, 3, 2)
        g = q.gradient(A, x)
        np.testing.assert_allclose(q.drawn_arrow(A, g), q.arrow_scale(A) * g, rtol=1e-14)
    np.testing.assert_array_equal(q.drawn_arrow(np.zeros((2, 2)), [1.0, 2.0]), [1.0, 2.0])


@pytest.mark.parametrize("tiny", [1e-100, 1e-165, 1e-200, 1e-300])
def test_newton_reaches_the_minimum_when_A_is_tiny(tiny):
    # det H = 4 tiny^2 underflows below 1e-162: the step must not depend on it
    A = tiny * np.array([[2.0, 1.0], [0.0, 1.0]])
    assert not q.is_singular(A)
    np.testing.assert_allclose(q.newton_step(A, [1.2, 0.8]), [0.0, 0.0], atol=1e-12)
