"""Nothing clipped, everything readable: every page measured in Chromium at 1280 and 390 px.

Every display formula, table and code block of every page is measured, with
every collapsible block opened and every content tab shown (a hidden block has
no size to measure):

- at 1280 px none is wider than the column: nothing scrolls, nothing is cut;
- at 390 px a block that is still wider than the column is a scroll container
  that a keyboard can focus (tabindex) and that shows a visible cue (the fading
  edge of site.css), and no block reaches out of the column;
- the text of every figure is at least 10 CSS px as rendered (an SVG's font
  size times its scale), and no two labels of a figure overlap;
- a fraction in a table cell is at text size (display style), not script size;
- no block of a first screen (1280 x 1200, 390 x 900) waits for content-visibility:
  a skipped block is painted at its placeholder height first, and whatever is below it
  jumps when it is drawn (layout shift 0.31 on identities.html at 412 px before).
"""

import pytest

from test_site_pages import PAGES

WIDTHS = {"wide": 1280, "narrow": 390}
MIN_FIGURE_TEXT_PX = 10

SHOW_EVERYTHING = """() => {
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const style = document.createElement("style");
  style.textContent = ".tabbed-set > .tabbed-content > .tabbed-block { display: block !important; }";
  document.head.append(style);
  window.dispatchEvent(new Event("resize"));
}"""

# The blocks, each with the element that scrolls when it is too wide
MEASURE_BLOCKS = """() => {
  const column = document.querySelector("article.md-content__inner");
  // The theme lets code blocks and tables reach into the column's margin (to
  // the screen's edge on a phone): the column ends where .md-content does
  const right = document.querySelector(".md-content").getBoundingClientRect().right;
  const blocks = [
    ...[...column.querySelectorAll("div.math")].map(b => [b, b, "display"]),
    ...[...column.querySelectorAll("table")].map(
        b => [b, b.closest(".md-typeset__scrollwrap") || b, "table"]),
    ...[...column.querySelectorAll("pre > code")].map(b => [b, b, "code"]),
  ];
  return blocks.filter(([b]) => b.getClientRects().length).map(([block, box, kind]) => {
    const style = getComputedStyle(box);
    const text = (block.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 60);
    return {
      kind, text,
      overflow: box.scrollWidth - box.clientWidth,
      out: Math.round(block.getBoundingClientRect().right - right),
      scrolls: ["auto", "scroll"].includes(style.overflowX),
      focusable: box.tabIndex >= 0,
      cue: box.classList.contains("mc-overflows") && style.backgroundImage.includes("gradient"),
    };
  });
}"""

# Rendered size of every text of every figure (font size times the SVG's scale),
# and pairs of labels whose boxes overlap
MEASURE_FIGURES = """() => {
  const out = [];
  for (const svg of document.querySelectorAll("article svg.mc-figure")) {
    if (!svg.getClientRects().length) continue;
    const box = svg.viewBox.baseVal;
    const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
    const texts = [...svg.querySelectorAll("text")];
    const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    const rects = texts.map(t => t.getBoundingClientRect()).filter(r => r.width && r.height);
    const overlaps = [];
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i], b = rects[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlaps.push([texts[i].textContent, texts[j].textContent]);
      }
    out.push({
      label: svg.getAttribute("aria-label") || "",
      smallest: sizes.length ? Math.min(...sizes) : null,
      overlaps,
    });
  }
  return out;
}"""

TABLE_FRACTIONS = """() => [...document.querySelectorAll("article td math mfrac")]
  .filter(f => f.getClientRects().length)
  .map(f => getComputedStyle(f).mathStyle)"""


FIRST_SCREEN_HEIGHT = {1280: 1200, 390: 900}
# Blocks of the first screen that content-visibility skips until they are near: the
# page's blocks and the cheat sheet's tables. Not the blocks inside a tab set, which
# Chromium draws in the first paint (layout shift 0 with the first tab set on the first
# screen: layout-conventions.html, identities.html, autodiff-in-practice.html)
FIRST_SCREEN_SKIPPABLE = """() => [...document.querySelectorAll(
    "article.md-content__inner > *, article.md-content__inner > .mc-cheat > *")]
  .filter(b => b.checkVisibility() && b.getBoundingClientRect().top < innerHeight
               && getComputedStyle(b).contentVisibility === "auto")
  .map(b => b.tagName + ": " + b.textContent.replace(/\\s+/g, " ").trim().slice(0, 50))"""


@pytest.fixture(params=list(WIDTHS), scope="function")
def width(request):
    return WIDTHS[request.param]


# One visit per page and width for both checks (a heavy page takes 1-2 s to load)
@pytest.mark.parametrize("path", PAGES)
def test_nothing_clipped_and_readable(visit, path, width):
    page = visit(path, width=width, height=FIRST_SCREEN_HEIGHT[width]).page
    skippable = page.evaluate(FIRST_SCREEN_SKIPPABLE)
    assert not skippable, f"drawn only after the first paint at {width} px: {skippable}"
    page.evaluate(SHOW_EVERYTHING)
    page.wait_for_timeout(50)
    blocks = page.evaluate(MEASURE_BLOCKS)
    if width > 1000:
        wide = [(b["kind"], b["text"], b["overflow"]) for b in blocks if b["overflow"] > 1]
        assert not wide, f"wider than the column at {width} px: {wide}"
    else:
        hidden = [(b["kind"], b["text"]) for b in blocks if b["overflow"] > 1
                  and not (b["scrolls"] and b["focusable"] and b["cue"])]
        assert not hidden, f"cut, or scrolling without focus or cue, at {width} px: {hidden}"
    out = [(b["kind"], b["text"], b["out"]) for b in blocks if b["out"] > 1]
    assert not out, f"reaching out of the column at {width} px: {out}"

    for figure in page.evaluate(MEASURE_FIGURES):
        if figure["smallest"] is not None:
            assert figure["smallest"] >= MIN_FIGURE_TEXT_PX - 0.05, (
                f"{figure['label'][:50]!r}: text at {figure['smallest']:.1f} px at {width} px")
        assert not figure["overlaps"], f"{figure['label'][:50]!r}: labels overlap {figure['overlaps']}"
    assert all(style == "normal" for style in page.evaluate(TABLE_FRACTIONS)), (
        "a fraction in a table is at script size")
