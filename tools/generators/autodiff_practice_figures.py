"""The figures of docs/autodiff-in-practice.md, drawn from the benchmarks' committed CSVs.

Reads (nothing here times anything)

- benchmarks/results/per_example_vmap.csv (benchmarks/per_example_vmap.py) and writes
  figures/per-example-vmap.svg: time for all N per-example gradients against N;
- benchmarks/results/adjoint_vs_unrolled.csv (benchmarks/adjoint_vs_unrolled.py) and
  writes figures/adjoint-vs-unrolled.svg: time and saved bytes of the ridge
  hypergradient against n, adjoint method and unrolled gradient descent;

and, as committed text (string formatting of the CSVs' numbers only, so the same
on every machine), per-example-vmap-summary.md and adjoint-vs-unrolled-summary.md:
the numbers at the largest size of each run.
"""

import csv
from pathlib import Path

from figures import INK, MUTED, PALETTE, new_figure, power_of_ten, save_svg
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"
PER_EXAMPLE = {("pytorch", "loop"): ("PyTorch, loop", PALETTE[1], "--", "s"),
               ("pytorch", "vmap"): ("PyTorch, vmap", PALETTE[1], "-", "o"),
               ("jax", "vmap"): ("JAX, jit(vmap)", PALETTE[2], "-", "^"),
               ("matcalc.ad", "loop"): ("matcalc.ad, loop", PALETTE[0], "--", "D")}


def read(name):
    lines = (RESULTS / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def log_axes(ax):
    ax.set_xscale("log")
    ax.set_yscale("log")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(LogLocator(base=10))
        axis.set_major_formatter(FuncFormatter(power_of_ten))
        axis.set_minor_locator(NullLocator())
    ax.grid(True, which="major", color=MUTED, linewidth=0.4, alpha=0.5)


def per_example_figure(rows, path):
    fig, ax = new_figure(6.4, 4.4)
    for (framework, method), (label, colour, style, marker) in PER_EXAMPLE.items():
        data = sorted((int(r["batch"]), float(r["time_s"])) for r in rows
                      if r["framework"] == framework and r["method"] == method)
        ax.plot([n for n, _ in data], [t * 1e3 for _, t in data], linestyle=style,
                marker=marker, markersize=4, color=colour, label=label)
    log_axes(ax)
    ax.set_xlabel("batch size N")
    ax.set_ylabel("all N gradients, ms")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, labelcolor=INK)
    save_svg(fig, path, name="per-example-vmap",
             title="Time for all per-example gradients against the batch size: a Python loop "
                   "grows like N, vmap makes one call for the batch")


def adjoint_figure(rows, path):
    fig, (left, right) = new_figure(6.0, 3.9, ncols=2)
    methods = sorted({(r["method"], int(r["steps"])) for r in rows})
    for i, (method, steps) in enumerate(methods):
        data = sorted((int(r["n"]), float(r["time_s"]), int(r["saved_bytes"])) for r in rows
                      if r["method"] == method and int(r["steps"]) == steps)
        label = "adjoint" if method == "adjoint" else f"unrolled, K = {steps}"
        style = dict(color=PALETTE[i], marker="os^"[i % 3], markersize=4,
                     linestyle="-" if method == "adjoint" else "--")
        left.plot([n for n, _, _ in data], [t * 1e3 for _, t, _ in data], label=label, **style)
        right.plot([n for n, _, _ in data], [b / 1e6 for _, _, b in data], **style)
    sizes = sorted({int(r["n"]) for r in rows})
    for ax, ylabel in ((left, "time, ms"), (right, "saved, MB")):
        log_axes(ax)
        # Every measured size labelled: one decade holds them, so powers of ten would not
        ax.set_xticks(sizes[::2], labels=[str(n) for n in sizes[::2]])
        ax.minorticks_off()
        ax.set_xlabel("parameters n")
        ax.set_ylabel(ylabel)
    fig.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, labelcolor=INK)
    fig.tight_layout(w_pad=2.0)
    save_svg(fig, path, name="adjoint-vs-unrolled",
             title="Hypergradient of ridge regression: time and memory of the adjoint method "
                   "against unrolled gradient descent, as the number of parameters grows")


def machine(name):
    lines = (RESULTS / name).read_text(encoding="utf-8").splitlines()
    return "; ".join(line[1:].strip() for line in lines
                     if line.startswith("#") and not line.startswith("# benchmarks/"))


def number(x):
    """3 significant digits, never in exponent form: 2530, 1.27, 0.0229."""
    return f"{x:,.0f}" if x >= 100 else f"{x:.3g}"


def per_example_summary(per_example):
    """A Markdown table of the largest batch, and the machine."""
    N = max(int(r["batch"]) for r in per_example)
    at_N = {(r["framework"], r["method"]): float(r["time_s"]) for r in per_example
            if int(r["batch"]) == N}
    loop = at_N["pytorch", "loop"]
    lines = [f"| method, N = {N} | time | per example | speed-up over the PyTorch loop |",
             "|---|---:|---:|---:|"]
    for key, (label, *_) in PER_EXAMPLE.items():
        if key in at_N:
            t = at_N[key]
            lines.append(f"| {label} | {number(t * 1e3)} ms | {number(t / N * 1e6)} µs "
                         f"| {number(loop / t)} |")
    return "\n".join(lines + ["", measured("per_example_vmap")]) + "\n"


def adjoint_summary(adjoint):
    """A Markdown table of the largest inner problem, and the machine."""
    n = max(int(r["n"]) for r in adjoint)
    lines = [f"| method, n = {n} | time | saved by autograd | relative error |",
             "|---|---:|---:|---:|"]
    for r in sorted((r for r in adjoint if int(r["n"]) == n), key=lambda r: int(r["steps"])):
        label = "adjoint" if r["method"] == "adjoint" else f"unrolled, K = {r['steps']}"
        lines.append(f"| {label} | {number(float(r['time_s']) * 1e3)} ms "
                     f"| {number(int(r['saved_bytes']) / 1e6)} MB | {float(r['rel_error']):.1e} |")
    return "\n".join(lines + ["", measured("adjoint_vs_unrolled")]) + "\n"


def measured(name):
    return f"Measured by `benchmarks/{name}.py` (best of repeated runs) on: {machine(name + '.csv')}."


def generate(out_dir: Path):
    per_example, adjoint = read("per_example_vmap.csv"), read("adjoint_vs_unrolled.csv")
    per_example_figure(per_example, out_dir / "figures" / "per-example-vmap.svg")
    adjoint_figure(adjoint, out_dir / "figures" / "adjoint-vs-unrolled.svg")
    (out_dir / "per-example-vmap-summary.md").write_text(per_example_summary(per_example),
                                                         encoding="utf-8")
    (out_dir / "adjoint-vs-unrolled-summary.md").write_text(adjoint_summary(adjoint),
                                                            encoding="utf-8")
