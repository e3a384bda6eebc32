"""The gradient field's page fragments and their pre-rendered twins, one per preset.

For each preset of matcalc.quadratic this writes
- figures/gradient-field-<id>.svg: the figure as the script first draws it,
  with matplotlib from the same tested functions (level curves, gradient,
  descent direction, and 2Ax when A is not symmetric);
- widgets/gradient-field-<id>.html: the fragment a page includes with
  ``--8<-- "docs/generated/widgets/gradient-field-<id>.html"``: the root
  element, the presets and limits as JSON for the script, and the SVG twin
  with its readouts in the caption, which is what shows with JavaScript off
  and in print;
and widgets/gradient-field.html, the fragment of the default preset.
"""

import html
import json
import math
import re

import matplotlib
import numpy as np
from figures import INK, MUTED, PALETTE, new_figure, save_svg
from matcalc import quadratic as q

GRAD, DESCENT, NAIVE = PALETTE[1], PALETTE[0], PALETTE[3]
# A point every ~2.5 % of the view: smooth at print size, a few KB per figure
STEP_FRACTION = 1 / 40


def _fmt(value):
    text = f"{value:.3f}"
    return "0.000" if text == "-0.000" else text


def _matrix(M):
    return f"[{_fmt(M[0][0])}, {_fmt(M[0][1])}; {_fmt(M[1][0])}, {_fmt(M[1][1])}]"


def _arrow(ax, start, vector, color, dashed=False):
    ax.annotate(
        "", xy=tuple(start + vector), xytext=tuple(start),
        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.8, "shrinkA": 0,
                    "shrinkB": 0, "mutation_scale": 14,
                    "linestyle": (0, (4, 2)) if dashed else "solid"},
    )


def _in_square(curve, L):
    """The runs of a polyline inside the square [-L, L]^2, each with one point
    beyond each end so the run still reaches the frame (matplotlib clips it)."""
    inside = np.all(np.abs(curve) <= L, axis=1)
    keep = inside.copy()
    keep[1:] |= inside[:-1]
    keep[:-1] |= inside[1:]
    runs, start = [], None
    for i, k in enumerate(np.append(keep, False)):
        if k and start is None:
            start = i
        elif not k and start is not None:
            if i - start >= 2:
                runs.append(curve[start:i])
            start = None
    return runs


def draw(A, x):
    """The twin of the script's first drawing of A at x, as a matplotlib figure."""
    A, x = q.as_matrix(A), q.as_point(x)
    L = q.view_half_width(x)
    radius, step = L * math.sqrt(2), L * math.sqrt(2) * STEP_FRACTION
    fig, ax = new_figure(4.2, 4.6)
    for c in q.level_values(A, L):
        for curve in q.level_curves(A, c, radius, step):
            for run in _in_square(curve, L):
                ax.plot(run[:, 0], run[:, 1], color=MUTED, lw=0.8,
                        ls="solid" if c > 0 else (0, (3, 2)))
    for curve in q.level_curves(A, q.value(A, x), radius, step):
        for run in _in_square(curve, L):
            ax.plot(run[:, 0], run[:, 1], color=INK, lw=1.4)
    scale = q.arrow_scale(A)
    g = q.gradient(A, x)
    handles = []
    if np.any(g != 0):
        if not np.array_equal(A, A.T):
            _arrow(ax, x, scale * q.naive_gradient(A, x), NAIVE, dashed=True)
            handles.append(("2Ax (wrong unless A = Aᵀ)", NAIVE, (0, (4, 2))))
        _arrow(ax, x, -scale * g, DESCENT)
        _arrow(ax, x, scale * g, GRAD)
        handles[:0] = [("∇f = (A+Aᵀ)x", GRAD, "solid"), ("−∇f, steepest descent", DESCENT, "solid")]
    ax.plot([x[0]], [x[1]], "o", color=INK, ms=6)
    ax.set(xlim=(-L, L), ylim=(-L, L), aspect="equal")
    ax.set_xlabel("x₁", labelpad=2)
    ax.set_ylabel("x₂", labelpad=2, rotation=0)
    for label, color, style in handles:
        ax.plot([], [], color=color, ls=style, lw=1.8, label=label)
    if handles:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=1, fontsize=9,
                  handlelength=2.2)
    return fig


