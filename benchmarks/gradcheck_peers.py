"""Gradient checkers side by side on hard cases: matcalc, PyTorch, SciPy, numdifftools.

Not a test: it records verdicts, evaluations of f and wall time. Every case's truth is
analytic (the claimed gradient is either the exact gradient at x or a known mistake);
numdifftools, like the others, is a peer, not ground truth.

How each checker's answer is read as a verdict:

- matcalc: ``gradcheck_report(...).verdict`` ("pass", "fail" or "inconclusive"); a
  ValueError (float32 f) is the verdict "refused", the documented right answer there;
- ``torch.autograd.gradcheck`` with its defaults (eps 1e-6, atol 1e-5, rtol 1e-3), the
  claimed gradient wrapped as the backward of an ``autograd.Function`` whose forward
  calls the NumPy f; True is "pass", False "fail";
- ``scipy.optimize.check_grad`` (one forward difference, step sqrt(eps)), which returns
  the 2-norm ``||g - g_fd||``; read as a user would, relative to ``||g||``: "pass" below
  1e-5, absolute when ``g`` is 0;
- numdifftools ``Gradient`` (Richardson extrapolation, with its own error estimate):
  "pass" when every ``|g - g_nd| <= 1e-5 |g_nd| + 10 * error_estimate`` (``allclose``
  with the tool's own error as atol).

A verdict is right when it equals the truth; for a noisy f and a kink the truth is
"not pass" (a checker that cannot say "inconclusive" is right with "fail"); for a
float32 f, "pass" or "refused".

Usage:
    python benchmarks/gradcheck_peers.py          writes benchmarks/results/gradcheck_peers.{csv,md}
    python benchmarks/gradcheck_peers.py --quick  without the n = 10^4 cases, prints only
"""

import argparse
import csv
import datetime
import platform
import sys
import time
import warnings
from pathlib import Path

import numdifftools as nd
import numpy as np
import scipy
import scipy.optimize
import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "snippets"))
from matcalc import gradcheck_report  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
CHECKERS = ["matcalc", "torch.gradcheck", "scipy.check_grad", "numdifftools"]


class Case:
    def __init__(self, name, f, grad, x, truth, structure=None):
        self.name, self.f, self.grad, self.x = name, f, grad, x
        self.truth, self.structure = truth, structure


def smooth(x):
    return np.sum(np.exp(np.sin(x)))


def smooth_grad(x):
    return np.cos(x) * np.exp(np.sin(x))


def one_entry(grad, i, factor):
    def wrong(x):
        g = np.array(grad(x), dtype=float)
        g.reshape(-1)[i] *= factor
        return g

    return wrong


