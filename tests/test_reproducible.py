"""A clean build produces the same files as the site `make` built.

One more build (MkDocs, then the same post-build steps, tools/postbuild.py) is
compared file by file with site/: two builds, but only one of them paid for by
the tests. The only differences allowed are listed below with the reason.
Figures are covered byte for byte by test_generated.py.
"""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import book_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"

# sitemap.xml.gz: gzip stores the time it was written in its header
ALLOWED_TO_DIFFER = {"sitemap.xml.gz"}
# Written by tools/book_pdf.py, which `make site` runs after the post-build steps
ONLY_IN_SITE = {book_pdf.PDF_NAME}


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
