"""tools/canary_diff.py: the canary sweeps exactly the pages its build changed."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from canary_diff import PDF_NAME, differing_pages  # noqa: E402

PAGE = '<html><head><meta name="generator" content="{}"></head><body>{}</body></html>'


def build(root, generator, pages, css="body {}"):
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(generator, body))
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "site.css").write_text(css)
    (root / "sitemap.xml.gz").write_bytes(generator.encode())  # differs in every build
    return root


PAGES = {"index.html": "home", "notation.html": "x", "notebooks/a.html": "nb"}


def test_same_site_but_the_generator_tag_needs_no_sweep(tmp_path):
    site = build(tmp_path / "site", "mkdocs-1.6.1", PAGES)
    (site / PDF_NAME).write_bytes(b"%PDF")  # made by `make site` only
    other = build(tmp_path / "other", "mkdocs-ProperDocs 1.6.7", PAGES)
    assert differing_pages(site, other) == []


def test_a_changed_page_is_swept_alone(tmp_path):
    site = build(tmp_path / "site", "a", PAGES)
    other = build(tmp_path / "other", "b", {**PAGES, "notebooks/a.html": "changed"})
    assert differing_pages(site, other) == ["notebooks/a.html"]


def test_a_shared_file_or_a_missing_file_sweeps_every_page(tmp_path):
    site = build(tmp_path / "site", "a", PAGES)
    every = sorted(PAGES)
    assert differing_pages(site, build(tmp_path / "css", "b", PAGES, css="body { x }")) == every
    fewer = build(tmp_path / "fewer", "b", {k: v for k, v in PAGES.items() if k != "notation.html"})
    assert differing_pages(site, fewer) == sorted(set(PAGES) - {"notation.html"})
    assert differing_pages(tmp_path / "missing", build(tmp_path / "o", "b", PAGES)) == every
