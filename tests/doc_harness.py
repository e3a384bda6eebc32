"""pytest plugin (loaded with -p from pyproject.toml): doc tests run the expanded text.

A conftest.py under tests/ would not reach docs/, so the parser hook lives
in a plugin that pytest loads before collecting anything.
"""

import os
import tempfile

import pytest

from markdown_harness import ExpandingMarkdownIt, describe_failure


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    return ExpandingMarkdownIt()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing doc test names the page line of its include and the listing's file and line."""
    outcome = yield
    report = outcome.get_result()
    definition = getattr(item, "test_definition", None)
    if definition is not None and call.when == "call" and call.excinfo is not None:
        report.longrepr = describe_failure(definition, call.excinfo)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A doc test runs in an empty temporary directory: what it shows must not depend on,
    or litter, the reader's working directory."""
    if getattr(item, "test_definition", None) is None:
        return (yield)
    before = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            result = yield
        finally:
            os.chdir(before)
        left = sorted(os.listdir(tmp))
    if left:
        raise AssertionError(f"the code left files in the working directory: {left}")
    return result
