"""The cost of a solve against forming the inverse: the number the chapters quote.

Not a test: it measures time. For a random well-conditioned n x n matrix A and
one right-hand side b (a Newton step, a normal-equations solve) it times
``np.linalg.solve(A, b)`` (LU factorisation, two triangular solves: about
2/3 n^3 flops) and ``np.linalg.inv(A) @ b`` (LU, then the inverse: about
2 n^3 flops), one BLAS thread, CPU time of the process, smallest of repeated
interleaved samples, and writes the ratio per n. Every solution is checked
against the other before it is timed.

Usage:
    python benchmarks/solve_vs_inverse.py           writes benchmarks/results/solve_vs_inverse.csv
    python benchmarks/solve_vs_inverse.py --quick   n up to 400, writes benchmarks/out/
"""

import argparse
import csv
import datetime
import os
import platform
import sys
import time
from pathlib import Path

# One BLAS thread, set before NumPy loads BLAS: CPU time then measures the work
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 200, 400, 800, 1600)


def best_time(fn, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def measure(n, rng):
    a = rng.standard_normal((n, n)) + n**0.5 * np.eye(n)  # well conditioned
    b = rng.standard_normal(n)
    x_solve, x_inv = np.linalg.solve(a, b), np.linalg.inv(a) @ b
    np.testing.assert_allclose(x_solve, x_inv, rtol=1e-8, atol=1e-10)
    repeats = max(3, int(2e8 / n**3))
    solve_s, inverse_s = float("inf"), float("inf")
    for _ in range(3):  # interleaved, so a slow spell hits both
        solve_s = min(solve_s, best_time(lambda: np.linalg.solve(a, b), repeats))
        inverse_s = min(inverse_s, best_time(lambda: np.linalg.inv(a) @ b, repeats))
    return solve_s, inverse_s


def blas_name():
    config = np.show_config(mode="dicts")
    blas = config.get("Build Dependencies", {}).get("blas", {})
    return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = [n for n in SIZES if n <= 400] if args.quick else SIZES
    out = ROOT / "benchmarks" / ("out" if args.quick else "results") / "solve_vs_inverse.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    rows = []
    for n in sizes:
        solve_s, inverse_s = measure(n, rng)
        rows.append((n, solve_s, inverse_s, inverse_s / solve_s))
        print(f"n = {n:5d}: solve {solve_s:.3e} s, inv @ b {inverse_s:.3e} s, ratio {inverse_s / solve_s:.2f}")
    with out.open("w", newline="") as handle:
        handle.write("# benchmarks/solve_vs_inverse.py: np.linalg.inv(A) @ b against np.linalg.solve(A, b)\n")
        handle.write(f"# cpu: {platform.processor() or platform.machine()}; {os.cpu_count()} logical cores\n")
        handle.write(f"# python {sys.version.split()[0]}; numpy {np.__version__} (BLAS {blas_name()}); "
                     "1 BLAS thread; timing: CPU time of the process, best of repeats\n")
        handle.write(f"# date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC\n")
        writer = csv.writer(handle)
        writer.writerow(["n", "solve_s", "inverse_s", "ratio"])
        for n, solve_s, inverse_s, ratio in rows:
            writer.writerow([n, f"{solve_s:.4e}", f"{inverse_s:.4e}", f"{ratio:.2f}"])
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
