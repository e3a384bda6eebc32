"""A clean build produces the same files as the site `make` built.

One more build (MkDocs, then the same post-build steps, tools/postbuild.py) is
compared file by file with site/: two builds, but only one of them paid for by
the tests. The only differences allowed are listed below with the reason.
Committed generated files are covered by test_generated.py; the figures
(build products) and the book PDF by test_generated.py and the tests below.
"""

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import book_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"

# sitemap.xml.gz: gzip stores the time it was written in its header
ALLOWED_TO_DIFFER = {"sitemap.xml.gz"}
# Written by tools/book_pdf.py, which `make site` runs after the post-build steps
# The PDF; and the print view, while the reprint test below runs beside this one
ONLY_IN_SITE = {book_pdf.PDF_NAME, book_pdf.VIEW_NAME}


def build(out):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([str(MKDOCS), "build", "--strict", "--quiet", "--site-dir", str(out)],
                   cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, str(ROOT / "tools" / "postbuild.py"), str(out)],
                   cwd=ROOT, check=True, capture_output=True)


def files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_a_second_build_is_identical(site_dir, tmp_path):
    again = tmp_path / "again"
    build(again)
    assert files(again) == [f for f in files(site_dir) if f not in ONLY_IN_SITE]
    # book_pdf.py put the PDF's link on the index page, in place of its marker
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    link = index[index.index('<p class="mc-book-pdf">'):]
    link = link[:link.index("</p>") + len("</p>")]
    assert index.replace(link, book_pdf.LINK_MARKER) == (again / "index.html").read_text(
        encoding="utf-8")
    _, mismatch, errors = filecmp.cmpfiles(site_dir, again, files(again), shallow=False)
    assert not errors
    assert set(mismatch) - {"index.html"} <= ALLOWED_TO_DIFFER, sorted(
        set(mismatch) - ALLOWED_TO_DIFFER)


def test_book_pdf_prints_the_same_bytes_again(site_dir, tmp_path):
    """The book PDF of this build, printed once more from a copy of the finished site in
    another folder: same bytes (its dates come from the last commit or SOURCE_DATE_EPOCH,
    not the clock; no link names the folder it was printed in)."""
    import pypdf

    built = site_dir / book_pdf.PDF_NAME
    assert built.is_file(), "run `make site` (it prints the book)"
    # A copy: printing writes the print view into the site's folder for a minute,
    # where the tests that read every page of site/ would meet it
    copy = shutil.copytree(site_dir, tmp_path / "site")
    again = tmp_path / book_pdf.PDF_NAME
    # In its own process: Playwright's sync API refuses to run inside the event loop
    # that this test process's shared browser already runs
    subprocess.run([sys.executable, "-c", "import sys, book_pdf; from pathlib import Path; "
                    "book_pdf.print_pdf(Path(sys.argv[1]), Path(sys.argv[2]))",
                    str(copy), str(again)],
                   cwd=ROOT / "tools", check=True)
    assert again.read_bytes() == built.read_bytes()
    metadata = pypdf.PdfReader(built).metadata
    assert metadata.creation_date == metadata.modification_date == book_pdf.source_date()


def test_pdf_dates_are_fixed_in_place():
    from datetime import datetime, timezone

    pdf = b"%PDF-1.4\n1 0 obj <</CreationDate (D:20261129150825+00'00') " \
          b"/ModDate (D:20261129150825+00'00')>>\nxref\n"
    fixed = book_pdf.fix_dates(pdf, datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    assert len(fixed) == len(pdf)  # cross-reference offsets stay right
    assert fixed.count(b"(D:20260102030405+00'00')") == 2
    with pytest.raises(SystemExit, match="CreationDate"):
        book_pdf.fix_dates(b"%PDF-1.4\n", datetime.now(timezone.utc))
