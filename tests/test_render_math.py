"""Build-time math: every formula rendered once, nothing raw left, bad TeX fails the build."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools")]

import render_math  # noqa: E402

RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\frac|\\mathbb|\\top\b|\\tr\b")


def _render(tmp_path, html):
    (tmp_path / "page.html").write_text(html)
    render_math.render_site(tmp_path, font=False)  # the built site's font is tested below
    return (tmp_path / "page.html").read_text()


def test_arithmatex_spans_become_mathml(tmp_path):
    out = _render(
        tmp_path,
        '<p>Inline <span class="arithmatex">\\(A^\\T x &lt; b\\)</span>.</p>\n'
        '<div class="arithmatex">\\[\\tr(A)\\]</div>',
    )
    assert out.count("<math") == 2 and out.count('<math display="block"') == 1
    # MathML alone: no HTML twin of each formula, so no KaTeX markup
    assert "katex" not in out and "<span class=\"math\"><math>" in out
    assert "arithmatex" not in out and not RAW_TEX.search(_visible_text(out))


def test_notebook_dollar_math_outside_code(tmp_path):
    out = _render(
        tmp_path,
        '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown" data-mime-type="text/markdown">'
        "<p>Cost $5 and $x^2$ plus</p><p>$$\\sum_i x_i$$</p>"
        "<pre><code>price = '$a$'</code></pre></div>"
        "<div><p>outside $y$ stays</p></div>",
    )
    assert out.count("<math") == 2
    assert "price = '$a$'" in out  # code is left alone
    assert "outside $y$ stays" in out  # only notebook Markdown cells carry raw $ math
    assert "Cost $5 and" in out  # a lone dollar is not math


def test_punctuation_stays_with_its_formula(tmp_path):
    out = _render(tmp_path, '<p>so <span class="arithmatex">\\(x\\)</span>. And '
                            '(<span class="arithmatex">\\(y\\)</span>) or '
                            '<span class="arithmatex">\\(z\\)</span> alone</p>')
    assert out.count('<span class="mc-nowrap">') == 2
    assert '<span class="mc-nowrap"><span class="math"><math><mi>x</mi></math></span>.</span>' in out
    assert '<span class="mc-nowrap">(<span class="math"><math><mi>y</mi></math></span>)</span>' in out
    assert ' <span class="math"><math><mi>z</mi></math></span> alone' in out


def test_rendering_twice_changes_nothing(tmp_path):
    once = _render(tmp_path, '<span class="arithmatex">\\(x\\)</span>')
    assert _render(tmp_path, once) == once


def test_unparseable_formula_fails_with_page_named(tmp_path):
    (tmp_path / "broken.html").write_text('<span class="arithmatex">\\(\\frac{1}{\\)</span>')
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "render_math.py"), str(tmp_path)],
        capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "broken.html" in result.stderr and "frac" in result.stderr


def _visible_text(html):
    html = re.sub(r"<(script|style|annotation)\b.*?</\1>", "", html, flags=re.S)
    html = re.sub(r"<pre\b.*?</pre>|<code\b.*?</code>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture(scope="module")
def built_pages(site_dir):
    return {p: p.read_text() for p in site_dir.rglob("*.html")}


def test_no_raw_tex_in_built_site(built_pages):
    assert built_pages
    for path, html in built_pages.items():
        assert 'class="arithmatex"' not in html, path
        match = RAW_TEX.search(_visible_text(html))
        assert match is None, f"{path.name}: raw TeX {match and match[0]!r} left in the page"


def test_math_needs_no_javascript(built_pages):
    for path, html in built_pages.items():
        assert "katex" not in html and "mathjax" not in html.lower(), path
        assert "temml" not in html.lower(), path


def test_search_index_shows_formulas_as_text(tmp_path):
    (tmp_path / "search").mkdir()
    index = {"config": {}, "docs": [
        {"location": "a.html", "title": "A", "text": "<p>grad \\(A^\\T x\\) and \\[x &lt; 1\\]</p>"},
        {"location": "notebooks/n.html", "title": "N", "text": "<p>cost $x^2$ here</p>"},
        {"location": "b.html", "title": "B", "text": "<code>s = '\\(\\frac{'</code> \\)"},
        # Typed as a reader would type them: no invisible function application
        # after tr, and | rather than the relation U+2223
        {"location": "c.html", "title": "C", "text": "<p>\\(\\tr(AB)\\) and "
         "\\(\\log|\\det(A)|\\) and \\(\\norm{x}_2\\)</p>"},
    ]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index))
    (tmp_path / "search" / "search_index.js").write_text("var __index = {}")
    render_math.render_site(tmp_path, font=False)
    docs = json.loads((tmp_path / "search" / "search_index.json").read_text())["docs"]
    assert docs[0]["text"] == "<p>grad A⊤x and x&lt;1</p>"
    assert docs[3]["text"] == "<p>tr(AB) and log|det(A)| and ‖x‖2</p>"
    assert docs[1]["text"] == "<p>cost x2 here</p>"
    assert docs[2]["text"] == index["docs"][2]["text"]  # not a formula: left alone
    offline = (tmp_path / "search" / "search_index.js").read_text()
    assert offline.startswith("var __index = ") and "A⊤x" in offline


def test_built_search_index_has_no_tex(site_dir):
    text = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\\\(" not in text and "\\\\[" not in text
    assert "\u2061" not in text and "\u2223" not in text


def test_math_font_is_a_subset_with_its_math_table(site_dir):
    from fontTools.ttLib import TTFont

    path = site_dir / render_math.FONT_OUT
    font = TTFont(path)
    assert "MATH" in font  # stretchy delimiters, radicals and script sizes need it
    cmap = font.getBestCmap()
    used = set()
    for page in site_dir.rglob("*.html"):
        for element in render_math.MATH_ELEMENT.findall(page.read_text()):
            used.update(ord(c) for c in re.sub(r"<[^>]+>", "", element) if not c.isspace())
    missing = sorted(hex(c) for c in used - set(cmap) if c not in (0x2061, 0x2062, 0x2063))
    assert not missing, f"characters of the formulas missing from the font: {missing}"
    assert path.stat().st_size < render_math.FONT_SOURCE.stat().st_size / 2
    css = (site_dir / "assets" / "stylesheets" / "math.css").read_text()
    assert "../vendor/stix-two-math/STIXTwoMath.woff2" in css
