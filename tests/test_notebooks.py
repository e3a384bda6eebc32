"""The companion notebooks: executed deterministically, rendered light, downloadable.

Sources are jupytext percent files in snippets/notebooks/; `make notebooks`
(tools/notebooks.py) executes them into docs/notebooks/, and the site renders
and offers those files (tools/notebook_pages.py adds the button).
"""

import json
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "benchmarks")]

import notebooks  # noqa: E402
import render_math  # noqa: E402

SOURCES = notebooks.sources()
NAMES = [s.stem for s in SOURCES]
EXECUTED = ROOT / "docs" / "notebooks"
REQUIRED = {"gradient-checking", "automatic-differentiation", "worked-examples"}


def test_required_notebooks_exist():
    assert REQUIRED <= set(NAMES)


@pytest.fixture(scope="module")
def executed_again(tmp_path_factory):
    """Every notebook executed once more, in a fresh kernel, as `make notebooks` did into
    docs/notebooks/ (the same tools/notebooks.py)."""
    out = tmp_path_factory.mktemp("executed")
    for source in SOURCES:
        notebooks.write(notebooks.execute(source), out / f"{source.stem}.ipynb")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_executions_are_byte_identical(executed_again, name):
    """Two executions, each in a fresh kernel, give the same bytes: make notebooks' (what
    the site renders and offers) and this one. So the site's notebook is also up to date
    with its source."""
    built = EXECUTED / f"{name}.ipynb"
    assert built.is_file(), "run `make notebooks`"
    assert built.read_bytes() == (executed_again / f"{name}.ipynb").read_bytes(), (
        f"docs/notebooks/{name}.ipynb differs from a second execution: stale (run "
        "`make notebooks`) or not deterministic")


@pytest.mark.parametrize("name", NAMES)
def test_executed_notebook_is_clean(executed_again, name):
    nb = nbformat.read(executed_again / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    assert [c.id for c in nb.cells] == [f"cell-{i}" for i in range(len(nb.cells))]
    assert set(nb.metadata) <= {"kernelspec", "language_info"}
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count == i for i, c in enumerate(code, 1))  # top to bottom
    assert any(c.outputs for c in code)
    for cell in nb.cells:
        assert cell.metadata == {}
        for output in cell.get("outputs", []):
            assert output.output_type != "error"
            assert not re.search(r"0x[0-9a-f]{6,}", json.dumps(output.get("data", output.get("text"))))
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_a_failing_cell_fails_the_run(tmp_path):
    source = tmp_path / "broken.py"
    source.write_text('# %% [markdown]\n# # Broken\n\n# %%\nassert 1 + 1 == 3, "on purpose"\n')
    with pytest.raises(Exception, match="on purpose"):
        notebooks.execute(source)


def test_an_address_in_an_output_fails_the_run(tmp_path):
    source = tmp_path / "address.py"
    source.write_text("# %% [markdown]\n# # Address\n\n# %%\nobject()\n")
    with pytest.raises(RuntimeError, match="memory address"):
        notebooks.execute(source)


def test_a_warning_has_the_same_bytes_on_every_run(tmp_path):
    """A warning names its cell's file, /tmp/ipykernel_<pid>/<hash>.py: shown as <cell>."""
    source = tmp_path / "warn.py"
    source.write_text(
        "# %% [markdown]\n# # Warn\n\n# %%\nimport warnings\nimport os\n"
        "warnings.warn('careful')\nprint(os.getcwd())\n"
    )
    runs = [nbformat.writes(notebooks.execute(source)) for _ in range(2)]
    assert runs[0] == runs[1]
    streams = {o.name: o.text for o in nbformat.reads(runs[0], as_version=4).cells[1].outputs}
    assert streams["stderr"].startswith("<cell>:3: UserWarning: careful")
    assert streams["stdout"] == ".\n"  # the temporary working directory
    assert "ipykernel_" not in runs[0]


