"""The built site in a real browser: online and offline, light and dark.

Every page of site/ (built by `make site`) over http and over file://:
0 console errors, 0 requests to other hosts, 0 failed requests, and math
rendered with no raw TeX left in the text.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(
    str(p.relative_to(ROOT / "site"))
    for p in (ROOT / "site").rglob("*.html")
    if p.name != "404.html" and "assets" not in p.parts
)
RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\frac|\\mathbb|\\top\b")
EXTERNAL_ASSET = re.compile(
    r'<(?:script|img|iframe|source)\b[^>]*\bsrc="(?:https?:)?//|'
    r'<link\b[^>]*rel="(?:stylesheet|preload|modulepreload|icon)"[^>]*href="(?:https?:)?//'
)


def test_site_has_pages():
    assert {"index.html", "notation.html", "layout-conventions.html"} <= set(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_no_asset_from_another_host(path, site_dir):
    html = (site_dir / path).read_text()
    assert not EXTERNAL_ASSET.search(html), EXTERNAL_ASSET.search(html)[0]
    assert "fonts.googleapis" not in html and "unpkg.com" not in html


def test_stylesheets_load_nothing_from_other_hosts(site_dir):
    for css in site_dir.rglob("*.css"):
        urls = re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text())
        assert not urls, f"{css.name} loads {urls}"


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_in_browser(visit, path, scheme, dark):
    visit_ = visit(path, scheme=scheme, dark=dark)
    page = visit_.page
    assert visit_.console_errors == []
    assert visit_.external_requests == []
    assert visit_.failed_requests == []
    expected = "slate" if dark else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    text = page.inner_text("article")
    assert not RAW_TEX.search(text), RAW_TEX.search(text)[0]
    if page.locator("article .math").count():
        assert page.locator("article .katex").count() == page.locator("article .math").count()
        # KaTeX's own fonts, served by the site, are what the math is drawn with
        assert page.evaluate("document.fonts.check('16px KaTeX_Math')")


def test_math_is_readable_without_javascript(visit):
    page = visit("layout-conventions.html", scheme="file", javascript=False).page
    assert page.locator("article .katex").count() > 20
    assert page.locator("article .katex").first.is_visible()
    assert not RAW_TEX.search(page.inner_text("article"))


def test_search_works_offline(visit):
    visit_ = visit("index.html", scheme="file")
    page = visit_.page
    page.keyboard.press("/")  # Material's search shortcut
    page.keyboard.type("denominator", delay=20)  # search listens to key events
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    titles = page.locator(".md-search-result__item").all_inner_texts()
    assert any("Layout conventions" in t for t in titles), titles
    assert visit_.console_errors == [] and visit_.external_requests == []
