"""The whole book as one PDF, printed by headless Chromium from the built site.

Reads the built offline site (after tools/render_math.py: math is already
MathML, figures are inline SVGs), takes the article of every page in nav
order (the chapters, the cheat sheet and the notebooks, as the navigation
lists them) and writes one print view: a title page, the contents (each
chapter and its sections, with page numbers, as links), then each chapter on
a new page. Ids are prefixed with the chapter's slug so they stay unique, and
links between chapters become links inside the PDF. Chromium prints it to
``SITE_DIR/matrix-calculus.pdf`` on A4 with page numbers in the footer, a PDF
outline of the chapters and their sections (the depth of the contents) and a
tagged structure. The print view is a temporary file, removed afterwards, so
it never becomes a page of the site.

In the print view, before printing (PREPARE, run in the page): an identity
table's two layout tabs become the denominator table followed by the
numerator-layout derivatives only (Identity and Derivative columns), not
the same table twice.

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
import posixpath
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
NAV_LINK = re.compile(r'<a href="([^"#]+\.html)" class="md-nav__link')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:[^)]*)\)")
PDF_LINK = re.compile(r'<p class="mc-book-pdf">.*?</p>', re.S)
TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
SECTION = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
# A heading's permalink: the theme's, and mkdocs-jupyter's in notebooks
PERMALINK = re.compile(r'<a\b[^>]*\bclass="(?:headerlink|anchor-link)"[^>]*>.*?</a>', re.S)
# A notebook page's download button: nothing to press on paper
NOTEBOOK_DOWNLOAD = re.compile(r'<p class="mc-notebook-download">.*?</p>', re.S)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
FOOTER = (
    '<div style="width:100%;font-size:8px;font-family:sans-serif;color:#555;'
    'text-align:center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
BOOK_CSS = """
.mc-book-title { text-align: center; padding-top: 30vh; break-after: page; }
.mc-book-title h1 { font-size: 2.2em; margin-bottom: 0.5em; }
.mc-book-toc { break-after: page; }
.md-typeset .mc-book-toc > ol { font-size: 1.05em; line-height: 1.5; list-style-position: inside;
  margin-left: 0; }
.md-typeset .mc-book-toc > ol > li { margin: 0.7em 0 0; font-weight: 700; }
.md-typeset .mc-book-toc .mc-book-sections { list-style: none; font-size: 0.86em;
  font-weight: 400; line-height: 1.4; margin: 0.15em 0 0 1.6em; }
