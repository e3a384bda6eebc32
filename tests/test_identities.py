"""Every identity in matcalc.identities, verified three ways, and its tables in sync.

(a) central finite differences (matcalc.check_gradient / check_jacobian) at
    random inputs of three shapes: relative error below 1e-6, and above 1e-3
    for every wrong variant;
(b) PyTorch autograd of the same formula, evaluated with torch (an
    independent implementation of every node), float64, to 1e-10;
(c) SymPy differentiating explicit entries at small sizes: it counts only if
    its derivative is neither 0 nor unevaluated, simplifies to the row's, and
    matches (a) numerically; otherwise the row must be marked "undecided".
A mutation test shows each check fails when a derivative is transposed,
doubled or negated, and the generated tables and identities.json must list
exactly the registry's ids.
"""

import dataclasses
import json
import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pytest
import sympy
import torch

from matcalc import check_gradient, check_jacobian, relative_error
from matcalc.formula import (
    EigvecMax,
    Inverse,
    LambdaMax,
    Norm,
    NuclearNorm,
    NumpyOps,
    SingularVectors,
    SpectralNorm,
    SympyOps,
    Trace,
    Transpose,
    Undecidable,
    Var,
    evaluate,
    infer_dims,
)
from matcalc.identities import (
    IDENTITIES,
    KINDS,
    Identity,
    SQUARE_KINDS,
    SYMBOLIC_UNDECIDED,
    TABLES,
    by_id,
    in_table,
)

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "docs" / "generated"
IDS = [entry.id for entry in IDENTITIES]
# Distinct sizes catch transposes of rectangular matrices; the square set lets
# a wrong variant of another shape be compared by value
SHAPES = [
    {"n": 2, "m": 3, "k": 4, "p": 5, "N": 3},
    {"n": 3, "m": 2, "k": 3, "p": 2, "N": 6},
    {"n": 4, "m": 4, "k": 4, "p": 4, "N": 4},
]
SYMBOLIC_DIMS = {"n": 2, "m": 3, "k": 2, "p": 3, "N": 3}
REQUIRED = [
    "linear", "quadratic-form", "quadratic-form-symmetric", "squared-norm", "squared-distance",
    "bilinear-vector", "l1-norm", "linear-map", "row-vector-map", "sigmoid", "softmax",
    "trace-transpose-product", "trace-product", "trace-quadratic", "trace-gram",
    "frobenius-norm-squared", "log-det-spd", "log-abs-det", "det-invertible", "det-adjugate",
    "inverse", "eigenvalue-max", "log-sum-exp", "softmax-cross-entropy", "logistic-loss",
    "ridge", "frobenius-regression", "l2-norm", "trace-inverse-product", "trace-power",
    "spectral-norm", "nuclear-norm",
]

F64 = torch.float64


def entry_params():
    return pytest.mark.parametrize("entry", IDENTITIES, ids=IDS)


def samples(entry, seed=0):
    rng = np.random.default_rng(seed)
    return [entry.sample(rng, dims) for dims in SHAPES]


def fd_error(entry, inputs, derivative=None):
    """Check (a) for one input: relative error of the derivative against central differences."""
    at = entry.at(inputs)
    d = at.derivative if derivative is None else (lambda x: derivative(**{**inputs, entry.wrt: x}))
    checker = check_gradient if entry.kind == "gradient" else check_jacobian
    return checker(at.f, d, at.x)


# --- the torch backend: every node again, in PyTorch --------------------------


