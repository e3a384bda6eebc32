"""Slim the notebook pages of a built site and give each a download button.

mkdocs-jupyter 0.26 writes into every notebook page about 590 KB of inlined
JupyterLab CSS, a MathJax loader (with an empty ``src``), a Mermaid module and a
copy-to-clipboard script with a hidden duplicate of every code cell. None of it
is needed here: math is rendered at build time by tools/render_math.py, code
cells are styled by docs/assets/stylesheets/notebook.css with the theme's own
colours (light and dark), and the pages hold no Mermaid diagram. This step
removes those parts and puts a "Download notebook (.ipynb)" button under the
notebook's title, linking to the executed .ipynb that mkdocs-jupyter's
``include_source`` copied beside the page (a relative link: it works over http
and with directory URLs). Over file:// Chromium ignores the ``download``
attribute and would show the JSON as text, so the page also carries the same
bytes in a ``<script type="application/json">`` data block, which
docs/assets/javascripts/notebook-download.js saves when read from file://.

Run after `mkdocs build`, before tools/render_math.py.

Usage: python tools/notebook_pages.py SITE_DIR
"""

import re
import sys
from pathlib import Path

WRAPPER = '<div class="jupyter-wrapper">'
WRAPPER_END = "</div> <!-- jupyter-wrapper -->"
ARTICLE = '<article class="md-content__inner md-typeset">'
BLOCKS = re.compile(r"<(script|style)\b[^>]*>.*?</\1>|<!--.*?-->", re.S)
CLIPBOARD = re.compile(
    r'<div class="zeroclipboard-container">\s*<clipboard-copy\b.*?</clipboard-copy>\s*</div>\s*', re.S
)
CLIPBOARD_TEXT = re.compile(r'<div class="clipboard-copy-txt" id="[^"]*">[^<]*</div>\s*')
BUTTON = (
    '<p class="mc-notebook-download"><a class="md-button md-button--primary" '
    'href="{href}" download data-notebook="mc-notebook-file">Download notebook (.ipynb)</a></p>'
)
# Over file:// the download attribute is ignored; notebook-download.js saves this copy
EMBEDDED = '<script type="application/json" id="mc-notebook-file">{json}</script>'
UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.I)


def notebook_source(page):
    """The .ipynb copied beside a page: <name>.ipynb, or the only one in a directory URL."""
    beside = page.with_suffix(".ipynb")
    if beside.is_file():
        return beside
    candidates = sorted(page.parent.glob("*.ipynb"))
    if page.name == "index.html" and len(candidates) == 1:
        return candidates[0]
    raise SystemExit(f"{page}: no executed notebook beside this notebook page")


def embedded(source):
    """The executed notebook, byte for byte, in a data block (never executed)."""
    data = source.read_text(encoding="utf-8")
    if UNSAFE_IN_SCRIPT.search(data):
        raise SystemExit(f"{source}: holds '</script' or '<!--', cannot be embedded verbatim")
    return EMBEDDED.format(json=data)


def slim(text, href, data=""):
    start, wrapper = text.index(ARTICLE) + len(ARTICLE), text.index(WRAPPER)
    end = text.index(WRAPPER_END) + len(WRAPPER_END)
    close = text.index("</article>", end)
    head = BLOCKS.sub("", text[start:wrapper])
    body = CLIPBOARD_TEXT.sub("", CLIPBOARD.sub("", text[wrapper:end]))
    # A code block that scrolls sideways must be reachable by keyboard (axe)
    body = body.replace("<pre>", '<pre tabindex="0">')
    title_end = body.find("</h1>")
    if title_end < 0:
        raise ValueError("a notebook starts with a '# Title' Markdown cell")
    # The button goes right after the title, inside its Markdown cell
    title_end += len("</h1>")
    body = body[:title_end] + BUTTON.format(href=href) + body[title_end:]
    tail = BLOCKS.sub("", text[end:close]) + data
    return text[:start] + head + body + tail + text[close:]


def slim_site(site):
    pages = [p for p in sorted(Path(site).rglob("*.html")) if WRAPPER in p.read_text(encoding="utf-8")]
    for page in pages:
        if "mc-notebook-download" in page.read_text(encoding="utf-8"):
            continue  # slimmed already
        source = notebook_source(page)
        page.write_text(slim(page.read_text(encoding="utf-8"), source.name, embedded(source)),
                        encoding="utf-8")
    return pages


def main():
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit("usage: python tools/notebook_pages.py SITE_DIR")
    pages = slim_site(Path(sys.argv[1]))
    print(f"notebook_pages: {len(pages)} notebook pages slimmed")


if __name__ == "__main__":
    main()
