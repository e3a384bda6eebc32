"""The gradient field in Chromium: its numbers are NumPy's, it follows mouse, touch
and keyboard, refuses bad input, and works offline and in dark mode.

Runs on the built site (site/index.html holds the default fragment).
Readouts are compared as numbers within half a unit of the third decimal,
never as strings: JavaScript's toFixed and Python's round differ on ties.
"""

import math
import re

import numpy as np
import pytest

from matcalc import quadratic as q

PAGE = "index.html"
ROOT = '[data-widget="gradient-field"]'
HALF_UNIT = 5e-4  # a readout to three decimals is within this of the value
CONTROLS = ("a11", "a12", "a21", "a22", "x1", "x2", "lr")
READOUTS = ("x1", "x2", "f", "grad1", "grad2", "gradnorm",
            "a11", "a12", "a21", "a22", "h11", "h12", "h21", "h22")


def open_widget(visit, **kwargs):
    visit_ = visit(PAGE, **kwargs)
    visit_.page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=5000)
    return visit_, visit_.page.locator(ROOT).first


# What a reader sees of the widget, read in one call: the bad-input test reads it after
# each of some 130 inputs (one round trip instead of eight each)
WIDGET_STATE = """r => {
  const error = r.querySelector('[data-role="error"]');
  return {
    state: r.dataset.state,
    error: error.checkVisibility() && error.getClientRects().length ? error.innerText.trim() : null,
    invalid: Object.fromEntries([...r.querySelectorAll("[data-control]")]
      .map(c => [c.dataset.control, c.getAttribute("aria-invalid")])),
    readouts: Object.fromEntries([...r.querySelectorAll("[data-readout]")]
      .map(e => [e.dataset.readout, e.textContent])),
    curves: r.querySelector(".gf-pos").getAttribute("d"),
    text: r.querySelector(".gf-live").outerHTML + r.innerText,
  };
}"""
BAD_WORDS = ("NaN", "Infinity", "undefined")


def widget_state(root):
    return root.evaluate(WIDGET_STATE)


def readouts(root):
    return widget_state(root)["readouts"]


def assert_readouts(root, A, x):
    """Every readout is NumPy's value to three decimals."""
    A, x = np.asarray(A, dtype=float), np.asarray(x, dtype=float)
    g = (A + A.T) @ x
    expected = {"x1": x[0], "x2": x[1], "f": x @ A @ x, "grad1": g[0], "grad2": g[1],
                "gradnorm": np.linalg.norm(g), "a11": A[0, 0], "a12": A[0, 1],
                "a21": A[1, 0], "a22": A[1, 1], "h11": 2 * A[0, 0], "h12": A[0, 1] + A[1, 0],
                "h21": A[0, 1] + A[1, 0], "h22": 2 * A[1, 1]}
    shown = readouts(root)
    for name in READOUTS:
        assert re.fullmatch(r"-?\d+\.\d{3}", shown[name]), (name, shown[name])
        value = expected[name]
        assert abs(float(shown[name]) - value) <= HALF_UNIT * (1 + 1e-9) + 1e-12 * abs(value), (
            name, shown[name], value)
    return shown


def type_values(root, values):
    for name, text in values.items():
        field = root.locator(f'[data-control="{name}"]')
        field.fill(text)
        field.dispatch_event("change")


def bad_words(text):
    return [word for word in BAD_WORDS if word in text]


def no_bad_words(root):
    assert not bad_words(widget_state(root)["text"])


def test_default_state_is_the_lesson(visit):
    visit_, root = open_widget(visit)
    shown = readouts(root)
    assert [shown[k] for k in ("x1", "x2", "f", "grad1", "grad2", "gradnorm")] == [
        "1.200", "0.800", "2.080", "2.400", "1.600", "2.884"]
    assert [shown[k] for k in ("a11", "a12", "a21", "a22")] == ["1.000", "0.000", "0.000", "1.000"]
    assert [shown[k] for k in ("h11", "h12", "h21", "h22")] == ["2.000", "0.000", "0.000", "2.000"]
    assert root.locator('select[data-control="preset"]').input_value() == "identity"
    assert root.locator('[data-role="description"]').inner_text() == q.preset("identity")["text"]
    assert root.locator('[data-role="error"]').is_hidden()
    assert root.locator(".gf-grad").is_visible() and root.locator(".gf-descent").is_visible()
    assert root.locator(".gf-naive").is_hidden()  # A is symmetric
    assert root.locator(".gf-twin").is_hidden()   # the static twin gives way to the live figure
    assert root.locator('[data-handle="point"]').is_visible()
    assert visit_.console_errors == [] and visit_.external_requests == []


