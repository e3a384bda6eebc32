"""The book as one PDF (tools/book_pdf.py, run by `make site` / `make pdf`)."""

import collections
import re
import sys
from pathlib import Path

import pypdf
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools")]

import book_pdf  # noqa: E402
# The sweep's own definition of raw TeX (code listings may print LaTeX strings such as r"x^\T")
from test_site_pages import RAW_TEX  # noqa: E402


@pytest.fixture(scope="module")
def book(site_dir):
    path = site_dir / book_pdf.PDF_NAME
    assert path.is_file(), "run `make site` (it prints the book)"
    return pypdf.PdfReader(path)


@pytest.fixture(scope="module")
def titles(site_dir):
    out = {}
    for name in book_pdf.chapters(site_dir):
        h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", (site_dir / name).read_text(), re.S)[1]
        h1 = re.sub(r'<a class="headerlink".*?</a>', "", h1, flags=re.S)
        out[name] = re.sub(r"<[^>]+>", "", h1).strip()
    return out


def test_every_chapter_in_nav_order(site_dir, titles):
    nav = re.findall(r":\s+([a-z-]+)\.md$", (ROOT / "mkdocs.yml").read_text(), re.M)
    expected = [f"{p}.html" for p in nav if p != "cheat-sheet"]
    assert list(titles) == expected


def test_pdf_holds_every_chapter_and_no_raw_tex(book, titles):
    assert len(book.pages) > 30
    text = "\n".join(page.extract_text() for page in book.pages)
    flat = re.sub(r"\s+", " ", text)
    for title in titles.values():
        assert title in flat, title
    assert "Contents" in text
    assert not RAW_TEX.search(text), RAW_TEX.search(text)[0]


def test_contents_page_numbers_every_chapter_in_full(book, titles):
    contents = re.sub(r"\s+", " ", book.pages[1].extract_text())
    for number, title in enumerate(titles.values(), start=1):
        # A clipped list marker once printed "0." for chapter 10
        assert f"{number}. {title}" in contents, (number, title)


def test_outline_and_page_numbers(book, titles):
    outline = [item.title for item in book.outline if not isinstance(item, list)]
    for title in titles.values():
        assert title in outline
    n = len(book.pages)
    for number in (1, n // 2, n):
        assert f"{number} / {n}" in book.pages[number - 1].extract_text()


def test_math_and_figures_rendered(book):
    fonts = set()
    for page in book.pages[2:12]:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("STIXTwoMath" in f for f in fonts), fonts


def test_book_is_small_and_tagged(site_dir, book):
    size = (site_dir / book_pdf.PDF_NAME).stat().st_size
    assert size <= 3 * 1000 * 1000, f"the book PDF is {size / 1e6:.1f} MB (at most 3 MB)"
    root = book.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    tags = collections.Counter()
    alts = []

    def walk(node, depth=0):
        node = node.get_object()
        if "/S" in node:
            tags[str(node["/S"])] += 1
            if node["/S"] == "/Figure" and "/Alt" in node:
                alts.append(str(node["/Alt"]))
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                walk(kid, depth + 1)

    walk(root["/StructTreeRoot"])
    assert tags["/H1"] >= len(book_pdf.chapters(site_dir)) and tags["/Table"] and tags["/Code"]
    # Each formula is one figure whose alternative text is the formula as plain text
    assert len(alts) > 1000
    assert any(a.startswith("∂f") or "tr(" in a for a in alts)
    assert not any("\u2061" in a or "\\" in a for a in alts)


def test_index_links_to_the_pdf(site_dir):
    index = (site_dir / "index.html").read_text()
    assert f'href="{book_pdf.PDF_NAME}"' in index and book_pdf.LINK_MARKER not in index
    assert not list(site_dir.glob(".book-*.html"))  # the print view is not published