def test_notebook_sources_stay_out_of_docs():
    # pytest-markdown-docs imports every .py under docs/, and mkdocs-jupyter would render it
    assert not list((ROOT / "docs").rglob("*.py"))


def test_render_math_finds_mkdocs_jupyter_markdown(tmp_path):
    """render_math's NOTEBOOK_MARKDOWN matches what mkdocs-jupyter 0.26 emits."""
    from mkdocs_jupyter import convert

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# T\n\nInline $x^\\top A x$ and\n\n$$\\frac{a}{b}$$\n\n`$not math$`"),
        nbformat.v4.new_code_cell("s = '$1 and $2'", id="c1"),
    ])
    path = tmp_path / "t.ipynb"
    nbformat.write(nb, path)
    page = convert.nb2html(str(path), no_prompt=True)
    assert render_math.NOTEBOOK_MARKDOWN.search(page)
    batch = render_math.Batch()
    render_math._notebook_markdown(page, batch, "t")
    assert [(f["tex"], f["display"]) for f in batch.formulas] == [
        ("x^\\top A x", False), ("\\frac{a}{b}", True)
    ]


# --- the built site ----------------------------------------------------------

def _page(name):
    return f"notebooks/{name}.html"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_page_is_slim_and_rendered(site_dir, name):
    text = (site_dir / _page(name)).read_text()
    assert "jp-RenderedMarkdown" in text
    assert "--jp-" not in text and "MathJax" not in text and "clipboard-copy" not in text
    assert 'class="math"' in text and "<math" in text
    download = re.search(r'<a class="md-button md-button--primary" href="([^"]+)" download '
                         r'data-notebook="([^"]+)">Download notebook \(\.ipynb\)</a>', text)
    assert download and download[1] == f"{name}.ipynb"
    executed = (EXECUTED / f"{name}.ipynb").read_text()
    offered = site_dir / "notebooks" / download[1]
    assert offered.read_text() == executed
    embedded = re.search(rf'<script type="application/json" id="{download[2]}">(.*?)</script>',
                         text, re.S)
    assert embedded and embedded[1] == executed  # the copy saved over file://


def test_notebook_pages_weigh_at_most_twice_a_chapter(page_weights):
    weights, _ = page_weights
    gzip_of = {w.path: w.gzip for w in weights}
    chapter = gzip_of["layout-conventions.html"]
    for name in NAMES:
        assert gzip_of[_page(name)] <= 2 * chapter, (name, gzip_of[_page(name)], chapter)


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize("name", NAMES)
def test_download_button_gives_the_executed_notebook(visit, name, scheme, tmp_path):
    visit_ = visit(_page(name), scheme=scheme)
    page = visit_.page
    button = page.get_by_role("link", name="Download notebook (.ipynb)")
    assert button.is_visible()
    with page.expect_download() as info:
        button.click()
    saved = tmp_path / "nb.ipynb"
    assert info.value.suggested_filename == f"{name}.ipynb"
    info.value.save_as(saved)
    assert saved.read_bytes() == (EXECUTED / f"{name}.ipynb").read_bytes()
    nb = nbformat.read(saved, as_version=4)
    assert any(c.get("outputs") for c in nb.cells)  # downloaded with its outputs
    assert visit_.console_errors == [] and visit_.failed_requests == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_code_cells_follow_the_colour_scheme(visit, dark):
    page = visit(_page("automatic-differentiation"), dark=dark).page
    style = page.evaluate("""() => {
        const css = el => getComputedStyle(document.querySelector(el));
        return [css('.jp-InputArea-editor').backgroundColor,
                css('.jp-InputArea-editor pre').color,
                css('.jp-OutputArea-output pre').color];
    }""")
    code_bg, code_fg, output_fg = (sum(map(int, re.findall(r"\d+", c)[:3])) for c in style)
    # Dark cells with light text in dark mode, the reverse in light mode (the theme's colours)
    if dark:
        assert code_bg < 200 and code_fg > 450 and output_fg > 450, style
    else:
        assert code_bg > 700 and code_fg < 300 and output_fg < 300, style