def test_script_math_equals_python(visit):
    """Same numbers from gradient-field.js and matcalc.quadratic at random points."""
    visit_, root = open_widget(visit)
    rng = np.random.default_rng(7)
    cases = []
    for scale in (1, 1, 10, 1000):
        for _ in range(50):
            A = rng.uniform(-5, 5, (2, 2)) * scale  # non-symmetric
            x = rng.uniform(-4, 4, 2) * scale
            cases.append((A.tolist(), x.tolist()))
    results = visit_.page.evaluate(
        """cases => cases.map(([A, x]) => {
            const r = GradientField.compute(A, x);
            return [r.f, r.grad, r.gradnorm, r.H, r.kind, GradientField.newtonStep(A, x),
                    GradientField.viewHalfWidth(x)];
        })""", cases)
    for (A, x), (f, grad, gradnorm, H, kind, newton, L) in zip(cases, results):
        scale = 1 + abs(q.value(A, x))
        assert abs(f - q.value(A, x)) <= 5e-4 and abs(f - q.value(A, x)) <= 1e-12 * scale
        np.testing.assert_allclose(grad, q.gradient(A, x), rtol=1e-12, atol=5e-4)
        assert abs(gradnorm - np.linalg.norm(q.gradient(A, x))) <= 5e-4
        np.testing.assert_array_equal(H, q.hessian(A))
        assert kind == q.classify(A)
        np.testing.assert_allclose(newton, q.newton_step(A, x), atol=5e-4 * scale)
        assert L == q.view_half_width(x)
    assert visit_.console_errors == []


EDGE_MATRICES = [
    [[1, 1], [1, 1]], [[0.1, 0.3], [0.3, 0.9]], [[-1, 2], [0, -1]], [[0, 5], [-5, 0]],
    [[0, 0], [0, 0]], [[1, 0], [0, -1]], [[0, 1], [1, 0]], [[-1, 0.2], [0, -3]],
    [[1e5, 1e5], [1e5, 1e5 + 0.001]], [[2, 3], [-1, 2]], [[1, 0], [0, 100]],
]


def test_script_classifies_and_draws_like_python(visit):
    visit_, root = open_widget(visit)
    page = visit_.page
    for A in EDGE_MATRICES + [p["A"] for p in q.PRESETS]:
        A = [[float(v) for v in row] for row in A]
        assert page.evaluate("A => GradientField.classify(A)", A) == q.classify(A), A
        newton = page.evaluate("A => GradientField.newtonStep(A, [1.2, 0.8])", A)
        assert (newton is None) == q.is_singular(A), A
        levels = page.evaluate("A => GradientField.levelValues(A, 3)", A)
        np.testing.assert_allclose(levels, q.level_values(A, 3.0), rtol=1e-12)
        for c in levels[:3] + levels[-2:] + [0.0, q.value(A, [1.2, 0.8])]:
            js = page.evaluate("([A, c]) => GradientField.levelCurves(A, c, 3 * Math.SQRT2, 0.05)",
                               [A, c])
            py = q.level_curves(A, c, 3 * math.sqrt(2), 0.05)
            assert len(js) == len(py), (A, c)
            for a, b in zip(js, py):
                np.testing.assert_allclose(a, b, atol=1e-9)
    assert visit_.console_errors == []


def test_typed_A_and_x_give_numpy_readouts(visit):
    """Six draws of a non-symmetric A and an x, typed one after another into one widget
    (one page load for all): the readouts are NumPy's."""
    visit_, root = open_widget(visit)
    for seed in range(6):
        rng = np.random.default_rng(seed)
        A = np.round(rng.uniform(-4, 4, (2, 2)), 3)  # non-symmetric
        x = np.round(rng.uniform(-3, 3, 2), 3)
        if seed == 4:  # outside the default view, and larger entries
            A, x = np.round(A * 250, 3), np.array([-7.25, 12.5])
        type_values(root, {"a11": repr(float(A[0, 0])), "a12": repr(float(A[0, 1])),
                           "a21": repr(float(A[1, 0])), "a22": repr(float(A[1, 1])),
                           "x1": repr(float(x[0])), "x2": repr(float(x[1]))})
        assert root.get_attribute("data-state") == "ready", seed
        assert_readouts(root, A, x)
        assert root.locator('select[data-control="preset"]').input_value() == "custom", seed
        description = root.locator('[data-role="description"]').inner_text()
        assert description == "Custom A. " + q.KINDS[q.classify(A)], seed
        assert root.locator(".gf-naive").is_visible()  # 2Ax shown: A is not symmetric
        assert root.locator(".gf-key-naive").is_visible()
        no_bad_words(root)
    assert visit_.console_errors == []


