"""The whole book as one PDF, printed by headless Chromium from the built site.

Reads the built offline site (after tools/render_math.py: math is already
MathML, figures are inline SVGs), takes the article of every page in nav
order (the notebook pages and the cheat sheet aside), and writes one print view:
a title page, a contents page whose entries link to the chapters, then each
chapter on a new page. Ids are prefixed with the chapter's slug so they stay
unique, and links between chapters become links inside the PDF. Chromium prints
it to ``SITE_DIR/matrix-calculus.pdf`` on A4 with page numbers in the footer, a
PDF outline from the headings and a tagged structure. The print view is a
temporary file, removed afterwards, so it never becomes a page of the site.

Last, the link to the PDF is put on the index page, in place of the comment
``<!-- book-pdf-link -->``: the link exists only where the PDF does.

Two builds give the same bytes: Chromium stamps the print time into
``/CreationDate`` and ``/ModDate``, so both are set to SOURCE_DATE_EPOCH (the
reproducible-builds convention) or, unset, to the time of the last commit; and
the print view leaves out the index page's link to the PDF, so printing a
finished site again gives the same book.

Usage: python tools/book_pdf.py SITE_DIR
"""

import html
import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

# The search index's plain text of a formula
from render_math import PLAIN

PDF_NAME = "matrix-calculus.pdf"
VIEW_NAME = ".book-print-view.html"
LINK_MARKER = "<!-- book-pdf-link -->"
CHROMIUM = "/usr/bin/chromium"
SKIP = re.compile(r"^(notebooks/|cheat-sheet\.html$)")
NAV_LINK = re.compile(r'<a href="([^"#]+\.html)" class="md-nav__link')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:[^)]*)\)")
PDF_LINK = re.compile(r'<p class="mc-book-pdf">.*?</p>', re.S)
TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
FOOTER = (
    '<div style="width:100%;font-size:8px;font-family:sans-serif;color:#555;'
    'text-align:center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
BOOK_CSS = """
.mc-book-title { text-align: center; padding-top: 30vh; break-after: page; }
.mc-book-title h1 { font-size: 2.2em; margin-bottom: 0.5em; }
.mc-book-toc { break-after: page; }
.mc-book-toc ol { font-size: 1.1em; line-height: 1.9; list-style-position: inside; margin-left: 0; }
.mc-book-toc li { margin-left: 0; }
.mc-book-page { float: right; }
.mc-book-chapter { break-before: page; }
.md-typeset .headerlink, .md-content__button { display: none !important; }
.md-typeset details { display: block; }
"""


def chapters(site):
    """Pages in nav order, from the built index page's navigation."""
    order = []
    for href in NAV_LINK.findall((site / "index.html").read_text(encoding="utf-8")):
        if href not in order and not SKIP.match(href):
            order.append(href)
    return order


def slug(href):
    return href.removesuffix(".html").replace("/", "-")


MATH = re.compile(r"<math\b([^>]*)>(.*?)</math>", re.S)


def _math_as_figure(match):
    """A formula is tagged as one figure whose alternative text is the formula.

    Chromium tags every MathML element of a printed page as its own structure
    element (100,000 of them in this book, two thirds of the PDF's bytes);
    as an image with a label, a formula is one tagged element that a screen
    reader still reads as its text, and it prints the same.
    """
    text = html.unescape(re.sub(r"<[^>]+>", "", match[2]))
    text = re.sub(r"\s+", " ", text.translate(PLAIN)).strip()
    label = html.escape(text, quote=True)
    return f'<math{match[1]} role="img" aria-label="{label}">{match[2]}</math>'


CODE = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.S)
TOKEN = re.compile(r"</?span\b[^>]*>")


def _plain_code(match):
    """A listing prints in one colour: one tagged element per line, not per token.

    Chromium tags each syntax-highlighting span as a structure element (31,000
    in this book); the text and its layout stay the same.
    """
    return match[1] + TOKEN.sub("", match[2]) + match[3]


def relink(body, name, pages):
    """Prefix ids with the chapter's slug; links between chapters point inside the book."""
    prefix = slug(name)

    def link(match):
        attr, target = match[1], html.unescape(match[2])
        if target.startswith("#"):
            return f'{attr}="#{prefix}--{target[1:]}"'
        page, _, anchor = target.partition("#")
        if page in pages:
            return f'{attr}="#{slug(page)}--{anchor}"' if anchor else f'{attr}="#{slug(page)}"'
        return match[0]

    body = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}--{m[1]}"', body)
    body = MATH.sub(_math_as_figure, body)
    body = CODE.sub(_plain_code, body)
    body = re.sub(r'\b((?:xlink:)?href)="([^"]*)"', link, body)
    body = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}--{m[1]})", body)
    # Exercise solutions are printed open
    return body.replace("<details", "<details open")


FILL_PAGE_NUMBERS = """numbers => {
  for (const span of document.querySelectorAll('.mc-book-page'))
    span.textContent = numbers[span.dataset.chapter];
}"""


