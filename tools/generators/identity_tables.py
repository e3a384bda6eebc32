"""Identity tables and identities.json, written from matcalc.identities.

Writes, below ``out_dir`` (docs/generated/ for `make generate`):
- ``identities/<table>.md``: one heading-less Markdown fragment per table, with
  content tabs "Denominator layout" / "Numerator layout". A page includes it
  with ``--8<-- "docs/generated/identities/<table>.md"`` under its own heading.
- ``identities/verification.md``: one row per identity with its registry id,
  which checks passed and which wrong variants they reject; the identities
  page (docs/identities.md) includes it.
- ``identities.json``: every row's id, LaTeX in both layouts, assumptions,
  sources, check status and the library versions that verify it.

Each row's permalink is ``#id-<id>``; the id sits on the row's first cell in
the denominator tab only (ids are unique on a page), and the numerator tab's
rows link to it. Each row's "Checked" cell links to its line of the
verification table, ``identities.md#check-<id>`` (pages live side by side in
docs/, so the link works from any page that includes a table); in the
denominator tab, a row the gradient checker can express also links "check this
row" into the panel (docs/gradient-checker.md), pre-filled. LaTeX comes
from the registry's formula objects, never typed here.
"""

import json
import re
from importlib.metadata import version
from pathlib import Path

from matcalc.identities import IDENTITIES, SYMBOLIC_UNDECIDED, TABLES, in_table

from generators.checker_rows import panel_link

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = "snippets/matcalc/identities.py"
VERIFIED_WITH = ("numpy", "sympy", "torch")

DENOMINATOR_NOTE = (
    "Denominator layout, this site's convention: a gradient has the shape of its "
    "variable, the Jacobian of \\(f: \\R^n \\to \\R^m\\) is \\(n \\times m\\), and a "
    "matrix-valued map shows \\(\\partial \\vecop F / \\partial \\vecop X\\) (columns stacked)."
)
NUMERATOR_NOTE = (
    "Numerator layout: every derivative is the transpose of the denominator one, so the "
    "derivative of a scalar by a vector is a row (the gradient keeps the variable's shape) and "
    "the Jacobian of \\(f: \\R^n \\to \\R^m\\) is \\(m \\times n\\). "
    "Hessians and differentials do not depend on the layout."
)
CHECKS = {
    "finite_differences": "central differences (h = 1e-5) at random inputs of three shapes; "
    "relative error below 1e-6; every wrong variant above 1e-3",
    "autodiff": "PyTorch autograd of the same formula, float64; relative error below 1e-10",
    "symbolic": "SymPy differentiates explicit entries at small sizes; 'agrees' only if its "
    "derivative is neither 0 nor unevaluated and simplifies to the row's; otherwise 'undecided'",
}


PAGE = "identities.md"


def definition_lines():
    """Line of each entry's ``id="..."`` in the registry source."""
    lines = {}
    for number, line in enumerate((ROOT / REGISTRY).read_text(encoding="utf-8").splitlines(), 1):
        match = re.search(r'\bid="([a-z0-9-]+)"', line)
        if match:
            lines[match[1]] = number
    return lines


def math(tex):
    return f"\\({tex}\\)"


def check_text(entry):
    sympy = "SymPy" if entry.symbolic == "agrees" else "SymPy undecided"
    return f"FD · AD · {sympy}"


def _no_pipes(entry, cells):
    for cell in cells:
        if "|" in cell:
            raise ValueError(f"{entry.id}: a '|' would split the table cell: {cell}")
    return cells


def _cells(entry, layout, columns):
    latex = entry.latex
    anchor = f"id-{entry.id}"
    if layout == "denominator":
        name = f"[{entry.title}](#{anchor}){{#{anchor}}}"
        derivative = latex["derivative"]
    else:
        name = f"[{entry.title}](#{anchor})"
        derivative = latex.get("derivative_numerator", latex["derivative"])
    notes = [entry.assumptions] + [f"where {math(d)}" for d in entry.where]
    variable = entry.variables[entry.wrt]
    cells = [name, math(latex["f"]), math(variable.tex), math(derivative)]
    if "hessian" in columns:
        cells.append(math(latex["hessian"]) if "hessian" in latex else "")
    if "differential" in columns:
        cells.append(math(latex["differential"]) if "differential" in latex else "")
    cells.append("; ".join(n for n in notes if n))
    checked = f'[{check_text(entry)}]({PAGE}#check-{entry.id} "How this row is checked")'
    link = panel_link(entry) if layout == "denominator" else None
    if link:  # the panel takes the denominator-layout gradient
        checked += f' · [check this row]({link} "Check this row in your browser")'
    cells.append(checked)
    return _no_pipes(entry, cells)