def test_presets_load_with_their_sentence(visit):
    visit_, root = open_widget(visit)
    select = root.locator('select[data-control="preset"]')
    for preset in q.PRESETS:
        select.select_option(preset["id"])
        assert_readouts(root, preset["A"], q.DEFAULT_X)
        assert root.locator('[data-role="description"]').inner_text() == preset["text"]
        newton = root.locator('[data-action="newton"]')
        assert newton.is_disabled() == q.is_singular(preset["A"])
        A = np.array(preset["A"])
        assert root.locator(".gf-naive").is_visible() == (not np.array_equal(A, A.T))
        shown = readouts(root)
        assert float(shown["scale"]) == pytest.approx(q.arrow_scale(A), abs=HALF_UNIT)
    assert visit_.console_errors == []


def _to_page(root, point):
    """Page pixels of a point of the plane, from the plot's box and half-width."""
    box = root.locator(".gf-live svg").bounding_box()
    L = root.evaluate("r => r.__gradientField.L")
    return (box["x"] + (point[0] / L + 1) / 2 * box["width"],
            box["y"] + (1 - point[1] / L) / 2 * box["height"]), 2 * L / box["width"]


def test_dragging_moves_x_and_the_readouts_follow(visit):
    visit_, root = open_widget(visit)
    page = visit_.page
    start, per_pixel = _to_page(root, q.DEFAULT_X)
    handle = root.locator('[data-handle="point"]').bounding_box()
    assert abs(handle["x"] + handle["width"] / 2 - start[0]) < 1
    page.mouse.move(*start)
    page.mouse.down()
    for target in ([-1.5, 2.0], [2.2, -0.7], [-2.6, -1.9]):
        end, _ = _to_page(root, target)
        page.mouse.move(*end, steps=8)
        shown = readouts(root)
        x = [float(shown["x1"]), float(shown["x2"])]
        assert np.allclose(x, target, atol=per_pixel), (x, target)
        assert_readouts(root, np.eye(2), x)
        assert root.locator("input[data-control='x1']").input_value() == shown["x1"]
    page.mouse.up()
    # A click on the background moves the point there too
    end, _ = _to_page(root, [0.5, 0.5])
    page.mouse.click(*end)
    shown = readouts(root)
    assert np.allclose([float(shown["x1"]), float(shown["x2"])], [0.5, 0.5], atol=per_pixel)
    assert visit_.console_errors == []


