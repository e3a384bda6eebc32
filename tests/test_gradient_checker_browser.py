"""The gradient checker in Chromium: right answers pass, wrong ones fail with the
diagnosis of matcalc.gradcheck, bad input gets a message (never NaN), math.js loads
only on first use, the panel works from the keyboard, over file://, dark and at 390 px.

Runs on the built site (site/gradient-checker.html); the DOM contract is in
CONTRIBUTING.md ("The gradient checker").
"""

import json
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pytest

from browser_fixtures import NEXT_RENDERING, severe_findings

ROOT_DIR = Path(__file__).resolve().parent.parent
PAGE = "gradient-checker.html"
ROOT = '[data-widget="gradient-check"]'
LIBRARY = "assets/vendor/mathjs/math.js"
BAD_WORDS = ("NaN", "Infinity", "undefined", "null")


# A guard against a hang, not a speed test: a check took more than 20 s once when
# three browsers shared the 2 cores (it takes 1-6 s alone)
CHECK_TIMEOUT_MS = 60000


def open_panel(visit, query="", **kwargs):
    visit_ = visit(PAGE + query, **kwargs)
    visit_.page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=5000)
    return visit_, visit_.page.locator(ROOT)


def fill(root, variables, wrt, f, gradient):
    for name, text in (("variables", variables), ("wrt", wrt), ("f", f), ("gradient", gradient)):
        root.locator(f'[data-control="{name}"]').fill(text)


def run(root):
    root.locator('[data-action="check"]').click()
    root.page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=CHECK_TIMEOUT_MS)
    return shown(root)


def follow(link):
    """Click a link to the checker as a reader does, and wait for the page it opens. A
    link far down a page moves while the blocks around it are drawn (content-visibility)
    as it scrolls into view: clicked at once, the click missed it (2 of 2 runs of this file
    in 2 processes); so it is clicked once they are drawn."""
    link.scroll_into_view_if_needed()
    link.page.evaluate(NEXT_RENDERING)
    with link.page.expect_navigation():
        link.click()


def shown(root):
    values = root.evaluate(
        "r => Object.fromEntries([...r.querySelectorAll('[data-readout]')]"
        ".map(e => [e.dataset.readout, e.textContent]))"
    )
    error = root.locator('[data-role="error"]')
    values["error"] = error.inner_text() if error.is_visible() else None
    text = root.inner_text()
    for word in BAD_WORDS:
        assert word not in text, (word, text)
    return values


# (variables, wrt, f, claimed gradient, verdict, words the diagnosis must hold)
CASES = [
    ("x: 4\nA: 4 x 4", "x", "x'*A*x", "2*A*x", "fail", "right only for symmetric A"),
    ("x: 4\nA: 4 x 4", "x", "x'*A*x", "(A+A')*x", "pass", None),
    ("x: 4\nA: 4 x 4 symmetric", "x", "x'*A*x", "2*A*x", "pass", None),
    ("X: 3 x 3\nB: 3 x 3", "X", "trace(X*B)", "B'", "pass", None),
    ("X: 3 x 3\nB: 3 x 3", "X", "trace(X*B)", "B", "fail", "transposed"),
    ("X: 3 x 3; x: 3; y: 3", "X", "x'*X*y", "x*y'", "pass", None),
    ("X: 3 x 3; x: 3; y: 3", "X", "x'*X*y", "(x*y' + y*x')/2", "fail", "symmetric part only"),
    ("x: 3", "x", "norm(x)^2", "2*x", "pass", None),
    ("x: 3", "x", "norm(x)^2", "x", "fail", "factor 1/2"),
    ("x: 3", "x", "norm(x)^2", "4*x", "fail", "factor 2"),
    ("x: 3", "x", "norm(x)^2", "-2*x", "fail", "sign"),
    ("x: 3", "x", "norm(x)", "x/norm(x)", "pass", None),
    ("X: 3 x 3 spd", "X", "log(det(X))", "inv(X)", "pass", None),
    ("X: 3 x 3 invertible", "X", "det(X)", "det(X)*inv(X)'", "pass", None),
    ("X: 3 x 3 invertible", "X", "det(X)", "det(X)*inv(X)", "fail", "transposed"),
    ("x: 5 positive", "x", "sum(log(x))", "1./x", "pass", None),
    ("x: 3; y: 3", "x", "sum(exp(x).*y)", "exp(x).*y", "pass", None),
    ("W: 2 x 3; x: 3; y: 2", "W", "norm(W*x - y)^2", "2*(W*x - y)*x'", "pass", None),
    ("t: scalar; x: 3", "t", "sum(exp(t*x))", "x'*exp(t*x)", "pass", None),
    ("X: 4 x 4; x: 4", "x", "x'*inv(X)*x", "2*inv(X)*x", "fail", "right only for symmetric X"),
]


