"""Every listing runs on its own, and every listing is shown on some page."""

import os
import re
import runpy
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
INCLUDE = re.compile(r'--8<--\s+"([^":]+)(?::[^"]*)?"')


def _ids(paths):
    return [str(p.relative_to(SNIPPETS)) for p in paths]


@pytest.mark.parametrize("listing", LISTINGS, ids=_ids(LISTINGS))
def test_listing_runs_on_its_own(listing, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a listing must not depend on, or litter, the cwd
    runpy.run_path(str(listing), run_name="__main__")


@pytest.mark.parametrize("listing", LISTINGS, ids=_ids(LISTINGS))
def test_listing_has_a_shown_region(listing):
    text = listing.read_text()
    assert "# --8<-- [start:body]" in text and "# --8<-- [end:body]" in text, (
        "a listing shows its code through a body region; see CONTRIBUTING.md"
    )


def test_no_orphan_listings():
    included = set()
    for page in (ROOT / "docs").rglob("*.md"):
        included.update(INCLUDE.findall(page.read_text()))
    orphans = [str(p.relative_to(SNIPPETS)) for p in LISTINGS
               if str(p.relative_to(SNIPPETS)) not in included]
    assert not orphans, f"listings no page includes: {orphans}"


def test_listings_were_found():
    assert len(LISTINGS) >= 10, os.listdir(SNIPPETS)