def test_touch_drag_on_the_point(visit):
    visit_, root = open_widget(visit)
    page = visit_.page
    cdp = page.context.new_cdp_session(page)
    start, per_pixel = _to_page(root, q.DEFAULT_X)
    end, _ = _to_page(root, [-1.0, -2.0])

    def touch(kind, point):
        points = [] if kind == "touchEnd" else [{"x": point[0], "y": point[1]}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", start)
    for i in range(1, 11):
        touch("touchMove", [start[0] + (end[0] - start[0]) * i / 10,
                            start[1] + (end[1] - start[1]) * i / 10])
    touch("touchEnd", end)
    shown = readouts(root)
    assert np.allclose([float(shown["x1"]), float(shown["x2"])], [-1.0, -2.0], atol=2 * per_pixel)
    assert_readouts(root, np.eye(2), [float(shown["x1"]), float(shown["x2"])])
    assert visit_.console_errors == []


def test_arrow_keys_move_x_with_visible_focus(visit):
    visit_, root = open_widget(visit)
    page = visit_.page
    handle = root.locator('[data-handle="point"]')
    root.locator('select[data-control="preset"]').focus()
    page.keyboard.press("Shift+Tab")  # keyboard focus, as a keyboard-only reader gets there
    assert handle.evaluate("h => h === document.activeElement && h.matches(':focus-visible')")
    ring = "h => getComputedStyle(h, '::before').borderTopColor"
    assert handle.evaluate(ring) not in ("", "rgba(0, 0, 0, 0)")  # the focus ring shows
    for key in ["ArrowRight"] * 3 + ["ArrowUp"] * 2:
        page.keyboard.press(key)
    assert_readouts(root, np.eye(2), [1.5, 1.0])
    page.keyboard.press("Shift+ArrowDown")
    page.keyboard.press("ArrowLeft")
    assert_readouts(root, np.eye(2), [1.4, 0.99])
    scroll = page.evaluate("window.scrollY")
    for _ in range(30):
        page.keyboard.press("ArrowRight")
    assert_readouts(root, np.eye(2), [3.0, 0.99])  # stops at the edge of the view
    assert page.evaluate("window.scrollY") == scroll  # the keys did not scroll the page
    assert visit_.console_errors == []


BAD = ["", "   ", "abc", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e999", "-1e400",
       "2e6", "-1000000.5", "1,5", "0x10", "1/2", "--1", "1e", "."]


def test_bad_input_shows_a_message_and_keeps_the_last_figure(visit):
    visit_, root = open_widget(visit)
    error = root.locator('[data-role="error"]')
    before = widget_state(root)
    for name in CONTROLS:
        field = root.locator(f'[data-control="{name}"]')
        good = field.input_value()
        assert field.get_attribute("aria-describedby") == error.get_attribute("id")
        for text in BAD + (["0", "-0.5"] if name == "lr" else []):
            type_values(root, {name: text})
            seen = widget_state(root)
            assert seen["state"] == "error", (name, text)
            assert seen["error"], (name, text)  # shown, and says something
            assert seen["invalid"][name] == "true", (name, text)
            assert seen["readouts"] == before["readouts"], (name, text)
            assert seen["curves"] == before["curves"], (name, text)
            assert not bad_words(seen["text"]), (name, text)
        type_values(root, {name: good})
        assert root.get_attribute("data-state") == "ready"
        assert error.is_hidden() and field.get_attribute("aria-invalid") is None
    # The largest allowed value is accepted, with finite readouts
    type_values(root, {"a11": "1e6", "x1": "-1000000"})
    assert root.get_attribute("data-state") == "ready"
    assert_readouts(root, [[1e6, 0], [0, 1]], [-1e6, 0.8])
    no_bad_words(root)
    # A Unicode minus, as pasted from the page, is a minus
    type_values(root, {"a11": "\u22122.5", "x1": "1.2"})
    assert_readouts(root, [[-2.5, 0], [0, 1]], [1.2, 0.8])
    assert visit_.console_errors == []


def test_at_zero_the_arrow_disappears_and_the_readouts_say_so(visit):
    visit_, root = open_widget(visit)
    type_values(root, {"x1": "0", "x2": "0"})
    assert_readouts(root, np.eye(2), [0, 0])
    assert root.locator(".gf-grad").is_hidden() and root.locator(".gf-descent").is_hidden()
    note = root.locator('[data-role="note"]').inner_text()
    assert "∇f = 0" in note and "no arrow" in note and "single point" in note
    type_values(root, {"x1": "0.5"})
    assert root.locator(".gf-grad").is_visible()
    assert "no arrow" not in root.locator('[data-role="note"]').inner_text()
    no_bad_words(root)
    assert visit_.console_errors == []


def test_gradient_and_newton_steps(visit):
    visit_, root = open_widget(visit)
    gd, newton = root.locator('[data-action="gd"]'), root.locator('[data-action="newton"]')
    x = np.array(q.DEFAULT_X)
    for _ in range(3):
        gd.click()
        x = q.gd_step(np.eye(2), x, q.DEFAULT_LR)
        assert_readouts(root, np.eye(2), x)
    assert root.locator(".gf-trail").get_attribute("d").startswith("M")
    type_values(root, {"lr": "0.25"})
    gd.click()
    assert_readouts(root, np.eye(2), q.gd_step(np.eye(2), x, 0.25))
    root.locator('select[data-control="preset"]').select_option("saddle")
    type_values(root, {"x1": "1.2", "x2": "0.8"})
    newton.click()  # to the saddle point, not a minimum
    assert_readouts(root, q.preset("saddle")["A"], q.newton_step(q.preset("saddle")["A"], q.DEFAULT_X))
    assert "stationary" in root.locator('[data-role="note"]').inner_text()
    root.locator('select[data-control="preset"]').select_option("degenerate")
    assert newton.is_disabled()
    assert "No Newton step" in root.locator('[data-role="note"]').inner_text()
    # Gradient descent on the saddle runs away; a step past the limit is refused
    root.locator('select[data-control="preset"]').select_option("saddle")
    type_values(root, {"x1": "1", "x2": "1", "lr": "1000"})
    for _ in range(3):
        gd.click()
    assert "smaller η" in root.locator('[data-role="note"]').inner_text()
    shown = readouts(root)
    assert abs(float(shown["x2"])) <= q.LIMIT
    no_bad_words(root)
    assert visit_.console_errors == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_offline_and_in_both_schemes(visit, dark):
    visit_, root = open_widget(visit, scheme="file", dark=dark)
    page = visit_.page
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if dark else "default")
    assert_readouts(root, np.eye(2), q.DEFAULT_X)

    def luminance(css):
        r, g, b = [int(v) for v in re.findall(r"[\d.]+", css)[:3]]
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    curve = root.evaluate("r => getComputedStyle(r.querySelector('.gf-through')).stroke")
    dot = root.evaluate("r => getComputedStyle(r.querySelector('.gf-handle'), '::after')"
                        ".backgroundColor")
    page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    for colour in (curve, dot):
        assert (luminance(colour) > 0.6) == dark, (colour, page_bg)
    assert abs(luminance(curve) - luminance(page_bg)) > 0.5
    grad = root.evaluate("r => getComputedStyle(r.querySelector('.gf-grad')).stroke")
    assert grad != curve and "0, 0, 0" not in grad
    type_values(root, {"a12": "2", "a21": "0"})
    assert_readouts(root, [[1, 2], [0, 1]], q.DEFAULT_X)
    assert visit_.console_errors == [] and visit_.external_requests == []
    assert visit_.failed_requests == []


