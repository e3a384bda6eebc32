"""The cost of a gradient: reverse mode against forward mode, the engine against PyTorch.

Not a test: it measures time, and time varies from run to run and machine to
machine. For a small MLP on a batch of 256 inputs (input width w, two tanh
layers of width w, 10 classes, softmax cross-entropy) it records

- reverse mode: time(loss and full gradient) / time(loss) across widths
  (the cheap-gradient principle says: a small constant, whatever n);
- forward mode: the full gradient from n JVPs, one per parameter, over time(loss)
  (grows like n; small widths only, or it would take hours);
- for matcalc.ad and for PyTorch (CPU) in the same run, so that the engine's
  forward+backward time at width 512 compares with PyTorch's.

Time(loss) is the loss evaluated without any AD machinery: plain NumPy for the
engine (the same function, called on ndarrays) and torch.no_grad() for PyTorch.
Every gradient is checked against the other framework's before it is timed.

Both frameworks run on one thread by default (--threads changes it), and a
single-threaded run is timed in CPU time of the process: on a shared machine,
time spent waiting for a core is then not counted, so the numbers measure the
work. Each time is the smallest over repeated, interleaved samples.

The CSV (comment lines describe the machine) feeds the chapter's figure,
tools/generators/ad_cost_figure.py; the site build never times anything.

Usage:
    python benchmarks/ad_cost.py           full run, writes benchmarks/results/ad_cost.csv
    python benchmarks/ad_cost.py --quick   under a minute, writes benchmarks/out/ad_cost_quick.csv
"""

import argparse
import csv
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--quick", action="store_true",
                    help="fewer sizes, shorter timing (under a minute)")
PARSER.add_argument("--threads", type=int, default=1,
                    help="threads for BLAS and PyTorch (default 1)")
