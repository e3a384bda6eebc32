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
def page_texts(book):
    """Each page's extracted text, once per module (about 20 s for the book)."""
    return [page.extract_text() for page in book.pages]


@pytest.fixture(scope="module")
def titles(site_dir):
    out = {}
    for name in book_pdf.chapters(site_dir):
        h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", (site_dir / name).read_text(), re.S)[1]
        # Without the permalink: the theme's, and mkdocs-jupyter's on notebook pages
        h1 = re.sub(r'<a class="(?:headerlink|anchor-link)".*?</a>', "", h1, flags=re.S)
        out[name] = re.sub(r"<[^>]+>", "", h1).strip()
    return out


def test_every_page_of_the_nav_in_nav_order(site_dir, titles):
    # The chapters, the cheat sheet and the notebooks: the navigation as it is
    nav = re.findall(r":\s+([a-z/-]+)\.(?:md|ipynb)$", (ROOT / "mkdocs.yml").read_text(), re.M)
    expected = [f"{p}.html" for p in nav]
    assert list(titles) == expected
    assert "cheat-sheet.html" in expected and any(p.startswith("notebooks/") for p in expected)


def test_pdf_holds_every_chapter_and_no_raw_tex(book, page_texts, titles):
    assert len(book.pages) > 30
    text = "\n".join(page_texts)
    flat = re.sub(r"\s+", " ", text)
    for title in titles.values():
        assert title in flat, title
    assert "Contents" in text
    assert not RAW_TEX.search(text), RAW_TEX.search(text)[0]


def _outline(book):
    """[(title, page from 1, [(title, page), ...], deepest level below)], from the PDF."""
    items = []
    for item in book.outline:
        if isinstance(item, list):
            children = [c for c in item if not isinstance(c, list)]
            depth = 2 if any(isinstance(c, list) for c in item) else 1
            items[-1] = (*items[-1][:2], [(c.title, book.get_destination_page_number(c) + 1)
                                          for c in children], depth)
        else:
            items.append((item.title, book.get_destination_page_number(item) + 1, [], 0))
    return items


@pytest.fixture(scope="module")
def parts(site_dir):
    """Each page's (key, title, sections) as the print view lists them."""
    return book_pdf.contents(site_dir, book_pdf.chapters(site_dir))


def _plain(text):
    # Formulas in headings print in math fonts: compare their ASCII skeleton
    return re.sub(r"[^A-Za-z0-9]", "", text)


def test_contents_lists_each_chapter_and_its_sections_with_page_numbers(book, parts):
    outline = {title: (page, children) for title, page, children, _ in _outline(book)}
    first_chapter = outline[parts[0][1]][0]
    lines = []
    for page in book.pages[1:first_chapter - 1]:
        for line in page.extract_text(extraction_mode="layout").splitlines():
            entry = re.match(r"^\s*(\S.*?)\s{2,}(\d+)$", line)
            if entry:
                lines.append((entry[1], int(entry[2])))
    expected = []
    for number, (_, title, sections) in enumerate(parts, start=1):
        page, children = outline[title]
        # A clipped list marker once printed "0." for chapter 10
        expected.append((f"{number}. {title}", page))
        assert len(sections) == len(children), title
        expected += [(text, child_page) for (_, _, text), (_, child_page) in zip(sections, children)]
    assert sum(len(s) for _, _, s in parts) > 100  # section entries, not just chapters
    assert [(_plain(t), p) for t, p in lines] == [(_plain(t), p) for t, p in expected]


