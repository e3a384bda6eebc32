"""The AD chapter's cost figures and summary table, drawn from the benchmark's CSV.

Reads benchmarks/results/ad_cost.csv (written by benchmarks/ad_cost.py, which
does the timing; nothing here times anything) and writes

- figures/ad-cost-ratio.svg: time(loss and gradient) / time(loss) against the
  number of parameters n, reverse and forward mode, matcalc.ad and PyTorch;
- figures/ad-cost-time.svg: forward+backward time against width, both frameworks;
- ad-cost-summary.md: the numbers at width 512, batch 256, and the machine.
"""

import csv
from pathlib import Path

from figures import INK, MUTED, PALETTE, new_figure, power_of_ten, save_svg
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

ROOT = Path(__file__).resolve().parents[2]
CSV = ROOT / "benchmarks" / "results" / "ad_cost.csv"
COMPARE_WIDTH = 512
LABELS = {"matcalc.ad": "matcalc.ad (NumPy)", "pytorch": "PyTorch (CPU)"}
COLOURS = {"matcalc.ad": PALETTE[0], "pytorch": PALETTE[1]}
def plain(value, _pos=None):
    return f"{value:g}"


def log_axis(axis, formatter):
    axis.set_major_locator(LogLocator(base=10))
    axis.set_major_formatter(FuncFormatter(formatter))
    axis.set_minor_locator(NullLocator())


def read(path=CSV):
    """(machine description lines, rows with numbers parsed)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line[1:].strip() for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    for row in rows:
        for key in ("width", "batch", "n_params", "passes"):
            row[key] = int(row[key])
        for key in ("time_f_s", "time_gradient_s", "ratio"):
            row[key] = float(row[key])
    return comments, rows


def select(rows, experiment, framework, dtype="float64"):
    chosen = [r for r in rows if r["experiment"] == experiment
              and r["framework"] == framework and r["dtype"] == dtype]
    return sorted(chosen, key=lambda r: r["n_params"])


def ratio_figure(rows, path):
    fig, ax = new_figure(6.4, 4.2)
    for framework in LABELS:
        for experiment, style, marker in (("reverse", "-", "o"), ("forward", "--", "s")):
            data = select(rows, experiment, framework)
            ax.plot([r["n_params"] for r in data], [r["ratio"] for r in data],
                    linestyle=style, marker=marker, markersize=4, color=COLOURS[framework],
                    label=f"{LABELS[framework]}, {experiment} mode")
    forward = select(rows, "forward", "matcalc.ad")
    ns = [forward[0]["n_params"], forward[-1]["n_params"]]
    ax.plot(ns, ns, linestyle=":", color=MUTED, label="n (one pass per parameter)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    log_axis(ax.xaxis, power_of_ten)
    log_axis(ax.yaxis, plain)
    ax.set_xlabel("number of parameters n")
    ax.set_ylabel("time(loss and gradient) / time(loss)")
    ax.grid(True, which="major", color=MUTED, linewidth=0.4, alpha=0.5)
    # Below the axes: the data fills both the top left and the bottom right
    ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=1,
              labelcolor=INK)
    save_svg(fig, path, name="ad-cost-ratio",
             title="Cost of the full gradient relative to the loss: reverse mode stays flat "
                   "as n grows, forward mode grows like n")


def time_figure(rows, path):
    fig, ax = new_figure(6.4, 3.8)
    for framework in LABELS:
        data = select(rows, "reverse", framework)
        ax.plot([r["width"] for r in data], [r["time_gradient_s"] * 1e3 for r in data],
                marker="o", markersize=4, color=COLOURS[framework], label=LABELS[framework])
    widths = [r["width"] for r in data]
    ax.set_xscale("log")
    ax.set_xticks(widths, labels=[str(w) for w in widths])
    ax.minorticks_off()
    ax.set_yscale("log")
    log_axis(ax.yaxis, plain)
    ax.set_xlabel("width w (batch 256, float64)")
    ax.set_ylabel("loss and gradient, ms")
    ax.grid(True, which="major", color=MUTED, linewidth=0.4, alpha=0.5)
    ax.legend(fontsize=9, loc="upper left", labelcolor=INK)
    save_svg(fig, path, name="ad-cost-time",
             title="Time of one forward and backward pass against width, matcalc.ad and PyTorch")


def summary(comments, rows):
    """A Markdown table of the numbers at the comparison width, and the machine."""
    lines = ["| dtype | framework | loss | loss and gradient | ratio | vs PyTorch |",
             "|---|---|---:|---:|---:|---:|"]
    for dtype in ("float64", "float32"):
        at = {r["framework"]: r for r in rows if r["experiment"] == "reverse"
              and r["width"] == COMPARE_WIDTH and r["dtype"] == dtype}
        if len(at) != len(LABELS):
            continue
        for framework, label in LABELS.items():
            r = at[framework]
            vs = r["time_gradient_s"] / at["pytorch"]["time_gradient_s"]
            lines.append(f"| {dtype} | {label} | {r['time_f_s'] * 1e3:.2f} ms "
                         f"| {r['time_gradient_s'] * 1e3:.2f} ms | {r['ratio']:.2f} | {vs:.2f} |")
    # Forward mode: the cost of one JVP over the cost of the loss, ratio / n
    per_pass = []
    for framework, label in LABELS.items():
        costs = [r["ratio"] / r["passes"] for r in select(rows, "forward", framework)]
        per_pass.append(f"{label} {min(costs):.1f} to {max(costs):.1f}")
    machine = "; ".join(c for c in comments if not c.startswith("benchmarks/"))
    lines += ["", "Forward mode, full gradient from n JVPs: the ratio divided by n, the cost of "
                  f"one JVP in units of the loss, is {' and '.join(per_pass)} "
                  "across the widths measured.",
              "", f"Measured by `benchmarks/ad_cost.py` (batch 256, smallest of repeated runs) "
                  f"on: {machine}."]
    return "\n".join(lines) + "\n"


def generate(out_dir: Path):
    comments, rows = read()
    ratio_figure(rows, out_dir / "figures" / "ad-cost-ratio.svg")
    time_figure(rows, out_dir / "figures" / "ad-cost-time.svg")
    (out_dir / "ad-cost-summary.md").write_text(summary(comments, rows), encoding="utf-8")