def chapter_title(site, name):
    article = ARTICLE.search((site / name).read_text(encoding="utf-8"))
    if not article:
        raise SystemExit(f"{name}: no article in the built page")
    title = TITLE.search(article[1])
    if not title:
        raise SystemExit(f"{name}: the page has no title")
    heading = re.sub(r'<a class="headerlink".*?</a>', "", title[1], flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", heading)).replace("¶", "").strip()


def chapter_titles(site, pages):
    return {name: chapter_title(site, name) for name in pages}


def _print(page):
    return page.pdf(
        format="A4", print_background=True,
        margin={"top": "15mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        display_header_footer=True, header_template="<div></div>",
        footer_template=FOOTER, outline=True, tagged=True,
    )


def _chapter_pages(pdf, titles):
    """The page (from 1) on which each chapter starts, read from the PDF's outline."""
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found = {}
    for item in reader.outline:
        if not isinstance(item, list):
            found.setdefault(item.title.strip(), reader.get_destination_page_number(item) + 1)
    missing = [t for t in titles.values() if t not in found]
    if missing:
        raise SystemExit(f"book_pdf: chapters missing from the PDF outline: {missing}")
    return {name: found[title] for name, title in titles.items()}


def source_date():
    """The build's timestamp: SOURCE_DATE_EPOCH, else the last commit's time (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        try:
            epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], check=True,
                                   capture_output=True, text=True,
                                   cwd=Path(__file__).parent).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    if not epoch.isdigit():
        raise SystemExit("book_pdf: set SOURCE_DATE_EPOCH (seconds since 1970) "
                         "or build from a git clone")
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc)


def fix_dates(pdf, when):
    """Set /CreationDate and /ModDate to ``when``, in place: same length, so the
    cross-reference offsets stay right."""
    stamp = when.strftime("D:%Y%m%d%H%M%S+00'00'").encode()

    def replace(match):
        if len(match[2]) != len(stamp):
            raise SystemExit(f"book_pdf: unexpected date format {match[2]!r} in the PDF")
        return b"/" + match[1] + b" (" + stamp + b")"

    fixed, count = PDF_DATE.subn(replace, pdf)
    if count == 0:
        raise SystemExit("book_pdf: Chromium's PDF has no /CreationDate to fix")
    return fixed


def compact(pdf):
    """The same PDF, its objects packed into compressed object streams (qpdf).

    Chromium writes each tag of the structure tree as a plain-text object;
    packed and compressed, the tagged book is about a third of its size.
    Deterministic ids keep two builds byte-identical.
    """
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                      compress_streams=True, recompress_flate=True, deterministic_id=True)
    return out.getvalue()


def print_view(site, pages):
    index = (site / "index.html").read_text(encoding="utf-8")
    site_name = re.search(r"<title>(.*?)</title>", index, re.S)[1].strip()
    styles = "".join(f'<link rel="stylesheet" href="{href}">' for href in STYLESHEET.findall(index))
    toc, parts = [], []
    for name in pages:
        # Without the index's link to the PDF: printing a finished site again
        # gives the same book
        article = ARTICLE.search(PDF_LINK.sub("", (site / name).read_text(encoding="utf-8")))
        text = chapter_title(site, name)
        toc.append(f'<li><a href="#{slug(name)}">{text}</a>'
                   f'<span class="mc-book-page" data-chapter="{slug(name)}"></span></li>')
        parts.append(f'<section class="mc-book-chapter" id="{slug(name)}">'
                     f"{relink(article[1], name, pages)}</section>")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{site_name}</title>{styles}<style>{BOOK_CSS}</style></head>"
        '<body data-md-color-scheme="default"><div class="md-container"><main class="md-main">'
        '<div class="md-content"><article class="md-content__inner md-typeset">'
        f'<div class="mc-book-title"><h1>{site_name}</h1>'
        "<p>Gradients, Jacobians, Hessians and the chain rule in matrix form, with every "
        "formula and every code example checked by machine.</p></div>"
        f'<nav class="mc-book-toc"><h1>Contents</h1><ol>{"".join(toc)}</ol></nav>'
        f'{"".join(parts)}</article></div></main></div></body></html>'
    )


def print_pdf(site, out):
    from playwright.sync_api import sync_playwright

    pages = chapters(site)
    titles = chapter_titles(site, pages)
    # A fixed name, not a random one: links relative to the print view (the checker's
    # "?variables=..." links) are resolved against it and written into the PDF
    view = site / VIEW_NAME
    view.write_text(print_view(site, pages), encoding="utf-8")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.goto(view.resolve().as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready")
            # Twice: the first print tells on which page each chapter starts,
            # the second writes those numbers into the contents page
            first = _chapter_pages(_print(page), titles)
            page.evaluate(FILL_PAGE_NUMBERS, {slug(n): first[n] for n in pages})
            pdf = _print(page)
            if _chapter_pages(pdf, titles) != first:
                raise SystemExit("book_pdf: the page numbers moved between the two prints")
            out.write_bytes(compact(fix_dates(pdf, source_date())))
            browser.close()
    finally:
        view.unlink()
    return pages


def link_from_index(site, size):
    index = site / "index.html"
    text = index.read_text(encoding="utf-8")
    if LINK_MARKER not in text:
        raise SystemExit(f"{index}: no {LINK_MARKER} to put the PDF link in")
    link = (f'<p class="mc-book-pdf"><a href="{PDF_NAME}" download>The whole book as one PDF</a> '
            f"(A4, {size / 1e6:.1f} MB), printed from these pages.</p>")
    index.write_text(text.replace(LINK_MARKER, link, 1), encoding="utf-8")


def main():
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "index.html").is_file():
        sys.exit("usage: python tools/book_pdf.py SITE_DIR (a built site)")
    site = Path(sys.argv[1])
    if not Path(CHROMIUM).exists():
        sys.exit("The book PDF is printed by Debian's Chromium: apt-get install chromium")
    out = site / PDF_NAME
    pages = print_pdf(site, out)
    link_from_index(site, out.stat().st_size)
    print(f"book_pdf: {len(pages)} pages of the site in {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
