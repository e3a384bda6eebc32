"""Lighthouse over every page of the built site, beside a control page, as a Markdown table.

Not a test: run `python benchmarks/lighthouse.py` after `make site` (about 30 s a
run on 2 cores: some 30 minutes for 3 rounds over 19 pages and the control).

- Lighthouse comes from npm, pinned in benchmarks/lighthouse/package-lock.json
  (176 MB, so it is installed here, with `npm ci`, and never by `make test`),
  and drives Debian's Chromium with its mobile preset.
- The site is served from 127.0.0.1 with gzip, as a static host serves it.
- The control is the site's own 404 page: the theme, its CSS and scripts, and
  no content. Lighthouse's mobile preset simulates a slow phone from the trace
  it records, so a busy machine lowers every score; a page is judged against
  the control measured in the same round.
- Rounds are interleaved (page 1, ..., page n, control, then again): a burst of
  load on the machine hits every page alike. The table gives each page's median
  of the rounds; one run can differ from the next by 30 points on a busy machine.

Goal (issue 15): every page performance >= 90 whenever the control is >= 95
(within 5 points of the control otherwise), accessibility, best practices and
SEO 100.

Usage: python benchmarks/lighthouse.py [--rounds 3] [--pages a.html b.html]
Writes benchmarks/results/lighthouse.csv and lighthouse.md.
"""

import argparse
import csv
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "lighthouse"
RESULTS = ROOT / "benchmarks" / "results"
SITE = ROOT / "site"
CONTROL = "404.html"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_weight import page_paths  # noqa: E402


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (text types only)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site):
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def install():
    """Lighthouse from the committed lock, once."""
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=HERE, check=True)
    return binary


def run(binary, url):
    """{category: score 0-100} and the page's DOM size, from one Lighthouse run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=" + ",".join(CATEGORIES),
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600,
        )
        report = json.loads(out.read_text())
    scores = {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}
    failing = sorted(
        audit for c in CATEGORIES if c != "performance"
        for ref in report["categories"][c]["auditRefs"]
        if ref.get("weight") and (audit := ref["id"])
        and report["audits"][audit].get("score") not in (None, 1)
    )
    return scores, failing, report["lighthouseVersion"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", nargs="*", help="only these pages (the control is always run)")
    args = parser.parse_args()
    if not (SITE / "index.html").is_file():
        sys.exit("build the site first: make site")
    binary = install()
    pages = args.pages or page_paths(SITE)
    order = [*pages, CONTROL]
    server, root = serve(SITE)
    runs = {p: [] for p in order}
    failing = {p: set() for p in order}
    version = None
    load = []
    start = time.time()
    try:
        for round_ in range(args.rounds):
            for page in order:
                load.append(os.getloadavg()[0])
                try:
                    scores, failed, version = run(binary, root + page)
                except subprocess.SubprocessError as error:
                    # An overloaded machine can time a run out: counted, not fatal
                    print(f"round {round_ + 1} {page}: no result ({error})", file=sys.stderr)
                    continue
                runs[page].append(scores)
                failing[page].update(failed)
                print(f"round {round_ + 1} {page}: {scores}", file=sys.stderr)
                # Written after every run, so that a stopped benchmark leaves its medians
                report(order, runs, failing, version, round_ + 1, start, load)
        print(report(order, runs, failing, version, args.rounds, start, load))
    finally:
        server.shutdown()


def report(order, runs, failing, version, rounds, start, load):
    minutes = (time.time() - start) / 60
    order = [p for p in order if runs[p]]
    median = {p: {c: statistics.median(r[c] for r in runs[p]) for c in CATEGORIES} for p in order}
    if CONTROL not in median:
        return ""
    control = median[CONTROL]["performance"]
    goal = 90 if control >= 95 else control - 5
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(RESULTS / "lighthouse.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["page", *CATEGORIES, "performance runs", "failing audits"])
        for p in order:
            writer.writerow([p, *(median[p][c] for c in CATEGORIES),
                             " ".join(str(r["performance"]) for r in runs[p]),
                             " ".join(sorted(failing[p]))])
    lines = [
        f"Lighthouse {version}, mobile preset, Debian Chromium; site served with gzip from 127.0.0.1; "
        f"median of the runs of {rounds} interleaved round(s) (runs per page in the table); {minutes:.0f} min; load average during the "
        f"runs {min(load):.1f}-{max(load):.1f} on {os.cpu_count()} cores (machine shared).",
        "",
        f"Control ({CONTROL}) performance {control:g}: goal for a page {goal:g} or more.",
        "",
        "| page | performance | runs | accessibility | best practices | SEO | at goal |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    for p in order:
        m = median[p]
        at_goal = (m["performance"] >= goal and m["accessibility"] == 100
                   and m["best-practices"] == 100 and m["seo"] == 100)
        lines.append(
            f"| {p} | {m['performance']:g} | {' '.join(str(r['performance']) for r in runs[p])} "
            f"| {m['accessibility']:g} | {m['best-practices']:g} | {m['seo']:g} "
            f"| {'yes' if at_goal else 'no'} |"
        )
    text = "\n".join(lines) + "\n"
    (RESULTS / "lighthouse.md").write_text(text)
    return text


if __name__ == "__main__":
    main()
