"""docs/generated/ is exactly what `make generate` writes: never stale, never hand-edited."""

import filecmp
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "docs" / "generated"
sys.path[:0] = [str(ROOT / "tools")]

from figures import new_figure, save_svg  # noqa: E402


def _tree(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_generated_files_are_up_to_date(tmp_path):
    out = tmp_path / "generated"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--out", str(out)],
        check=True, cwd=tmp_path,
    )
    assert _tree(out) == _tree(GENERATED), "run `make generate` and commit the result"
    _, mismatch, errors = filecmp.cmpfiles(GENERATED, out, _tree(out), shallow=False)
    assert not mismatch and not errors, f"stale generated files (run `make generate`): {mismatch}"


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
