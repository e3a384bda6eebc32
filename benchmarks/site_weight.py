"""Page weight, build time and test time of the site, as a Markdown table.

Not a test: run `make bench` (or `python benchmarks/site_weight.py`).

For every page of the offline build, served over http on 127.0.0.1, it counts
the bytes headless Chromium fetches on a first load at 1280x800 (until the
load event, fonts and idle network included), raw and gzip-compressed as a
static host would serve them. The search index is shared by all pages and
grows with the site, so it is reported on its own line and left out of the
page totals. Budget: 250 KB gzip per chapter page, search index aside.
"""

import argparse
import functools
import gzip
import http.server
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
BUDGET_GZIP = 250 * 1024
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def is_search_index(url):
    return "/search/search_index." in url


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def page_paths(site):
    return sorted(
        str(p.relative_to(site)) for p in site.rglob("*.html")
        if p.name != "404.html" and "assets" not in p.parts
    )


# Resource types as Chromium names them, grouped as the budgets count them
KINDS = {"document": "html", "script": "js", "stylesheet": "css", "font": "font"}


def measure(browser, url):
    """Everything a first load fetches, {url: (raw bytes, gzip bytes, kind)},
    and the number of DOM elements of the loaded page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    elements = page.evaluate("document.getElementsByTagName('*').length")
    fetched = {}
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests carry no body
            continue
        kind = KINDS.get(response.request.resource_type, "other")
        fetched[response.url] = (len(body), len(gzip.compress(body, mtime=0)), kind)
    context.close()
    return fetched, elements


@dataclass
class PageWeight:
    """One page's first load; bytes are gzip as a static host serves them,
    the search index left out (it is shared and reported on its own)."""

    path: str
    raw: int
    gzip: int
    gzip_by_kind: dict  # html, js, css, font, other
    html_raw: int
    elements: int


def weigh_pages(site=SITE, browser=None):
    """[PageWeight] for every page, and (raw, gzip) of the search index.

    Uses ``browser`` (a Playwright Chromium) when given, else launches one.
    """
    if browser is None:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            try:
                return weigh_pages(site, chromium)
            finally:
                chromium.close()
    server, root = serve(site)
    weights, index = [], (0, 0)
    try:
        for path in page_paths(site):
            fetched, elements = measure(browser, root + path)
            own = [v for u, v in fetched.items() if not is_search_index(u)]
            by_kind = {k: 0 for k in ("html", "js", "css", "font", "other")}
            for _, gz, kind in own:
                by_kind[kind] += gz
            weights.append(PageWeight(
                path=path,
                raw=sum(r for r, _, _ in own),
                gzip=sum(g for _, g, _ in own),
                gzip_by_kind=by_kind,
                html_raw=(site / path).stat().st_size,
                elements=elements,
            ))
            index = max([index] + [v[:2] for u, v in fetched.items() if is_search_index(u)])
    finally:
        server.shutdown()
    return weights, index


def weigh_site(site=SITE, browser=None):
    """Rows (page, raw, gzip) for every page, and (raw, gzip) of the search index."""
    weights, index = weigh_pages(site, browser)
    return [(w.path, w.raw, w.gzip) for w in weights], index


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="weigh the existing site/")
    parser.add_argument("--no-tests", action="store_true", help="do not time the test suite")
    args = parser.parse_args()

    build_s = None if args.no_build else timed(["make", "--no-print-directory", "site"])
    test_s = None if args.no_tests else timed([sys.executable, "-m", "pytest", "-q"])
    weights, (index_raw, index_gzip) = weigh_pages()

    print("| page | DOM elements | HTML KB (raw) | gzip KB: HTML | JS | CSS | fonts | total | budget |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for w in weights:
        verdict = "ok" if w.gzip <= BUDGET_GZIP else "OVER 250 KB"
        kb = {k: f"{v / 1024:.1f}" for k, v in w.gzip_by_kind.items()}
        print(f"| {w.path} | {w.elements} | {w.html_raw / 1024:.1f} | {kb['html']} | {kb['js']} "
              f"| {kb['css']} | {kb['font']} | {w.gzip / 1024:.1f} | {verdict} |")
    print(f"| search index (shared, not in page totals) | | {index_raw / 1024:.1f} | "
          f"| | | | {index_gzip / 1024:.1f} | |")
    print()
    if build_s is not None:
        print(f"build (make site): {build_s:.1f} s")
    if test_s is not None:
        print(f"tests (pytest, site already built): {test_s:.1f} s")
    over = [w.path for w in weights if w.gzip > BUDGET_GZIP]
    print(f"pages over budget: {len(over)}" + (f" ({', '.join(over)})" if over else ""))


if __name__ == "__main__":
    main()
