"""The registry's gradient rows in the gradient checker's syntax, with "check this row" links.

Writes, below ``out_dir``:
- ``checker/rows.md``: a Markdown fragment for docs/gradient-checker.md, one line per
  gradient row of matcalc.identities: f, the derivative and the declarations as the
  panel reads them, a link that fills the panel and checks, and a link per wrong
  variant (each must fail); rows the syntax cannot express are listed with the reason;
- ``checker/rows.json``: the same data, for tests/test_gradient_checker_browser.py.

The text is printed from the registry's formula nodes (``mathjs``), never typed here.
"""

import json
from urllib.parse import quote

from matcalc.formula import (
    Abs, Alias, Const, Det, DimScalar, Div, Elementwise, Eye, Hadamard, Inverse, Neg,
    Norm, Ones, Pow, Product, Sum, Trace, Transpose, Var,
)
from matcalc.identities import DEFAULT_DIMS, IDENTITIES

# The registry's kinds as the panel's properties; None: the panel cannot draw it
PROPERTIES = {"any": "", "direction": "", "nonzero": "", "nonzero_vector": "",
              "invertible": "invertible",
              "spd": "spd", "symmetric": "symmetric", "positive": "positive",
              "sym_gap": None, "sv_gap": None, "prob": None, "binary": None}
ELEMENTWISE = {"exp", "log", "tanh"}
# One-argument nodes and their names in the panel's syntax
FUNCTIONS = {Inverse: "inv", Trace: "trace", Det: "det", Abs: "abs"}


# Nodes whose class name does not read as words
READABLE = {"NuclearNorm": "the nuclear norm (a sum of singular values)",
            "SpectralNorm": "the spectral norm (the largest singular value)",
            "SingularVectors": "an SVD's singular vectors"}


class Unsupported(Exception):
    """The node has no form in the panel's syntax; the message says which."""


def mathjs(node, dims=DEFAULT_DIMS):
    """The formula in the checker's MATLAB-like syntax (fully parenthesised)."""

    def p(n):
        if isinstance(n, Var):
            return n.name
        if isinstance(n, Const):
            v = n.value
            return str(v.numerator) if v.denominator == 1 else f"({v.numerator}/{v.denominator})"
        if isinstance(n, DimScalar):
            return str(dims[n.dim])
        if isinstance(n, Eye):
            return f"eye({dims[n.dim]})"
        if isinstance(n, Ones):
            return f"ones({dims[n.dim]}, 1)"
        if isinstance(n, Alias):
            return p(n.expr)
        if isinstance(n, Sum):
            return "(" + " + ".join(p(t) for t in n.children) + ")"
        if isinstance(n, Neg):
            return f"(-{p(n.children[0])})"
        if isinstance(n, Product):
            return "(" + "*".join(p(f) for f in n.children) + ")"
        if isinstance(n, Hadamard):
            return "(" + ".*".join(p(f) for f in n.children) + ")"
        if isinstance(n, Div):
            return f"({p(n.children[0])}/{p(n.children[1])})"
        if isinstance(n, Pow):
            v = n.power
            power = str(v.numerator) if v.denominator == 1 else f"({v.numerator}/{v.denominator})"
            return f"({p(n.children[0])}^{power})"
        if isinstance(n, Transpose):
            return f"{p(n.children[0])}'"
        if type(n) in FUNCTIONS:
            return f"{FUNCTIONS[type(n)]}({p(n.children[0])})"
        if isinstance(n, Norm):
            arg = p(n.children[0])
            return f"sum(abs({arg}))" if n.which == "1" else f"norm({arg})"
        if isinstance(n, Elementwise):
            arg = p(n.children[0])
            if n.name in ELEMENTWISE:
                return f"{n.name}({arg})"
            if n.name == "sign":  # x ./ |x|: the sign where x is nonzero, as the row assumes
                return f"({arg}./abs({arg}))"
            raise Unsupported(f"{n.name} is not in the syntax")
        name = READABLE.get(type(n).__name__, type(n).__name__.lower())
        raise Unsupported(f"{name} is not in the syntax")

    return p(node)


def declarations(row, dims=DEFAULT_DIMS):
    lines = []
    for var in row.variables.values():
        prop = PROPERTIES[var.kind]
        if prop is None:
            raise Unsupported(f"{var.name}: the panel cannot draw kind {var.kind!r}")
        shape = "scalar" if not var.dims else " x ".join(str(dims[d]) for d in var.dims)
        lines.append(f"{var.name}: {shape}" + (f" {prop}" if prop else ""))
    return "; ".join(lines)


def query(variables, wrt, f, gradient):
    pairs = [("variables", variables), ("wrt", wrt), ("f", f), ("gradient", gradient)]
    return "?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in pairs)


def panel_row(row):
    """The row in the panel's syntax, as a dict; Unsupported says why it cannot be."""
    if row.kind != "gradient":
        raise Unsupported(f"a {'Jacobian' if row.kind == 'jacobian' else 'vec derivative'}, "
                          "not the gradient of a scalar")
    return {"id": row.id, "title": row.title, "variables": declarations(row),
            "wrt": row.wrt, "f": mathjs(row.f_expr),
            "gradient": mathjs(row.derivative_expr),
            "wrong": {name: mathjs(node) for name, node in row.wrong.items()}}


def panel_link(row):
    """Relative link (from any page in docs/) that checks the row in the panel, or None."""
    try:
        e = panel_row(row)
    except Unsupported:
        return None
    return "gradient-checker.md" + query(e["variables"], e["wrt"], e["f"], e["gradient"])


def rows():
    """(expressible, not_expressible): dicts per gradient row; reasons for the rest."""
    ok, other = [], []
    for row in IDENTITIES:
        try:
            ok.append(panel_row(row))
        except Unsupported as e:
            other.append({"id": row.id, "title": row.title, "reason": str(e)})
    return ok, other


def cell(text):
    """Text for a Markdown table cell: a "|" would end the cell."""
    return text.replace("|", "\\|")


def markdown(ok, other):
    out = [f"{len(ok)} of {len(ok) + len(other)} rows of the identity tables are gradients the "
           "panel can express. Each link fills the panel and checks; the row's derivative must "
           "pass and each wrong variant must fail.", "",
           "| Row | f | Gradient | Check | Wrong variants (each fails) |", "|---|---|---|---|---|"]
    for e in ok:
        # A "|" in a link text would end the table cell: escape it
        wrong = ", ".join(f"[{cell(name)}]({query(e['variables'], e['wrt'], e['f'], g)})"
                          for name, g in e["wrong"].items()) or "none"
        out.append(f"| [{e['title']}](identities.md#check-{e['id']}) | `{e['f']}` | `{e['gradient']}` | "
                   f"[check this row]({query(e['variables'], e['wrt'], e['f'], e['gradient'])}) | {wrong} |")
    out += ["", "Rows the panel cannot check, and why:", ""]
    out += [f"- [{e['title']}](identities.md#check-{e['id']}): {e['reason']}" for e in other]
    return "\n".join(out) + "\n"


def generate(out_dir):
    ok, other = rows()
    folder = out_dir / "checker"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rows.md").write_text(markdown(ok, other), encoding="utf-8")
    (folder / "rows.json").write_text(json.dumps({"rows": ok, "other": other}, indent=1) + "\n",
                                      encoding="utf-8")
