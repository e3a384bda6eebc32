"""The step-size figure of the gradient-checking chapter.

figures/fd-step-size.svg: relative error of a central-difference gradient
against the step h, in float64 and float32, computed by the tested
matcalc.fd_study. Truncation (falling like h^2) meets round-off (growing
like eps/h) near h ~ eps^(1/3).
"""

import numpy as np
from figures import INK, MUTED, PALETTE, new_figure, power_of_ten, save_svg
from matcalc import fd_study as s
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

NAME = "fd-step-size"
def scientific(value):
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}×{power_of_ten(10.0 ** int(exponent))}"


def draw():
    fig, ax = new_figure(6.4, 4.0)
    for dtype, label, color in ((np.float64, "float64", PALETTE[0]),
                                (np.float32, "float32", PALETTE[1])):
        errors = s.step_size_errors(s.demo_function, s.demo_gradient, s.DEMO_POINT,
                                    s.STEPS, dtype)
        ax.loglog(s.STEPS, errors, "o-", color=color, ms=3, lw=1.5, label=label)
        h_opt = np.finfo(dtype).eps ** (1 / 3)
        ax.axvline(h_opt, color=color, lw=0.8, ls=(0, (3, 2)))
        left = dtype is np.float64  # keep the two labels apart
        ax.annotate(f"ε^(1/3) ≈ {scientific(h_opt)}", (h_opt, 3e-13),
                    xytext=(-4 if left else 4, 0), textcoords="offset points",
                    ha="right" if left else "left", color=color, fontsize=9)
    big = s.STEPS[s.STEPS >= 1e-4]
    ax.loglog(big, 0.04 * big**2, color=MUTED, lw=1, ls=(0, (1, 2)),
              label="∝ h² (truncation, shifted down)")
    small = s.STEPS[s.STEPS <= 1e-6]
    ax.loglog(small, 2e-17 / small, color=MUTED, lw=1, ls=(0, (5, 2)),
              label="∝ ε/h (round-off, shifted down)")
    ax.set_xlabel("step h")
    ax.set_ylabel("relative error of the gradient")
    ax.set_ylim(1e-13, 3)
    ax.xaxis.set_major_locator(FixedLocator(10.0 ** np.arange(-12, 1, 2)))
    ax.yaxis.set_major_locator(FixedLocator(10.0 ** np.arange(-12, 1, 2)))
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(power_of_ten))
        axis.set_minor_locator(NullLocator())
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.24), ncol=1, fontsize=9,
              labelcolor=INK)
    return fig


def generate(out_dir):
    save_svg(draw(), out_dir / "figures" / f"{NAME}.svg", name=NAME,
             title="Central-difference error against step size in float64 and float32")