class TorchOps(NumpyOps):
    """The NumPy backend's contract, written with torch so autograd can run through it."""

    @staticmethod
    def var(value, ndim):
        t = value if torch.is_tensor(value) else torch.as_tensor(value, dtype=F64)
        return t.reshape(-1, 1) if ndim == 1 else t

    const = staticmethod(lambda c: torch.tensor(float(c), dtype=F64))
    transpose = staticmethod(lambda a: a.transpose(0, 1))
    inv = staticmethod(torch.linalg.inv)
    det = staticmethod(torch.linalg.det)
    trace = staticmethod(torch.trace)
    eye = staticmethod(lambda n: torch.eye(n, dtype=F64))
    ones = staticmethod(lambda n: torch.ones((n, 1), dtype=F64))
    zeros = staticmethod(lambda r, c: torch.zeros((r, c), dtype=F64))
    kron = staticmethod(torch.kron)
    diag = staticmethod(lambda v: torch.diag(v[:, 0]))
    total = staticmethod(torch.sum)
    exp = staticmethod(torch.exp)
    log = staticmethod(torch.log)
    tanh = staticmethod(torch.tanh)
    abs = staticmethod(torch.abs)
    sign = staticmethod(torch.sign)
    relu = staticmethod(torch.relu)
    step = staticmethod(lambda a: (a > 0).to(F64))
    sigmoid = staticmethod(torch.sigmoid)
    lse = staticmethod(lambda v: torch.logsumexp(v.reshape(-1), 0))
    softmax = staticmethod(lambda v: torch.softmax(v, dim=0))
    lambda_max = staticmethod(lambda a: torch.linalg.eigvals(a).real.max())
    eigvec_max = staticmethod(lambda a: torch.linalg.eigh(a)[1][:, -1:])
    spectral_norm = staticmethod(lambda a: torch.linalg.matrix_norm(a, ord=2))
    nuclear_norm = staticmethod(lambda a: torch.linalg.matrix_norm(a, ord="nuc"))

    @staticmethod
    def singular_vectors(a, which):
        u, _, vh = torch.linalg.svd(a)
        return {"U": u, "V": vh.T, "u1": u[:, :1], "v1": vh[:1].T}[which]

    @staticmethod
    def adj(a):
        n = a.shape[0]
        rows = []
        for i in range(n):
            keep_rows = [r for r in range(n) if r != i]
            row = []
            for j in range(n):
                keep_cols = [c for c in range(n) if c != j]
                row.append((-1) ** (i + j) * torch.linalg.det(a[keep_rows][:, keep_cols]))
            rows.append(torch.stack(row))
        return torch.stack(rows).T


TORCH = TorchOps()


def torch_f(entry, inputs):
    """f as a torch function of the variable alone, shaped like entry.f's result."""
    fixed = {k: torch.as_tensor(v) for k, v in inputs.items()}

    def f(x):
        value = evaluate(entry.f_expr, {**fixed, entry.wrt: x}, TORCH, vars_=entry.variables)
        return value.reshape(-1) if 1 in entry.f_expr.shape else value

    return f


def autograd_derivative(entry, inputs):
    """Check (b): the derivative by torch autograd, in the checkers' layout."""
    f = torch_f(entry, inputs)
    x = torch.as_tensor(inputs[entry.wrt]).clone().requires_grad_(True)
    if entry.kind == "gradient":
        (g,) = torch.autograd.grad(f(x), x)
        return g.numpy()
    jac = torch.autograd.functional.jacobian(f, x)  # output dims first: numerator layout
    out_dims = jac.ndim - x.ndim
    order = list(range(out_dims, jac.ndim)) + list(range(out_dims))
    return jac.permute(*order).numpy()


# --- the registry itself --------------------------------------------------------


def test_registry_covers_the_content():
    assert len(IDENTITIES) >= 40
    assert len(set(IDS)) == len(IDS), "ids must be unique"
    for entry_id in IDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry_id), entry_id
    missing = [i for i in REQUIRED if i not in IDS]
    assert not missing, f"rows the content calls for: {missing}"
    for table in TABLES:
        assert in_table(table), f"table {table} is empty"
    assert {e.table for e in IDENTITIES} == set(TABLES)
    assert by_id("quadratic-form").wrt == "x"
    with pytest.raises(KeyError, match="no identity"):
        by_id("no-such-row")


def test_every_id_is_written_once_in_the_source():
    # The verification table gives each id for readers to search the source for
    source = (ROOT / "snippets" / "matcalc" / "identities.py").read_text()
    for entry_id in IDS:
        assert len(re.findall(rf'\bid="{entry_id}"', source)) == 1, entry_id


@entry_params()
def test_formulas_use_only_the_rows_variables(entry):
    allowed = set(entry.variables) | ({entry.direction.name} if entry.direction else set())
    assert entry.wrt in entry.variables
    nodes = [entry.derivative_expr, entry.hessian_expr, entry.numerator_node, entry.differential_expr]
    nodes += list(entry.wrong.values())
    for node in nodes:
        if node is None:
            continue
        names = {n.name for n in node.walk() if isinstance(n, Var)}
        assert names <= allowed, (entry.id, names - allowed)
    assert entry.wrong, "every row needs at least one plausible wrong variant"
    for name in entry.wrong:
        assert re.search(r"\(([^()]*)\)$", name), f"{name!r}: end the name with '(why it is wrong)'"
    assert entry.assumptions
    assert entry.symbolic in ("agrees", "undecided")


