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


def measure(browser, url):
    """{url: (raw bytes, gzip bytes)} of everything a first load fetches."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    fetched = {}
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests carry no body
            continue
        fetched[response.url] = (len(body), len(gzip.compress(body, mtime=0)))
    context.close()
    return fetched


def weigh_site(site=SITE, browser=None):
    """Rows (page, raw, gzip) for every page, and (raw, gzip) of the search index.

    Uses ``browser`` (a Playwright Chromium) when given, else launches one.
    """
    if browser is None:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            try:
                return weigh_site(site, chromium)
            finally:
                chromium.close()
    server, root = serve(site)
    rows, index = [], (0, 0)
    try:
        for path in page_paths(site):
            fetched = measure(browser, root + path)
            own = [v for u, v in fetched.items() if not is_search_index(u)]
            rows.append((path, sum(r for r, _ in own), sum(g for _, g in own)))
            index = max([index] + [v for u, v in fetched.items() if is_search_index(u)])
    finally:
        server.shutdown()
    return rows, index


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
    rows, (index_raw, index_gzip) = weigh_site()

    print("| page | raw KB | gzip KB | budget |")
    print("|---|---:|---:|---|")
    for path, raw, gz in rows:
        verdict = "ok" if gz <= BUDGET_GZIP else "OVER 250 KB"
        print(f"| {path} | {raw / 1024:.1f} | {gz / 1024:.1f} | {verdict} |")
    print(f"| search index (shared, not in page totals) | {index_raw / 1024:.1f} | {index_gzip / 1024:.1f} | |")
    print()
    if build_s is not None:
        print(f"build (make site): {build_s:.1f} s")
    if test_s is not None:
        print(f"tests (pytest, site already built): {test_s:.1f} s")
    over = [path for path, _, gz in rows if gz > BUDGET_GZIP]
    print(f"pages over budget: {len(over)}" + (f" ({', '.join(over)})" if over else ""))


if __name__ == "__main__":
    main()
