"""Browser harness: Playwright driving Debian's Chromium over the built site.

`make test` builds site/ first. Pages are opened over http (a local server
on 127.0.0.1) or straight from file://. Every visit records console errors,
failed requests and requests to any other host, so a test can assert 0.
"""

import fcntl
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

# The benchmark's quiet local server and Chromium flags, shared with the tests
from site_weight import CHROMIUM_ARGS, serve, weigh_pages  # noqa: E402

# `make canary` points the same tests at the ProperDocs build
SITE = ROOT / os.environ.get("MATCALC_SITE_DIR", "site")
SITE_ONLINE = ROOT / "site-online"
CHROMIUM = Path("/usr/bin/chromium")

# Resolves once the browser has rendered twice more: styles changed or elements scrolled
# into view are then styled and laid out (a block that content-visibility skipped too)
NEXT_RENDERING = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

# axe-core (bundled by axe-playwright-python): the sweep audits every page in its two wide
# visits (light over http, dark over file://), the checker's tests the panel with results
SEVERE = ("serious", "critical")
_axe = Axe()
# Every rule still runs on every node; the passing nodes are not listed back (one each
# instead of 9,765 on matrix-functions: 15-19 s -> 8-10 s for that page)
VIOLATIONS_ONLY = {"resultTypes": ["violations"]}
# site.css lets off-screen blocks skip rendering (content-visibility: auto) until they
# near the screen; axe reads a skipped block's colours and sizes as they were before the
# skip (dark-mode links measured in light-mode colours, a skipped table as a scroll box).
# Readers and assistive technology get every block rendered or in the accessibility tree,
# so axe audits the page with every block rendered (and restyled: the next two frames)
RENDER_ALL = ".md-typeset * { content-visibility: visible !important; }"


def severe_findings(page):
    """axe-core's serious and critical findings on the page, one line each (rule, node,
    summary); [] when there are none. No allow-list."""
    page.add_style_tag(content=RENDER_ALL)
    page.evaluate(NEXT_RENDERING)
    findings = []
    for violation in _axe.run(page, options=VIOLATIONS_ONLY).response["violations"]:
        if violation["impact"] not in SEVERE:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            findings.append(f"{violation['id']}: {target}: {node['failureSummary'][:160]}")
    return findings


@pytest.fixture(scope="session")
def site_dir():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make site` (or `make test`, which builds it)")
    return SITE


@pytest.fixture(scope="session")
def http_root(site_dir):
    server, root = serve(site_dir)
    yield root
    server.shutdown()


@pytest.fixture(scope="session")
def online_root():
    """The online build (directory URLs, Content-Security-Policy), served over http."""
    if not (SITE_ONLINE / "index.html").is_file():
        pytest.fail("site-online/ is not built: run `make test` (it builds it)")
    server, root = serve(SITE_ONLINE)
    yield root
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            "Browser tests need Debian's Chromium at /usr/bin/chromium: "
            "run `apt-get install chromium` as root (make test does this when it can)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def page_weights(site_dir, browser, tmp_path_factory):
    """Every page's first load weighed once per run (benchmarks/site_weight.py).

    Weighing takes a minute or two: under pytest-xdist the first test process to need
    the weights measures them and leaves them in the run's shared temporary folder, and
    the other reads them there (an exclusive lock makes it wait meanwhile). The
    xdist_group mark would do it by scheduling, but pytest 9.2 ignores it
    (pytest-xdist issue 1386).
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # one test process
        return weigh_pages(site_dir, browser)
    shared = tmp_path_factory.getbasetemp().parent / "page_weights.pickle"
    with open(shared.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if shared.is_file():
            return pickle.loads(shared.read_bytes())
        weights = weigh_pages(site_dir, browser)
        shared.write_bytes(pickle.dumps(weights))
        return weights


@dataclass
class Visit:
    page: object
    url: str
    console_errors: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)
    external_requests: list = field(default_factory=list)
    requests: list = field(default_factory=list)


def _is_own(url, root):
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    if parsed.scheme == "file":
        return root.startswith("file:")
    own = urlparse(root)
    return (parsed.scheme, parsed.netloc) == (own.scheme, own.netloc)


@pytest.fixture
def visit(browser, http_root, site_dir, request):
    """Open a page of the built site: visit("index.html", dark=True, scheme="file").

    scheme is "http" or "file" for the offline build, "online" for the
    online build over http.
    """
    contexts = []

    def open_page(path="index.html", *, dark=False, width=1280, height=800,
                  scheme="http", javascript=True):
        if scheme == "online":
            root = request.getfixturevalue("online_root")
        else:
            root = http_root if scheme == "http" else site_dir.as_uri() + "/"
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme="dark" if dark else "light",
            java_script_enabled=javascript,
        )
        contexts.append(context)
        page = context.new_page()
        record = Visit(page=page, url=root + path)
        # CSP violations are reported as console errors too; this names the directive
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => console.error("
            "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
        )
        page.on("console", lambda m: m.type == "error" and record.console_errors.append(m.text))
        page.on("pageerror", lambda e: record.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: record.failed_requests.append(r.url))

        def on_request(request):
            record.requests.append(request.url)
            if not _is_own(request.url, root):
                record.external_requests.append(request.url)

        page.on("request", on_request)
        page.goto(record.url, wait_until="load")
        return record

    yield open_page
    for context in contexts:
        context.close()