.md-typeset .mc-book-toc .mc-book-sections li { margin: 0; break-inside: avoid; }
.md-typeset .mc-book-toc a { color: inherit; text-decoration: none; }
.mc-book-page { float: right; }
.mc-book-chapter { break-before: page; }
.md-typeset .headerlink, .md-content__button { display: none !important; }
.md-typeset details { display: block; }
.md-typeset .mc-book-numerator { margin-top: 0.8em; }
"""

# Run in the print view before printing. An identity table's two tabs (Material
# prints every tab) would print the same table twice under look-alike labels: the
# book keeps the denominator table and, after it, the numerator layout's note and
# its Identity and Derivative columns only (the other columns do not change)
PREPARE = """() => {
  for (const set of document.querySelectorAll('.tabbed-set')) {
    const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')]
      .map(label => label.textContent.trim());
    const blocks = set.querySelectorAll(':scope > .tabbed-content > .tabbed-block');
    if (labels.join('|') !== 'Denominator layout|Numerator layout' || blocks.length !== 2) continue;
    const [denominator, numerator] = blocks;
    const table = numerator.querySelector('table');
    if (!denominator.querySelector('table') || !table || !table.tHead) continue;
    const heads = [...table.tHead.rows[0].cells].map(cell => cell.textContent.trim());
    const keep = [heads.indexOf('Identity'), heads.indexOf('Derivative')];
    if (keep.includes(-1)) continue;
    for (const row of table.rows)
      for (let i = row.cells.length - 1; i >= 0; i--)
        if (!keep.includes(i)) row.deleteCell(i);
    table.tHead.rows[0].cells[1].textContent = 'Derivative, numerator layout';
    const both = document.createElement('div');
    both.className = 'mc-book-layouts';
    both.append(...denominator.childNodes);
    const after = document.createElement('div');
    after.className = 'mc-book-numerator';
    after.append(...numerator.childNodes);
    both.append(after);
    set.replaceWith(both);
  }
}"""


def chapters(site):
    """Pages in nav order, from the built index page's navigation: every page the
    navigation lists, the cheat sheet and the notebooks included."""
    order = []
    for href in NAV_LINK.findall((site / "index.html").read_text(encoding="utf-8")):
        if href not in order:
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
    """Prefix ids with the chapter's slug; links between chapters point inside the book.

    A link to a page with a query (the gradient checker's "?variables=...", from
    its own page or another) points to that page's chapter: the book cannot run
    the panel. A link to any other file of the site is dropped, its text kept: in
    a PDF it would name a path on the machine that printed it. Relative sources
    (a notebook page's images, from notebooks/) are rewritten relative to the
    site's root, where the print view is.
    """
    prefix = slug(name)
    folder = posixpath.dirname(name)

    def link(match):
        attr, target = match[1], html.unescape(match[2])
        if target.startswith("#"):
            return f'{attr}="#{prefix}--{target[1:]}"'
        if not target or SCHEME.match(target) or target.startswith("/"):
            return match[0]
        path, _, anchor = target.partition("#")
        path = path.partition("?")[0] or posixpath.basename(name)
        page = posixpath.normpath(posixpath.join(folder, path))
        if page in pages:
            return f'{attr}="#{slug(page)}--{anchor}"' if anchor and "?" not in target \
                else f'{attr}="#{slug(page)}"'
        if attr != "src":
            return ""
        return f'{attr}="{html.escape(page, quote=True)}"'

    body = NOTEBOOK_DOWNLOAD.sub("", body)
    body = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}--{m[1]}"', body)
    body = MATH.sub(_math_as_figure, body)
    body = CODE.sub(_plain_code, body)
    body = re.sub(r'\b((?:xlink:)?href|src)="([^"]*)"', link, body)
    body = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}--{m[1]})", body)
    # Exercise solutions are printed open
    return body.replace("<details", "<details open")


# The browser requests a font or decodes an image when a layout first needs it, and
# fonts.ready does not wait for what is not requested yet: lay the print view out, then
# wait, so that a busy machine prints the same book as a quiet one. Then lay it all out
# again from scratch: a stretchy operator (an underbrace) sized while the math font was
# still loading keeps the glyph it got then, so the book printed a different brace
# under the same formula from one run to the next
SETTLE = """async () => {
  document.body.getBoundingClientRect();
  await document.fonts.ready;
  await Promise.all([...document.images].map(image => image.decode().catch(() => null)));
  document.body.style.display = 'none';
  document.body.getBoundingClientRect();
  document.body.style.display = '';
  document.body.getBoundingClientRect();
}"""

FILL_PAGE_NUMBERS = """numbers => {
  for (const span of document.querySelectorAll('.mc-book-page'))
    span.textContent = numbers[span.dataset.key];
}"""


def _text(fragment):
    """A heading's text: no permalink, no tags, formulas as their plain text."""
    fragment = PERMALINK.sub("", fragment)
    fragment = MATH.sub(lambda m: re.sub(r"<[^>]+>", "", m[2]).translate(PLAIN), fragment)
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment)).replace("¶", "")
    return re.sub(r"\s+", " ", text).strip()


def _article(site, name):
    # Without the index's link to the PDF: printing a finished site again
    # gives the same book
    article = ARTICLE.search(PDF_LINK.sub("", (site / name).read_text(encoding="utf-8")))
    if not article:
        raise SystemExit(f"{name}: no article in the built page")
    return article[1]


def chapter_title(site, name):
    title = TITLE.search(_article(site, name))
    if not title:
        raise SystemExit(f"{name}: the page has no title")
    return _text(title[1])


