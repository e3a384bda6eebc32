"""The framework tabs of docs/autodiff-in-practice.md compute the same numbers.

Each tab is a listing, snippets/autodiff_in_practice/<topic>_<framework>.py, that
leaves its result in variables of the same names in every framework. The three
listings of a topic run here side by side and must agree to a relative error of
1e-10 (all in float64); the LayerNorm and attention tabs must also agree with the
hand-derived NumPy backward (<topic>_backward.py). The page must show every
listing, each topic as one tab group in framework order.
"""

import numpy as np
import pytest

from framework_tabs import (
    FRAMEWORKS, ROOT, assert_like_the_engine, benchmark_csv, listings_shown, run_listings,
    tab_groups,
)

FOLDER = "autodiff_in_practice"
LISTINGS = ROOT / "snippets" / FOLDER
PAGE = ROOT / "docs" / "autodiff-in-practice.md"
TOPICS = {
    "per_example": ["G"],
    "custom_vjp": ["grad_x"],
    "stop_gradient": ["grad_x"],
    "solve": ["grad_A", "grad_b"],
    "ridge": ["dL_dlam", "dL_dlam_unrolled"],
    "layernorm": ["grad_X", "grad_gamma", "grad_beta"],
    "attention": ["grad_Q", "grad_K", "grad_V"],
}
BY_HAND = ("layernorm", "attention")


def relative_error(ours, theirs):
    return np.max(np.abs(ours - theirs)) / np.max(np.abs(theirs))


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    keys = [(t, k) for t in TOPICS for k in list(FRAMEWORKS) + (["backward"] if t in BY_HAND else [])]
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path_factory.mktemp("run"))  # a listing must not depend on the cwd
        runs = run_listings(FOLDER, [f"{t}_{k}" for t, k in keys])
    return {(t, k): runs[f"{t}_{k}"] for t, k in keys}


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("framework", ["pytorch", "jax"])
def test_framework_tab_agrees_with_the_engine(results, topic, framework):
    for name in TOPICS[topic]:
        ours = np.asarray(results[topic, "engine"][name])
        theirs = results[topic, framework][name]
        assert_like_the_engine(ours, theirs, f"{framework}: {name}")
        assert relative_error(ours, theirs) < 1e-10, (topic, framework, name)


@pytest.mark.parametrize("topic", BY_HAND)
@pytest.mark.parametrize("framework", list(FRAMEWORKS))
def test_hand_derived_backward_agrees_with_autograd(results, topic, framework):
    for name in TOPICS[topic]:
        hand = results[topic, "backward"][name]
        auto = np.asarray(results[topic, framework][name])
        assert hand.shape == auto.shape
        assert relative_error(hand, auto) < 1e-10, (topic, framework, name)


def test_a_wrong_backward_would_fail(results):
    """The comparison can fail: the softmax VJP without its row-sum term is far off."""
    hand = results["attention", "backward"]
    Q, K, V, G = hand["Q0"], hand["K0"], hand["V0"], hand["G"]
    P = hand["softmax_rows"](Q @ K.T / np.sqrt(Q.shape[1]))
    wrong_Q = (P * (G @ V.T)) @ K / np.sqrt(Q.shape[1])  # diag(p) alone, p p^T dropped
    assert relative_error(wrong_Q, results["attention", "jax"]["grad_Q"]) > 1e-3


def test_every_listing_of_the_folder_is_on_the_page():
    assert listings_shown(PAGE, FOLDER) == {path.stem for path in LISTINGS.glob("*.py")}


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_is_one_tab_group_in_framework_order(topic):
    assert tab_groups(PAGE, FOLDER, topic) == 1


def test_adjoint_benchmark_csv_describes_machine_and_every_method():
    """The figure is drawn from this file (tools/generators/autodiff_practice_figures.py)."""
    comments, rows = benchmark_csv("adjoint_vs_unrolled.csv")
    for fact in ("cpu:", "cores", "numpy", "torch", "threads", "timing:", "date:"):
        assert fact in comments
    sizes = {int(r["n"]) for r in rows}
    assert len(sizes) >= 4
    for method, steps in (("adjoint", 0), ("unrolled", 100), ("unrolled", 1000)):
        mine = [r for r in rows if r["method"] == method and int(r["steps"]) == steps]
        assert {int(r["n"]) for r in mine} == sizes
        assert all(float(r["time_s"]) > 0 and int(r["saved_bytes"]) > 0 for r in mine)
    # The adjoint is exact; 1000 steps converge on this well-conditioned problem
    assert all(float(r["rel_error"]) < 1e-8 for r in rows if r["method"] == "adjoint")


def test_per_example_benchmark_csv_describes_machine_and_every_method():
    comments, rows = benchmark_csv("per_example_vmap.csv")
    for fact in ("cpu:", "cores", "torch", "jax", "threads", "timing:", "date:"):
        assert fact in comments
    batches = {int(r["batch"]) for r in rows}
    assert len(batches) >= 4
    for framework, method in (("pytorch", "loop"), ("pytorch", "vmap"), ("jax", "vmap")):
        mine = [r for r in rows if r["framework"] == framework and r["method"] == method]
        assert {int(r["batch"]) for r in mine} == batches
        for r in mine:
            assert float(r["per_example_us"]) == pytest.approx(
                float(r["time_s"]) / int(r["batch"]) * 1e6, rel=1e-3, abs=5e-4)  # 3 decimals


def test_page_shows_the_generated_figures():
    text = PAGE.read_text(encoding="utf-8")
    for name in ("per-example-vmap", "adjoint-vs-unrolled"):
        assert f'--8<-- "docs/generated/figures/{name}.svg"' in text
