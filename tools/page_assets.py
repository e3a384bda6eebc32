"""Each page loads only the scripts and stylesheets it uses; the theme's chrome named.

MkDocs puts every `extra_javascript` and `extra_css` file on every page. After
the build, this step removes a page's link to a file that serves only pages
holding a given marker (the gradient-field widget's 20 KB script on the four
pages that show it, not on all nineteen), asks for the math font at the start of
a page with a formula (a preload; found only when the first formula is styled, the
font came after the first paint and the text around formulas moved: layout shift
0.17 on notation.html at 412 px), and gives the theme's search dialog an accessible
name (Material writes role="dialog" without one).

Usage: python tools/page_assets.py SITE_DIR
"""

import re

from site_pages import rewrite_pages

# asset file -> the text a page holds when it needs the file
ONLY_WHERE = {
    "assets/javascripts/gradient-field.js": 'data-widget="gradient-field"',
    "assets/stylesheets/gradient-field.css": 'data-widget="gradient-field"',
    "assets/javascripts/notebook-download.js": "data-notebook=",
    "assets/stylesheets/notebook.css": "jupyter-wrapper",
    "assets/javascripts/identity-anchors.js": 'id="id-',
    "assets/_mkdocstrings.css": 'class="doc doc-',
}
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


def _link(asset):
    """A page's <script src> or <link href> to asset, by any relative path (or from the
    site's root, as the 404 page links)."""
    name = re.escape(asset)
    return re.compile(
        rf'[ \t]*<script src="/?(?:\.\./)*{name}(?:\?[^"]*)?"></script>\n?|'
        rf'[ \t]*<link rel="stylesheet" href="/?(?:\.\./)*{name}(?:\?[^"]*)?">\n?'
    )


LINKS = {asset: _link(asset) for asset in ONLY_WHERE}

# The math stylesheet's link gives the way from a page to the site's root
MATH_CSS = re.compile(r'<link rel="stylesheet" href="(/?(?:\.\./)*)assets/stylesheets/math\.css')
FIRST_STYLESHEET = re.compile(r'([ \t]*)<link rel="stylesheet"')
FONT = "assets/vendor/stix-two-math/STIXTwoMath.woff2"


def preload_math_font(text):
    """Before the first stylesheet of a page with a formula, a script that preloads the
    math font. A script, not a <link rel=preload>: fonts are fetched in CORS mode (hence
    crossOrigin), and a CORS preload fails over file:// with a console error, where it
    would gain nothing anyway."""
    root = MATH_CSS.search(text)
    if "<math" not in text or root is None or FONT in text.split("</head>", 1)[0]:
        return text
    script = (
        '<script>location.protocol === "file:" || document.head.append(Object.assign('
        'document.createElement("link"), {rel: "preload", as: "font", type: "font/woff2", '
        f'crossOrigin: "anonymous", href: "{root.group(1)}{FONT}"}}))</script>'
    )
    return FIRST_STYLESHEET.sub(lambda m: f"{m.group(1)}{script}\n{m.group(0)}", text, count=1)


def trim_page(text):
    for asset, marker in ONLY_WHERE.items():
        if marker not in text:
            text = LINKS[asset].sub("", text)
    return preload_math_font(text).replace(SEARCH_DIALOG, NAMED_DIALOG)


def main():
    changed = rewrite_pages("page_assets.py", trim_page)
    print(f"page_assets: {changed} pages trimmed to the assets they use")


if __name__ == "__main__":
    main()
