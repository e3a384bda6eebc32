"""What the doc tests execute is what MkDocs renders.

pytest-markdown-docs would run an include line (``--8<-- "file.py:body"``)
as Python and would not see fences indented inside content tabs or
admonitions. The parser returned here first expands includes with
pymdownx's own snippet preprocessor, configured from mkdocs.yml, then
re-parses every indented block so nested fences are collected too.
"""

import functools
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


def _fences(tokens, parser, line_offset):
    for token in tokens:
        if token.type == "fence":
            if token.map:
                token.map = [token.map[0] + line_offset, token.map[1] + line_offset]
            yield token
        elif token.type == "code_block" and token.map:
            # An indented block: the body of a tab, an admonition or a
            # collapsible; its content may hold fences of its own
            inner = parser.parse(token.content)
            yield from _fences(inner, parser, line_offset + token.map[0])


class ExpandingMarkdownIt:
    """Quacks like MarkdownIt for pytest-markdown-docs: only .parse is used."""

    def __init__(self):
        self._parser = MarkdownIt("commonmark")

    def parse(self, text, env=None):
        expanded = expand_snippets(text)
        return list(_fences(self._parser.parse(expanded), self._parser, 0))


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
