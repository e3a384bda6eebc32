"""The gradient field's fragments and static twins: deterministic, lean, and fed
from matcalc.quadratic alone; the script stays a small classic script."""

import gzip
import html
import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from matcalc import quadratic as q

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "gradient-field.js"
STYLES = ROOT / "docs" / "assets" / "stylesheets" / "gradient-field.css"
sys.path[:0] = [str(ROOT / "tools")]

from generators import gradient_field_twins as twins  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Two independent runs of the generator."""
    runs = []
    for name in ("a", "b"):
        out = tmp_path_factory.mktemp(name)
        twins.generate(out)
        runs.append(out)
    return runs


def _files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_one_twin_and_one_fragment_per_preset(generated):
    out = generated[0]
    expected = ["widgets/gradient-field.html"]
    for p in q.PRESETS:
        expected += [f"figures/gradient-field-{p['id']}.svg", f"widgets/gradient-field-{p['id']}.html"]
    assert _files(out) == sorted(expected)
    default = (out / "widgets" / "gradient-field.html").read_text()
    assert default == (out / "widgets" / f"gradient-field-{q.DEFAULT_PRESET}.html").read_text()


def test_regenerates_byte_for_byte(generated):
    a, b = generated
    assert _files(a) == _files(b)
    for name in _files(a):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.parametrize("preset", [p["id"] for p in q.PRESETS])
def test_fragment(generated, preset):
    text = (generated[0] / "widgets" / f"gradient-field-{preset}.html").read_text()
    assert text.startswith(f'<div class="gf" data-widget="gradient-field" data-preset="{preset}">')
    assert "\n\n" not in text  # a blank line would end the raw HTML block in Markdown
    config = re.search(r'<script type="application/json" data-role="config">(.*?)</script>', text)
    assert json.loads(config[1]) == q.widget_config()  # presets and limits: Python's, verbatim
    assert "<" not in config[1] and "&" not in config[1]
    include = f'--8<-- "docs/generated/figures/gradient-field-{preset}.svg"'
    assert include in text.splitlines()
    caption = html.unescape(re.search(r"<figcaption>(.*?)</figcaption>", text)[1])
    p = q.preset(preset)
    r = q.readouts(p["A"], q.DEFAULT_X)
    # On paper the caption first says what the figure shows, not how to move it
    assert caption.startswith(twins.shows(p["A"], q.DEFAULT_X))
    assert caption.startswith("The figure shows the level curves of f(x) = xᵀAx")
    assert p["text"] in caption and "drag" not in caption.lower()
    assert ("2Ax" in twins.shows(p["A"], q.DEFAULT_X)) == (p["A"] != tuple(zip(*p["A"])))
    assert ("dashed where f < 0" in caption) == (preset == "saddle")
    for name in ("f", "grad1", "grad2", "gradnorm", "h11", "h12", "h22"):
        assert f"{r[name]:.3f}".replace("-0.000", "0.000") in caption, name
    assert "NaN" not in text and "Infinity" not in text


def test_default_twin_reads_like_the_lesson(generated):
    text = (generated[0] / "widgets" / "gradient-field.html").read_text()
    for shown in ("x = (1.200, 0.800)", "f(x) = xᵀAx = 2.080", "(2.400, 1.600)", "‖∇f‖ = 2.884",
                  "A = [1.000, 0.000; 0.000, 1.000]", "[2.000, 0.000; 0.000, 2.000]"):
        assert shown in text, shown


@pytest.mark.parametrize("preset", [p["id"] for p in q.PRESETS])
def test_twin_svg_is_lean_and_themeable(generated, preset):
    svg = (generated[0] / "figures" / f"gradient-field-{preset}.svg").read_text()
    assert svg.startswith('<svg class="mc-figure" role="img" aria-label="Gradient field of')
    assert "currentColor" in svg  # text, axes and the level curve through x follow the scheme
    assert "<metadata>" not in svg and "NaN" not in svg
    assert len(svg.encode()) < 45_000
    assert len(gzip.compress(svg.encode(), mtime=0)) < 12_000
    # The twin draws the same arrows as the script, 2Ax only for a non-symmetric A
    A = np.array(q.preset(preset)["A"])
    assert (twins.NAIVE in svg) == (not np.array_equal(A, A.T))
    assert twins.GRAD in svg and twins.DESCENT in svg


def test_curves_are_clipped_to_the_plot():
    # Out at both ends and for two points in the middle: two runs, each reaching the frame
    curve = np.array([[-5.0, 0], [-2.5, 0], [0, 0], [2.5, 0], [5, 0], [6, 0], [7, 0], [2, 0]])
    runs = twins._in_square(curve, 3.0)
    assert [r.tolist() for r in runs] == [curve[:5].tolist(), curve[6:].tolist()]
    assert twins._in_square(np.array([[4.0, 4.0], [5.0, 5.0]]), 3.0) == []


def test_script_is_small_classic_and_holds_no_preset():
    text = SCRIPT.read_text(encoding="utf-8")
    # 22 KB: 20 KB plus the scale-safe eigenvalues, arrows and Newton step (issue 14)
    assert len(text.encode()) <= 22_000
    assert text.lstrip().startswith("/*") and "(function () {" in text and text.rstrip().endswith("})();")
    assert not re.search(r"^\s*(import|export)\b", text, re.M)  # not an ES module
    for p in q.PRESETS:
        assert p["text"] not in text and p["label"] not in text  # one source: matcalc.quadratic
    assert "1000000" not in text and "1e6" not in text  # the limit comes from the JSON
    assert "document$" in text and "DOMContentLoaded" in text


def test_styles_theme_and_print():
    css = STYLES.read_text()
    assert "--md-default-fg-color" in css and "--md-accent-fg-color" in css
    assert re.search(r"@media print\s*{[^}]*\.gf-live\s*{\s*display:\s*none", css)
    assert "touch-action: none" in css