@entry_params()
def test_samples_meet_the_assumptions(entry):
    for dims, inputs in zip(SHAPES, samples(entry)):
        assert set(inputs) == set(entry.variables)
        for name, var in entry.variables.items():
            value = inputs[name]
            assert value.dtype == np.float64 and np.all(np.isfinite(value)), name
            assert value.shape == tuple(dims[d] for d in var.dims), name
            if value.ndim == 2:
                assert np.linalg.cond(value) <= 100, (name, np.linalg.cond(value))
                square = value.shape[0] == value.shape[1]
                if square and var.kind not in SQUARE_KINDS - {"invertible"}:
                    assert np.linalg.norm(value - value.T) > 0.1 * np.linalg.norm(value), name
            if var.kind in ("symmetric", "spd", "sym_gap"):
                np.testing.assert_array_equal(value, value.T)
            if var.kind == "spd":
                assert np.linalg.eigvalsh(value).min() > 0.1
            if var.kind == "sym_gap":
                top_two = np.linalg.eigvalsh(value)[-2:]
                assert top_two[1] - top_two[0] > 0.1
            if var.kind in ("nonzero", "nonzero_vector"):
                assert np.abs(value).min() >= 0.1  # at least 0.1 from the kink
            if var.kind == "prob":
                assert value.min() > 0 and abs(value.sum() - 1) < 1e-12


def test_sample_rejects_a_rectangular_symmetric_matrix():
    a = Var("A", "n", "m", kind="symmetric")
    probe = Identity(
        id="probe", table="matrix-functions", title="Probe",
        f_expr=Norm(a, "F") ** 2, wrt="A", derivative_expr=2 * a,
    )
    with pytest.raises(ValueError, match="must be square"):
        probe.sample(np.random.default_rng(0), {"n": 2, "m": 3})


def test_formulas_print_as_written():
    x, a = Var("x", "n"), Var("a", "n")
    A = Var("A", "n", "n")
    dA = Var("dA", "n", "n", tex="\\dd A", differential=True)
    assert ((A + A.T) * x).latex() == r"\left(A + A^\T\right) x"
    assert (2 * (x - a)).latex() == r"2 \left(x - a\right)"
    assert (-A * x).latex() == "-A x"  # the sign is pulled out of the product
    assert Inverse(A).T.latex() == r"A^{-\T}" == Inverse(A.T).latex()
    assert (-(Inverse(A) * dA * Inverse(A))).latex() == r"-A^{-1} (\dd A) A^{-1}"
    assert Trace(A * A).latex() == r"\tr(A^{2})"
    assert (x.T * A * x).shape == () and (x * x.T).shape == ("n", "n")
    with pytest.raises(ValueError, match="cannot multiply"):
        A * x.T
    with pytest.raises(TypeError, match="only ints"):
        0.5 * x


# --- (a) finite differences --------------------------------------------------------


@entry_params()
def test_derivative_matches_finite_differences(entry):
    for inputs in samples(entry):
        err = fd_error(entry, inputs)
        assert err < 1e-6, (entry.id, {k: v.shape for k, v in inputs.items()}, err)
        if entry.hessian is not None:
            at = entry.at(inputs)
            assert check_jacobian(at.derivative, at.hessian, at.x) < 1e-6


@entry_params()
def test_wrong_variants_are_rejected(entry):
    for name, wrong in entry.wrong_variants.items():
        rejected_by_value = 0
        for inputs in samples(entry, seed=1):
            try:
                err = fd_error(entry, inputs, wrong)
            except ValueError as shape_error:
                # A variant of another shape is caught by the layout check
                assert "shape" in str(shape_error)
                continue
            assert err > 1e-3, (entry.id, name, err)
            rejected_by_value += 1
        assert rejected_by_value, f"{entry.id}: {name!r} was never compared by value"


