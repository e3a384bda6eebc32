"""Speed of the gradient checker panel, in headless Chromium.

Not a test: run `python benchmarks/gradient_checker_latency.py` after `make site`.

Measures, inside the page with performance.now():
- the lazy library: bytes of math.js, raw and gzip-compressed as a static host serves it;
- first check: from the first use of the panel (library not yet loaded) to the verdict
  of a full check (3 draws), library download and parsing included;
- warm draw: one draw of a check (window.GradientCheck.check with draws=1) once the
  library is loaded, for n x n matrices with n <= 10, right and wrong gradients (a wrong
  one costs Ridders' extrapolation on a few entries), 30 seeds each.
Budgets (issue 17): library <= 200 KB gzip; warm draw median <= 100 ms, p95 <= 300 ms.
"""

import argparse
import gzip
from pathlib import Path

import numpy as np
from playwright.sync_api import sync_playwright
from run_record import Report
from site_weight import CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = "assets/vendor/mathjs/math.js"
BUDGET_GZIP = 200 * 1024
BUDGET_MEDIAN_MS, BUDGET_P95_MS = 100.0, 300.0


def cases(n):
    """(name, spec) for n x n matrices: right and wrong gradients."""
    square = f"{n} x {n}"
    return [
        (f"x'*A*x right, n={n}", dict(variables=f"x: {n}; A: {square}", wrt="x", f="x'*A*x",
                                       gradient="(A+A')*x")),
        (f"x'*A*x wrong (2Ax), n={n}", dict(variables=f"x: {n}; A: {square}", wrt="x",
                                             f="x'*A*x", gradient="2*A*x")),
        (f"trace(X*B) right, n={n}", dict(variables=f"X: {square}; B: {square}", wrt="X",
                                           f="trace(X*B)", gradient="B'")),
        (f"trace(X*B) wrong (B), n={n}", dict(variables=f"X: {square}; B: {square}", wrt="X",
                                               f="trace(X*B)", gradient="B")),
        (f"log(det(X)) right, n={n}", dict(variables=f"X: {square} spd", wrt="X",
                                            f="log(det(X))", gradient="inv(X)")),
        (f"trace(inv(X)*B) right, n={n}", dict(variables=f"X: {square} invertible; B: {square}",
                                                wrt="X", f="trace(inv(X)*B)",
                                                gradient="-inv(X)'*B'*inv(X)'")),
    ]


FIRST = """async (spec) => {
    const t0 = performance.now();
    await GradientCheck.load();
    const t1 = performance.now();
    const r = await GradientCheck.check(spec);
    return [t1 - t0, performance.now() - t0, r.verdict];
}"""

WARM = """async ([spec, seeds]) => {
    const times = [], verdicts = [];
    for (let seed = 1; seed <= seeds; seed++) {
        const t0 = performance.now();
        const r = await GradientCheck.check(spec, {draws: 1, seed});
        times.push(performance.now() - t0);
        verdicts.push(r.verdict);
    }
    return [times, verdicts];
}"""


REPORT = Report(ROOT / "benchmarks" / "results" / "gradient_checker_latency.md")
say = REPORT.say


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--seeds", type=int, default=30)
    args = parser.parse_args()

    raw = (args.site / LIBRARY).read_bytes()
    lib_gzip = len(gzip.compress(raw, mtime=0))
    server, root = serve(args.site)
    rows, firsts = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=CHROMIUM_ARGS)
            for _ in range(3):  # first check in fresh pages: nothing cached in memory
                context = browser.new_context()
                page = context.new_page()
                page.goto(root + "gradient-checker.html", wait_until="load")
                page.wait_for_selector('[data-widget="gradient-check"][data-state="ready"]')
                firsts.append(page.evaluate(FIRST, cases(10)[1][1]))
                context.close()
            page = browser.new_page()
            page.goto(root + "gradient-checker.html", wait_until="load")
            page.evaluate("GradientCheck.load()")
            page.evaluate(WARM, [cases(3)[0][1], 5])  # JIT warm-up
            for n in (2, 5, 10):
                for name, spec in cases(n):
                    times, verdicts = page.evaluate(WARM, [spec, args.seeds])
                    rows.append((name, np.array(times), sorted(set(verdicts))))
            browser.close()
    finally:
        server.shutdown()

    say(f"math.js (lazy): {len(raw) / 1024:.1f} KB raw, {lib_gzip / 1024:.1f} KB gzip "
          f"(budget {BUDGET_GZIP // 1024} KB gzip): {'met' if lib_gzip <= BUDGET_GZIP else 'MISSED'}")
    say()
    say("First check after load (library fetched and parsed, then 3 draws; 10 x 10, wrong "
          "gradient):")
    for load, total, verdict in firsts:
        say(f"- library {load:.0f} ms, verdict ({verdict}) after {total:.0f} ms")
    say()
    say(f"Warm draws ({args.seeds} seeds each), ms:")
    say()
    say("| case | verdicts | median | p95 | max |")
    say("|---|---|---:|---:|---:|")
    every = []
    for name, times, verdicts in rows:
        every.append(times)
        say(f"| {name} | {', '.join(verdicts)} | {np.median(times):.2f} | "
              f"{np.percentile(times, 95):.2f} | {times.max():.2f} |")
    every = np.concatenate(every)
    median, p95 = np.median(every), np.percentile(every, 95)
    say(f"| all | | {median:.2f} | {p95:.2f} | {every.max():.2f} |")
    met = median <= BUDGET_MEDIAN_MS and p95 <= BUDGET_P95_MS
    say()
    say(f"budget: warm draw median <= {BUDGET_MEDIAN_MS:g} ms and p95 <= {BUDGET_P95_MS:g} ms: "
          f"{'met' if met else 'MISSED'} ({median:.2f} ms, {p95:.2f} ms)")


if __name__ == "__main__":
    main()
    REPORT.save()
