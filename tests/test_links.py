"""Every internal link and anchor in the built site resolves.

`mkdocs build --strict` validates the links written in Markdown; this test
also covers what it cannot see: links in generated HTML fragments, in the
theme, to downloads (identities.json, notebooks, the PDF), and their anchors.
"""

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser_fixtures import SITE

ATTRIBUTE = re.compile(r'<(?:a|link|script|img|source|iframe)\b[^>]*?\b(?:href|src)="([^"]*)"')
EXTERNAL = ("http:", "https:", "mailto:", "data:", "javascript:", "blob:")
PAGES = sorted(p for p in SITE.rglob("*.html") if "assets" not in p.relative_to(SITE).parts)


@cache
def ids_of(page):
    html = page.read_text(encoding="utf-8")
    return set(re.findall(r'\b(?:id|name)="([^"]+)"', html))


def broken_links(page):
    html = page.read_text(encoding="utf-8")
    broken = []
    for url in set(ATTRIBUTE.findall(html)):
        if not url or url.startswith(EXTERNAL):
            continue
        parts = urlsplit(url)
        if not parts.path:
            target = page
        elif parts.path.startswith("/"):  # 404.html links from the site root
            target = SITE / unquote(parts.path).lstrip("/")
        else:
            target = (page.parent / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(f"{url}: no such file")
        elif parts.fragment and target.suffix == ".html":
            if unquote(parts.fragment) not in ids_of(target):
                broken.append(f"{url}: no anchor #{parts.fragment}")
    return sorted(broken)


def test_site_was_found():
    assert len(PAGES) >= 10


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(SITE)) for p in PAGES])
def test_internal_links_resolve(page):
    assert broken_links(page) == []


def test_a_broken_link_and_anchor_are_reported(tmp_path):
    (tmp_path / "b.html").write_text('<h2 id="here">B</h2>')
    page = tmp_path / "a.html"
    page.write_text('<a href="b.html#here">ok</a><a href="b.html#gone">x</a><a href="c.html">y</a>')
    assert broken_links(page) == ["b.html#gone: no anchor #gone", "c.html: no such file"]