def test_verdicts_and_diagnoses(visit):
    visit_, root = open_panel(visit)
    for variables, wrt, f, gradient, verdict, words in CASES:
        fill(root, variables, wrt, f, gradient)
        result = run(root)
        assert result["error"] is None, (f, gradient, result)
        assert result["verdict"] == verdict, (f, gradient, result)
        error = float(result["relative-error"])
        if verdict == "pass":
            assert error <= 1e-6 and result["diagnosis"] == "none needed", (f, gradient, result)
        else:
            assert error > 1e-3, (f, gradient, result)
            assert words in result["diagnosis"], (f, gradient, result)
            assert result["worst-entry"].startswith(wrt + ("(" if wrt != "t" else "")), result
    assert visit_.console_errors == [] and visit_.external_requests == []


def test_offset_that_hides_f_is_inconclusive(visit):
    """At f = 1e16 + ..., an ulp of f is 2: f never changes above its round-off, so the
    right gradient and a wrong one are both inconclusive (as in matcalc.gradcheck), never
    a pass; at 1e8 the same claims get their verdicts."""
    visit_, root = open_panel(visit)
    for gradient in ("A'*(exp(A*x)/sum(exp(A*x)))", "2*A'*(exp(A*x)/sum(exp(A*x)))"):
        fill(root, "x: 3; A: 4 x 3", "x", "1e16 + log(sum(exp(A*x)))", gradient)
        result = run(root)
        assert result["verdict"] == "inconclusive", result
        assert "round-off" in result["reason"], result
        fill(root, "x: 3; A: 4 x 3", "x", "1e8 + log(sum(exp(A*x)))", gradient)
        assert run(root)["verdict"] == ("fail" if gradient.startswith("2") else "pass")
    assert visit_.console_errors == []


# (variables, wrt, f, gradient, words the message must hold)
BAD_INPUT = [
    ("x: 3", "x", "x'*", "x", "syntax error at position 4"),
    ("x: 3", "x", "x'*x", "(x", "syntax error at position 3"),
    ("x: 3", "x", "y'*x", "x", "unknown name y at position 1"),
    ("x: 3", "x", "foo(x)", "x", "unknown function foo"),
    ("x: 4; y: 3", "x", "x'*y", "y", "x' is 1×4 and y is 3×1"),
    ("x: 3; A: 2 x 2", "x", "x'*x + trace(A)", "2*x + A", "needs equal shapes: 2 * x is 3×1 and A is 2×2"),
    ("x: 4", "x", "x*x'", "x", "f is 4×4, not a scalar"),
    ("x: 4", "x", "x'*x", "2*x'", "numerator-layout"),
    ("X: 2 x 3", "X", "sum(X.*X)", "2*X'", "numerator layout"),
    ("x: 4", "x", "x'*x", "[1, 2]", "matrix literals"),
    ("x: 3", "x", "det(x*x')", "x", "singular on each of 10 draws"),
    ("x: 3", "x", "sum(exp(1000*x))", "1000*exp(1000*x)", "overflow"),
    ("x: 3", "x", "sum(log(x))", "1./x", "complex"),
    ("x: 3", "x", "a = x'*x", "x", "assignments"),
    ("x: 3", "x", "f(x) = x'*x", "x", "function definitions"),
    ("x: 3", "x", 'evaluate("1+1")', "x", "evaluate is refused"),
    ("x: 3", "x", 'import("x")', "x", "import is refused"),
    ("x: 3", "x", "alert(1)", "x", "unknown function alert"),
    ("x: 3", "x", "window", "x", "unknown name window"),
    ("x: 3", "x", "x(1)", "x", "not a function"),
    ("", "x", "x'*x", "2*x", "variables is empty"),
    ("x: 3", "", "x'*x", "2*x", "wrt is empty"),
    ("x: 3", "x", "", "2*x", "f is empty"),
    ("x: 3", "x", "x'*x", "", "gradient is empty"),
    ("x: 3", "y", "x'*x", "2*x", "y is not declared"),
    ("x 3", "x", "x'*x", "2*x", "write name: shape"),
    ("x: 3 symmetric", "x", "x'*x", "2*x", "symmetric needs a square matrix"),
    ("x: 3", "x", "x" + "+x" * 5000, "x", "10001 characters"),
    ("x: 3", "x", "(" * 10000, "x", "10000 characters"),
]


