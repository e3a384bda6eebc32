"""Guard: every python fence a reader sees is a collected doc test.

pytest-markdown-docs silently ignores fences it cannot see (an include it did
not expand, a fence indented inside a tab the parser did not re-read). This
test counts python fences with an independent line scan of the expanded
pages and compares with what pytest actually collects.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from markdown_harness import PYTHON_LANGS, expand_snippets, fence_languages

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").rglob("*.md"))


def _python_fences(page):
    return [
        options for lang, options in fence_languages(expand_snippets(page.read_text()))
        if lang in PYTHON_LANGS
    ]


@pytest.fixture(scope="module")
def collected():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "docs"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr
    counts = {}
    for line in result.stdout.splitlines():
        if "::[CodeFence#" in line:
            page = line.split("::")[0]
            counts[page] = counts.get(page, 0) + 1
    return counts


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_every_python_fence_is_collected(page, collected):
    runnable = [o for o in _python_fences(page) if "notest" not in o]
    assert collected.get(str(page.relative_to(ROOT)), 0) == len(runnable)


def test_notest_only_with_a_reason():
    """`notest` is for code meant to fail; its first line says why."""
    for page in PAGES:
        text = expand_snippets(page.read_text()).split("\n")
        for number, line in enumerate(text):
            if "notest" in line and line.strip().startswith(("```", "~~~")):
                first = text[number + 1].strip().lower()
                assert first.startswith("#") and any(
                    word in first for word in ("fail", "raise", "error")
                ), f"{page.name}:{number + 1}: a notest fence must open with a comment saying why it fails"


def test_guard_sees_fences_inside_tabs_and_admonitions():
    # Inside the repository: pytest does not collect a page outside its rootdir
    page = ROOT / "tests" / f"_fence_probe_{os.getpid()}.md"
    page.write_text(
        '=== "Tab"\n\n    ```python\n    assert True\n    ```\n\n'
        '!!! note\n\n    ```python\n    assert True\n    ```\n\n'
        '1. Item\n\n    ??? success "Solution"\n\n        ```python\n        assert True\n        ```\n'
    )
    try:
        assert len(_python_fences(page)) == 3
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", str(page)],
            cwd=ROOT, capture_output=True, text=True,
        )
    finally:
        page.unlink()
    assert result.stdout.count("::[CodeFence#") == 3, result.stdout


def test_includes_are_expanded_and_missing_ones_are_fatal():
    text = '```python\n--8<-- "layout_conventions/two_layouts.py:body"\n```\n'
    assert "--8<--" not in expand_snippets(text)
    with pytest.raises(Exception, match="could not be found"):
        expand_snippets('--8<-- "no/such/file.py"\n')
