"""Per-example gradients: vmap against a Python loop, as the batch grows.

Not a test: it measures time. For logistic regression with d = 64 features it
computes the N per-example gradients (one row each, denominator layout) for
batches N = 16 ... 4096, in float64 on one thread, by

- PyTorch: a Python loop of torch.func.grad, one example per call, and
  torch.func.vmap(torch.func.grad(...)), one call for the batch;
- JAX: jax.jit(jax.vmap(jax.grad(...))) (compiled once per shape, before timing);
- matcalc.ad: a Python loop of grad, one example per call (N <= 1024).

Every result is checked against the closed form diag(sigma(Xw) - y) X before it
is timed. Each time is the best over repeats in CPU time of the process. The
CSV feeds the figure of docs/autodiff-in-practice.md
(tools/generators/autodiff_practice_figures.py); the site build never times anything.

Usage:
    python benchmarks/per_example_vmap.py           writes benchmarks/results/per_example_vmap.csv
    python benchmarks/per_example_vmap.py --quick   small batches, writes benchmarks/out/
"""

import argparse
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--quick", action="store_true", help="small batches only (seconds)")
ARGS = PARSER.parse_args() if __name__ == "__main__" else PARSER.parse_args([])
# One thread everywhere, set before the libraries load
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"
os.environ["XLA_FLAGS"] = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from run_record import best_time, date_line, machine_line  # noqa: E402

jax.config.update("jax_enable_x64", True)
torch.set_num_threads(1)
sys.path.insert(0, str(ROOT / "snippets"))
from matcalc import ad  # noqa: E402

D = 64
BATCHES = [16, 64] if ARGS.quick else [16, 64, 256, 1024, 4096]
ENGINE_MAX = 1024  # the engine's loop beyond this only repeats the slope
SECONDS = 0.3 if ARGS.quick else 1.5
OUT = ROOT / "benchmarks" / ("out" if ARGS.quick else "results") / "per_example_vmap.csv"


def problem(N, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((N, D)), rng.integers(0, 2, size=N).astype(np.float64),
            rng.standard_normal(D) / np.sqrt(D))


def torch_loss(w, x, y):
    return torch.nn.functional.binary_cross_entropy_with_logits(x @ w, y)


def jax_loss(w, x, y):
    z = x @ w
    return jax.nn.softplus(z) - y * z


def engine_loss(w, x, y):
    z = x @ w
    return -(y * ad.log(ad.sigmoid(z)) + (1 - y) * ad.log(ad.sigmoid(-z)))


torch_grad = torch.func.grad(torch_loss)
torch_vmap = torch.func.vmap(torch_grad, in_dims=(None, 0, 0))
jax_vmap = jax.jit(jax.vmap(jax.grad(jax_loss), in_axes=(None, 0, 0)))


def methods(X, y, w):
    Xt, yt, wt = torch.tensor(X), torch.tensor(y), torch.tensor(w)
    Xj, yj, wj = jnp.asarray(X), jnp.asarray(y), jnp.asarray(w)
    table = {
        ("pytorch", "loop"): lambda: torch.stack([torch_grad(wt, Xt[i], yt[i])
                                                  for i in range(len(X))]).numpy(),
        ("pytorch", "vmap"): lambda: torch_vmap(wt, Xt, yt).numpy(),
        ("jax", "vmap"): lambda: np.asarray(jax_vmap(wj, Xj, yj).block_until_ready()),
    }
    if len(X) <= ENGINE_MAX:
        table["matcalc.ad", "loop"] = lambda: np.stack(
            [ad.grad(lambda v: engine_loss(v, X[i], y[i]), w) for i in range(len(X))])
    return table


def machine():
    return [
        f"benchmarks/per_example_vmap.py: per-example gradients of logistic regression, d {D}, "
        "float64",
        machine_line(),
        f"python {platform.python_version()}; numpy {np.__version__}; torch {torch.__version__}; "
        f"jax {jax.__version__}; threads 1; timing: CPU time of the process, best of repeats",
        date_line(),
    ]


def main():
    rows = []
    for N in BATCHES:
        X, y, w = problem(N)
        expected = (1 / (1 + np.exp(-X @ w)) - y)[:, None] * X
        for (framework, method), function in methods(X, y, w).items():
            np.testing.assert_allclose(function(), expected, rtol=1e-10, atol=1e-14)
            seconds = best_time(function, SECONDS)
            row = {"batch": N, "framework": framework, "method": method,
                   "time_s": f"{seconds:.4e}", "per_example_us": f"{seconds / N * 1e6:.3f}"}
            print(row, flush=True)
            rows.append(row)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as handle:
        handle.writelines(f"# {line}\n" for line in machine())
        handle.write(",".join(rows[0]) + "\n")
        handle.writelines(",".join(str(v) for v in row.values()) + "\n" for row in rows)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
