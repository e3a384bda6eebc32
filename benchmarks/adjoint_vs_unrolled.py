"""The hypergradient of ridge regression: the adjoint method against unrolled differentiation.

Not a test: it measures time and memory. For ridge regression with n parameters
(2n training rows, n validation rows, lambda = 1) it computes dL/dlambda of the
validation loss two ways, in PyTorch (float64, one thread):

- adjoint: autograd through torch.linalg.solve, whose backward is the implicit
  (adjoint) rule: one more solve with the transposed matrix;
- unrolled: autograd through K steps of gradient descent from w = 0 (step
  1 / largest curvature), for K = 100 and K = 1000.

For each it records the CPU time of the forward and backward pass (best of
repeats), the bytes autograd keeps for the backward pass (distinct storages
saved, counted with torch.autograd.graph.saved_tensors_hooks) and the relative
error against the closed-form adjoint gradient computed in NumPy. The CSV feeds
the figure of docs/autodiff-in-practice.md (tools/generators/autodiff_practice_figures.py);
the site build never times anything.

Usage:
    python benchmarks/adjoint_vs_unrolled.py           writes benchmarks/results/adjoint_vs_unrolled.csv
    python benchmarks/adjoint_vs_unrolled.py --quick   small sizes, writes benchmarks/out/
"""

import argparse
import os
import platform
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--quick", action="store_true", help="small sizes only (seconds)")
ARGS = PARSER.parse_args() if __name__ == "__main__" else PARSER.parse_args([])
# One BLAS thread, set before numpy and torch load: CPU time then counts work, not waiting
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import numpy as np  # noqa: E402
import torch  # noqa: E402
from run_record import best_time, date_line, machine_line  # noqa: E402

torch.set_num_threads(1)
SIZES = [25, 50] if ARGS.quick else [25, 50, 100, 200, 400]
STEPS = [100, 1000]
LAM = 1.0
SECONDS = 0.3 if ARGS.quick else 2.0  # timing budget per measurement
OUT = (ROOT / "benchmarks" / ("out" if ARGS.quick else "results") / "adjoint_vs_unrolled.csv")


def problem(n, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((2 * n, n)), rng.standard_normal(2 * n),
            rng.standard_normal((n, n)), rng.standard_normal(n))


def closed_form(X, y, X_val, y_val):
    """-w*^T H^{-1} X_val^T (X_val w* - y_val), H = X^T X + lambda I (H is symmetric)."""
    H = X.T @ X + LAM * np.eye(X.shape[1])
    w = np.linalg.solve(H, X.T @ y)
    return -w @ np.linalg.solve(H, X_val.T @ (X_val @ w - y_val))


def adjoint(X, y, X_val, y_val, lam):
    H = X.T @ X + lam * torch.eye(X.shape[1], dtype=X.dtype)
    w = torch.linalg.solve(H, X.T @ y)
    return 0.5 * ((X_val @ w - y_val) ** 2).sum()


def unrolled(K):
    def loss(X, y, X_val, y_val, lam):
        lr = 1.0 / (torch.linalg.matrix_norm(X, 2).item() ** 2 + LAM)
        w = torch.zeros(X.shape[1], dtype=X.dtype)
        for _ in range(K):
            w = w - lr * (X.T @ (X @ w - y) + lam * w)
        return 0.5 * ((X_val @ w - y_val) ** 2).sum()
    return loss


def hypergradient(loss, data):
    """(dL/dlambda, bytes of distinct storages autograd saved for the backward pass)."""
    lam = torch.tensor(LAM, dtype=torch.float64, requires_grad=True)
    storages = {}

    def pack(t):
        storage = t.untyped_storage()
        storages[storage.data_ptr()] = storage.nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        value = loss(*data, lam)
    (g,) = torch.autograd.grad(value, lam)
    return g.item(), sum(storages.values())


def machine():
    return [
        "benchmarks/adjoint_vs_unrolled.py: ridge hypergradient, adjoint against unrolled "
        f"gradient descent; lambda {LAM}; 2n training rows, n validation rows; float64",
        machine_line(),
        f"python {platform.python_version()}; numpy {np.__version__}; torch {torch.__version__}; "
        "threads 1; timing: CPU time of the process, best of repeats",
        date_line(),
    ]


def main():
    rows = []
    for n in SIZES:
        arrays = problem(n)
        exact = closed_form(*arrays)
        data = [torch.tensor(a) for a in arrays]
        methods = [("adjoint", 0, adjoint)] + [("unrolled", K, unrolled(K)) for K in STEPS]
        for method, K, loss in methods:
            g, saved = hypergradient(loss, data)
            seconds = best_time(lambda: hypergradient(loss, data), SECONDS)
            row = {"n": n, "method": method, "steps": K, "time_s": f"{seconds:.4e}",
                   "saved_bytes": saved, "rel_error": f"{abs(g - exact) / abs(exact):.2e}"}
            print(row, flush=True)
            rows.append(row)
        # The adjoint is exact up to rounding; anything else means a wrong benchmark
        assert float(rows[-3]["rel_error"]) < 1e-8, rows[-3]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as handle:
        handle.writelines(f"# {line}\n" for line in machine())
        handle.write(",".join(rows[0]) + "\n")
        handle.writelines(",".join(str(v) for v in row.values()) + "\n" for row in rows)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