@pytest.mark.parametrize("chunk", range(3))
def test_bad_input_gets_a_message(visit, chunk):
    visit_, root = open_panel(visit)
    for variables, wrt, f, gradient, words in BAD_INPUT[chunk::3]:
        fill(root, variables, wrt, f, gradient)
        result = run(root)
        assert result["error"] and words in result["error"], (f, gradient, result)
        assert result["verdict"] == "–", result
        assert root.get_attribute("data-verdict") is None
    # Still responsive: a good check right after the bad ones
    fill(root, "x: 3", "x", "x'*x", "2*x")
    result = run(root)
    assert result["verdict"] == "pass" and result["error"] is None
    assert visit_.console_errors == [] and visit_.external_requests == []


def test_singular_draws_are_redrawn_and_reported(visit):
    _, root = open_panel(visit)
    # A - |A| is singular for every positive 1×1 A: half the draws
    fill(root, "A: 1 x 1\nx: 2", "x", "x'*x*trace(inv(A - abs(A)))", "2*x*trace(inv(A - abs(A)))")
    result = run(root)
    assert result["verdict"] == "pass"
    assert "redrawn because inv(A - abs(A)) was singular" in result["reason"]


def test_library_loads_on_first_use_only(visit):
    visit_, root = open_panel(visit)
    page = visit_.page
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    assert page.evaluate("typeof window.math") == "undefined"
    page.wait_for_timeout(300)
    assert not any(url.endswith(LIBRARY) for url in requested)
    root.locator('[data-control="f"]').focus()
    page.wait_for_function("window.math && typeof window.math.parse === 'function'", timeout=10000)
    assert [url for url in requested if url.endswith(LIBRARY)] == [visit_.url.rsplit("/", 1)[0] + "/" + LIBRARY]
    assert visit_.console_errors == [] and visit_.external_requests == []


@pytest.mark.parametrize("path", ["index.html", "gradient-checking.html"])
def test_other_pages_load_neither_script(visit, path):
    visit_ = visit(path)
    visit_.page.wait_for_load_state("networkidle")
    urls = visit_.page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not any("gradient-check.js" in u or "mathjs" in u for u in urls), urls


def test_url_query_prefills_and_checks(visit):
    query = "?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in [
        ("variables", "x: 4; A: 4 x 4"), ("wrt", "x"), ("f", "x'*A*x"), ("gradient", "2*A*x")])
    visit_, root = open_panel(visit, query)
    root.page.wait_for_selector(f'{ROOT}[data-verdict]', timeout=CHECK_TIMEOUT_MS)
    assert root.locator('[data-control="variables"]').input_value() == "x: 4\nA: 4 x 4"
    assert root.locator('[data-control="gradient"]').input_value() == "2*A*x"
    result = shown(root)
    assert result["verdict"] == "fail" and "right only for symmetric A" in result["diagnosis"]


def test_example_links_fill_the_panel(visit):
    visit_, root = open_panel(visit)
    links = visit_.page.locator("article a", has_text="check this")
    assert links.count() >= 10
    follow(links.nth(1))  # the 2Ax row
    visit_.page.wait_for_selector(f'{ROOT}[data-verdict="fail"]', timeout=CHECK_TIMEOUT_MS)
    assert "right only for symmetric A" in shown(visit_.page.locator(ROOT))["diagnosis"]