def test_outline_has_the_depth_of_the_contents(book, page_texts, parts):
    outline = _outline(book)
    by_title = {title: (children, depth) for title, _, children, depth in outline}
    for _, title, sections in parts:
        children, depth = by_title[title]
        assert depth <= 1, f"{title}: the outline goes below the sections"
        assert [_plain(t) for t, _ in children] == [_plain(text) for _, _, text in sections]
    n = len(book.pages)
    for number in (1, n // 2, n):
        assert f"{number} / {n}" in page_texts[number - 1]


def test_cheat_sheet_and_notebooks_are_printed(page_texts, parts):
    text = _plain(" ".join(page_texts))
    printed = [p for p in parts if p[0] == "cheat-sheet" or p[0].startswith("notebooks-")]
    assert len(printed) >= 2 and any(p[0] == "cheat-sheet" for p in printed)
    for _, title, sections in printed:
        assert sections, title
        # Each section's heading once in the contents and once in the chapter at least
        for _, _, heading in sections:
            assert text.count(_plain(heading)) >= 2, (title, heading)


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


def test_relink_keeps_links_inside_the_book_or_on_the_web():
    pages = ["gradients.html", "gradient-checker.html", "notebooks/gradient-checking.html"]
    links = ['<a href="#rule">a</a>', '<a href="gradient-checker.html?variables=x%3A%203">b</a>',
             '<a href="?variables=x%3A%203">c</a>', '<a href="generated/identities.json">d</a>',
             '<a href="gradients.html#the-rule">e</a>', '<a href="https://example.org/x?y=1">f</a>',
             '<img src="../generated/figures/f.svg">']
    assert book_pdf.relink("\n".join(links), "gradient-checker.html", pages).split("\n") == [
        '<a href="#gradient-checker--rule">a</a>', '<a href="#gradient-checker">b</a>',
        '<a href="#gradient-checker">c</a>', "<a >d</a>",
        '<a href="#gradients--the-rule">e</a>', '<a href="https://example.org/x?y=1">f</a>',
        '<img src="../generated/figures/f.svg">']
    # From a notebook page, a source is rewritten relative to the site's root
    assert 'src="generated/figures/f.svg"' in book_pdf.relink(
        '<img src="../generated/figures/f.svg">', "notebooks/gradient-checking.html", pages)


def test_links_leave_the_book_only_for_the_web(book):
    """No link names a file on the machine that printed the book."""
    inside, web = 0, 0
    for page in book.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                assert str(action["/URI"]).startswith("https://"), action["/URI"]
                web += 1
            elif "/Dest" in annotation or (action is not None and "/D" in action):
                inside += 1
    assert inside > 500 and web > 10, (inside, web)


@pytest.fixture(scope="module")
def print_view(site_dir, browser):
    """The book's print view as Chromium prints it: prepared, with print media.

    Loaded in place of the index page (same folder, so its links resolve); the
    file itself is written only while book_pdf.py prints.
    """
    page = browser.new_page()
    page.goto((site_dir / "index.html").as_uri(), wait_until="load")
    page.set_content(book_pdf.print_view(site_dir, book_pdf.chapters(site_dir)),
                     wait_until="load")
    page.evaluate(book_pdf.PREPARE)
    page.emulate_media(media="print")
    yield page
    page.close()


def test_each_identity_table_printed_once(site_dir, print_view):
    tables = print_view.evaluate("""() => [...document.querySelectorAll('#identities table')]
        .map(t => ({heads: [...t.tHead.rows[0].cells].map(c => c.textContent.trim()),
                    rows: t.tBodies[0].rows.length, inTab: !!t.closest('.tabbed-set')}))""")
    full = [t for t in tables if t["heads"][:1] == ["Identity"] and "Assumes" in t["heads"]]
    numerator = [t for t in tables if t["heads"] == ["Identity", "Derivative, numerator layout"]]
    generated = [p for p in (ROOT / "docs" / "generated" / "identities").glob("*.md")
                 if '=== "Numerator layout"' in p.read_text()]
    # One full table per section (the denominator layout), then the numerator
    # layout's derivatives of the same rows: no table twice, no tab left
    assert len(full) == len(numerator) == len(generated) >= 5
    assert [t["rows"] for t in full] == [t["rows"] for t in numerator]
    assert not any(t["inTab"] for t in tables)
    labels = print_view.evaluate("""() => [...document.querySelectorAll(
        '#identities .tabbed-labels label')].filter(l => l.offsetParent).length""")
    assert labels == 0
    # Each row's anchor once: the print view has no second copy of a row's id
    ids = print_view.evaluate("""() => [...document.querySelectorAll('#identities [id*="--id-"]')]
        .map(e => e.id)""")
    assert ids and len(ids) == len(set(ids))


def test_print_css_closes_split_tables_and_keeps_exercises_with_solutions(print_view):
    table = print_view.evaluate("""() => {
        const t = document.querySelector('#identities table');
        const s = e => getComputedStyle(e);
        return {table: s(t).display, thead: s(t.tHead).display,
                row: s(t.tBodies[0].rows[0]).breakInside,
                cell: s(t.tBodies[0].rows[0].cells[0]).borderBottomStyle};
    }""")
    assert table == {"table": "table", "thead": "table-header-group", "row": "avoid",
                     "cell": "solid"}
    exercises = print_view.evaluate("""() => [...document.querySelectorAll('li')]
        .filter(li => [...li.children].some(c => c.matches('details')))
        .map(li => ({li: getComputedStyle(li).breakInside,
                     statement: getComputedStyle(li.firstElementChild).breakAfter,
                     open: li.querySelector(':scope > details').open,
                     summary: getComputedStyle(li.querySelector('summary')).breakAfter}))""")
    assert len(exercises) >= 10
    assert all(e == {"li": "avoid", "statement": "avoid", "open": True, "summary": "avoid"}
               for e in exercises), exercises


def test_admonition_icons_clear_their_titles(print_view):
    boxes = print_view.evaluate("""() => [...document.querySelectorAll(
            '.admonition-title, details > summary')].map(title => {
        const icon = getComputedStyle(title, '::before');
        const style = getComputedStyle(title);
        return {left: parseFloat(icon.left), width: parseFloat(icon.width),
                text: parseFloat(style.paddingLeft)};
    })""")
    assert len(boxes) > 20
    # The icon sits in the title's left padding, before the text starts
    assert all(b["left"] + b["width"] <= b["text"] for b in boxes), boxes[:3]


def test_print_twins_say_what_they_show(print_view, page_texts):
    captions = print_view.evaluate("""() => [...document.querySelectorAll('.gf-twin figcaption')]
        .filter(c => c.offsetParent).map(c => c.innerText)""")
    assert len(captions) >= 3
    assert all(c.startswith("The figure shows the level curves of f(x) = xᵀAx") for c in captions)
    text = print_view.evaluate("document.body.innerText").lower()
    # On paper nothing can be dragged or pressed: those sentences are for the live page
    assert "drag" not in text and "press the newton" not in text
    hidden = print_view.evaluate("""() => [...document.querySelectorAll('.mc-live-only')]
        .map(e => getComputedStyle(e).display)""")
    assert len(hidden) >= 3 and set(hidden) == {"none"}
    printed = re.sub(r"\s+", " ", " ".join(page_texts))
    assert printed.count("The figure shows the level curves of f(x)") == len(captions)
    assert "drag" not in printed.lower()


def test_figure_tags_hold_their_marked_content(site_dir):
    """book_pdf.flatten_figures folds the NonStruct tags under each figure with /Alt
    into it: none is left there, and the parent tree maps every marked-content id of
    every page to an element that lists that id on that page."""
    import pikepdf

    with pikepdf.open(site_dir / book_pdf.PDF_NAME) as pdf:
        elements = [o for o in pdf.objects
                    if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem"]
        figures = [e for e in elements if e.get("/S") == "/Figure" and "/Alt" in e]
        assert len(figures) > 1000
        for figure in figures:
            kids = figure.K if isinstance(figure.K, pikepdf.Array) else [figure.K]
            assert not any(isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/NonStruct"
                           for k in kids)
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        checked = 0
        for page in pdf.pages:
            for mcid, element in enumerate(tree[int(page.obj.StructParents)]):
                if not isinstance(element, pikepdf.Dictionary):
                    continue
                kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
                assert any(
                    (isinstance(k, int) and k == mcid and element.Pg.objgen == page.obj.objgen)
                    or (isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR"
                        and int(k.MCID) == mcid and k.Pg.objgen == page.obj.objgen)
                    for k in kids), (page.index, mcid)
                checked += 1
        assert checked > 10_000
