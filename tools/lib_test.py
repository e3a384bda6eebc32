"""Build matcalc's sdist and wheel, then test the wheel on every supported Python and NumPy.

For each Python of MATRIX (found on PATH as pythonX.Y, or under pyenv), and for
the oldest and the newest NumPy that Python supports, a fresh venv gets the
wheel, that NumPy and the pinned test tools, and runs tests/lib (the
NumPy-only tests) with tests/lib/pytest.ini: the site's conftest, browser
fixtures and doc harness are never imported, and the tests refuse to run
against the source tree (MATCALC_EXPECT_INSTALLED=1).

The wheel is built from the sdist, as `python -m build` does, so a file missing
from the sdist fails here too. Usage: python tools/lib_test.py [--python 3.12 ...]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Python: (oldest NumPy, newest NumPy) with wheels for it. The oldest is the
# floor of pyproject's range (numpy>=1.26) or the first release for that
# Python; the newest is the last release pip offers for it (November 2026)
MATRIX = {
    "3.10": ("1.26.0", "2.2.6"),
    "3.11": ("1.26.0", "2.4.6"),
    "3.12": ("1.26.0", "2.5.5"),
    "3.13": ("2.1.0", "2.5.5"),
}
# The test tools, pinned: the newest releases that still support Python 3.10
TEST_TOOLS = ["pytest==9.2.0", "hypothesis==6.168.5"]


def find_python(version):
    """The interpreter for `version`: pythonX.Y on PATH, else pyenv's copy."""
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = sorted(pyenv_root.glob(f"versions/{version}.*/bin/python{version}"))
    on_path = shutil.which(f"python{version}")
    for candidate in ([on_path] if on_path else []) + [str(c) for c in candidates]:
        result = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                capture_output=True, text=True)
        if result.returncode == 0 and result.stdout.strip() == version:
            return candidate
    raise SystemExit(f"no Python {version} found (on PATH as python{version} or under {pyenv_root})")


def run(cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)


def build(out):
    """sdist from the source tree, then the wheel from the sdist."""
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)])
    wheels = list(out.glob("matcalc-*.whl"))
    sdists = list(out.glob("matcalc-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise SystemExit(f"expected one wheel and one sdist in {out}, found {wheels + sdists}")
    return wheels[0]


def test_one(python, numpy_version, wheel, work):
    venv = work / f"venv-{Path(python).name}-numpy{numpy_version}"
    run([python, "-m", "venv", str(venv)])
    py = venv / "bin" / "python"
    run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         str(wheel), f"numpy=={numpy_version}", *TEST_TOOLS])
    env = dict(os.environ, MATCALC_EXPECT_INSTALLED="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    # Run from outside the source tree, so that only the installed wheel is importable
    run([py, "-m", "pytest", "-q", "-c", str(ROOT / "tests/lib/pytest.ini"),
         "--rootdir", str(ROOT / "tests/lib"), str(ROOT / "tests/lib")], cwd=work, env=env)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", action="append", choices=sorted(MATRIX),
                        help="test only these Pythons (default: all)")
    args = parser.parse_args()
    versions = args.python or sorted(MATRIX)
    pythons = {v: find_python(v) for v in versions}  # fail early if one is missing
    start = time.monotonic()
    results = []
    with tempfile.TemporaryDirectory(prefix="matcalc-lib-test-") as tmp:
        work = Path(tmp)
        wheel = build(work / "dist")
        for version in versions:
            for numpy_version in MATRIX[version]:
                t0 = time.monotonic()
                test_one(pythons[version], numpy_version, wheel, work)
                results.append((version, numpy_version, time.monotonic() - t0))
    for version, numpy_version, seconds in results:
        print(f"Python {version}, NumPy {numpy_version}: passed ({seconds:.0f} s)")
    print(f"lib-test: {len(results)} environments passed in {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
