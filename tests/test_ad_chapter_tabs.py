"""The framework tabs of docs/automatic-differentiation.md compute the same numbers.

Each tab is a listing, snippets/automatic_differentiation/<topic>_<framework>.py,
that leaves its result in a variable of the same name in every framework. The
three listings of a topic run here side by side and must agree to 1e-10 (all
in float64). The page must show every one of them, as a tab, and the
generated figures; the committed benchmark CSV they are drawn from must
describe its machine and hold both modes for both frameworks.
"""

import numpy as np
import pytest

from framework_tabs import (
    FRAMEWORKS, ROOT, assert_like_the_engine, benchmark_csv, listings_shown, run_listings,
    tab_groups,
)

FOLDER = "automatic_differentiation"
LISTINGS = ROOT / "snippets" / FOLDER
PAGE = ROOT / "docs" / "automatic-differentiation.md"
TOPICS = {"gradient": ["grad_W"], "jvp_vjp": ["jvp_out", "vjp_out"], "hvp": ["Hv"]}


@pytest.fixture(scope="module")
def results():
    runs = run_listings(FOLDER, [f"{t}_{f}" for t in TOPICS for f in FRAMEWORKS])
    return {(t, f): runs[f"{t}_{f}"] for t in TOPICS for f in FRAMEWORKS}


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("framework", ["pytorch", "jax"])
def test_framework_tab_agrees_with_the_engine(results, topic, framework):
    for name in TOPICS[topic]:
        ours = results[topic, "engine"][name]
        theirs = results[topic, framework][name]
        assert_like_the_engine(ours, theirs, f"{framework}: {name}")
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-10)


def test_every_listing_of_the_folder_is_on_the_page():
    assert listings_shown(PAGE, FOLDER) == {path.stem for path in LISTINGS.glob("*.py")}


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_is_one_tab_group_in_framework_order(topic):
    """Three consecutive tabs, engine / PyTorch / JAX, each holding its listing."""
    assert tab_groups(PAGE, FOLDER, topic) == 1


def test_committed_benchmark_csv_describes_machine_and_both_modes():
    """The chapter's figures are drawn from this file (tools/generators/ad_cost_figure.py)."""
    comments, rows = benchmark_csv("ad_cost.csv")
    for fact in ("cpu:", "cores", "numpy", "torch", "threads", "timing:", "date:"):
        assert fact in comments
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