def test_keyboard_only(visit):
    visit_, root = open_panel(visit)
    page = visit_.page
    root.locator('[data-control="variables"]').focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("x: 3")
    order = []
    for text in ("x", "norm(x)^2", "2*x"):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.dataset.control"))
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
    assert order == ["wrt", "f", "gradient"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "check"
    page.keyboard.press("Enter")
    page.wait_for_selector(f'{ROOT}[data-verdict="pass"]', timeout=CHECK_TIMEOUT_MS)
    # Enter in a field checks too
    root.locator('[data-control="gradient"]').focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("x")
    page.keyboard.press("Enter")
    page.wait_for_selector(f'{ROOT}[data-verdict="fail"]', timeout=CHECK_TIMEOUT_MS)
    assert "factor 1/2" in shown(root)["diagnosis"]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_axe_with_results_and_errors(visit, dark):
    visit_, root = open_panel(visit, dark=dark)
    run(root)  # the default: 2*A*x for x'*A*x, a fail with its diagnosis
    assert severe_findings(visit_.page) == []
    fill(root, "x: 3", "x", "x'*", "x")
    run(root)
    assert severe_findings(visit_.page) == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_smoke_over_file_at_390_px(visit, dark):
    visit_, root = open_panel(visit, scheme="file", dark=dark, width=390, height=844)
    result = run(root)
    assert result["verdict"] == "fail" and "right only for symmetric A" in result["diagnosis"]
    fill(root, "x: 4\nA: 4 x 4", "x", "x'*A*x", "(A+A')*x")
    assert run(root)["verdict"] == "pass"
    fill(root, "x: 3", "x", "x'*x", "2*x'")
    assert "numerator-layout" in run(root)["error"]
    page = visit_.page
    assert page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 0
    assert visit_.console_errors == [] and visit_.external_requests == [] and visit_.failed_requests == []


# The same checks in NumPy: (variables, wrt, f, gradient, NumPy f, NumPy gradient); the
# arguments are the panel's own draw, each variable an (r, c) array
TWINS = [
    ("x: 4; A: 4 x 4", "x", "x'*A*x", "2*A*x",
     lambda x, A: (x.T @ A @ x).item(), lambda x, A: 2 * A @ x),
    ("x: 4; A: 4 x 4", "x", "x'*A*x", "(A+A')*x",
     lambda x, A: (x.T @ A @ x).item(), lambda x, A: (A + A.T) @ x),
    ("X: 3 x 3; B: 3 x 3", "X", "trace(X*B)", "B",
     lambda X, B: np.trace(X @ B), lambda X, B: B),
    ("X: 3 x 3; B: 3 x 3", "X", "trace(X*B)", "B'",
     lambda X, B: np.trace(X @ B), lambda X, B: B.T),
    ("X: 3 x 3 spd", "X", "log(det(X))", "inv(X)",
     lambda X: np.log(np.linalg.det(X)), lambda X: np.linalg.inv(X)),
    ("X: 3 x 3 invertible", "X", "det(X)", "det(X)*inv(X)",
     lambda X: np.linalg.det(X), lambda X: np.linalg.det(X) * np.linalg.inv(X)),
    ("x: 3", "x", "norm(x)^2", "x",
     lambda x: float(np.sum(x**2)), lambda x: x),
    ("W: 2 x 3; x: 3; y: 2", "W", "norm(W*x - y)^2", "2*(W*x - y)*x'",
     lambda W, x, y: float(np.sum((W @ x - y) ** 2)), lambda W, x, y: 2 * (W @ x - y) @ x.T),
]


def test_verdict_equals_matcalc_on_the_same_draw(visit):
    """Each claim of TWINS, checked in one panel (one page load for all): the page's verdict
    is matcalc's on the inputs the page drew."""
    from matcalc import check_gradient

    visit_, root = open_panel(visit)
    for variables, wrt, f, gradient, f_np, g_np in TWINS:
        result = visit_.page.evaluate(
            "async spec => { await GradientCheck.load(); return GradientCheck.check(spec); }",
            dict(variables=variables, wrt=wrt, f=f, gradient=gradient))
        names = [line.split(":")[0].strip() for line in variables.split(";")]
        inputs = {name: np.array(result["inputs"][name], dtype=float) for name in names}

        def at(value):
            args = dict(inputs, **{wrt: value})
            return [args[name] for name in names]

        score = check_gradient(lambda v: f_np(*at(v)), lambda v: g_np(*at(v)), inputs[wrt])
        claim = f"{f} | {gradient}"
        assert score <= 1e-6 or score > 1e-3, (claim, score)  # matcalc's own verdict is clear
        assert result["verdict"] == ("pass" if score <= 1e-6 else "fail"), (claim, result, score)
    assert visit_.console_errors == []


def test_under_the_online_content_security_policy(visit):
    """The online build's policy (tools/csp.py: no 'unsafe-eval') lets the panel work."""
    visit_ = visit("gradient-checker/", scheme="online")
    page = visit_.page
    assert "unsafe-eval" not in page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    root = page.locator(ROOT)
    page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=5000)
    fill(root, "x: 4\nA: 4 x 4", "x", "x'*A*x", "(A+A')*x")
    assert run(root)["verdict"] == "pass"
    fill(root, "x: 3", "x", 'evaluate("1")', "x")
    assert "evaluate is refused" in run(root)["error"]
    assert visit_.console_errors == [] and visit_.external_requests == [] and visit_.failed_requests == []