def sections(article, name):
    """The chapter's h2 sections: (key, heading as HTML without its permalink, plain text).

    The key is the section's id in the print view (prefixed with the chapter's slug).
    """
    def entry(inner):
        # The contents links each entry: no link or id inside it
        inner = re.sub(r"</?a\b[^>]*>", "", PERMALINK.sub("", inner))
        return re.sub(r'\sid="[^"]*"', "", inner)

    return [(f"{slug(name)}--{ident}", entry(inner), _text(inner))
            for ident, inner in SECTION.findall(article)]


def _print(page):
    return page.pdf(
        format="A4", print_background=True,
        margin={"top": "15mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        display_header_footer=True, header_template="<div></div>",
        footer_template=FOOTER, outline=True, tagged=True,
    )


_INVISIBLE = re.compile(r"[\s\u200b\u2061-\u2064]+")


def _same(a, b):
    return _INVISIBLE.sub("", a) == _INVISIBLE.sub("", b)


def _outline(reader):
    """The outline's first two levels: [(title, page from 1, [(title, page), ...]), ...]."""
    items = []
    for item in reader.outline:
        if isinstance(item, list):
            if items:
                items[-1][2].extend((child.title.strip(),
                                     reader.get_destination_page_number(child) + 1)
                                    for child in item if not isinstance(child, list))
        else:
            items.append((item.title.strip(), reader.get_destination_page_number(item) + 1, []))
    return items


def _page_numbers(pdf, book):
    """The page (from 1) on which each chapter and each of its sections starts, by key,
    read from the PDF's outline (Chromium makes one entry per heading, nested by level)."""
    import io

    import pypdf

    outline = _outline(pypdf.PdfReader(io.BytesIO(pdf)))
    numbers, at = {}, 0
    for key, title, heads in book:
        while at < len(outline) and not _same(outline[at][0], title):
            at += 1
        if at == len(outline):
            raise SystemExit(f"book_pdf: chapter missing from the PDF outline: {title!r}")
        _, page, children = outline[at]
        numbers[key] = page
        found = 0
        for section_key, _, text in heads:
            while found < len(children) and not _same(children[found][0], text):
                found += 1
            if found == len(children):
                raise SystemExit(f"book_pdf: section missing from the PDF outline: "
                                 f"{title!r} / {text!r}")
            numbers[section_key] = children[found][1]
            found += 1
        at += 1
    return numbers


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


def _marked_content(element, page, found, inner):
    """The marked-content ids under ``element`` as (page, id), in order, if every
    element below it is a NonStruct wrapper (collected in ``inner``); else None."""
    import pikepdf

    page = element.get("/Pg", page)
    kids = element.get("/K")
    kids = [] if kids is None else kids if isinstance(kids, pikepdf.Array) else [kids]
    for kid in kids:
        if isinstance(kid, int):
            found.append((page, kid))
        elif kid.get("/Type") == "/MCR":
            found.append((kid.get("/Pg", page), int(kid.MCID)))
        elif kid.get("/S") == "/NonStruct":
            inner.append(kid)
            if _marked_content(kid, page, found, inner) is None:
                return None
        else:
            return None
    return found


def flatten_figures(document):
    """Each figure with alternative text (a formula, an SVG) becomes one structure
    element holding its marked content, without a NonStruct element per glyph run
    and path inside it (about 43,000 of them in this book).

    A reader of the tags gets the figure and its /Alt either way: below a figure,
    the NonStruct elements carry no meaning. The parent tree, which maps each
    marked-content id back to its element, then points at the figure.
    """
    import pikepdf

    root = document.Root.get("/StructTreeRoot")
    if root is None:
        return 0
    tree = root.ParentTree
    if "/Kids" in tree:
        raise SystemExit("book_pdf: a parent tree with /Kids is not handled")
    moved = {}
    for element in list(document.objects):
        if not (isinstance(element, pikepdf.Dictionary) and element.get("/S") == "/Figure"
                and "/Alt" in element):
            continue
        inner = []
        content = _marked_content(element, element.get("/Pg"), [], inner)
        if not content or not inner:
            continue
        page = element.get("/Pg", content[0][0])
        element.Pg = page
        element.K = pikepdf.Array([
            mcid if pg.objgen == page.objgen
            else pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pg, MCID=mcid)
            for pg, mcid in content
        ])
        for wrapper in inner:
            moved[wrapper.objgen] = element
    nums = tree.Nums
    for i in range(1, len(nums), 2):
        value = nums[i]
        if isinstance(value, pikepdf.Array):
            for j, item in enumerate(value):
                if isinstance(item, pikepdf.Dictionary) and item.objgen in moved:
                    value[j] = moved[item.objgen]
        elif isinstance(value, pikepdf.Dictionary) and value.objgen in moved:
            nums[i] = moved[value.objgen]
    return len(moved)