def cases(quick):
    rng = np.random.default_rng(0)
    x6 = rng.standard_normal(6)
    out = [
        Case("well scaled, correct", smooth, smooth_grad, x6, "pass"),
        Case("well scaled, one entry 5 % off", smooth, one_entry(smooth_grad, 2, 1.05), x6, "fail"),
    ]
    # Stationary points
    M, y = rng.standard_normal((20, 5)), rng.standard_normal(20)
    x_ls = np.linalg.lstsq(M, y, rcond=None)[0]
    ls = lambda x: 0.5 * np.sum((M @ x - y) ** 2)  # noqa: E731
    out += [
        Case("least-squares minimum, correct", ls, lambda x: M.T @ (M @ x - y), x_ls, "pass"),
        Case("least-squares minimum, sign of y wrong", ls, lambda x: M.T @ (M @ x + y), x_ls, "fail"),
    ]
    A = rng.standard_normal((5, 5))
    quad = lambda x: x @ A @ x  # noqa: E731
    out += [
        Case("x = 0 of x'Ax, correct (A + A')x", quad, lambda x: (A + A.T) @ x, np.zeros(5), "pass"),
        Case("x = 0 of x'Ax, 2Ax (right at 0)", quad, lambda x: 2 * A @ x, np.zeros(5), "pass"),
    ]
    X = rng.standard_normal((50, 3))
    t = (X @ [1.0, -2.0, 0.5] + rng.standard_normal(50) > 0).astype(float)
    loss = lambda w: np.sum(np.logaddexp(0, X @ w) - t * (X @ w)) + 0.5 * w @ w  # noqa: E731
    lgrad = lambda w: X.T @ (1 / (1 + np.exp(-X @ w)) - t) + w  # noqa: E731
    w = np.zeros(3)
    for _ in range(30):
        p = 1 / (1 + np.exp(-X @ w))
        w = w - np.linalg.solve(X.T @ (X * (p * (1 - p))[:, None]) + np.eye(3), lgrad(w))
    out += [
        Case("trained logistic regression, correct", loss, lgrad, w, "pass"),
        Case("trained logistic regression, 1 % + 1e-3 off", loss, lambda w: 1.01 * lgrad(w) + 1e-3, w, "fail"),
    ]
    # Scale: offsets, large x, rescaled f
    for offset in (1e4, 1e8):
        f_off = lambda x, o=offset: o + smooth(x)  # noqa: E731
        out += [
            Case(f"offset {offset:.0e}, correct", f_off, smooth_grad, x6, "pass"),
            Case(f"offset {offset:.0e}, one entry 5 % off", f_off, one_entry(smooth_grad, 2, 1.05), x6, "fail"),
        ]
    x_big = 1e5 * (1 + rng.random(5))
    xlogx = lambda x: np.sum(x * np.log(x))  # noqa: E731
    out += [
        Case("x of size 1e5, correct", xlogx, lambda x: np.log(x) + 1, x_big, "pass"),
        Case("x of size 1e5, one entry 5 % off", xlogx, one_entry(lambda x: np.log(x) + 1, 1, 1.05), x_big, "fail"),
    ]
    for scale in (1e-12, 1e12):
        f_s = lambda x, s=scale: s * smooth(x)  # noqa: E731
        g_s = lambda x, s=scale: s * smooth_grad(x)  # noqa: E731
        out += [
            Case(f"f x {scale:.0e}, correct", f_s, g_s, x6, "pass"),
            Case(f"f x {scale:.0e}, one entry 5 % off", f_s, one_entry(g_s, 2, 1.05), x6, "fail"),
        ]
    # One bad entry among many
    if not quick:
        n = 10_000
        xn, c = rng.standard_normal(n), rng.standard_normal(n)
        fn = lambda x: np.sum(c * np.sin(x))  # noqa: E731
        gn = lambda x: c * np.cos(x)  # noqa: E731
        g = gn(xn)
        i = int(np.argmin(np.abs(np.abs(g) - 0.4 * np.max(np.abs(g)))))
        out += [
            Case("n = 1e4, correct", fn, gn, xn, "pass"),
            Case("n = 1e4, one entry 5 % off", fn, one_entry(gn, i, 1.05), xn, "fail"),
        ]
    # Symmetric argument read through one triangle
    B = rng.standard_normal((4, 4))
    S = B @ B.T + 4 * np.eye(4)
    logdet = lambda S: 2 * np.sum(np.log(np.diag(np.linalg.cholesky(S))))  # noqa: E731
    inv = np.linalg.inv
    tri = lambda S: np.tril(2 * inv(S)) - np.diag(np.diag(inv(S)))  # noqa: E731
    dbl = lambda S: 2 * inv(S) - np.diag(np.diag(inv(S)))  # noqa: E731
    out += [
        Case("logdet via Cholesky, Sigma^-1", logdet, inv, S, "pass", "symmetric"),
        Case("logdet via Cholesky, tril(2G) - diag(G)", logdet, tri, S, "fail", "symmetric"),
        Case("logdet via Cholesky, G + G' - G*I", logdet, dbl, S, "fail", "symmetric"),
        Case("sum eigvalsh^3, 3 S^2", lambda S: np.sum(np.linalg.eigvalsh(S) ** 3),
             lambda S: 3 * S @ S, S, "pass", "symmetric"),
    ]
    # Precision, noise, kinks
    f32 = lambda x: np.float32(smooth(x.astype(np.float32)))  # noqa: E731
    noise = np.random.default_rng(1)
    out += [
        Case("f returns float32, correct", f32, smooth_grad, x6, "pass or refused"),
        Case("f computed in float32, correct", lambda x: float(f32(x)), smooth_grad, x6, "not pass"),
        Case("f with noise 1e-6, correct", lambda x: smooth(x) + 1e-6 * noise.standard_normal(),
             smooth_grad, x6, "not pass"),
        Case("ReLU at its kink", lambda x: np.sum(np.maximum(x, 0)), lambda x: (x > 0) * 1.0,
             np.array([0.0, 1.3, -0.7]), "not pass"),
    ]
    return out


class Counted:
    def __init__(self, f):
        self.f, self.n = f, 0

    def __call__(self, x):
        self.n += 1
        return self.f(x)


def run_matcalc(case, f):
    try:
        return gradcheck_report(f, case.grad, case.x, structure=case.structure).verdict
    except ValueError as error:
        return "refused" if "float32" in str(error) else f"error: {error}"


