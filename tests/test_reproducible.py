"""Two clean builds produce identical files.

The only files allowed to differ are listed in ALLOWED_TO_DIFFER with the
reason. Figures are covered byte for byte by test_generated.py.
"""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

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
