"""Budgets per page, with the benchmark's own measurement (`make bench` prints the same).

A first load of every page in Chromium (benchmarks/site_weight.py), search index
aside: total bytes gzip as a static host serves them; HTML bytes; JavaScript and
CSS bytes gzip; DOM elements once loaded. The search index on its own.

Measured on the build of 2026-11-30 (MathML by Temml, page scripts and stylesheets only
where used, code without its name and space spans; `make bench`): at most 11,306 DOM
elements (identities; KaTeX's HTML+MathML gave it 27,718) and 345 KB of HTML
(hessians-newton, inline SVG figures); JavaScript 47.5 KB gzip on a page without the
interactive figure, 55.1 KB with it, 59.7 KB on the gradient checker's page (its own
panel script; math.js loads only on first use and is not counted); CSS 28.8-30.7 KB gzip
(30.7 with the interactive figure's stylesheet, 30.5 on the API page with mkdocstrings';
32.0 before mkdocstrings' stylesheet left the other pages). Each budget
sits a little above the measured value, so that growth is a decision, not an accident.
"""

import pytest

# browser_fixtures (loaded by conftest) puts benchmarks/ on the path
from site_weight import BUDGET_GZIP

INDEX_BUDGET_GZIP = 150 * 1024
DOM_ELEMENTS = 11_500
HTML_BYTES = 410 * 1024
JS_GZIP = 57 * 1024
CSS_GZIP = 31 * 1024
# The interactive figure's script is loaded only by the pages that show it
JS_GZIP_WITHOUT_WIDGET = 50 * 1024
WIDGET_PAGES = {"index.html", "gradients.html", "hessians-newton.html"}
# The gradient checker's panel script, on its page only
CHECKER_PAGE = "gradient-checker.html"
JS_GZIP_CHECKER = 62 * 1024


@pytest.fixture(scope="module")
def weights(page_weights):
    pages, _ = page_weights
    assert len(pages) >= 14
    return pages


def _over(weights, measure, budget):
    return {w.path: measure(w) for w in weights if measure(w) > budget}


def test_every_page_within_budget(weights):
    over = _over(weights, lambda w: w.gzip, BUDGET_GZIP)
    assert not over, f"pages over 250 KB gzip: {over}"


def test_dom_elements_per_page(weights):
    assert not _over(weights, lambda w: w.elements, DOM_ELEMENTS)


def test_html_bytes_per_page(weights):
    assert not _over(weights, lambda w: w.html_raw, HTML_BYTES)


def test_javascript_and_css_per_page(weights):
    others = [w for w in weights if w.path != CHECKER_PAGE]
    assert not _over(others, lambda w: w.gzip_by_kind["js"], JS_GZIP)
    checker = [w for w in weights if w.path == CHECKER_PAGE]
    assert len(checker) == 1
    assert not _over(checker, lambda w: w.gzip_by_kind["js"], JS_GZIP_CHECKER)
    assert not _over(weights, lambda w: w.gzip_by_kind["css"], CSS_GZIP)
    plain = [w for w in others if w.path not in WIDGET_PAGES]
    assert not _over(plain, lambda w: w.gzip_by_kind["js"], JS_GZIP_WITHOUT_WIDGET)


def test_search_index_within_budget(page_weights):
    _, (raw, gz) = page_weights
    assert 0 < gz <= INDEX_BUDGET_GZIP