def run_torch(case, f):
    class UserGradient(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return torch.as_tensor(np.asarray(f(x.detach().numpy()), dtype=np.float64))

        @staticmethod
        def backward(ctx, grad_out):
            (x,) = ctx.saved_tensors
            g = np.asarray(case.grad(x.detach().numpy()), dtype=np.float64)
            return grad_out * torch.from_numpy(g)

    x = torch.tensor(case.x, dtype=torch.float64, requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ok = torch.autograd.gradcheck(UserGradient.apply, (x,), raise_exception=False)
    return "pass" if ok else "fail"


def run_scipy(case, f):
    shape = case.x.shape
    flat_f = lambda z: float(f(z.reshape(shape)))  # noqa: E731
    flat_g = lambda z: np.asarray(case.grad(z.reshape(shape)), dtype=float).reshape(-1)  # noqa: E731
    x = case.x.reshape(-1)
    err = scipy.optimize.check_grad(flat_f, flat_g, x)
    norm = np.linalg.norm(flat_g(x))
    return "pass" if err <= 1e-5 * (norm if norm > 0 else 1.0) else "fail"


def run_numdifftools(case, f):
    shape = case.x.shape
    flat_f = lambda z: float(f(z.reshape(shape)))  # noqa: E731
    result = nd.Gradient(flat_f, full_output=True)(case.x.reshape(-1))
    g = np.asarray(case.grad(case.x), dtype=float).reshape(-1)
    g_nd = np.atleast_1d(result.estimate).reshape(-1)
    atol = 10 * np.max(np.atleast_1d(result.error_estimate))
    return "pass" if np.all(np.abs(g - g_nd) <= 1e-5 * np.abs(g_nd) + atol) else "fail"


RUNNERS = {
    "matcalc": run_matcalc,
    "torch.gradcheck": run_torch,
    "scipy.check_grad": run_scipy,
    "numdifftools": run_numdifftools,
}


def right(verdict, truth):
    if truth == "pass or refused":
        return verdict in ("pass", "refused")
    if truth == "not pass":
        return verdict in ("fail", "inconclusive", "refused")
    return verdict == truth


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip n = 1e4, write nothing")
    args = parser.parse_args()
    # PyTorch initialises itself on the first gradcheck: not part of any case's time
    warm = Case("warm-up", smooth, smooth_grad, np.ones(2), "pass")
    run_torch(warm, smooth)
    rows = []
    for case in cases(args.quick):
        row = {"case": case.name, "truth": case.truth, "n": case.x.size}
        for name in CHECKERS:
            f = Counted(case.f)
            start = time.perf_counter()
            try:
                with np.errstate(all="ignore"):
                    verdict = RUNNERS[name](case, f)
            except Exception as error:  # a peer that crashes gives no verdict
                verdict = f"error: {type(error).__name__}"
            row[f"{name} verdict"] = verdict
            row[f"{name} right"] = right(verdict, case.truth)
            row[f"{name} evals"] = f.n
            row[f"{name} seconds"] = round(time.perf_counter() - start, 4)
        rows.append(row)
        print(case.name, *(f"{c}={row[f'{c} verdict']}/{row[f'{c} evals']}" for c in CHECKERS),
              flush=True)
    totals = {c: sum(r[f"{c} right"] for r in rows) for c in CHECKERS}
    print("right:", totals, "of", len(rows))
    if args.quick:
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    header = (
        f"# benchmarks/gradcheck_peers.py, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC\n"
        f"# python {platform.python_version()}; numpy {np.__version__}; scipy {scipy.__version__}; "
        f"torch {torch.__version__}; numdifftools {nd.__version__}\n"
    )
    with open(RESULTS / "gradcheck_peers.csv", "w", newline="") as out:
        out.write(header)
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    lines = [
        "# Gradient checkers on hard cases",
        "",
        header.replace("# ", "").replace("\n", "  \n"),
        "Each cell: verdict (evaluations of f, wall time); a cross marks a wrong verdict. "
        "How verdicts are read: see the docstring of `benchmarks/gradcheck_peers.py`.",
        "",
        "| case | truth | " + " | ".join(CHECKERS) + " |",
        "|---|---|" + "---|" * len(CHECKERS),
    ]
    for r in rows:
        cells = [
            f"{'' if r[f'{c} right'] else '✗ '}{r[f'{c} verdict']} "
            f"({r[f'{c} evals']}, {r[f'{c} seconds']:.3g} s)"
            for c in CHECKERS
        ]
        lines.append(f"| {r['case']} | {r['truth']} | " + " | ".join(cells) + " |")
    lines += ["", "| right verdicts | | " + " | ".join(f"{totals[c]} of {len(rows)}" for c in CHECKERS) + " |"]
    (RESULTS / "gradcheck_peers.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
