"""Figures of the gradients chapter, drawn from matcalc.quadratic.

figures/gradient-level-sets.svg: level curves of f(x) = x^T A x with the
gradient (A + A^T) x at points of one level curve, for a symmetric A (left)
and a non-symmetric A (right), where the slip 2 A x is drawn dashed and is
visibly not perpendicular to the curve. One SVG with two panels, so the page
holds one set of SVG ids.
"""

import numpy as np
from figures import INK, MUTED, PALETTE, new_figure, save_svg
from matcalc import quadratic as qf

GRAD, NAIVE, TANGENT = PALETTE[1], PALETTE[3], PALETTE[0]
PANELS = (
    ("Symmetric A = [2, 1; 1, 2]", np.array([[2.0, 1.0], [1.0, 2.0]]), False),
    ("Non-symmetric A = [2, 3; −1, 3]", np.array([[2.0, 3.0], [-1.0, 3.0]]), True),
)
LEVELS = (0.5, 1.5, 3.0, 5.0, 7.5)
MARKED_LEVEL = 3.0
MARKED_ANGLES = np.linspace(0, 2 * np.pi, 7)[:-1] + 0.35
HALF_WIDTH = 2.4
ARROW_SCALE = 0.16


def _arrow(ax, start, vector, color, dashed=False):
    ax.annotate(
        "", xy=tuple(start + vector), xytext=tuple(start),
        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.6, "shrinkA": 0,
                    "shrinkB": 0, "mutation_scale": 12,
                    "linestyle": (0, (3, 2)) if dashed else "solid"},
    )


def _panel(ax, title, A, show_naive):
    t = np.linspace(0, 2 * np.pi, 145)
    for c in LEVELS:
        curve = qf.ellipse_point(A, c, t)
        ax.plot(curve[:, 0], curve[:, 1], color=INK if c == MARKED_LEVEL else MUTED,
                lw=1.3 if c == MARKED_LEVEL else 0.8)
    for angle in MARKED_ANGLES:
        x0 = qf.ellipse_point(A, MARKED_LEVEL, angle)
        _arrow(ax, x0, ARROW_SCALE * qf.gradient(A, x0), GRAD)
        if show_naive:
            _arrow(ax, x0, ARROW_SCALE * qf.naive_gradient(A, x0), NAIVE, dashed=True)
        ax.plot([x0[0]], [x0[1]], "o", color=INK, ms=3)
    # Legend proxies: annotate arrows do not appear in legends
    ax.plot([], [], color=GRAD, lw=1.6, label="(A + Aᵀ)x, the gradient")
    if show_naive:
        ax.plot([], [], color=NAIVE, lw=1.6, ls=(0, (3, 2)), label="2Ax, not the gradient")
    ax.plot([], [], color=INK, lw=1.3, label=f"level curve f = {MARKED_LEVEL:g}")
    ax.set_xlim(-HALF_WIDTH, HALF_WIDTH)
    ax.set_ylim(-HALF_WIDTH, HALF_WIDTH)
    ax.set_aspect("equal")
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    ax.set_title(title, fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=9)


def generate(out_dir):
    # One panel above the other: side by side they would be half a phone wide
    fig, axes = new_figure(6.2, 12.0, nrows=2)
    for ax, (title, A, show_naive) in zip(axes, PANELS):
        _panel(ax, title, A, show_naive)
    fig.tight_layout()
    save_svg(
        fig, out_dir / "figures" / "gradient-level-sets.svg", name="gradient-level-sets",
        title="Level curves of x transpose A x with gradient arrows perpendicular to them; "
              "for a non-symmetric A the arrow 2Ax is not perpendicular",
    )
