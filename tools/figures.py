"""Deterministic, theme-aware SVG figures with matplotlib.

Every figure is one SVG, inlined into its page (no second fetch) and themed by
the page's CSS: text, axes and outlines are drawn in a sentinel colour that
``save_svg`` turns into ``currentColor``, so they follow Material's light or
dark scheme. Data colours come from PALETTE, mid-tones readable on both.
"""

import math
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# Replaced by currentColor in the written SVG
INK = "#010203"
# Mid-tone colours with enough contrast on white and on Material's slate
PALETTE = ["#3f7fd9", "#e8833a", "#3aa26b", "#c9517a", "#8e6fd1", "#b59a2b"]
MUTED = "#8a8f99"

STYLE = {
    "svg.fonttype": "none",  # text stays text: smaller, selectable, page font
    "font.family": "sans-serif",
    "font.size": 11,
    "axes.titlesize": 11,
    # Room between a title and the highest tick label
    "axes.titlepad": 12,
    "text.color": INK,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.facecolor": "none",
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "path.simplify": False,
}


# Plain-text tick labels: matplotlib's default "$10^{3}$" is TeX, which the
# page's math step would try to typeset
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(value, _pos=None):
    """Tick formatter: 1e-8 -> '10⁻⁸'."""
    return "10" + str(round(math.log10(value))).translate(SUPERSCRIPT)


# Figures are drawn at SCALE of the size a generator asks for, and no text is
# set below MIN_TEXT_PT: a figure fills the column on a phone (about 358 CSS px
# at 390 px), so its text is read at text_pt x 358 / width_pt px; at these
# values every label is at least 10 CSS px (tests/test_layout.py measures it)
SCALE = 0.72
MIN_TEXT_PT = 10.5


def new_figure(width=6.4, height=4.0, **subplot_kw):
    plt.rcParams.update(STYLE)
    return plt.subplots(figsize=(width * SCALE, height * SCALE), **subplot_kw)


def _readable(fig):
    for text in fig.findobj(matplotlib.text.Text):
        if text.get_text() and text.get_fontsize() < MIN_TEXT_PT:
            text.set_fontsize(MIN_TEXT_PT)


def save_svg(fig, path, *, name, title):
    """Write fig as an inline-ready SVG: no XML prolog, no date, stable ids.

    ``name`` salts matplotlib's ids so two figures on one page never share an
    id; ``title`` becomes the SVG's accessible name.
    """
    plt.rcParams["svg.hashsalt"] = name
    _readable(fig)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = path.read_text(encoding="utf-8")
    svg = svg[svg.index("<svg"):]
    # Comments repeat mathtext labels ($...$) that the math step would typeset
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = svg.replace(INK, "currentColor")
    # Width follows the container; the viewBox keeps the aspect ratio
    svg = re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r"<svg\1", svg, count=1)
    svg = svg.replace(
        "<svg", f'<svg class="mc-figure" role="img" aria-label="{title}"', 1
    )
    # Python-Markdown ends a raw HTML block at a blank line
    svg = "\n".join(line for line in svg.splitlines() if line.strip()) + "\n"
    path.write_text(svg, encoding="utf-8")
