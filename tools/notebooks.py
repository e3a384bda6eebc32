"""Execute the companion notebooks once, deterministically: `make notebooks`.

Each jupytext percent file ``snippets/notebooks/<name>.py`` (the single source)
runs top to bottom in a fresh kernel, in an empty working directory, and is
written as ``docs/notebooks/<name>.ipynb`` (git-ignored). mkdocs-jupyter renders
those files without executing them again, and the site offers the same files
as downloads.

Deterministic bytes: cell ids are ``cell-<index>``, no timing or execution
metadata is kept, jupytext's own metadata is dropped, and an output holding a
memory address (``0x7f...``) fails the run, as does any cell error. A warning
names the file of its cell, a per-process temporary path
(``/tmp/ipykernel_<pid>/<hash>.py``): outputs show it as ``<cell>``, and the
run's temporary working directory as ``.``.

Usage: python tools/notebooks.py [--out DIR] [SOURCE.py ...]
"""

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "snippets" / "notebooks"
DEFAULT_OUT = ROOT / "docs" / "notebooks"
ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")
# The file ipykernel compiles a cell into, below the temporary directory of its process
CELL_FILE = re.compile(r"(?:[^\s\"'()]*[/\\])?ipykernel_\d+[/\\]\d+\.py")
KEEP_NOTEBOOK_METADATA = ("kernelspec", "language_info")
TIMEOUT = 300  # seconds per cell
# The kernel's environment on top of ours: the same hashes and plotting backend on every run
KERNEL_ENV = {"PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}


def sources():
    return sorted(SOURCES.glob("*.py"))


def _outputs_text(cell):
    for output in cell.get("outputs", []):
        if "text" in output:
            yield output["text"]
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/"):
                yield value if isinstance(value, str) else "".join(value)


def normalise_paths(text, cwd):
    """Output text without the per-process paths of a run: cell files and the working directory."""
    text = CELL_FILE.sub("<cell>", text)
    for path in {str(cwd), str(Path(cwd).resolve())}:
        text = text.replace(path, ".")
    return text


def _normalise_outputs(cell, cwd):
    for output in cell.get("outputs", []):
        if "text" in output:
            output["text"] = normalise_paths(output["text"], cwd)
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/") and isinstance(value, str):
                output["data"][mime] = normalise_paths(value, cwd)


def execute(source):
    """The executed notebook of one percent-format source, with deterministic bytes."""
    nb = jupytext.read(source)
    nb.nbformat, nb.nbformat_minor = 4, 5
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
        cell.metadata = {}
    with tempfile.TemporaryDirectory() as cwd:
        client = NotebookClient(
            nb,
            timeout=TIMEOUT,
            kernel_name="python3",
            allow_errors=False,
            record_timing=False,
            resources={"metadata": {"path": cwd}},
        )
        client.execute(env={**os.environ, **KERNEL_ENV})
    for cell in nb.cells:
        cell.metadata = {}
        _normalise_outputs(cell, cwd)
        for text in _outputs_text(cell):
            if ADDRESS.search(text):
                raise RuntimeError(f"{source.name}: a memory address in an output: {text[:120]!r}")
    nb.metadata = {key: nb.metadata[key] for key in KEEP_NOTEBOOK_METADATA if key in nb.metadata}
    nbformat.validate(nb)
    return nb


def write(nb, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb) + "\n"
    path.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("sources", type=Path, nargs="*")
    args = parser.parse_args()
    for source in args.sources or sources():
        target = args.out / f"{source.stem}.ipynb"
        write(execute(source), target)
        print(f"notebooks: executed {source.relative_to(ROOT) if source.is_absolute() else source} -> {target}")


if __name__ == "__main__":
    main()
