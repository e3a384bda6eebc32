"""Shared by the tests of the pages whose topics are tab groups "matcalc engine" /
"PyTorch" / "JAX" (tests/test_ad_chapter_tabs.py, tests/test_autodiff_in_practice.py):
each tab is a listing <folder>/<topic>_<framework>.py that leaves its result in
variables of the same names in every framework."""

import csv
import re
import runpy
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = {"engine": "matcalc engine", "pytorch": "PyTorch", "jax": "JAX"}


def run_listings(folder, names):
    """{name: the globals a listing leaves} for the listings <folder>/<name>.py."""
    return {name: runpy.run_path(str(ROOT / "snippets" / folder / f"{name}.py")) for name in names}


def assert_like_the_engine(ours, theirs, what):
    """A framework's result is a float64 NumPy array of the engine's shape (the callers
    compare the values, each with its page's tolerance)."""
    assert isinstance(theirs, np.ndarray), f"{what} must end as a NumPy array"
    assert theirs.dtype == np.float64, f"{what} is {theirs.dtype}"
    assert np.shape(ours) == theirs.shape, what


def listings_shown(page, folder):
    """The stems of the listings of ``folder`` that ``page`` includes."""
    return set(re.findall(rf'--8<-- "{folder}/(\w+)\.py:body"', page.read_text(encoding="utf-8")))


def tab_groups(page, folder, topic):
    """How many times the page shows the topic as three consecutive tabs in framework order."""
    pattern = r"\s*".join(
        rf'=== "{re.escape(label)}"\s*```python\s*'
        rf'--8<-- "{folder}/{topic}_{key}\.py:body"\s*```'
        for key, label in FRAMEWORKS.items()
    )
    return len(re.findall(pattern, page.read_text(encoding="utf-8")))


def benchmark_csv(name):
    """(the '#' lines joined, the rows) of benchmarks/results/<name>."""
    lines = (ROOT / "benchmarks" / "results" / name).read_text(encoding="utf-8").splitlines()
    comments = " ".join(line for line in lines if line.startswith("#"))
    return comments, list(csv.DictReader(line for line in lines if not line.startswith("#")))
