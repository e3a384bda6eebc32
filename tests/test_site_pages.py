"""Every page of the built site in a real browser: the sweep.

Each page of site/ (built by `make site`) over http and over file://, light and
dark, at 1280 px and at 390 px (every pair of these, in 4 visits): 0 console errors, 0 requests to other hosts,
0 failed requests, math rendered with no raw TeX in the text, every image
loaded, every interactive figure ready, no horizontal scrolling of the page;
in the two visits at 1280 px (light and dark), axe-core finds nothing serious or
critical. The online build (site-online/) is swept over http with its
Content-Security-Policy in force: 0 violations.
"""

import os
import re

import pytest

from browser_fixtures import NEXT_RENDERING, SITE, severe_findings

ALL_PAGES = sorted(
    str(p.relative_to(SITE))
    for p in SITE.rglob("*.html")
    if p.name != "404.html" and "assets" not in p.parts
)
# MATCALC_PAGES (one path a line) narrows the sweep: `make canary` sweeps only the pages
# of its build that differ from site/ (tools/canary_diff.py)
PAGES = [p for p in ALL_PAGES if p in os.environ["MATCALC_PAGES"].split()] \
    if "MATCALC_PAGES" in os.environ else ALL_PAGES
RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\frac|\\mathbb|\\top\b")
EXTERNAL_ASSET = re.compile(
    r'<(?:script|img|iframe|source)\b[^>]*\bsrc="(?:https?:)?//|'
    r'<link\b[^>]*rel="(?:stylesheet|preload|modulepreload|icon)"[^>]*href="(?:https?:)?//'
)
WIDGETS_READY = (
    "[...document.querySelectorAll('[data-widget]')]"
    ".every(w => w.dataset.state === 'ready')"
)
BROKEN_IMAGES = "[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
# The browser requests a font only for text it lays out, and off-screen blocks wait
# (content-visibility: auto): the first shown formula is scrolled into view first
FIRST_MATH_INTO_VIEW = (
    "[...document.querySelectorAll('article .math')].find(m => m.checkVisibility()).scrollIntoView()"
)
MATH_FONT_LOADED = "document.fonts.ready.then(() => document.fonts.check('16px \"STIX Two Math\"'))"
OVERFLOW = "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"


def online_path(path):
    """The online build uses directory URLs: notation.html is served as notation/."""
    return "" if path == "index.html" else path.removesuffix(".html") + "/"


def assert_healthy(visit_, *, dark, width):
    page = visit_.page
    assert visit_.console_errors == []
    assert visit_.external_requests == []
    assert visit_.failed_requests == []
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if dark else "default")
    text = page.inner_text("article")
    assert not RAW_TEX.search(text), f"raw TeX {RAW_TEX.search(text)[0]!r} in the text"
    maths = page.locator("article .math").count()
    assert page.locator("article .math > math").count() == maths
    page.wait_for_function(WIDGETS_READY, timeout=5000)
    assert page.evaluate(BROKEN_IMAGES) == []
    if width <= 400:
        assert page.evaluate(OVERFLOW) <= 0, "the page scrolls sideways"


def test_site_has_pages():
    assert {"index.html", "notation.html", "layout-conventions.html"} <= set(ALL_PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_no_asset_from_another_host(path, site_dir):
    html = (site_dir / path).read_text()
    assert not EXTERNAL_ASSET.search(html), EXTERNAL_ASSET.search(html)[0]
    assert "fonts.googleapis" not in html and "unpkg.com" not in html


PRELOAD_FONT = re.compile(r'<script>location.protocol === "file:" \|\| [^<]*href: "([^"]+\.woff2)"')


@pytest.mark.parametrize("path", ALL_PAGES + ["404.html"])
def test_math_font_is_asked_for_first(path, site_dir):
    """A page with a formula preloads the math font (over http) before its first
    stylesheet (without, the font came after the first paint and the text around formulas
    moved: layout shift 0.17 on notation.html at 412 px); a page without one does not load
    it at all. The sweep shows that the preload is used and that file:// skips it."""
    html = (site_dir / path).read_text()
    head = html.split("</head>", 1)[0]
    preloads = PRELOAD_FONT.findall(head)
    if "<math" not in html:
        assert preloads == [] and "STIXTwoMath" not in head
        return
    assert len(preloads) == 1, f"{len(preloads)} preloads of the math font"
    assert head.index("STIXTwoMath") < head.index('rel="stylesheet"')
    assert (site_dir / path).parent.joinpath(preloads[0]).resolve().is_file()


def test_stylesheets_load_nothing_from_other_hosts(site_dir):
    for css in site_dir.rglob("*.css"):
        urls = re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text())
        assert not urls, f"{css.name} loads {urls}"


