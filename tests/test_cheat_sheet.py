"""The cheat sheet: every identity in both layouts, printed on two A4 pages, linked from every chapter."""

import io
import re
import sys
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "snippets")]

from generators.cheat_sheet import sheet  # noqa: E402
from matcalc.identities import IDENTITIES  # noqa: E402


def test_every_identity_in_both_layouts():
    text = sheet()
    rows = [line for line in text.splitlines() if line.startswith("| **")]
    assert len(rows) == len(IDENTITIES)
    for entry in IDENTITIES:
        (line,) = [r for r in rows if r.startswith(f"| **[{entry.title}](identities.md#id-{entry.id})**<br>")]
        function, derivative, conditions = line.strip("|").split(" | ")
        assert f"Denominator: \\({entry.latex['derivative']}\\)" in derivative
        numerator = entry.latex.get("derivative_numerator")
        assert (f"Numerator: \\({numerator}\\)" if numerator else "Numerator: the same.") in derivative
        assert conditions.strip() == (entry.assumptions or "none")


def test_each_section_is_one_three_column_table():
    sections = sheet().split("\n## ")[1:]
    for section in sections:
        lines = section.splitlines()
        assert lines[2] == "| Function | Derivative | Conditions |" and lines[3] == "|---|---|---|"
        assert all(line.count(" | ") == 2 for line in lines[4:] if line)


def test_every_chapter_links_to_the_cheat_sheet():
    nav = (ROOT / "mkdocs.yml").read_text()
    pages = re.findall(r":\s+([a-z-]+\.md)$", nav, re.M)
    assert "cheat-sheet.md" in pages
    for page in pages:
        if page in ("index.md", "cheat-sheet.md"):
            continue
        assert "](cheat-sheet.md)" in (ROOT / "docs" / page).read_text(), page


def test_prints_on_two_a4_pages(visit):
    page = visit("cheat-sheet.html", scheme="file").page
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) == 2
    width, height = (float(v) for v in pdf.pages[0].mediabox.upper_right)
    assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 in points
    text = " ".join(p.extract_text() for p in pdf.pages)
    for entry in IDENTITIES:  # nothing cut: every title is on paper
        assert entry.title.split(",")[0].split(" ")[0] in text
    assert "Switch to dark mode" not in text  # no header in print
    assert "\\(" not in text and "\\frac" not in text