REGISTRY_ROWS = json.loads((ROOT_DIR / "docs/generated/checker/rows.json").read_text())


def test_registry_rows_listed():
    """Every gradient row of the registry is either expressible or listed with a reason."""
    from matcalc.identities import IDENTITIES

    listed = [r["id"] for r in REGISTRY_ROWS["rows"]] + [r["id"] for r in REGISTRY_ROWS["other"]]
    assert sorted(listed) == sorted(row.id for row in IDENTITIES)
    assert len(REGISTRY_ROWS["rows"]) >= 30
    assert all(r["reason"] for r in REGISTRY_ROWS["other"])


def test_every_expressible_row_passes_and_every_wrong_variant_is_rejected(visit):
    visit_, _ = open_panel(visit)
    outcomes = visit_.page.evaluate(
        """async rows => {
            await GradientCheck.load();
            const out = [];
            for (const r of rows) {
                const spec = {variables: r.variables, wrt: r.wrt, f: r.f, gradient: r.gradient};
                const verdict = async s => {
                    try { return (await GradientCheck.check(s)).verdict; }
                    catch (e) { return 'error: ' + e.message; }
                };
                out.push([r.id, 'derivative', await verdict(spec)]);
                for (const [name, g] of Object.entries(r.wrong)) {
                    out.push([r.id, name, await verdict({...spec, gradient: g})]);
                }
            }
            return out;
        }""", REGISTRY_ROWS["rows"])
    wrong = [o for o in outcomes if o[1] != "derivative"]
    assert len(wrong) >= 30
    for row_id, name, verdict in outcomes:
        if name == "derivative":
            assert verdict == "pass", (row_id, verdict)
        else:  # a fail, or a wrong-shaped (numerator-layout) gradient refused with its reason
            assert verdict == "fail" or "numerator layout" in verdict, (row_id, name, verdict)
    assert visit_.console_errors == []


def _kind(diagnosis):
    """A diagnosis's kind, the words before its colon ("transposed", "factor 2", ...)."""
    return None if diagnosis is None else diagnosis.split(":")[0]


def test_every_row_verdict_and_diagnosis_equal_matcalc(visit):
    """Each expressible row, its derivative and each wrong variant: the panel's verdict and
    diagnosis on its worst draw equal matcalc.gradcheck_report's on the same inputs, with the
    registry's own NumPy formulas. The panel's one extra diagnosis, "right only for symmetric
    A" (it knows the other variables; gradcheck_report sees one function of x), is allowed
    where gradcheck_report has none."""
    from matcalc import gradcheck_report
    from matcalc.identities import by_id

    visit_, _ = open_panel(visit)
    outcomes = visit_.page.evaluate(
        """async rows => {
            await GradientCheck.load();
            const out = [];
            for (const r of rows) {
                const spec = {variables: r.variables, wrt: r.wrt, f: r.f, gradient: r.gradient};
                const claims = [['derivative', r.gradient], ...Object.entries(r.wrong)];
                for (const [name, g] of claims) {
                    try {
                        const res = await GradientCheck.check({...spec, gradient: g});
                        out.push({id: r.id, name, verdict: res.verdict, diagnosis: res.diagnosis,
                                  inputs: res.inputs});
                    } catch (e) { out.push({id: r.id, name, error: e.message}); }
                }
            }
            return out;
        }""", REGISTRY_ROWS["rows"])
    compared = 0
    for o in outcomes:
        row = by_id(o["id"])
        claim = row.derivative if o["name"] == "derivative" else row.wrong_variants[o["name"]]
        if "error" in o:  # the panel refused the claim's shape; matcalc must refuse it too
            assert "numerator layout" in o["error"], o
            with pytest.raises(ValueError):
                claim(**row.sample(np.random.default_rng(0)))
            continue
        # The panel's draw as the registry's inputs: vectors 1-D, scalars float
        inputs = {}
        for name, value in o["inputs"].items():
            value = np.array(value, dtype=np.float64)
            dims = row.variables[name].dims
            inputs[name] = float(value.item()) if not dims else value.reshape(-1) if len(dims) == 1 else value

        def at(v, fn, inputs=inputs, wrt=row.wrt):
            return fn(**{**inputs, wrt: v})

        report = gradcheck_report(lambda v: at(v, row.f), lambda v: at(v, claim), inputs[row.wrt])
        assert o["verdict"] == report.verdict, (o["id"], o["name"], o["verdict"], report)
        panel, python = _kind(o["diagnosis"]), _kind(report.diagnosis)
        extra = python is None and panel is not None and panel.startswith("right only for symmetric")
        assert panel == python or extra, (o["id"], o["name"], o["diagnosis"], report.diagnosis)
        compared += 1
    assert compared >= 60 and sum(o["name"] == "derivative" for o in outcomes) == len(REGISTRY_ROWS["rows"])
    assert visit_.console_errors == []


