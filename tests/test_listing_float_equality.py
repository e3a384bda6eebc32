"""No listing compares computed floats with == or !=, unless it says why that is exact.

A listing runs on every reader's machine, with whatever BLAS their NumPy links:
``np.linalg.det`` of the singular [[1, 2, 3], [4, 5, 6], [7, 8, 9]] is exactly 0
with OpenBLAS and about 6.7e-16 with MKL or Accelerate. This test walks the
syntax tree of every listing and flags an ``==`` or ``!=`` one of whose sides
is a float: a float literal (``0.0``, ``np.inf``), a call into NumPy, SciPy,
PyTorch or ``math`` that returns floats, or a name assigned from one. A
genuine exact case (an overflow to inf, the sign from ``slogdet``) carries a
comment ``# exact: <why>`` on a line of the comparison or on a comment line
just above it.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LISTINGS = sorted(
    p for p in (ROOT / "snippets").rglob("*.py") if "matcalc" not in p.relative_to(ROOT / "snippets").parts
)
MODULES = {"np", "numpy", "scipy", "torch", "math", "jnp"}
# Calls into those modules that return integers, booleans or shapes: exact by nature
EXACT_CALLS = {
    "matrix_rank", "argmax", "argmin", "count_nonzero", "size", "ndim", "shape", "all", "any",
    "array_equal", "isclose", "allclose", "isfinite", "isnan", "isinf", "unique", "flatnonzero",
    "nonzero", "sum_of_bools", "numel", "dim", "signbit",
}
FLOAT_ATTRIBUTES = {"inf", "nan", "pi", "e"}
EXACT = re.compile(r"#\s*exact:\s*\S")


def _root(node):
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_float(node, float_names):
    """Whether an expression is (or contains at its top) a float computed or typed as one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, float)
    if isinstance(node, ast.UnaryOp):
        return _is_float(node.operand, float_names)
    if isinstance(node, ast.BinOp):
        return _is_float(node.left, float_names) or _is_float(node.right, float_names)
    if isinstance(node, ast.Attribute) and node.attr in FLOAT_ATTRIBUTES and _root(node) in MODULES:
        return True
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in EXACT_CALLS or name in {"len", "int", "bool", "round", "type", "isinstance", "tuple"}:
            return False
        if _root(node.func) in MODULES:
            return True
        return any(_is_float(arg, float_names) for arg in node.args) and name in {"abs", "float", "max", "min", "sum"}
    if isinstance(node, ast.Name):
        return node.id in float_names
    if isinstance(node, ast.Subscript):
        return _is_float(node.value, float_names)
    return False


def _float_names(tree):
    """Names assigned from a float expression anywhere in the module (one pass, in order)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_float(node.value, names):
            for target in node.targets:
                for leaf in ast.walk(target):
                    if isinstance(leaf, ast.Name):
                        names.add(leaf.id)
    return names


def float_comparisons(source):
    """(line, text) of each == / != with a float side and no ``# exact:`` comment."""
    tree = ast.parse(source)
    lines = source.splitlines()
    float_names = _float_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, sides, sides[1:]):
            if not isinstance(op, (ast.Eq, ast.NotEq)):
                continue
            if not (_is_float(left, float_names) or _is_float(right, float_names)):
                continue
            span = lines[node.lineno - 1 : node.end_lineno]
            above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
            if above.startswith("#"):
                span.append(above)
            if not any(EXACT.search(line) for line in span):
                found.append((node.lineno, lines[node.lineno - 1].strip()))
    return found


@pytest.mark.parametrize("path", LISTINGS, ids=lambda p: str(p.relative_to(ROOT / "snippets")))
def test_no_exact_float_equality(path):
    found = float_comparisons(path.read_text(encoding="utf-8"))
    assert not found, "\n".join(
        f"{path.relative_to(ROOT)}:{line}: {text}  (compare with a tolerance, or add '# exact: why')"
        for line, text in found
    )


@pytest.mark.parametrize(
    "source, flagged",
    [
        ("import numpy as np\nassert np.linalg.det(A) == 0.0\n", True),
        ("import numpy as np\nd = np.linalg.det(A)\nassert d != 0\n", True),
        ("import numpy as np\nassert err == 0.0\n", True),
        ("import numpy as np\nassert x == -np.inf\n", True),
        ("import numpy as np\nassert abs(np.linalg.det(A)) == 0\n", True),
        ("import numpy as np\nassert np.linalg.det(A) == np.inf  # exact: 10^400 overflows\n", False),
        ("import numpy as np\n# exact: a literal\nassert d.default == 1e-6\n", False),
        ("import numpy as np\n# exact: a literal\nx = 1\nassert d.default == 1e-6\n", True),
        ("import numpy as np\nassert np.linalg.matrix_rank(A) == 2\n", False),
        ("import numpy as np\nassert J.shape == (3, 2) and len(path) == 2\n", False),
        ("import numpy as np\nassert np.linalg.det(A) < 1e-12\n", False),
        ("assert f.latex() == 'x'\n", False),
    ],
)
def test_the_walk_flags_what_it_should(source, flagged):
    assert bool(float_comparisons(source)) == flagged
