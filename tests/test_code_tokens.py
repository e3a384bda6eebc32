"""tools/code_tokens.py: highlighted code without the name and space spans, colours unchanged."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import code_tokens  # noqa: E402

# A page's first code block of each kind: the theme's (chapters, inline code) and
# mkdocs-jupyter's (notebook pages)
BLOCKS = {
    "gradients.html": "article .highlight pre code",
    "notebooks/worked-examples.html": "article .highlight-ipynb pre",
}

# Put back an n and a w span into the block: each must take the block's own colour
PROBE_COLOURS = """selector => {
  const block = document.querySelector(selector);
  const colours = {block: getComputedStyle(block).color};
  for (const kind of ['n', 'w']) {
    const probe = document.createElement('span');
    probe.className = kind;
    probe.textContent = kind === 'n' ? 'name' : ' ';
    block.append(probe);
    colours[kind] = getComputedStyle(probe).color;
    probe.remove();
  }
  return colours;
}"""


def test_names_and_spaces_unwrapped_inside_code_only():
    page = ('<p><span class="n">prose</span></p>'
            '<pre><span></span><code><span class="kn">import</span><span class="w"> </span>'
            '<span class="nn">numpy</span> <span class="n">x</span><span class="o">=</span></code></pre>'
            '<div class="highlight-ipynb"><pre tabindex="0"><span class="n">y</span></pre></div>')
    assert code_tokens.plain_tokens(page) == (
        '<p><span class="n">prose</span></p>'
        '<pre><span></span><code><span class="kn">import</span> '
        '<span class="nn">numpy</span> x<span class="o">=</span></code></pre>'
        '<div class="highlight-ipynb"><pre tabindex="0">y</pre></div>')


def test_built_pages_have_no_name_or_space_spans(site_dir):
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert code_tokens.plain_tokens(text) == text, path.name


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("path", sorted(BLOCKS))
def test_unwrapped_tokens_keep_their_colour(visit, path, dark):
    colours = visit(path, dark=dark).page.evaluate(PROBE_COLOURS, BLOCKS[path])
    assert colours["n"] == colours["w"] == colours["block"], colours
