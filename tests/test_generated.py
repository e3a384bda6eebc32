"""docs/generated/ is exactly what `make generate` writes: never stale, never hand-edited.

The committed part must equal a fresh generation byte for byte on any machine; the
build products (figures, widget twins: CPU-dependent last bits) are git-ignored,
made by every build, and must be the same in two runs on one machine.
"""

import filecmp
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "docs" / "generated"
sys.path[:0] = [str(ROOT / "tools")]

from figures import new_figure, save_svg  # noqa: E402
from generate import BUILD_PRODUCTS  # noqa: E402


def _tree(root, *, committed):
    """Files below root: the committed ones, or the build products."""
    names = (p.relative_to(root) for p in root.rglob("*") if p.is_file())
    return sorted(str(n) for n in names if (n.parts[0] not in BUILD_PRODUCTS) == committed)


def _generate(out, *args):
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--out", str(out), *args],
        check=True, cwd=out.parent,
    )


def _git_files(folder):
    listed = subprocess.run(["git", "ls-files", "--", str(folder)], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.split()
    return sorted(str(Path(name).relative_to(folder.relative_to(ROOT))) for name in listed)


def test_generated_files_are_up_to_date(tmp_path):
    out = tmp_path / "generated"
    _generate(out)
    committed = _tree(out, committed=True)
    assert committed == _tree(GENERATED, committed=True), "run `make generate` and commit the result"
    _, mismatch, errors = filecmp.cmpfiles(GENERATED, out, committed, shallow=False)
    assert not mismatch and not errors, f"stale generated files (run `make generate`): {mismatch}"


def test_build_products_are_not_committed():
    assert (ROOT / ".git").exists(), "run the tests in a git clone"
    assert _git_files(GENERATED) == _tree(GENERATED, committed=True)
    assert not [name for name in _git_files(GENERATED) if Path(name).parts[0] in BUILD_PRODUCTS]


def test_build_products_are_the_same_in_two_runs(tmp_path):
    runs = []
    for name in ("first", "second"):
        out = tmp_path / name / "generated"
        out.mkdir(parents=True)
        _generate(out, "--build-products")
        runs.append(out)
    names = _tree(runs[0], committed=False)
    assert names and names == _tree(runs[1], committed=False)
    assert _tree(runs[0], committed=True) == []  # --build-products writes nothing else
    _, mismatch, errors = filecmp.cmpfiles(runs[0], runs[1], names, shallow=False)
    assert not mismatch and not errors, mismatch


def test_figures_are_deterministic_and_themeable(tmp_path):
    written = []
    for attempt in range(2):
        fig, ax = new_figure(3, 2)
        ax.plot([0, 1, 2], [0, 1, 4], label="x^2")
        ax.set_title("probe")
        path = tmp_path / f"probe{attempt}.svg"
        save_svg(fig, path, name="probe", title="A probe figure")
        written.append(path.read_text())
    assert written[0] == written[1]
    svg = written[0]
    assert svg.startswith("<svg") and "<?xml" not in svg and "Date" not in svg
    assert "currentColor" in svg  # text and axes follow the page's colour scheme
    assert 'aria-label="A probe figure"' in svg
    assert "<!--" not in svg  # comments may repeat $...$ labels
    assert "\n\n" not in svg  # a blank line would end the raw HTML block in Markdown
