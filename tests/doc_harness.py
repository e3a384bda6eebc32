"""pytest plugin (loaded with -p from pyproject.toml): doc tests run the expanded text.

A conftest.py under tests/ would not reach docs/, so the parser hook lives
in a plugin that pytest loads before collecting anything.
"""

import pytest

from markdown_harness import ExpandingMarkdownIt


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    return ExpandingMarkdownIt()
