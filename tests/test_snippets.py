"""Every listing is shown whole on some page, whose doc test runs it."""

import ast
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
# Notebook sources (snippets/notebooks/) are tested as notebooks by tests/test_notebooks.py
LISTINGS = sorted(
    p for p in SNIPPETS.rglob("*.py")
    if not {"matcalc", "notebooks"} & set(p.relative_to(SNIPPETS).parts)
    and "__pycache__" not in p.parts
)
INCLUDE = re.compile(r'--8<--\s+"([^":]+)(?::([^"]*))?"')


def _ids(paths):
    return [str(p.relative_to(SNIPPETS)) for p in paths]


@pytest.mark.parametrize("listing", LISTINGS, ids=_ids(LISTINGS))
def test_listing_is_its_shown_region(listing):
    """A listing is its body region and a docstring, nothing else: the doc test of the page
    that shows it (in an empty working directory, tests/doc_harness.py) then runs the
    whole file as a reader would, and the file need not be run a second time here."""
    text = listing.read_text()
    assert text.count("# --8<-- [start:body]") == 1 and text.count("# --8<-- [end:body]") == 1, (
        "a listing shows its code through one body region; see CONTRIBUTING.md"
    )
    before, rest = text.split("# --8<-- [start:body]")
    after = rest.split("# --8<-- [end:body]")[1]
    outside = ast.parse(before + after).body
    assert len(outside) <= 1 and all(
        isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in outside
    ), "code outside the body region is not shown, so no doc test would run it"


def test_no_orphan_listings():
    included = set()
    for page in (ROOT / "docs").rglob("*.md"):
        # whole: through the body region, which is the whole listing (test above)
        included.update(path for path, region in INCLUDE.findall(page.read_text()) if region == "body")
    orphans = [str(p.relative_to(SNIPPETS)) for p in LISTINGS
               if str(p.relative_to(SNIPPETS)) not in included]
    assert not orphans, f"listings no page includes (as file.py:body): {orphans}"


def test_listings_were_found():
    assert len(LISTINGS) >= 10, os.listdir(SNIPPETS)
