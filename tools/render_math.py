"""Render every formula of a built site to MathML with Temml, once, at build time.

Two kinds of math reach the built HTML:
- arithmatex spans from Markdown pages: <span class="arithmatex">\\(...\\)</span>
  and <div class="arithmatex">\\[...\\]</div>;
- raw $...$ and $$...$$ in the Markdown cells of notebook pages.

The search index gets the formulas as plain text, as a reader would type it
(the text of the MathML without invisible operators, e.g. "tr(AB)",
"log|det(A)|", "∇f=(A+A⊤)x"), so that search results show no TeX source.

All formulas of the site go to one Node process (tools/math_render.js) in one
batch; a formula Temml cannot parse fails the build with its page named.
Pages then need no math JavaScript and read the same with JavaScript off.

MathML alone (no HTML twin per formula, as KaTeX ships) keeps pages light: about
11 DOM elements per formula against KaTeX's 31. The browser draws it with an
OpenType math font: STIX Two Math (npm @fontsource/stix-two-math, OFL), subset
here to the characters the site's formulas use, its MATH table and stretchy
variants kept, and written to SITE_DIR/assets/vendor/stix-two-math/.

Usage: python tools/render_math.py SITE_DIR
"""

import html
import json
import re
import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.S
)
NOTEBOOK_MARKDOWN = re.compile(r'<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>')
TAG = re.compile(r"<[^>]+>")
# $$...$$ first, then $...$ that does not start or end with a space; \$ is a dollar
DOLLARS = re.compile(r"(?<!\\)\$\$(?P<display>.+?)(?<!\\)\$\$|(?<![\\$])\$(?P<inline>[^\s$](?:[^$]*?[^\s\\$])?)\$(?!\$)", re.S)
NO_MATH_INSIDE = ("code", "pre", "script", "style", "kbd", "samp")


class Batch:
    """Formulas waiting for Temml; placeholders mark where each goes."""

    def __init__(self):
        self.formulas = []

    def add(self, tex, display, where, lenient=False):
        self.formulas.append({"tex": tex, "display": display, "where": where, "lenient": lenient})
        return f"\x00MATH{len(self.formulas) - 1}\x00"

    def render(self):
        if not self.formulas:
            return []
        result = subprocess.run(
            ["node", str(TOOLS / "math_render.js")],
            input=json.dumps(self.formulas),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            sys.exit(result.stderr.strip() or "Temml failed")
        return json.loads(result.stdout)


def _arithmatex(page, batch, where):
    def replace(match):
        body = html.unescape(match["body"]).strip()
        display = match["tag"] == "div"
        opener, closer = ("\\[", "\\]") if display else ("\\(", "\\)")
        if not (body.startswith(opener) and body.endswith(closer)):
            sys.exit(f"{where}: unexpected arithmatex content {body[:60]!r}")
        tex = body[2:-2]
        return f'<{match["tag"]} class="math">{batch.add(tex, display, where)}</{match["tag"]}>'

    return _keep_punctuation(ARITHMATEX.sub(replace, page))


# Inline math with the punctuation that touches it: a sentence-final "." must
# not wrap alone onto the next line (site.css: .mc-nowrap)
TOUCHING = re.compile(
    r'(?P<before>[(\[]?)(?P<math><span class="math">\x00MATH\d+\x00</span>)(?P<after>[.,;:!?)\]]*)'
)


def _keep_punctuation(page):
    def wrap(match):
        if not (match["before"] or match["after"]):
            return match[0]
        return f'<span class="mc-nowrap">{match[0]}</span>'

    return TOUCHING.sub(wrap, page)


def _dollar_math_in_text(text, batch, where):
    def replace(match):
        if match["display"] is not None:
            tex, display = match["display"], True
        else:
            tex, display = match["inline"], False
        tag = "div" if display else "span"
        return f'<{tag} class="math">{batch.add(html.unescape(tex), display, where)}</{tag}>'

    return DOLLARS.sub(replace, text)


def _notebook_markdown(page, batch, where):
    """$-delimited math in the text (not the tags, not code) of notebook Markdown cells."""
    out, position = [], 0
    for start in NOTEBOOK_MARKDOWN.finditer(page):
        if start.start() < position:
            continue
        out.append(page[position:start.end()])
        end, depth = start.end(), 1
        for tag in re.finditer(r"<(/?)div\b[^>]*>", page[start.end():]):
            depth += -1 if tag[1] else 1
            if depth == 0:
                end = start.end() + tag.start()
                break
        region = page[start.end():end]
        pieces, skip, last = [], 0, 0
        for tag in TAG.finditer(region):
            text = region[last:tag.start()]
            pieces.append(text if skip else _dollar_math_in_text(text, batch, where))
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", tag[0])
            if name and name[1].lower() in NO_MATH_INSIDE:
                skip += -1 if tag[0].startswith("</") else 1
                skip = max(skip, 0)
            pieces.append(tag[0])
            last = tag.end()
        tail = region[last:]
        pieces.append(tail if skip else _dollar_math_in_text(tail, batch, where))
        out.append("".join(pieces))
        position = end
    out.append(page[position:])
    return "".join(out)


INDEX_MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)
NOTEBOOK_PAGE = "notebooks/"


