"""Shared fixtures for tests/ (the doc-test parser is the plugin doc_harness)."""

pytest_plugins = ["browser_fixtures"]