@entry_params()
def test_numerator_form_is_the_transpose(entry):
    for inputs in samples(entry)[:2]:
        raw = np.asarray(entry.derivative.raw(inputs), dtype=np.float64)
        numerator = entry.derivative_numerator(**inputs)
        np.testing.assert_allclose(numerator, raw.T, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("entry", [e for e in IDENTITIES if e.differential_expr], ids=lambda e: e.id)
def test_differential_matches_the_derivative(entry):
    rng = np.random.default_rng(2)
    for inputs in samples(entry):
        direction = entry.direction
        d = np.asarray(KINDS[direction.kind][0](rng, inputs[entry.wrt].shape), dtype=np.float64)
        df = np.asarray(entry.differential(**inputs, **{direction.name: d}), dtype=np.float64)
        derivative = entry.derivative(**inputs)
        # <derivative, dX> contracted over the variable's axes
        contracted = np.tensordot(d, derivative, axes=d.ndim)
        np.testing.assert_allclose(df.reshape(contracted.shape), contracted, rtol=1e-10, atol=1e-12)
        h = 1e-6
        f = entry.at(inputs).f
        slope = (np.asarray(f(inputs[entry.wrt] + h * d)) - np.asarray(f(inputs[entry.wrt] - h * d))) / (2 * h)
        assert relative_error(df.reshape(np.shape(slope)), slope) < 1e-6


def test_det_adjugate_holds_for_singular_matrices():
    entry = by_id("det-adjugate")
    rng = np.random.default_rng(3)
    for n in (2, 3, 4):
        a = rng.standard_normal((n, n))
        a[:, -1] = a[:, :-1] @ rng.standard_normal(n - 1)  # rank n - 1
        assert abs(np.linalg.det(a)) < 1e-10
        err = fd_error(entry, {"A": a})
        assert err < 1e-6 and np.linalg.norm(entry.derivative(A=a)) > 0.1


# --- (b) an independent AD framework ------------------------------------------------


@entry_params()
def test_derivative_matches_pytorch_autograd(entry):
    for inputs in samples(entry)[:2]:
        f_np = np.asarray(entry.f(**inputs))
        f_torch = torch_f(entry, inputs)(torch.as_tensor(inputs[entry.wrt])).detach().numpy()
        assert relative_error(f_torch, f_np) < 1e-12, "torch and NumPy disagree on f itself"
        expected = entry.derivative(**inputs)
        got = autograd_derivative(entry, inputs)
        assert got.shape == expected.shape
        assert relative_error(expected, got) < 1e-10, (entry.id, relative_error(expected, got))
        if entry.hessian is not None:
            x = torch.as_tensor(inputs[entry.wrt])
            hessian = torch.autograd.functional.hessian(torch_f(entry, inputs), x).numpy()
            assert relative_error(entry.hessian(**inputs), hessian) < 1e-10


def test_nodes_without_a_symbolic_form_match_lapack_and_torch():
    # LambdaMax and EigvecMax have no SymPy form (nor have the singular-value nodes, below)
    rng = np.random.default_rng(4)
    entry = by_id("eigenvalue-max")
    for dims in SHAPES:
        a = entry.sample(rng, dims)["A"]
        lam = evaluate(LambdaMax(entry.variables["A"]), {"A": a})
        v = evaluate(EigvecMax(entry.variables["A"]), {"A": a})
        assert abs(lam - np.linalg.eigvalsh(a)[-1]) < 1e-12
        np.testing.assert_allclose(a @ v, lam * v, atol=1e-12)
        assert abs(np.linalg.norm(v) - 1) < 1e-12
        t = torch.as_tensor(a)
        assert abs(TORCH.lambda_max(t).item() - lam) < 1e-12
        np.testing.assert_allclose(np.abs(TORCH.eigvec_max(t).numpy()), np.abs(v), atol=1e-12)
    with pytest.raises(Undecidable):
        evaluate(LambdaMax(entry.variables["A"]), {"A": sympy.eye(2)}, SympyOps())


@pytest.mark.parametrize("entry_id", ["spectral-norm", "nuclear-norm"])
def test_singular_value_nodes_match_lapack_and_torch(entry_id):
    # SpectralNorm, NuclearNorm and SingularVectors have no SymPy form either
    rng = np.random.default_rng(4)
    entry = by_id(entry_id)
    X = entry.variables["X"]
    for dims in SHAPES:
        x = entry.sample(rng, dims)["X"]
        s = np.linalg.svd(x, compute_uv=False)
        assert abs(evaluate(SpectralNorm(X), {"X": x}) - s[0]) < 1e-12
        assert abs(evaluate(NuclearNorm(X), {"X": x}) - s.sum()) < 1e-12
        u1, v1 = (evaluate(SingularVectors(X, w), {"X": x}) for w in ("u1", "v1"))
        np.testing.assert_allclose(x @ v1, s[0] * u1, atol=1e-12)
        np.testing.assert_allclose(x.T @ u1, s[0] * v1, atol=1e-12)
        t = torch.as_tensor(x)
        assert abs(TORCH.spectral_norm(t).item() - s[0]) < 1e-12
        assert abs(TORCH.nuclear_norm(t).item() - s.sum()) < 1e-12
        # Signs are free: compare the sign-free product u1 v1^T
        tu, tv = (TORCH.singular_vectors(t, w).numpy() for w in ("u1", "v1"))
        np.testing.assert_allclose(tu @ tv.T, u1 @ v1.T, atol=1e-12)
        if X.dims[0] == X.dims[1]:
            U, V = (evaluate(SingularVectors(X, w), {"X": x}) for w in ("U", "V"))
            np.testing.assert_allclose(U @ np.diag(s) @ V.T, x, atol=1e-12)
            tU, tV = (TORCH.singular_vectors(t, w).numpy() for w in ("U", "V"))
            np.testing.assert_allclose(tU @ tV.T, U @ V.T, atol=1e-12)
    with pytest.raises(Undecidable):
        evaluate(SpectralNorm(X), {"X": sympy.eye(2)}, SympyOps())
    with pytest.raises(ValueError, match="square"):
        SingularVectors(Var("X", "m", "n"), "U")


# --- (c) SymPy -------------------------------------------------------------------------


def _symbols(var, dims, independent):
    """A SymPy matrix (or symbol) for a Var; constrained by its kind unless ``independent``."""
    base = re.sub(r"\W", "", var.name)
    assumptions = {"real": True}
    if var.kind == "nonzero":
        assumptions["nonzero"] = True
    if not var.dims:
        return sympy.Symbol(base, **assumptions)
    rows = dims[var.dims[0]]
    cols = dims[var.dims[1]] if len(var.dims) == 2 else 1
    m = sympy.Matrix(rows, cols, lambda i, j: sympy.Symbol(f"{base}_{i}_{j}", **assumptions))
    if not independent:
        m = _constrain(var, m)
    return m


def _constrain(var, m):
    if var.kind in ("symmetric", "spd", "sym_gap"):
        return sympy.Matrix(m.rows, m.cols, lambda i, j: m[min(i, j), max(i, j)])
    if var.kind == "prob":
        return sympy.Matrix([*m[:-1], 1 - sum(m[:-1])])
    return m


def _is_zero(expr):
    if expr == 0:
        return True
    if sympy.cancel(sympy.together(expr)) == 0:
        return True
    return sympy.simplify(expr) == 0


def _vec(m):
    """Entries of a matrix, columns stacked."""
    return [m[i, j] for j in range(m.cols) for i in range(m.rows)]


def symbolic_status(entry):
    """'agrees' or 'undecided: why'; raises AssertionError where SymPy disagrees."""
    ops = SympyOps()
    dims = {d: SYMBOLIC_DIMS[d] for v in entry.variables.values() for d in v.dims}
    wrt = entry.variables[entry.wrt]
    inputs = {name: _symbols(v, dims, independent=False) for name, v in entry.variables.items()}
    free = _symbols(wrt, dims, independent=True)
    inputs[entry.wrt] = free
    constrain = dict(zip(_vec(free), _vec(_constrain(wrt, free))))
    try:
        f = evaluate(entry.f_expr, inputs, ops, vars_=entry.variables, dims=dims)
        derivative = evaluate(entry.derivative_expr, inputs, ops, vars_=entry.variables, dims=dims)
    except Undecidable as why:
        return f"undecided: {why}"
    point = _numeric_point(entry, dims, free)
    f_matrix = f if isinstance(f, sympy.MatrixBase) else sympy.Matrix([f])
    f_numbers = np.array(f_matrix.xreplace(point[0]).evalf(), dtype=np.float64)
    assert relative_error(f_numbers.ravel(), np.ravel(entry.f(**point[1]))) < 1e-9, (
        f"{entry.id}: SymPy evaluates another f"
    )
    wrt_entries = _vec(free)
    if entry.kind == "gradient":
        found = free.applyfunc(lambda t: sympy.diff(f, t))
    elif entry.kind == "jacobian":
        outputs = list(f)
        found = sympy.Matrix(len(wrt_entries), len(outputs), lambda i, j: sympy.diff(outputs[j], wrt_entries[i]))
    else:
        outputs = _vec(f)
        found = sympy.Matrix(len(wrt_entries), len(outputs), lambda i, j: sympy.diff(outputs[j], wrt_entries[i]))
    if found.has(sympy.Derivative):
        return "undecided: SymPy left the derivative unevaluated"
    if all(e == 0 for e in found):
        return "undecided: SymPy returned 0"
    pairs = [(found, derivative)]
    if entry.hessian_expr is not None:
        hessian = evaluate(entry.hessian_expr, inputs, ops, vars_=entry.variables, dims=dims)
        gradient = list(found)
        pairs.append((sympy.Matrix(len(gradient), len(gradient), lambda i, j: sympy.diff(gradient[j], wrt_entries[i])), hessian))
    decided = True
    # Numbers first: SymPy's own derivative must match the row's and check (a)
    assert found.shape == derivative.shape, f"{entry.id}: SymPy's derivative has another shape"
    raw = np.asarray(entry.derivative.raw(point[1]), dtype=np.float64)
    numbers = np.array(found.xreplace(constrain).xreplace(point[0]).evalf(), dtype=np.float64)
    assert relative_error(numbers, raw) < 1e-9, f"{entry.id}: SymPy's derivative disagrees with NumPy's"
    for got, expected in pairs:
        assert got.shape == expected.shape, f"{entry.id}: SymPy's derivative has another shape"
        got, expected = got.xreplace(constrain), expected.xreplace(constrain)
        numbers = [np.array(m.xreplace(point[0]).evalf(), dtype=np.float64) for m in (got, expected)]
        assert relative_error(*numbers) < 1e-9, f"{entry.id}: SymPy's derivative disagrees with the row's"
    for got, expected in pairs:
        got, expected = got.xreplace(constrain), expected.xreplace(constrain)
        if not all(_is_zero(e) for e in got - expected):
            decided = False
    if not decided:
        return "undecided: SymPy could not simplify the difference to 0"
    return "agrees"


def _numeric_point(entry, dims, free):
    """A sample at the symbolic sizes, as a SymPy substitution and as NumPy inputs."""
    inputs = entry.sample(np.random.default_rng(5), {**SYMBOLIC_DIMS, **dims})
    point = {}
    for name, var in entry.variables.items():
        symbols = free if name == entry.wrt else _symbols(var, dims, independent=True)
        value = inputs[name]
        if not var.dims:
            point[symbols] = sympy.Float(float(value))
            continue
        column = value.reshape(symbols.rows, symbols.cols)
        for i in range(symbols.rows):
            for j in range(symbols.cols):
                point[symbols[i, j]] = sympy.Float(float(column[i, j]))
    return point, inputs


@entry_params()
def test_symbolic_agreement_or_marked_undecided(entry):
    status = symbolic_status(entry)
    if entry.id in SYMBOLIC_UNDECIDED:
        assert status.startswith("undecided"), f"{entry.id}: SymPy now decides it; unmark it"
    else:
        assert status == "agrees", status


@pytest.mark.parametrize("entry", [e for e in IDENTITIES if e.symbolic == "agrees"], ids=lambda e: e.id)
def test_wrong_variants_are_rejected_symbolically(entry):
    for name, node in entry.wrong.items():
        mutant = dataclasses.replace(entry, derivative_expr=node, hessian_expr=None)
        with pytest.raises(AssertionError, match="disagrees|another shape"):
            symbolic_status(mutant)


# --- mutations: a changed derivative must fail the checks ---------------------


def _mutations(entry, inputs):
    raw = np.asarray(entry.derivative.raw(inputs), dtype=np.float64)
    out = {"factor 2": 2 * entry.derivative_expr, "sign": -entry.derivative_expr}
    # A transpose changes nothing when the derivative is symmetric (a Hessian-like row)
    if raw.ndim == 2 and not (raw.shape[0] == raw.shape[1] and np.allclose(raw, raw.T)):
        out["transpose"] = Transpose(entry.derivative_expr)
    return out


@entry_params()
def test_mutated_derivatives_fail_every_numeric_check(entry):
    inputs = samples(entry)[2]  # square sizes, so a transpose keeps the shape
    for name, node in _mutations(entry, inputs).items():
        mutant = dataclasses.replace(entry, derivative_expr=node)
        try:
            err = fd_error(mutant, inputs)
        except ValueError:
            err = np.inf  # a transposed vector is a layout error
        assert err > 1e-3, (entry.id, name, err)
        try:
            mutated = mutant.derivative(**inputs)
        except ValueError:
            continue
        assert relative_error(mutated, autograd_derivative(entry, inputs)) > 1e-3, (entry.id, name)


def test_a_mutated_symbolic_row_is_caught():
    entry = by_id("trace-square")
    mutant = dataclasses.replace(entry, derivative_expr=2 * entry.variables["A"])  # 2A for 2A^T
    with pytest.raises(AssertionError, match="disagrees"):
        symbolic_status(mutant)


# --- LaTeX and the generated files ----------------------------------------------


def all_latex():
    for entry in IDENTITIES:
        for key, tex in entry.latex.items():
            yield f"{entry.id}:{key}", tex
        for name, wrong in entry.wrong_variants.items():
            yield f"{entry.id}:wrong:{name}", wrong.latex
        for where in entry.where:
            yield f"{entry.id}:where", where
        for text in [entry.assumptions, SYMBOLIC_UNDECIDED.get(entry.id, "")]:
            for tex in re.findall(r"\\\((.*?)\\\)", text):
                yield f"{entry.id}:assumptions", tex


def test_every_formula_renders_with_temml():
    formulas = [{"tex": tex, "display": False, "where": where} for where, tex in all_latex()]
    assert len(formulas) > 300
    result = subprocess.run(
        ["node", str(ROOT / "tools" / "math_render.js")],
        input=json.dumps(formulas), capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == len(formulas)


def test_no_pipe_in_table_math():
    # A | inside a Markdown table cell splits the cell
    for where, tex in all_latex():
        assert "|" not in tex, where


ROW = re.compile(r'^\s*\| \[[^\]]+\]\(#id-([a-z0-9-]+)\)(\{#id-[a-z0-9-]+\})?', re.M)


def test_tables_and_json_list_exactly_the_registry():
    fragments = {p.stem: p.read_text() for p in (GENERATED / "identities").glob("*.md")}
    assert set(fragments) == set(TABLES) | {"verification"}
    for table in TABLES:
        text = fragments[table]
        assert '=== "Denominator layout"' in text and '=== "Numerator layout"' in text
        rows = ROW.findall(text)
        ids = [i for i, _ in rows]
        expected = [e.id for e in in_table(table)]
        # Each row twice (one per layout); its anchor id only once, in the first tab
        assert ids == expected + expected, table
        assert [i for i, anchor in rows if anchor] == expected, table
    verification = re.findall(r"\{#check-([a-z0-9-]+)\}", fragments["verification"])
    assert verification == IDS
    data = json.loads((GENERATED / "identities.json").read_text())
    assert [row["id"] for row in data["identities"]] == IDS
    assert data["verified_with"] == {name: version(name) for name in ("numpy", "sympy", "torch")}
    for row in data["identities"]:
        entry = by_id(row["id"])
        assert row["latex"]["f"] == entry.latex["f"]
        assert row["latex"]["denominator"]["derivative"] == entry.latex["derivative"]
        assert row["latex"]["numerator"]["derivative"] == entry.derivative_numerator.latex
        assert row["assumptions"] == entry.assumptions and row["source"] == entry.source
        assert row["symbolic"] == entry.symbolic


def test_the_identities_page_includes_every_table():
    page = (ROOT / "docs" / "identities.md").read_text()
    for name in [*TABLES, "verification"]:
        assert f'--8<-- "docs/generated/identities/{name}.md"' in page, name
    assert "generated/identities.json" in page


def test_dims_are_inferred_and_checked():
    entry = by_id("trace-product")
    inputs = entry.sample(np.random.default_rng(0), {"m": 2, "n": 3})
    assert infer_dims(entry.variables, inputs) == {"m": 2, "n": 3}
    with pytest.raises(ValueError, match="dimension 'n'"):
        entry.f(A=np.ones((2, 3)), B=np.ones((4, 2)))
    with pytest.raises(ValueError, match="missing input 'B'"):
        entry.f(A=np.ones((2, 3)))