def compact(pdf):
    """The same PDF, its outline cut to chapters and their sections, its objects packed
    into compressed object streams (qpdf).

    Chromium makes an outline entry of every heading; below the sections (h3
    and deeper) they are dropped, so the outline has the depth of the contents.
    Chromium writes each tag of the structure tree as a plain-text object;
    packed and compressed, the tagged book is about a third of its size.
    Deterministic ids keep two builds byte-identical.
    """
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        with document.open_outline() as outline:
            for chapter in outline.root:
                for section in chapter.children:
                    section.children.clear()
        flatten_figures(document)
        document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                      compress_streams=True, recompress_flate=True, deterministic_id=True)
    return out.getvalue()


def contents(site, pages):
    """The book's parts in nav order: (key, title, sections) per page, sections as
    ``sections`` gives them."""
    return [(slug(name), chapter_title(site, name), sections(_article(site, name), name))
            for name in pages]


def _entry(key, text):
    return (f'<a href="#{key}">{text}</a>'
            f'<span class="mc-book-page" data-key="{key}"></span>')


def print_view(site, pages):
    index = (site / "index.html").read_text(encoding="utf-8")
    site_name = re.search(r"<title>(.*?)</title>", index, re.S)[1].strip()
    # Every stylesheet any page links, once, in the order met: the notebooks'
    # (from notebooks/) rewritten relative to the site's root
    hrefs = []
    for name in pages:
        text = (site / name).read_text(encoding="utf-8")
        for href in STYLESHEET.findall(text):
            href = posixpath.normpath(posixpath.join(posixpath.dirname(name), href))
            if href not in hrefs:
                hrefs.append(href)
    styles = "".join(f'<link rel="stylesheet" href="{href}">' for href in hrefs)
    # The theme's pages set the text direction on <body>; its admonition and list
    # styles (the icon's room beside a title) are written for [dir=ltr]
    body = re.search(r"<body\b([^>]*)>", index)[1]
    direction = re.search(r'\sdir="([^"]+)"', body)
    direction = direction[1] if direction else "ltr"
    toc, parts = [], []
    for (key, title, heads), name in zip(contents(site, pages), pages):
        entries = "".join(f"<li>{_entry(k, MATH.sub(_math_as_figure, inner))}</li>"
                          for k, inner, _ in heads)
        toc.append(f"<li>{_entry(key, html.escape(title, quote=False))}"
                   + (f'<ol class="mc-book-sections">{entries}</ol>' if entries else "")
                   + "</li>")
        parts.append(f'<section class="mc-book-chapter" id="{key}">'
                     f"{relink(_article(site, name), name, pages)}</section>")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{site_name}</title>{styles}<style>{BOOK_CSS}</style></head>"
        f'<body class="mc-book" dir="{direction}" data-md-color-scheme="default">'
        '<div class="md-container"><main class="md-main">'
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
    book = contents(site, pages)
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
            page.evaluate(PREPARE)
            page.emulate_media(media="print")
            page.evaluate(SETTLE)
            # Twice: the first print tells on which page each chapter and section
            # starts, the second writes those numbers into the contents
            first = _page_numbers(_print(page), book)
            page.evaluate(FILL_PAGE_NUMBERS, first)
            page.evaluate(SETTLE)
            pdf = _print(page)
            if _page_numbers(pdf, book) != first:
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