def test_fits_a_narrow_screen(visit):
    visit_, root = open_widget(visit, width=390, height=844)
    page = visit_.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = root.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    plot = root.locator(".gf-live svg").bounding_box()
    assert plot["width"] >= 300 and abs(plot["width"] - plot["height"]) < 1
    type_values(root, {"a11": "123456.789", "a12": "-987654.321", "x1": "-2.5"})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert visit_.console_errors == []


def test_static_twin_without_javascript_and_in_print(visit):
    visit_ = visit(PAGE, javascript=False)
    page = visit_.page
    twin = page.locator(f"{ROOT} .gf-twin")
    assert twin.is_visible() and twin.locator("svg").is_visible()
    assert page.locator(f"{ROOT} .gf-live").count() == 0
    caption = twin.locator("figcaption").inner_text()
    assert q.preset("identity")["text"] in caption and "2.080" in caption and "2.884" in caption
    visit_, root = open_widget(visit)
    visit_.page.emulate_media(media="print")
    assert root.locator(".gf-twin svg").is_visible()
    assert root.locator(".gf-live").is_hidden()
    visit_.page.emulate_media(media="screen")
    assert root.locator(".gf-live").is_visible() and root.locator(".gf-twin").is_hidden()


def test_several_widgets_and_a_second_initialisation(visit):
    visit_, root = open_widget(visit)
    page = visit_.page
    # A second root on the page, built from the same fragment markup
    page.evaluate("""() => {
        const first = document.querySelector('[data-widget="gradient-field"]');
        const div = document.createElement('div');
        div.className = 'gf';
        div.dataset.widget = 'gradient-field';
        div.dataset.preset = 'nonsymmetric';
        div.appendChild(first.querySelector('script[data-role="config"]').cloneNode(true));
        first.after(div);
        GradientField.initAll();
        GradientField.initAll();
        const again = document.createElement('script');
        again.src = [...document.scripts].find(s => /gradient-field\\.js/.test(s.src)).src;
        document.body.appendChild(again);
    }""")
    page.wait_for_function("document.querySelectorAll('[data-widget=\"gradient-field\"][data-state=\"ready\"]').length === 2")
    page.wait_for_timeout(200)  # the re-loaded script has run
    roots = page.locator(ROOT)
    assert roots.count() == 2
    for i in range(2):
        assert roots.nth(i).locator(".gf-live").count() == 1
    second = roots.nth(1)
    assert_readouts(second, q.preset("nonsymmetric")["A"], q.DEFAULT_X)
    type_values(second, {"x1": "-2"})
    assert_readouts(second, q.preset("nonsymmetric")["A"], [-2, 0.8])
    assert_readouts(root, np.eye(2), q.DEFAULT_X)  # the first is untouched
    labels = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(labels) == len(set(labels))
    assert visit_.console_errors == []