# Invisible operators (function application, times, separator, plus) and the
# relation "divides" that TeX's | becomes: a reader types none of them
PLAIN = str.maketrans({"\u2061": None, "\u2062": None, "\u2063": None, "\u2064": None,
                       "\u2223": "|"})


def _as_text(mathml):
    """The plain text of a MathML rendering, as a reader would type it."""
    body = re.sub(r"<annotation\b.*?</annotation>", "", mathml, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", body)).translate(PLAIN)
    return html.escape(re.sub(r"\s+", " ", text).strip(), quote=False)


def _search_index(site, batch):
    """Stage formulas of search/search_index.json; return a function that writes it back."""
    path = Path(site) / "search" / "search_index.json"
    if not path.is_file():
        return lambda rendered: None
    index = json.loads(path.read_text(encoding="utf-8"))
    originals = {}

    def stage(match, where):
        tex = match[1] if match[1] is not None else match[2]
        placeholder = batch.add(html.unescape(tex), match[2] is not None, where, lenient=True)
        originals[placeholder] = match[0]
        return placeholder

    for doc in index["docs"]:
        where = "search index: " + doc["location"]
        doc["text"] = INDEX_MATH.sub(lambda m: stage(m, where), doc["text"])
        if doc["location"].startswith(NOTEBOOK_PAGE):
            doc["text"] = DOLLARS.sub(
                lambda m: stage([m[0], m["inline"], m["display"]], where), doc["text"]
            )

    def write(rendered):
        def text_of(match):
            result = rendered[int(match[1])]
            key = match[0]
            # Text Temml cannot parse (a TeX string inside code, say) stays as it was
            return originals[key] if result is None else _as_text(result)

        for doc in index["docs"]:
            doc["text"] = re.sub(r"\x00MATH(\d+)\x00", text_of, doc["text"])
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(data, encoding="utf-8")
        offline = path.with_suffix(".js")
        if offline.is_file():  # the offline plugin's copy, loaded from file://
            offline.write_text(f"var __index = {data}", encoding="utf-8")

    return write


FONT_SOURCE = TOOLS.parent / "node_modules/@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2"
FONT_OUT = Path("assets/vendor/stix-two-math/STIXTwoMath.woff2")
MATH_ELEMENT = re.compile(r"<math\b.*?</math>", re.S)
# Always kept, whatever the pages hold today: ASCII and Greek, and the math
# italic, bold and double-struck letters the browser substitutes for them
# (MathML's automatic italic turns <mi>x</mi> into U+1D465)
FONT_BASE = (
    [*range(0x20, 0x7F), *range(0x391, 0x3AA), *range(0x3B1, 0x3CA), 0x3D1, 0x3D5, 0x3F0,
     0x3F1, 0x3F5, 0x2032, 0x2033, 0x2212, *range(0x1D400, 0x1D4D0),
     *range(0x1D538, 0x1D56C), *range(0x1D6A8, 0x1D790)]
)


def subset_font(site):
    """Write the math font, cut to the characters of the site's formulas.

    The characters are read from the rendered pages, so running twice gives the
    same font. fontTools keeps the MATH table and, through it, the size variants
    and assembly parts of stretchy delimiters, radicals and accents.
    """
    from fontTools import subset

    used = set(FONT_BASE)
    for path in Path(site).rglob("*.html"):
        for element in MATH_ELEMENT.findall(path.read_text(encoding="utf-8")):
            used.update(ord(c) for c in html.unescape(re.sub(r"<[^>]+>", "", element)))
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # the OFL asks that the font's names and licence stay
    options.notdef_outline = True
    options.drop_tables = [t for t in options.drop_tables if t != "MATH"]
    font = subset.load_font(str(FONT_SOURCE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(used))
    subsetter.subset(font)
    out = Path(site) / FONT_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(out), options)
    return out


def render_site(site, font=True):
    """Render the math of every page of SITE (and its search index), then write the font."""
    pages = sorted(Path(site).rglob("*.html"))
    batch = Batch()
    staged = {}
    for path in pages:
        where = str(path.relative_to(site))
        text = path.read_text(encoding="utf-8")
        new = _notebook_markdown(_arithmatex(text, batch, where), batch, where)
        if new != text:
            staged[path] = new
    on_pages = len(batch.formulas)
    write_index = _search_index(site, batch)
    rendered = batch.render()
    write_index(rendered)
    for path, text in staged.items():
        text = re.sub(r"\x00MATH(\d+)\x00", lambda m: rendered[int(m[1])], text)
        path.write_text(text, encoding="utf-8")
    if font:
        subset_font(site)
    return on_pages, len(staged)


def main():
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit("usage: python tools/render_math.py SITE_DIR")
    formulas, pages = render_site(Path(sys.argv[1]))
    print(f"render_math: {formulas} formulas rendered on {pages} pages")


if __name__ == "__main__":
    main()