def shows(A, x):
    """What the twin draws, in words: on paper there is no point to drag."""
    A, x = q.as_matrix(A), q.as_point(x)
    curves = "the level curves of f(x) = xᵀAx"
    if any(c < 0 for c in q.level_values(A, q.view_half_width(x))):
        curves += " (dashed where f < 0)"
    text = (f"The figure shows {curves} for A = {_matrix(A)}, the one through "
            f"x = ({_fmt(x[0])}, {_fmt(x[1])}) drawn heavier")
    if np.any(q.gradient(A, x) != 0):
        text += (", and at x the gradient ∇f = (A+Aᵀ)x with the steepest-descent "
                 "direction −∇f")
        if not np.array_equal(A, A.T):
            text += "; the dashed arrow is 2Ax, the gradient only when A is symmetric"
    return text + "."


def caption(preset, x):
    """What the twin shows, the preset's sentence and the figure's readouts, as text."""
    A = np.array(preset["A"])
    r = q.readouts(A, x)
    return (
        f"{shows(A, x)} {preset['text']} Readouts: x = ({_fmt(r['x1'])}, {_fmt(r['x2'])}); "
        f"f(x) = xᵀAx = {_fmt(r['f'])}; ∇f = (A+Aᵀ)x = ({_fmt(r['grad1'])}, "
        f"{_fmt(r['grad2'])}); ‖∇f‖ = {_fmt(r['gradnorm'])}; A = {_matrix(A)}; "
        f"H = A+Aᵀ = {_matrix(q.hessian(A))}. Arrows drawn at "
        f"{_fmt(q.arrow_scale(A))}× their length."
    )


_NUMBER = re.compile(r"-?\d+\.\d{3,}")
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def _lean(svg):
    """No RDF metadata, coordinates to 2 decimals (a hundredth of a point)."""
    svg = _METADATA.sub("", svg)
    return _NUMBER.sub(lambda m: f"{float(m[0]):.2f}".rstrip("0").rstrip("."), svg)


def config_json():
    """The script's data, safe inside <script type="application/json">."""
    text = json.dumps(q.widget_config(), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def fragment(preset, svg_include):
    return "\n".join([
        f'<div class="gf" data-widget="gradient-field" data-preset="{preset["id"]}">',
        f'<script type="application/json" data-role="config">{config_json()}</script>',
        '<figure class="gf-twin mc-figure-wrap">',
        f'--8<-- "{svg_include}"',
        f"<figcaption>{html.escape(caption(preset, q.DEFAULT_X), quote=False)}</figcaption>",
        "</figure>",
        "</div>",
        "",
    ])


def generate(out_dir):
    for preset in q.PRESETS:
        name = f"gradient-field-{preset['id']}"
        svg_path = out_dir / "figures" / f"{name}.svg"
        # One font name, not matplotlib's list of ten, in each of the ~20 texts
        with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
            save_svg(draw(preset["A"], q.DEFAULT_X), svg_path, name=name,
                     title=f"Gradient field of xᵀAx, preset {preset['label']}")
        svg_path.write_text(_lean(svg_path.read_text(encoding="utf-8")), encoding="utf-8")
        include = f"docs/generated/figures/{name}.svg"
        widgets = out_dir / "widgets"
        widgets.mkdir(parents=True, exist_ok=True)
        text = fragment(preset, include)
        (widgets / f"{name}.html").write_text(text, encoding="utf-8")
        if preset["id"] == q.DEFAULT_PRESET:
            (widgets / "gradient-field.html").write_text(text, encoding="utf-8")