# --- Tiny and huge entries: the same scale-safe math in the script and in Python ------

TINY_MATRICES = [
    [[1e-300, 0.0], [0.0, 1e-300]], [[1e-307, 0.0], [0.0, 1e-307]],
    [[2e-200, 1e-200], [0.0, 1e-200]], [[1e-170, 0.0], [0.0, 1e-170]],
    [[0.0, 1e-200], [0.0, 0.0]], [[0.0, 1e-200], [-1e-200, 0.0]], [[0.0, 3e-150], [0.0, 0.0]],
]


def test_script_and_python_agree_on_tiny_matrices(visit):
    visit_, root = open_widget(visit)
    x = [1.2, 0.8]
    for A in TINY_MATRICES:
        js = visit_.page.evaluate(
            """([A, x]) => { const r = GradientField.compute(A, x);
                return [GradientField.classify(A), GradientField.drawnArrow(A, r.grad),
                        GradientField.newtonStep(A, x), r.scale]; }""", [A, x])
        kind, drawn, newton, scale = js
        assert kind == q.classify(A), A
        np.testing.assert_allclose(drawn, q.drawn_arrow(A, q.gradient(A, x)), rtol=1e-12, atol=1e-300)
        assert np.all(np.isfinite(drawn))
        if q.is_singular(A):
            assert newton is None
        else:
            np.testing.assert_allclose(newton, q.newton_step(A, x), atol=1e-12)
        assert scale == pytest.approx(q.arrow_scale(A), rel=1e-12)
    assert visit_.console_errors == []


@pytest.mark.parametrize("tiny", ["1e-300", "1e-307"])
def test_tiny_A_draws_finite_arrows_and_a_readable_scale(visit, tiny):
    visit_, root = open_widget(visit)
    type_values(root, {"a11": tiny, "a22": tiny})
    assert root.get_attribute("data-state") == "ready"
    # H = 2 tiny I: the gradient drawn at 1 / ||H|| of its length is x itself, a visible arrow
    d = root.locator(".gf-grad").get_attribute("d")
    assert d.startswith("M") and "NaN" not in d and "Infinity" not in d
    assert root.locator(".gf-grad").is_visible() and root.locator(".gf-descent").is_visible()
    assert readouts(root)["scale"] == f"{1 / (2 * float(tiny)):.2e}"  # e.g. 5.00e+299
    no_bad_words(root)
    assert visit_.console_errors == []


def test_newton_on_a_tiny_A_reaches_the_minimum(visit):
    # det H = 4e-340 underflowed to 0: the step went to infinity and the note blamed η
    visit_, root = open_widget(visit)
    type_values(root, {"a11": "1e-170", "a22": "1e-170"})
    root.locator('[data-action="newton"]').click()
    shown = readouts(root)
    assert (shown["x1"], shown["x2"]) == ("0.000", "0.000")
    assert "η" not in root.locator('[data-role="note"]').inner_text()
    no_bad_words(root)
    assert visit_.console_errors == []


def test_tiny_off_diagonal_entries_are_not_called_skew_symmetric(visit):
    visit_, root = open_widget(visit)
    description = root.locator('[data-role="description"]')
    type_values(root, {"a11": "0", "a12": "1e-200", "a21": "0", "a22": "0"})
    assert q.KINDS["hyperbolas"] in description.inner_text()
    assert "skew" not in description.inner_text()
    assert not root.locator('[data-action="newton"]').is_disabled()
    type_values(root, {"a21": "-1e-200"})  # now truly skew-symmetric
    assert q.KINDS["flat"] in description.inner_text()
    assert visit_.console_errors == []


def test_dragging_after_zooming_out_stays_within_the_limit(visit):
    visit_, root = open_widget(visit)
    type_values(root, {"x1": "1e6", "x2": "-1e6"})
    L = root.evaluate("r => r.__gradientField.L")
    assert L > q.LIMIT  # the view reaches past what can be typed
    corner, _ = _to_page(root, [0.99 * L, 0.99 * L])
    visit_.page.mouse.click(*corner)
    shown = readouts(root)
    assert float(shown["x1"]) == q.LIMIT and float(shown["x2"]) == q.LIMIT
    assert root.locator('input[data-control="x1"]').input_value() == shown["x1"]
    assert root.get_attribute("data-state") == "ready"
    no_bad_words(root)
    assert visit_.console_errors == []