# Every pair of values of two factors (scheme and colour scheme, scheme and width, colour
# scheme and width) occurs, in 4 visits a page instead of all 8 combinations: a fault
# that needs two factors together is still found (pairwise testing). The layout test
# measures every page at both widths again, and the canary sweeps the "wide" half
VARIANTS = [("http", False, 1280), ("http", True, 390), ("file", False, 390), ("file", True, 1280)]
VARIANT_IDS = [f"{s}-{'dark' if d else 'light'}-{'narrow' if w < 1000 else 'wide'}" for s, d, w in VARIANTS]


@pytest.mark.parametrize(("scheme", "dark", "width"), VARIANTS, ids=VARIANT_IDS)
@pytest.mark.parametrize("path", PAGES)
def test_page_in_browser(visit, path, scheme, dark, width):
    visit_ = visit(path, scheme=scheme, dark=dark, width=width)
    assert_healthy(visit_, dark=dark, width=width)
    if visit_.page.locator("article .math").count():
        # The math font, served by the site, draws the math
        visit_.page.evaluate(FIRST_MATH_INTO_VIEW)
        visit_.page.evaluate(NEXT_RENDERING)
        assert visit_.page.evaluate(MATH_FONT_LOADED)
        # Fetched once: over http the preload is used (a preload the page does not match
        # is fetched twice), over file:// the stylesheet fetches it
        fetched = [u for u in visit_.requests if u.endswith("/STIXTwoMath.woff2")]
        assert len(fetched) == 1, f"the math font fetched {len(fetched)} times"
    if width > 1000:
        # Accessibility, in the visit the sweep makes anyway (a heavy page takes 1-2 s to
        # load): axe-core at 1280 px, light over http and dark over file://, 0 serious or
        # critical findings. Last: it renders every skipped block. After the fonts (a text's
        # size decides its contrast threshold), not after the network: what loads later
        # (the search index, the favicon) changes nothing on the page
        visit_.page.evaluate("document.fonts.ready.then(() => true)")
        assert severe_findings(visit_.page) == []


@pytest.mark.parametrize("path", PAGES)
def test_online_build_under_its_content_security_policy(visit, path):
    visit_ = visit(online_path(path), scheme="online")
    policy = visit_.page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "script-src 'self'" in policy and "'unsafe-eval'" not in policy
    assert_healthy(visit_, dark=False, width=1280)  # a violation is a console error


def test_math_is_readable_without_javascript(visit):
    page = visit("layout-conventions.html", scheme="file", javascript=False).page
    assert page.locator("article math").count() > 20
    assert page.locator("article math").first.is_visible()
    assert not RAW_TEX.search(page.inner_text("article"))


@pytest.mark.parametrize("scheme", ["file", "online"])
def test_search_works(visit, scheme):
    visit_ = visit("index.html" if scheme == "file" else "", scheme=scheme)
    page = visit_.page
    page.keyboard.press("/")  # Material's search shortcut
    page.keyboard.type("denominator", delay=20)  # search listens to key events
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    titles = page.locator(".md-search-result__item").all_inner_texts()
    assert any("Layout conventions" in t for t in titles), titles
    # Formulas in result previews read as text, not as TeX source
    assert not RAW_TEX.search(page.inner_text(".md-search-result"))
    assert visit_.console_errors == [] and visit_.external_requests == []
