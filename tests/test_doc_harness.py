"""The doc-test harness reports failures where an author can find them, and refuses open regions."""

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from markdown_harness import (
    ROOT,
    ExpandingMarkdownIt,
    UnclosedRegion,
    _snippet_preprocessor,
    describe_failure,
    expand_snippets,
)

LISTING = '''"""A listing whose fourth shown line fails."""
# --8<-- [start:body]
x = 1
y = 2
# the next line fails
assert x + y == 4
# --8<-- [end:body]
'''
PAGE = '''# A page

Some prose.

```python
--8<-- "demo_listing.py:body"
```
'''


@pytest.fixture
def tmp_base(tmp_path, monkeypatch):
    """Listings in tmp_path are found as if they were under snippets/."""
    preprocessor = _snippet_preprocessor()
    monkeypatch.setattr(preprocessor, "base_path", [*preprocessor.base_path, str(tmp_path)])
    return tmp_path


def _run(page_text, page_path):
    """Run the page's first python fence as pytest-markdown-docs does; the failure report."""
    (fence,) = ExpandingMarkdownIt().parse(page_text)
    start_line = fence.map[0] + 1
    source = "\n" * start_line + fence.content
    test = SimpleNamespace(source=source, start_line=start_line, source_path=page_path)
    with pytest.raises(AssertionError) as excinfo:
        exec(compile(source, str(page_path), "exec"), {})
    return test, describe_failure(test, excinfo)


def test_a_failure_names_the_include_and_the_listing_line(tmp_base):
    (tmp_base / "demo_listing.py").write_text(LISTING)
    test, report = _run(PAGE, tmp_base / "page.md")
    # The fence opens on page line 5; the include is line 6; the assert is line 6 of the file
    assert test.start_line == 5
    assert f"page.md:6, included from {tmp_base / 'demo_listing.py'}:6" in report
    assert "assert x + y == 4" in report


def test_a_failure_in_an_inline_fence_names_its_page_line(tmp_path):
    page = "# T\n\ntext\n\n```python\nx = 1\nassert x == 2\n```\n"
    _, report = _run(page, tmp_path / "page.md")
    assert "page.md:7\n    assert x == 2" in report


def test_a_region_without_its_end_is_refused(tmp_base):
    (tmp_base / "demo_listing.py").write_text(LISTING.replace("# --8<-- [end:body]\n", "print('rest')\n"))
    with pytest.raises(UnclosedRegion, match=r"demo_listing.py:2: \[start:body\] has no \[end:body\]"):
        ExpandingMarkdownIt().parse(PAGE)


def test_expansion_line_by_line_is_the_pages_expansion():
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        # expand_with_origins raises if its text differs from MkDocs' expansion
        ExpandingMarkdownIt().parse(text)
        assert expand_snippets(text)


MARKER = re.compile(r"--8<-- \[(start|end):([a-z][-_0-9a-z]*)\]")


def _text_files():
    for folder in ("snippets", "docs"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".md", ".html", ".js", ".css", ".txt"}:
                yield path


@pytest.mark.parametrize("path", list(_text_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_region_start_has_its_end(path):
    """Regions open and close in pairs, one at a time per name, end after start."""
    open_at = {}
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        for kind, name in MARKER.findall(line):
            if kind == "start":
                if name in open_at:
                    problems.append(f"line {number}: [start:{name}] again, open since line {open_at[name]}")
                open_at[name] = number
            elif open_at.pop(name, None) is None:
                problems.append(f"line {number}: [end:{name}] without a start")
    problems += [f"line {n}: [start:{name}] has no [end:{name}]" for name, n in open_at.items()]
    assert not problems, f"{path.relative_to(ROOT)}: " + "; ".join(problems)