def table_markdown(table):
    entries = in_table(table)
    columns = [c for c in ("hessian", "differential") if any(c in e.latex for e in entries)]
    header = ["Identity", "Function " + math("f"), "By", "Derivative"]
    if "hessian" in columns:
        header.append("Hessian")
    if "differential" in columns:
        header.append("Differential " + math("\\dd f"))
    header += ["Assumes", "Checked"]
    out = [
        f"<!-- Generated by tools/generators/identity_tables.py from {REGISTRY}: do not edit -->",
        "",
    ]
    for layout, label, note in (
        ("denominator", "Denominator layout", DENOMINATOR_NOTE),
        ("numerator", "Numerator layout", NUMERATOR_NOTE),
    ):
        out += [f'=== "{label}"', "", f"    {note}", ""]
        out.append("    | " + " | ".join(header) + " |")
        out.append("    |" + "---|" * len(header))
        for entry in entries:
            out.append("    | " + " | ".join(_cells(entry, layout, columns)) + " |")
        out.append("")
    return "\n".join(out)


def identities_json(lines):
    rows = []
    for entry in IDENTITIES:
        latex = entry.latex
        denominator = {"derivative": latex["derivative"]}
        numerator = {"derivative": latex.get("derivative_numerator", latex["derivative"])}
        for key in ("hessian", "differential"):
            if key in latex:
                denominator[key] = numerator[key] = latex[key]
        rows.append(
            {
                "id": entry.id,
                "anchor": f"id-{entry.id}",
                "table": entry.table,
                "title": entry.title,
                "wrt": entry.wrt,
                "kind": entry.kind,
                "latex": {"f": latex["f"], "denominator": denominator, "numerator": numerator},
                "where": entry.where,
                "assumptions": entry.assumptions,
                "source": entry.source,
                "symbolic": entry.symbolic,
                "symbolic_note": SYMBOLIC_UNDECIDED.get(entry.id),
                "wrong_variants": {name: w.latex for name, w in entry.wrong_variants.items()},
                "definition": {"file": REGISTRY, "line": lines[entry.id]},
                "checked_by": "tests/test_identities.py",
            }
        )
    return {
        "description": "Matrix calculus identities, each verified three ways by tests/test_identities.py",
        "layout": "denominator: gradients have the variable's shape; the Jacobian of f: R^n -> R^m "
        "is n x m; matrix-valued maps give d vec F / d vec X (columns stacked)",
        "verified_with": {name: version(name) for name in VERIFIED_WITH},
        "checks": CHECKS,
        "tables": TABLES,
        "identities": rows,
    }


DERIVATIVE_NAMES = {"gradient": "gradient", "jacobian": "Jacobian", "vec": "Jacobian"}


def verification_markdown():
    """One row per identity: its registry id and what the tests check.

    The id, not a line number: a reader can search the registry for ``id="..."``,
    and a line number moves with every edit above it.
    """
    header = ["Identity", "Registry id", "Compared with finite differences and PyTorch",
              "SymPy", "Wrong variants rejected", "Also published in"]
    out = [
        f"<!-- Generated by tools/generators/identity_tables.py from {REGISTRY}: do not edit -->",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for entry in IDENTITIES:
        anchor = f"check-{entry.id}"
        checked = [DERIVATIVE_NAMES[entry.kind]]
        checked += [name for name in ("hessian", "differential") if name in entry.latex]
        checked.append("numerator form")
        if entry.symbolic == "agrees":
            symbolic = "agrees"
        else:
            symbolic = f"undecided: {SYMBOLIC_UNDECIDED[entry.id]}"
        wrong = []
        for name, variant in entry.wrong_variants.items():
            # Names read "<the formula> (<why it is wrong>)"
            reason = re.search(r"\(([^()]*)\)$", name)
            wrong.append(f"{math(variant.latex)} ({reason[1]})" if reason else math(variant.latex))
        cells = [
            f"[{entry.title}](#{anchor}){{#{anchor}}} ([row](#id-{entry.id}))",
            f"`{entry.id}`",
            ", ".join(checked).replace("hessian", "Hessian"),
            symbolic,
            "; ".join(wrong),
            entry.source or "",
        ]
        out.append("| " + " | ".join(_no_pipes(entry, cells)) + " |")
    return "\n".join(out) + "\n"


def generate(out_dir):
    out_dir = Path(out_dir)
    lines = definition_lines()
    folder = out_dir / "identities"
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        (folder / f"{table}.md").write_text(table_markdown(table), encoding="utf-8")
    (folder / "verification.md").write_text(verification_markdown(), encoding="utf-8")
    text = json.dumps(identities_json(lines), indent=2, ensure_ascii=False) + "\n"
    (out_dir / "identities.json").write_text(text, encoding="utf-8")
