"""Figures of the Hessian chapter: gradient descent against Newton, and curvature directions.

Writes below out_dir / "figures":
- newton-gd-ill-conditioned.svg: both methods on a quadratic with condition number 10;
- newton-gd-saddle.svg: both methods on an indefinite quadratic (Newton goes to the saddle);
- curvature-directions.svg: level sets of a quadratic and the eigenvectors of its Hessian.

Every plotted iterate comes from matcalc.optim (gradient_descent, newton,
quadratic), the functions tests/lib/test_optim.py checks and the listings use.
"""

import re

import numpy as np
from figures import INK, MUTED, PALETTE, new_figure, save_svg
from matcalc.optim import gradient_descent, newton, quadratic

GD, NEWTON = PALETTE[0], PALETTE[1]
# Plain Unicode, not mathtext: the page's math step would render $...$ inside the SVG
SUB = "₁₂"


def rotation(degrees):
    t = np.deg2rad(degrees)
    return np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])


def _grid(f, lim, num=101):
    xs = np.linspace(-lim, lim, num)
    X, Y = np.meshgrid(xs, xs)
    Z = np.array([[f(np.array([x, y])) for x, y in zip(rx, ry)] for rx, ry in zip(X, Y)])
    return X, Y, Z


def _axes(ax, lim):
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    # Whole numbers inside the frame: labels at the corner (-lim, -lim) would collide
    ticks = np.arange(-np.floor(lim - 0.5), np.floor(lim - 0.5) + 1)
    ax.set_xticks(ticks)
    ax.set_yticks(ticks)
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")


def _paths(ax, gd_path, newton_path, gd_label):
    ax.plot(gd_path[:, 0], gd_path[:, 1], "-o", color=GD, markersize=3, linewidth=1.2,
            label=gd_label)
    ax.plot(newton_path[:, 0], newton_path[:, 1], "-s", color=NEWTON, markersize=5,
            linewidth=2, label=f"Newton ({len(newton_path) - 1} step)")
    ax.plot(*gd_path[0], "o", color=INK, markersize=6)
    ax.annotate("x₀", gd_path[0], textcoords="offset points", xytext=(6, 6))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=1, fontsize=9)


def ill_conditioned(path):
    A = rotation(30) @ np.diag([1.0, 10.0]) @ rotation(30).T
    f, grad, hess = quadratic(A, np.zeros(2))
    x0 = np.array([-2.6, 1.4])
    gd_path = gradient_descent(grad, x0, 2 / 11, tol=1e-3)
    newton_path = newton(grad, hess, x0)
    lim = 3.0
    fig, ax = new_figure(5.0, 5.4)
    X, Y, Z = _grid(f, lim)
    ax.contour(X, Y, Z, levels=np.geomspace(0.02, 40, 12), colors=MUTED, linewidths=0.7)
    _paths(ax, gd_path, newton_path,
           f"gradient descent ({len(gd_path) - 1} steps to ‖∇f‖ ≤ 10⁻³)")
    ax.plot(0, 0, "*", color=INK, markersize=9)
    _axes(ax, lim)
    ax.set_title("Condition number 10: zig-zag against one step")
    save_svg(fig, path, name="newton-gd-ill",
             title="Gradient descent zig-zags across narrow elliptical level sets while "
                   "Newton's method reaches the minimum in one step")


def saddle(path):
    A = np.diag([1.0, -2.0])
    f, grad, hess = quadratic(A, np.zeros(2))
    x0 = np.array([0.6, 0.8])
    gd_path = gradient_descent(grad, x0, 0.1, max_iter=6)
    newton_path = newton(grad, hess, x0)
    lim = 2.5
    fig, ax = new_figure(5.0, 5.4)
    X, Y, Z = _grid(f, lim)
    levels = np.array([-4, -2, -1, -0.5, -0.2, 0.2, 0.5, 1, 2, 3])
    ax.contour(X, Y, Z, levels=levels, colors=MUTED, linewidths=0.7)
    ax.contour(X, Y, Z, levels=[0.0], colors=MUTED, linewidths=0.7, linestyles="dashed")
    _paths(ax, gd_path, newton_path, f"gradient descent ({len(gd_path) - 1} steps)")
    ax.plot(0, 0, "X", color=INK, markersize=8)
    ax.annotate("saddle", (0, 0), textcoords="offset points", xytext=(8, -14))
    _axes(ax, lim)
    ax.set_title("Indefinite Hessian: Newton goes to the saddle")
    save_svg(fig, path, name="newton-gd-saddle",
             title="On the indefinite quadratic x1 squared over 2 minus x2 squared, Newton's "
                   "step lands on the saddle point while gradient descent moves away from it")


def curvature_directions(path):
    A = rotation(30) @ np.diag([1.0, 4.0]) @ rotation(30).T
    f, _, hess = quadratic(A, np.zeros(2))
    lam, V = np.linalg.eigh(hess(np.zeros(2)))
    lim = 2.2
    fig, ax = new_figure(5.0, 5.0)
    X, Y, Z = _grid(f, lim)
    ax.contour(X, Y, Z, levels=[0.125, 0.5, 1.125, 2.0], colors=MUTED, linewidths=0.8)
    ax.contour(X, Y, Z, levels=[1.125], colors=INK, linewidths=1.2)
    for i, colour in zip(range(2), (PALETTE[2], PALETTE[3])):
        # On the level set f = 9/8 the semi-axis along v_i has length 1.5 / sqrt(lam_i)
        tip = 1.5 * V[:, i] / np.sqrt(lam[i])
        for sign in (1, -1):
            ax.annotate("", xy=sign * tip, xytext=(0, 0),
                        arrowprops=dict(arrowstyle="-|>", color=colour, linewidth=2))
        ax.plot([], [], color=colour, linewidth=2,
                label=f"v{SUB[i]}: curvature v{SUB[i]}ᵀHv{SUB[i]} = λ{SUB[i]} = {lam[i]:.0f}")
    ax.plot([], [], color=INK, linewidth=1.2, label="level set f = 9/8")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=1, fontsize=9)
    _axes(ax, lim)
    ax.set_title("Eigenvectors of H: least and most curved directions")
    save_svg(fig, path, name="curvature-directions",
             title="Elliptical level sets of a quadratic with the two eigenvectors of its "
                   "Hessian along the ellipse axes: the long axis is the low-curvature "
                   "direction")


def _shorten(path):
    """Cut coordinates to two decimals (0.01 pt): a third fewer bytes, same picture."""
    svg = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(\d\.\d\d)\d+", r"\1", svg), encoding="utf-8")


def generate(out_dir):
    figures = out_dir / "figures"
    for draw, name in (
        (ill_conditioned, "newton-gd-ill-conditioned.svg"),
        (saddle, "newton-gd-saddle.svg"),
        (curvature_directions, "curvature-directions.svg"),
    ):
        draw(figures / name)
        _shorten(figures / name)