PARSER.add_argument("--out", type=Path, help="CSV to write (default depends on --quick)")
ARGS = PARSER.parse_args() if __name__ == "__main__" else PARSER.parse_args([])
# OpenBLAS and OpenMP read these when they load: before numpy and torch are imported
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = str(ARGS.threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from run_record import date_line, machine_line  # noqa: E402

torch.set_num_threads(ARGS.threads)
sys.path.insert(0, str(ROOT / "snippets"))
from matcalc import ad  # noqa: E402

# One thread: CPU time of the process, blind to time spent waiting for a core
CLOCK = time.process_time if ARGS.threads == 1 else time.perf_counter

BATCH = 256
CLASSES = 10
COMPARE_WIDTH = 512  # the engine-against-PyTorch goal is stated at width 512, batch 256
GOAL_RATIO, GOAL_VS_TORCH = 3.0, 2.0
FULL = {"reverse": [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024], "forward": [2, 4, 8, 16, 32],
        "seconds": 3.0, "out": ROOT / "benchmarks" / "results" / "ad_cost.csv"}
QUICK = {"reverse": [16, 128, 512], "forward": [2, 4, 8],
         "seconds": 0.8, "out": ROOT / "benchmarks" / "out" / "ad_cost_quick.csv"}
COLUMNS = ["experiment", "framework", "dtype", "width", "batch", "n_params", "passes",
           "time_f_s", "time_gradient_s", "ratio"]


# --- The model, written once for the engine and once for PyTorch ----------------------

def problem(width, dtype, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((BATCH, width))
    Y = np.eye(CLASSES)[rng.integers(0, CLASSES, size=BATCH)]
    shapes = {"W1": (width, width), "b1": (width,), "W2": (width, width), "b2": (width,),
              "W3": (width, CLASSES), "b3": (CLASSES,)}
    params = {k: rng.standard_normal(s) / np.sqrt(s[0] if len(s) == 2 else 1.0)
              for k, s in shapes.items()}
    cast = {k: v.astype(dtype) for k, v in params.items()}
    return cast, X.astype(dtype), Y.astype(dtype)


def loss_engine(p, X, Y):
    """Works on ndarrays (plain NumPy), Tensors (reverse mode) and Duals (forward mode)."""
    h = ad.tanh(X @ p["W1"] + p["b1"])
    h = ad.tanh(h @ p["W2"] + p["b2"])
    logits = h @ p["W3"] + p["b3"]
    return (ad.logsumexp(logits) - (logits * Y).sum(axis=-1)).mean()


def loss_torch(p, X, Y):
    h = torch.tanh(X @ p["W1"] + p["b1"])
    h = torch.tanh(h @ p["W2"] + p["b2"])
    logits = h @ p["W3"] + p["b3"]
    return (torch.logsumexp(logits, -1) - (logits * Y).sum(-1)).mean()


def engine_reverse(params, X, Y):
    tensors = {k: ad.Tensor(v) for k, v in params.items()}
    loss_engine(tensors, X, Y).backward()
    return {k: t.grad for k, t in tensors.items()}


def engine_forward(params, X, Y):
    """The full gradient from n JVPs: tangent e_i on one parameter entry, 0 elsewhere."""
    zeros = {k: np.zeros_like(v) for k, v in params.items()}
    grads = {}
    for name, value in params.items():
        g = np.empty(value.size, value.dtype)
        for i in range(value.size):
            e = np.zeros(value.size, value.dtype)
            e[i] = 1.0
            duals = {k: ad.Dual(v, e.reshape(v.shape) if k == name else zeros[k])
                     for k, v in params.items()}
            g[i] = loss_engine(duals, X, Y).tangent
        grads[name] = g.reshape(value.shape)
    return grads


def torch_reverse(params, X, Y):
    for t in params.values():
        t.grad = None
    loss_torch(params, X, Y).backward()
    return {k: t.grad for k, t in params.items()}


def torch_loss_only(params, X, Y):
    with torch.no_grad():
        return loss_torch(params, X, Y)


def torch_forward(params, X, Y):
    names = list(params)
    primals = tuple(params[k].detach() for k in names)
    zeros = tuple(torch.zeros_like(p) for p in primals)

    def f(*ps):
        return loss_torch(dict(zip(names, ps)), X, Y)

    grads = {}
    for j, name in enumerate(names):
        g = torch.empty(primals[j].numel(), dtype=primals[j].dtype)
        for i in range(primals[j].numel()):
            e = torch.zeros_like(g)
            e[i] = 1.0
            tangents = zeros[:j] + (e.reshape(primals[j].shape),) + zeros[j + 1:]
            g[i] = torch.func.jvp(f, primals, tangents)[1]
        grads[name] = g.reshape(primals[j].shape)
    return grads


# --- Timing ------------------------------------------------------------------------------

def best_times(functions, seconds):
    """Smallest time per call of each function, over samples taken in turn.

    Interleaving spreads any disturbance (another process, a frequency change)
    over all functions alike instead of charging it to one of them.
    """
    number = {}
    for name, fn in functions.items():
        fn()  # warm-up: first calls allocate and load code
        start = CLOCK()
        fn()
        once = CLOCK() - start
        number[name] = max(1, int(0.01 / max(once, 1e-9)))  # samples of about 10 ms
    best = dict.fromkeys(functions, float("inf"))
    deadline = time.perf_counter() + seconds
    rounds = 0
    while rounds < 3 or time.perf_counter() < deadline:
        for name, fn in functions.items():
            start = CLOCK()
            for _ in range(number[name]):
                fn()
            best[name] = min(best[name], (CLOCK() - start) / number[name])
        rounds += 1
    return best


def assert_same_gradients(ours, theirs, dtype):
    rtol = 1e-8 if dtype == np.float64 else 1e-3
    for k in ours:
        np.testing.assert_allclose(ours[k], np.asarray(theirs[k]), rtol=rtol, atol=rtol,
                                   err_msg=f"gradient of {k} differs")


def n_params(params):
    return sum(v.size for v in params.values())


def measure(experiment, width, dtype, seconds):
    """Two CSV rows, the engine's and PyTorch's, for one experiment at one width."""
    params, X, Y = problem(width, dtype)
    params_t = {k: torch.from_numpy(v.copy()).requires_grad_() for k, v in params.items()}
    X_t, Y_t = torch.from_numpy(X), torch.from_numpy(Y)
    engine_gradient = engine_reverse if experiment == "reverse" else engine_forward
    torch_gradient = torch_reverse if experiment == "reverse" else torch_forward
    assert_same_gradients(engine_gradient(params, X, Y), torch_gradient(params_t, X_t, Y_t), dtype)
    # One framework at a time: NumPy's and PyTorch's thread pools should not overlap
    engine = best_times({"f": lambda: loss_engine(params, X, Y),
                         "gradient": lambda: engine_gradient(params, X, Y)}, seconds)
    torch_ = best_times({"f": lambda: torch_loss_only(params_t, X_t, Y_t),
                         "gradient": lambda: torch_gradient(params_t, X_t, Y_t)}, seconds)
    n = n_params(params)
    rows = []
    for framework, t in (("matcalc.ad", engine), ("pytorch", torch_)):
        rows.append({"experiment": experiment, "framework": framework,
                     "dtype": np.dtype(dtype).name, "width": width, "batch": BATCH,
                     "n_params": n, "passes": 1 if experiment == "reverse" else n,
                     "time_f_s": f"{t['f']:.4e}", "time_gradient_s": f"{t['gradient']:.4e}",
                     "ratio": f"{t['gradient'] / t['f']:.3f}"})
    return rows


# --- The run -----------------------------------------------------------------------------

def machine():
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    return [
        machine_line(),
        f"python {platform.python_version()}; numpy {np.__version__} "
        f"(BLAS {blas.get('name')} {blas.get('version')}); "
        f"torch {torch.__version__}; threads {ARGS.threads} (BLAS and PyTorch, "
        f"torch reports {torch.get_num_threads()}); timing: "
        + ("CPU time of the process" if CLOCK is time.process_time else "wall clock"),
        date_line(),
    ]


def describe(row):
    return (f"{row['experiment']:8} {row['framework']:10} {row['dtype']:8} w={row['width']:<5} "
            f"n={row['n_params']:<8} f {float(row['time_f_s']) * 1e3:9.3f} ms  "
            f"gradient {float(row['time_gradient_s']) * 1e3:10.3f} ms  ratio {row['ratio']}")


def main():
    plan = QUICK if ARGS.quick else FULL
    out = ARGS.out or plan["out"]

    header = machine()
    print("\n".join(header))
    rows = []
    runs = [("reverse", w, np.float64) for w in plan["reverse"]]
    runs += [("reverse", COMPARE_WIDTH, np.float32)]
    runs += [("forward", w, np.float64) for w in plan["forward"]]
    for experiment, width, dtype in runs:
        for row in measure(experiment, width, dtype, plan["seconds"]):
            rows.append(row)
            print(describe(row), flush=True)

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="") as handle:
        handle.write(f"# benchmarks/ad_cost.py{' --quick' if ARGS.quick else ''}: "
                     "time of loss and gradient over time of loss, MLP, batch 256\n")
        handle.writelines(f"# {line}\n" for line in header)
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")

    def pick(framework, dtype="float64"):
        return next(r for r in rows if r["experiment"] == "reverse" and r["framework"] == framework
                    and r["width"] == COMPARE_WIDTH and r["dtype"] == dtype)

    engine, pytorch = pick("matcalc.ad"), pick("pytorch")
    vs_torch = float(engine["time_gradient_s"]) / float(pytorch["time_gradient_s"])
    print(f"width {COMPARE_WIDTH}, batch {BATCH}, float64: engine reverse-mode ratio "
          f"{float(engine['ratio']):.2f} (goal <= {GOAL_RATIO:g}); engine/PyTorch "
          f"forward+backward time {vs_torch:.2f} (goal <= {GOAL_VS_TORCH:g})")


if __name__ == "__main__":
    main()
