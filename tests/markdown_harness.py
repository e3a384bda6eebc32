"""What the doc tests execute is what MkDocs renders.

pytest-markdown-docs would run an include line (``--8<-- "file.py:body"``)
as Python and would not see fences indented inside content tabs or
admonitions. The parser returned here first expands includes with
pymdownx's own snippet preprocessor, configured from mkdocs.yml, then
re-parses every indented block so nested fences are collected too.

Each line of the expanded text remembers where it came from: the page line of
its include and, for an included listing, the listing's file and line. Fence
tokens carry page lines (so a test is named by the line a reader can find),
and ``describe_failure`` reports a failing line as page line, listing file and
listing line, with the listing's own text.
"""

import functools
import traceback
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown_it import MarkdownIt
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PYTHON_LANGS = ("python", "py", "python3")


@functools.cache
def _snippet_preprocessor():
    config = load_config(str(ROOT / "mkdocs.yml"))
    settings = dict(config["mdx_configs"]["pymdownx.snippets"])
    # base_path is relative to the repository root, not to pytest's cwd
    settings["base_path"] = [str(ROOT / p) for p in settings["base_path"]]
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": settings},
    )
    return md.preprocessors["snippet"]


def expand_snippets(text):
    """The page text after ``--8<--`` includes, as MkDocs sees it."""
    return "\n".join(_snippet_preprocessor().run(text.split("\n")))


class UnclosedRegion(ValueError):
    """A ``[start:X]`` without its ``[end:X]``: the include would swallow the rest of the file."""


@dataclass(frozen=True)
class Origin:
    """Where one expanded line comes from: a page line (1-based), and a listing line if included."""

    page_line: int
    file: Path = None
    file_line: int = None


def _resolve(target):
    for base in _snippet_preprocessor().base_path:
        path = Path(base) / target
        if path.is_file():
            return path
    return None


def region_lines(path, section=None):
    """1-based line numbers of the lines an include of ``path`` (``:section``) shows.

    Raises UnclosedRegion when the section starts and never ends: pymdownx would
    silently include everything up to the end of the file.
    """
    pp = _snippet_preprocessor()
    inside, started, numbers = section is None, None, []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        match = pp.match_section(line)
        if match and not match.group("escape"):
            if section is not None and match.group("name") == section:
                if match.group("type") == "start":
                    inside, started = True, number
                elif inside:
                    return numbers
            continue  # marker lines are never shown
        if inside:
            numbers.append(number)
    if section is not None and started is not None:
        raise UnclosedRegion(f"{path}:{started}: [start:{section}] has no [end:{section}]")
    return numbers


def expand_with_origins(text):
    """(expanded text, one Origin per expanded line), include by include."""
    pp = _snippet_preprocessor()
    out, origins = [], []
    for page_line, line in enumerate(text.split("\n"), 1):
        match = pp.RE_ALL_SNIPPETS.match(line)
        if not match or match.group("escape") or not match.group("snippet"):
            out.append(line)
            origins.append(Origin(page_line))
            continue
        expanded = pp.run([line])
        target = match.group("snippet")[1:-1]
        name, _, section = target.partition(":")
        path = _resolve(name)
        numbers = region_lines(path, section or None) if path else []
        if len(numbers) != len(expanded):
            numbers = [None] * len(expanded)  # a nested include: the file, not the line
        out.extend(expanded)
        origins.extend(Origin(page_line, path, n) for n in numbers)
    expanded_text = "\n".join(out)
    # Include by include must be what MkDocs sees for the whole page
    if expanded_text != expand_snippets(text):
        raise AssertionError("line-by-line expansion differs from the page's expansion")
    return expanded_text, origins


# (first page line of the test's code, its code) -> the Origin of each line of the code
FENCE_ORIGINS = {}


def _fences(tokens, parser, line_offset, origins):
    for token in tokens:
        if token.type == "fence":
            if token.map:
                first = token.map[0] + line_offset
                content = origins[first + 1 : first + 1 + token.content.count("\n")]
                # Named by the page line a reader can find: the fence, or its include
                page_line = origins[first].page_line
                token.map = [page_line - 1, page_line - 1 + token.map[1] - token.map[0]]
                FENCE_ORIGINS[(page_line, token.content)] = content
            yield token
        elif token.type == "code_block" and token.map:
            # An indented block: the body of a tab, an admonition or a
            # collapsible; its content may hold fences of its own
            inner = parser.parse(token.content)
            yield from _fences(inner, parser, line_offset + token.map[0], origins)


class ExpandingMarkdownIt:
    """Quacks like MarkdownIt for pytest-markdown-docs: only .parse is used."""

    def __init__(self):
        self._parser = MarkdownIt("commonmark")

    def parse(self, text, env=None):
        expanded, origins = expand_with_origins(text)
        return list(_fences(self._parser.parse(expanded), self._parser, 0, origins))


def _where(origin, page):
    if origin is None:
        return f"{page} (line unknown)"
    where = f"{page}:{origin.page_line}"
    if origin.file is not None:
        listing = origin.file.resolve()
        try:
            listing = listing.relative_to(ROOT)
        except ValueError:
            pass
        where += f", included from {listing}" + (f":{origin.file_line}" if origin.file_line else "")
    return where


def describe_failure(test, excinfo):
    """A failing doc test's traceback, by page line of the include and listing file and line."""
    page = Path(test.source_path)
    try:
        page = page.resolve().relative_to(ROOT)
    except ValueError:
        pass
    code = test.source[test.start_line :]
    origins = FENCE_ORIGINS.get((test.start_line, code), [])
    code_lines = code.split("\n")
    lines = []
    for frame in traceback.extract_tb(excinfo.tb):
        if frame.filename != str(test.source_path):
            if lines:  # a frame inside library code the listing called
                lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
                lines.append(f"    {(frame.line or '').strip()}")
            continue
        # The plugin pads the code with start_line blank lines before its first line
        index = frame.lineno - test.start_line - 1
        origin = origins[index] if 0 <= index < len(origins) else None
        text = code_lines[index].strip() if 0 <= index < len(code_lines) else ""
        lines.append(f"  {_where(origin, page)}")
        lines.append(f"    {text}")
    return "Traceback (most recent call last):\n" + "\n".join(lines) + "\n" + excinfo.exconly()


def fence_languages(text):
    """(language, options) of every fence opening in text, at any depth.

    An independent count for the guard test: a line scan, not a parser,
    so that a fence the parser misses still shows up here. Fences inside
    non-Python fences (a Markdown example, say) are not counted.
    """
    found = []
    open_fence = None
    for line in text.split("\n"):
        stripped = line.strip()
        marker = stripped[:3]
        if marker not in ("```", "~~~"):
            continue
        info = stripped.lstrip(marker[0]).strip()
        if open_fence is not None:
            if not info and stripped.startswith(open_fence):
                open_fence = None
            continue
        run = len(stripped) - len(stripped.lstrip(marker[0]))
        open_fence = marker[0] * run
        words = info.strip("{}").split()
        lang = next((w.lstrip(".") for w in words if w.startswith(".")), None)
        if lang is None and words:
            lang = words[0]
        options = [w for w in words if w.lstrip(".") != lang]
        found.append((lang, options))
    return found