def test_row_links_fill_the_panel(visit):
    visit_, root = open_panel(visit)
    follow(visit_.page.locator("article a", has_text="check this row").first)
    # A verdict or a message, whichever comes: a message fails with its own words
    visit_.page.wait_for_selector(f'{ROOT}[data-verdict], {ROOT} [data-role="error"]:not([hidden])',
                                  timeout=CHECK_TIMEOUT_MS)
    result = shown(visit_.page.locator(ROOT))
    assert result["verdict"] == "pass", result
    first = REGISTRY_ROWS["rows"][0]
    assert visit_.page.locator(ROOT).locator('[data-control="f"]').input_value() == first["f"]



def test_checker_page_links_every_claim_of_every_row(visit):
    """The page's table has one link per derivative and per wrong variant, in its own cell
    (a "|" in a variant's name, as in |x|, once split the cell and lost the link)."""
    from urllib.parse import parse_qs

    visit_ = visit(PAGE)
    rows = visit_.page.evaluate(
        "[...document.querySelectorAll('article table tbody tr')].filter(tr => tr.cells.length === 5)"
        ".map(tr => [...tr.cells[3].querySelectorAll('a'), ...tr.cells[4].querySelectorAll('a')]"
        ".map(a => [a.textContent, a.getAttribute('href')]))")
    assert len(rows) == len(REGISTRY_ROWS["rows"])
    for row, links in zip(REGISTRY_ROWS["rows"], rows):
        claims = [("check this row", row["gradient"])] + list(row["wrong"].items())
        got = [(text, parse_qs(href.split("?", 1)[1])["gradient"][0]) for text, href in links]
        assert got == claims, row["id"]


def test_identity_tables_link_every_expressible_row(visit):
    """The identities page links "check this row" from each expressible row's Checked cell
    (denominator tab) with that row's query; following one checks and passes."""
    from urllib.parse import parse_qs

    visit_ = visit("identities.html")
    links = visit_.page.evaluate(
        "[...document.querySelectorAll('article tr a')].filter(a => a.textContent === 'check this row')"
        ".map(a => [a.closest('tr').querySelector('[id^=\"id-\"]').id, a.getAttribute('href')])")
    expected = {f"id-{r['id']}": r for r in REGISTRY_ROWS["rows"]}
    assert sorted(i for i, _ in links) == sorted(expected)
    for anchor, href in links:
        spec = {k: v[0] for k, v in parse_qs(href.split("?", 1)[1]).items()}
        row = expected[anchor]
        assert spec == {k: row[k] for k in ("variables", "wrt", "f", "gradient")}, anchor
    follow(visit_.page.locator(f'#{links[1][0]}').locator("xpath=ancestor::tr").get_by_text("check this row"))
    visit_.page.wait_for_selector(f'{ROOT}[data-verdict="pass"]', timeout=CHECK_TIMEOUT_MS)


def test_mistakes_page_links_fail_the_wrong_and_pass_the_right(visit):
    """Each link's query, run by the panel's check (URL pre-fill itself is tested above)."""
    from urllib.parse import parse_qs

    visit_ = visit("mistakes.html")
    links = visit_.page.evaluate(
        "[...document.querySelectorAll('article a[href*=\"gradient-checker.html?\"]')]"
        ".map(a => [a.textContent, a.getAttribute('href')])")
    assert len(links) >= 8
    _, root = open_panel(visit)
    for text, href in links:
        spec = {k: v[0] for k, v in parse_qs(href.split("?", 1)[1]).items()}
        assert set(spec) == {"variables", "wrt", "f", "gradient"}, href
        result = root.page.evaluate(
            "async spec => { await GradientCheck.load(); return GradientCheck.check(spec); }", spec)
        assert result["verdict"] == ("fail" if text.startswith("wrong") else "pass"), (text, href)
