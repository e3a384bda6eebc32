"""The framework tabs of docs/automatic-differentiation.md compute the same numbers.

Each tab is a listing, snippets/automatic_differentiation/<topic>_<framework>.py,
that leaves its result in a variable of the same name in every framework. The
three listings of a topic run here side by side and must agree to 1e-10 (all
in float64). The page must show every one of them, as a tab, and the
generated figures; the committed benchmark CSV they are drawn from must
describe its machine and hold both modes for both frameworks.
"""

import csv
import re
import runpy
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
LISTINGS = ROOT / "snippets" / "automatic_differentiation"
PAGE = ROOT / "docs" / "automatic-differentiation.md"
FRAMEWORKS = {"engine": "matcalc engine", "pytorch": "PyTorch", "jax": "JAX"}
TOPICS = {"gradient": ["grad_W"], "jvp_vjp": ["jvp_out", "vjp_out"], "hvp": ["Hv"]}


@pytest.fixture(scope="module")
def results():
    return {
        (topic, framework): runpy.run_path(str(LISTINGS / f"{topic}_{framework}.py"))
        for topic in TOPICS
        for framework in FRAMEWORKS
    }


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("framework", ["pytorch", "jax"])
def test_framework_tab_agrees_with_the_engine(results, topic, framework):
    for name in TOPICS[topic]:
        ours = results[topic, "engine"][name]
        theirs = results[topic, framework][name]
        assert isinstance(theirs, np.ndarray), f"{framework}: {name} must end as a NumPy array"
        assert theirs.dtype == np.float64, f"{framework}: {name} is {theirs.dtype}"
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-10)


def test_every_listing_of_the_folder_is_on_the_page():
    text = PAGE.read_text(encoding="utf-8")
    shown = set(re.findall(r'--8<-- "automatic_differentiation/(\w+)\.py:body"', text))
    on_disk = {path.stem for path in LISTINGS.glob("*.py")}
    assert shown == on_disk


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_is_one_tab_group_in_framework_order(topic):
    """Three consecutive tabs, engine / PyTorch / JAX, each holding its listing."""
    text = PAGE.read_text(encoding="utf-8")
    pattern = r"\s*".join(
        rf'=== "{re.escape(label)}"\s*```python\s*'
        rf'--8<-- "automatic_differentiation/{topic}_{key}\.py:body"\s*```'
        for key, label in FRAMEWORKS.items()
    )
    assert len(re.findall(pattern, text)) == 1


def test_committed_benchmark_csv_describes_machine_and_both_modes():
    """The chapter's figures are drawn from this file (tools/generators/ad_cost_figure.py)."""
    lines = (ROOT / "benchmarks" / "results" / "ad_cost.csv").read_text().splitlines()
    comments = " ".join(line for line in lines if line.startswith("#"))
    for fact in ("cpu:", "cores", "numpy", "torch", "threads", "timing:", "date:"):
        assert fact in comments
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    for framework in ("matcalc.ad", "pytorch"):
        mine = [r for r in rows if r["framework"] == framework]
        reverse = {int(r["width"]) for r in mine if r["experiment"] == "reverse"
                   and r["dtype"] == "float64"}
        forward = [r for r in mine if r["experiment"] == "forward"]
        assert 512 in reverse and len(reverse) >= 5
        assert len(forward) >= 3
        assert all(r["passes"] == r["n_params"] for r in forward)
        for r in mine:
            ratio = float(r["time_gradient_s"]) / float(r["time_f_s"])
            assert float(r["time_f_s"]) > 0 and float(r["ratio"]) == pytest.approx(ratio, rel=1e-3)


def test_page_shows_the_generated_figures_and_table():
    text = PAGE.read_text(encoding="utf-8")
    for name in ("figures/ad-cost-ratio.svg", "figures/ad-cost-time.svg", "ad-cost-summary.md"):
        assert f'--8<-- "docs/generated/{name}"' in text
