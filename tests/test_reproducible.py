"""Two clean builds produce identical files.

The only files allowed to differ are listed in ALLOWED_TO_DIFFER with the
reason. Committed generated files are covered by test_generated.py; the figures
(build products) and the book PDF by the tests below and in test_generated.py.
"""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"

# sitemap.xml.gz: gzip stores the time it was written in its header
ALLOWED_TO_DIFFER = {"sitemap.xml.gz"}


def build(out):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([str(MKDOCS), "build", "--strict", "--quiet", "--site-dir", str(out)],
                   cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, str(ROOT / "tools" / "render_math.py"), str(out)],
                   cwd=ROOT, check=True, capture_output=True)


def files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_two_builds_are_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    build(first)
    build(second)
    assert files(first) == files(second)
    _, mismatch, errors = filecmp.cmpfiles(first, second, files(first), shallow=False)
    assert not errors
    assert set(mismatch) <= ALLOWED_TO_DIFFER, sorted(set(mismatch) - ALLOWED_TO_DIFFER)


def test_book_pdf_prints_the_same_bytes_again(site_dir, tmp_path):
    """The book PDF of this build, printed once more from the finished site: same bytes
    (its dates come from the last commit or SOURCE_DATE_EPOCH, not the clock)."""
    sys.path[:0] = [str(ROOT / "tools")]
    import book_pdf

    built = site_dir / book_pdf.PDF_NAME
    assert built.is_file(), "run `make site` (it prints the book)"
    again = tmp_path / book_pdf.PDF_NAME
    book_pdf.print_pdf(site_dir, again)
    assert again.read_bytes() == built.read_bytes()
    stamp = book_pdf.source_date().strftime("D:%Y%m%d%H%M%S").encode()
    dates = book_pdf.PDF_DATE.findall(built.read_bytes())
    assert dates and all(value.startswith(stamp) for _, value in dates), dates


def test_pdf_dates_are_fixed_in_place():
    sys.path[:0] = [str(ROOT / "tools")]
    from datetime import datetime, timezone

    import book_pdf

    pdf = b"%PDF-1.4\n1 0 obj <</CreationDate (D:20261129150825+00'00') " \
          b"/ModDate (D:20261129150825+00'00')>>\nxref\n"
    fixed = book_pdf.fix_dates(pdf, datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    assert len(fixed) == len(pdf)  # cross-reference offsets stay right
    assert fixed.count(b"(D:20260102030405+00'00')") == 2
    with pytest.raises(SystemExit, match="CreationDate"):
        book_pdf.fix_dates(b"%PDF-1.4\n", datetime.now(timezone.utc))
