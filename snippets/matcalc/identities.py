"""The identity registry: every table row of the site, each written once.

An entry holds formulas built from ``matcalc.formula`` nodes. The site's
tables print them (tools/generators/identity_tables.py) and the tests evaluate
the very same objects (tests/test_identities.py) three ways: central finite
differences, PyTorch autograd, and SymPy differentiating explicit entries.

Layout is denominator throughout: the derivative of a scalar has the shape of
the variable; the Jacobian of f: R^n -> R^m is n x m (J[i, j] = df_j/dx_i);
for a matrix-valued map F(X) the table shows d vec F / d vec X, of size
(entries of X) x (entries of F), with vec stacking columns. ``derivative``
returns what ``matcalc.check_gradient`` / ``check_jacobian`` expect: the
variable's shape for a scalar f, else ``x.shape + f.shape``.

Every row is defined by nodes; none is defined another way. Five nodes have no
SymPy form, so their rows are "symbolic: undecided" and the tests check those
nodes directly against LAPACK and PyTorch: LambdaMax and EigvecMax (the
eigenvalue row), SpectralNorm, NuclearNorm and SingularVectors (the two norm
rows). The log|det A| row is undecided because SymPy 1.14 returns a
Piecewise for d log|det A| (see SYMBOLIC_UNDECIDED).

Sources: a Matrix Cookbook equation number is given only where the equation
and its number were read in a transcription that keeps the Cookbook's
numbering: the Lean formalisation eric-wieser/lean-matrix-cookbook (eqs.
40-43, the differentials of the inverse, the determinant and the
log-determinant) or the "Tensor Cookbook" of thomasahle/tensorgrad (eqs. 69,
70, 81, 99-101, 106, 108, 115, 119). The Cookbook's PDF itself could not be
consulted; every other row has ``source`` None.
"""

from dataclasses import dataclass, field
from fractions import Fraction
from types import SimpleNamespace

import numpy as np

from matcalc.formula import (
    NUMPY,
    Abs,
    Adjugate,
    Alias,
    Det,
    Diag,
    DimScalar,
    Div,
    EigvecMax,
    Eye,
    Hadamard,
    Inverse,
    Kron,
    LambdaMax,
    LogSumExp,
    Neg,
    Node,
    Norm,
    NuclearNorm,
    Ones,
    Product,
    SingularVectors,
    Softmax,
    SpectralNorm,
    Sum,
    Trace,
    Transpose,
    Var,
    Zero,
    evaluate,
    exp,
    infer_dims,
    log,
    relu,
    sign,
    sigmoid,
    step,
    tanh,
    variables,
)

__all__ = [
    "COOKBOOK", "DEFAULT_DIMS", "IDENTITIES", "INVERSE_EIGEN", "JACOBIANS", "KINDS",
    "MATRIX_FUNCTIONS", "ML_LOSSES", "SCALAR_GRADIENTS", "TABLES", "Formula",
    "Identity", "UnknownNameError", "by_id", "in_table", "transposed",
]

HALF = Fraction(1, 2)
COOKBOOK = "Matrix Cookbook (Petersen & Pedersen, 2012), eq. ({})"

TABLES = {
    "scalar-gradients": "Gradients and Hessians of scalar functions of a vector",
    "jacobians": "Jacobians of vector functions of a vector",
    "matrix-functions": "Gradients of scalar functions of a matrix",
    "inverse-eigen": "Matrix-valued maps and eigenvalues",
    "ml-losses": "Machine-learning losses and layers",
}

# Sizes used when sample() is given none; every dimension is at least 2
DEFAULT_DIMS = {"n": 3, "m": 4, "k": 2, "p": 3, "N": 5}

SYMBOLIC_UNDECIDED = {
    "log-abs-det": "SymPy differentiates \\(\\lvert \\det(A) \\rvert\\) into "
    "\\(\\sign(\\det(A))\\) terms and simplifies the difference to a Piecewise that is 0 "
    "only where \\(\\det(A) \\ne 0\\)",
    "eigenvalue-max": "SymPy has no closed form for the largest eigenvalue of a general matrix",
    "spectral-norm": "the registry's SymPy backend has no singular values (roots of the "
    "characteristic polynomial of \\(X^\\T X\\)); checked by finite differences and PyTorch",
    "nuclear-norm": "the registry's SymPy backend has no singular values or singular vectors; "
    "checked by finite differences and PyTorch",
}


# --- samples that meet each assumption ----------------------------------------


def _orthogonal(rng, n):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


def _well_conditioned(rng, rows, cols):
    """U diag(s) V^T with singular values in [1, 2]: condition number at most 2."""
    r = min(rows, cols)
    for _ in range(100):
        u = _orthogonal(rng, rows)[:, :r]
        v = _orthogonal(rng, cols)[:, :r]
        a = (u * rng.uniform(1.0, 2.0, r)) @ v.T
        # Square samples must not be (nearly) symmetric unless a row assumes it
        if rows != cols or np.linalg.norm(a - a.T) > 0.1 * np.linalg.norm(a):
            return a
    raise RuntimeError("could not draw a non-symmetric matrix")


def _symmetric(rng, eigenvalues):
    q = _orthogonal(rng, len(eigenvalues))
    s = (q * eigenvalues) @ q.T
    return (s + s.T) / 2


def _sample_any(rng, shape):
    if shape == ():
        # A scalar such as ridge's lambda, away from 0 so that a dropped factor shows
        return rng.choice([-1.0, 1.0]) * rng.uniform(0.5, 2.0)
    if len(shape) == 2:
        return _well_conditioned(rng, *shape)
    return rng.standard_normal(shape)


def _sample_nonzero(rng, shape):
    # At least 0.2 from the kink at 0 (finite differences step 1e-5)
    return rng.choice([-1.0, 1.0], shape) * rng.uniform(0.2, 1.5, shape)


def _sample_gap(rng, shape):
    n = shape[0]
    eigenvalues = 1.0 + 0.6 * rng.permutation(n) + rng.uniform(0.0, 0.2, n)
    return _symmetric(rng, eigenvalues)


def _with_singular_values(rng, shape, values):
    """U diag(values) V^T with random orthogonal U and V, not (nearly) symmetric."""
    rows, cols = shape
    for _ in range(100):
        u = _orthogonal(rng, rows)[:, : len(values)]
        v = _orthogonal(rng, cols)[:, : len(values)]
        a = (u * np.asarray(values, dtype=np.float64)) @ v.T
        if rows != cols or np.linalg.norm(a - a.T) > 0.1 * np.linalg.norm(a):
            return a
    raise RuntimeError("could not draw a non-symmetric matrix")


def _sample_sv_gap(rng, shape):
    # Singular values 1, 1.6, 2.2, ... shuffled and jittered: the largest is simple
    r = min(shape)
    return _with_singular_values(rng, shape, 1.0 + 0.6 * np.arange(r) + rng.uniform(0.0, 0.2, r))


def _sample_symmetric(rng, shape):
    n = shape[0]
    return _symmetric(rng, rng.choice([-1.0, 1.0], n) * rng.uniform(0.5, 2.0, n))


# kind: (sampler, text after the variable's shape, with {v} for its name)
KINDS = {
    "any": (_sample_any, ""),
    "invertible": (_sample_any, "invertible"),
    "spd": (lambda rng, s: _symmetric(rng, rng.uniform(0.5, 2.0, s[0])), "symmetric positive definite"),
    "symmetric": (_sample_symmetric, "symmetric"),
    "sym_gap": (_sample_gap, "symmetric, largest eigenvalue simple"),
    "sv_gap": (_sample_sv_gap, "largest singular value simple"),
    "nonzero": (_sample_nonzero, "with every entry nonzero"),
    # Entries drawn away from 0 too: the vector is then far from 0, its only kink
    "nonzero_vector": (_sample_nonzero, "with \\({v} \\ne 0\\)"),
    # Only the sum matters to the formula; a probability vector is the usual case
    "prob": (lambda rng, s: rng.dirichlet(np.ones(s[0])), "with \\(\\mathbf{{1}}^\\T {v} = 1\\)"),
    "direction": (_sample_any, ""),
}

SQUARE_KINDS = {"invertible", "spd", "symmetric", "sym_gap"}


# --- the conditions' edges ------------------------------------------------------
# Random draws almost never land on an edge (a zero entry, a singular matrix), so
# each condition also names points just inside it, where every row of that kind
# must hold, and points just outside it, where the row must break: otherwise the
# stated condition is stricter than the truth. tests/test_identity_conditions.py
# walks every row over these points.


def _edge_rng(shape):
    # One fixed draw per shape: the edges are the same on every run
    return np.random.default_rng(sum(shape) + 7 * len(shape))


def _with_zeros(shape):
    """Entries well away from 0, then the first and last set to exactly 0."""
    x = _sample_nonzero(_edge_rng(shape), shape)
    x.flat[0] = x.flat[-1] = 0.0
    return x


def _singular(shape):
    """A matrix whose last column is 0: rank deficient exactly, so no rounding hides it."""
    a = _well_conditioned(_edge_rng(shape), *shape)
    a[:, -1] = 0.0
    return a


def _symmetric_with(shape, eigenvalues):
    return _symmetric(_edge_rng(shape), np.asarray(eigenvalues, dtype=np.float64))


def _spectrum(shape, top):
    """Eigenvalues 1, 1.5, ..., then ``top`` as the last one(s)."""
    n = shape[0]
    return [1.0 + 0.5 * i for i in range(n - len(top))] + list(top)


def _singular_values_with(shape, top):
    """Singular values 1, 1.5, ..., then ``top`` as the largest one(s)."""
    r = min(shape)
    values = [1.0 + 0.5 * i for i in range(r - len(top))] + list(top)
    return _with_singular_values(_edge_rng(shape), shape, values[::-1])


def _vector_edges(shape):
    return [("a zero entry", _with_zeros(shape)), ("x = 0", np.zeros(shape))]


def _matrix_edges(shape):
    edges = [("rank deficient", _singular(shape)), ("zero", np.zeros(shape))]
    if shape[0] == shape[1]:
        edges.append(("symmetric", _symmetric_with(shape, _spectrum(shape, [-1.0]))))
    return edges


def _any_edges(shape):
    if len(shape) == 1:
        return _vector_edges(shape)
    if len(shape) == 2:
        return _matrix_edges(shape)
    return [("zero", np.zeros(shape))]


def _nonsymmetric(shape, eigen_floor=1.0):
    """Symmetric part positive definite (smallest eigenvalue ``eigen_floor``), skew part of size 1."""
    s = _symmetric_with(shape, _spectrum(shape, [eigen_floor]))
    k = _edge_rng(shape).standard_normal(shape)
    k = (k - k.T) / np.linalg.norm(k - k.T)
    return s + k


# kind: (points just inside, points just outside), each a function of the shape
# returning (label, value) pairs
EDGES = {
    "any": (_any_edges, lambda s: []),
    "direction": (lambda s: [], lambda s: []),
    "nonzero": (
        lambda s: [("entries of size 0.01", 0.01 * np.sign(_sample_nonzero(_edge_rng(s), s)))],
        lambda s: [("a zero entry", _with_zeros(s))],
    ),
    "nonzero_vector": (
        lambda s: [("zero entries, x != 0", _with_zeros(s))],
        lambda s: [("x = 0", np.zeros(s))],
    ),
    "invertible": (
        lambda s: [("symmetric indefinite", _symmetric_with(s, _spectrum(s, [-1.0])))],
        lambda s: [("rank deficient", _singular(s))],
    ),
    "spd": (
        lambda s: [("smallest eigenvalue 0.1", _symmetric_with(s, _spectrum(s, [0.1])))],
        lambda s: [
            ("symmetric, one eigenvalue 0", _symmetric_with(s, _spectrum(s, [0.0]))),
            ("non-symmetric, positive definite part", _nonsymmetric(s)),
        ],
    ),
    "symmetric": (
        lambda s: [
            ("symmetric, one eigenvalue 0", _symmetric_with(s, _spectrum(s, [0.0]))),
            ("symmetric indefinite", _symmetric_with(s, _spectrum(s, [-1.0]))),
        ],
        lambda s: [("non-symmetric", _nonsymmetric(s))],
    ),
    "sym_gap": (
        lambda s: [("top gap 0.05", _symmetric_with(s, _spectrum(s[:1] + s[1:], [3.0, 3.05])))],
        lambda s: [
            ("top eigenvalue double", _symmetric_with(s, _spectrum(s, [3.0, 3.0]))),
            ("non-symmetric", _nonsymmetric(s)),
        ],
    ),
    "sv_gap": (
        lambda s: [("top gap 0.05", _singular_values_with(s, [3.0, 3.05]))],
        lambda s: [("top singular value double", _singular_values_with(s, [3.0, 3.0]))],
    ),
    "prob": (
        lambda s: [
            ("one-hot", np.eye(s[0])[0]),
            ("a negative entry, summing to 1", np.eye(s[0])[0] * 2 - np.eye(s[0])[1]),
        ],
        lambda s: [("summing to 2", 2 * np.eye(s[0])[0])],
    ),
}


def _shape_text(var):
    if not var.dims:
        return f"\\({var.tex} \\in \\R\\)"
    space = " \\times ".join(var.dims)
    return f"\\({var.tex} \\in \\R^{{{space}}}\\)"


def _assumption_texts(vars_):
    """'a, x in R^n' for plain variables of one shape; one clause per other variable."""
    clauses, plain = [], {}
    for var in vars_:
        note = KINDS[var.kind][1].format(v=var.tex)
        if note or not var.dims:
            clauses.append(" ".join(t for t in (_shape_text(var), note) if t))
        elif var.dims in plain:
            clauses[plain[var.dims]].append(var)
        else:
            plain[var.dims] = len(clauses)
            clauses.append([var])
    out = []
    for clause in clauses:
        if isinstance(clause, list):
            names = ", ".join(v.tex for v in clause)
            space = " \\times ".join(clause[0].dims)
            clause = f"\\({names} \\in \\R^{{{space}}}\\)"
        if clause:
            out.append(clause)
    return out


# --- layouts: transposing a formula so that it prints well ---------------------


def _transposes_cleanly(term):
    """Terms worth transposing one by one: I, diag(v), 0, Kronecker and explicit products."""
    if isinstance(term, Neg):
        term = term.child
    return isinstance(term, (Eye, Diag, Zero, Kron, Product))


def transposed(node):
    """A formula for the transpose of ``node`` that prints the way a person writes it.

    Products reverse (scalars stay in front), Kronecker products transpose
    factor by factor, a symmetric sum such as A + A^T stays as it is, a sum of
    products is transposed term by term, and a sum of plain vectors such as
    x - a is written (x - a)^T.
    """
    if not isinstance(node, Node):
        raise ValueError(f"transposed needs a formula (a matcalc.formula.Node), got {node!r}")
    if node.shape == ():
        return node
    if isinstance(node, Transpose):
        return node.children[0]
    if isinstance(node, Sum):
        terms = [transposed(t) for t in node.children]
        if sorted(t.latex() for t in terms) == sorted(t.latex() for t in node.children):
            return node
        if all(map(_transposes_cleanly, node.children)):
            return Sum(*terms)
        return Transpose(node)
    if isinstance(node, Neg):
        return Neg(transposed(node.child))
    if isinstance(node, Product):
        scalars = [f for f in node.children if f.shape == ()]
        matrices = [transposed(f) for f in reversed(node.children) if f.shape != ()]
        return Product(*scalars, *matrices)
    if isinstance(node, Kron):
        return Kron(*map(transposed, node.children))
    if isinstance(node, Hadamard):
        return Hadamard(*map(transposed, node.children))
    if isinstance(node, Div):
        return Div(transposed(node.children[0]), node.children[1])
    if isinstance(node, (Eye, Diag)):
        return node
    if isinstance(node, Zero):
        return Zero(node.shape[1], node.shape[0])
    return Transpose(node)


SAME = "same"  # numerator form equals the denominator one (a symmetric derivative)


class Formula:
    """One printed formula of an entry, callable on the entry's inputs.

    ``role`` decides the shape of the result: "derivative" and "hessian" give
    what the matcalc checkers expect; "raw" gives the matrix as printed.
    """

    def __init__(self, entry, node, role):
        self.entry, self.node, self.role = entry, node, role

    @property
    def latex(self):
        return self.node.latex()

    def raw(self, inputs, ops=NUMPY):
        vars_ = self.entry.variables
        dims = infer_dims(vars_, inputs)
        extra = variables(self.node)
        return evaluate(self.node, inputs, ops, vars_={**vars_, **extra}, dims=dims)

    def __call__(self, **inputs):
        value = np.asarray(self.raw(inputs), dtype=np.float64)
        if self.role == "raw":
            return value
        x_size = int(np.prod(np.shape(inputs[self.entry.wrt])))
        x_shape = np.shape(inputs[self.entry.wrt])
        x_raw = (x_size, 1) if len(x_shape) == 1 else x_shape
        f_value = self.entry.f(**inputs)
        f_shape = np.shape(f_value)
        kind = "hessian" if self.role == "hessian" else self.entry.kind
        expected = {
            "hessian": (x_size, x_size),
            "gradient": x_raw,
            "jacobian": (x_size, int(np.size(f_value))),
            "vec": (x_size, int(np.size(f_value))),
        }[kind]
        # A row vector where a column belongs is a layout error, not a reshape
        if value.shape != expected:
            raise ValueError(
                f"{self.entry.id}: {self.latex!r} evaluates to shape {value.shape}, "
                f"expected {expected} ({kind}, denominator layout)"
            )
        if kind == "hessian":
            return value.reshape(x_shape + x_shape)
        if kind == "gradient":
            return value.reshape(x_shape)
        if kind == "jacobian":
            return value
        return value.reshape(x_shape + f_shape, order="F")

    def __repr__(self):
        return f"Formula({self.latex!r})"


@dataclass(frozen=True, eq=False)
class Identity:
    """One table row. See the module docstring for layouts and shapes."""

    id: str
    table: str
    title: str
    f_expr: object
    wrt: str
    derivative_expr: object
    hessian_expr: object = None
    numerator_expr: object = None  # None: the transpose, pushed inside; SAME: as is
    differential_expr: object = None  # df in terms of a ``differential`` Var
    wrong: dict = field(default_factory=dict)
    assume: str = ""
    source: str = None

    def __post_init__(self):
        if self.table not in TABLES:
            raise ValueError(f"Identity {self.id!r}: no table {self.table!r}; known: {list(TABLES)}")
        if self.wrt not in variables(self.f_expr):
            raise ValueError(f"Identity {self.id!r}: wrt={self.wrt!r} is not a variable of f")

    # -- structure --

    @property
    def variables(self):
        return variables(self.f_expr)

    @property
    def kind(self):
        """'gradient' (scalar f), 'jacobian' (vector f of a vector) or 'vec'."""
        if self.f_expr.shape == ():
            return "gradient"
        if len(self.variables[self.wrt].dims) == 1 and 1 in self.f_expr.shape:
            return "jacobian"
        return "vec"

    @property
    def direction(self):
        """The differential Var (e.g. dA) of ``differential_expr``, if any."""
        if self.differential_expr is None:
            return None
        (var,) = [v for v in variables(self.differential_expr).values() if v.differential]
        return var

    @property
    def symbolic(self):
        """'agrees' (SymPy's own derivative matches) or 'undecided'; tests keep this true."""
        return "undecided" if self.id in SYMBOLIC_UNDECIDED else "agrees"

    # -- numbers --

    def f(self, **inputs):
        value = np.asarray(evaluate(self.f_expr, inputs, vars_=self.variables), dtype=np.float64)
        if self.f_expr.shape == ():
            return float(value)
        if 1 in self.f_expr.shape:
            return value.reshape(-1)
        return value

    @property
    def derivative(self):
        return Formula(self, self.derivative_expr, "derivative")

    @property
    def hessian(self):
        return None if self.hessian_expr is None else Formula(self, self.hessian_expr, "hessian")

    @property
    def numerator_node(self):
        if self.numerator_expr is SAME:
            return self.derivative_expr
        if self.numerator_expr is None:
            return transposed(self.derivative_expr)
        return self.numerator_expr

    @property
    def derivative_numerator(self):
        """The numerator-layout matrix, as printed (the transpose of the raw derivative)."""
        return Formula(self, self.numerator_node, "raw")

    @property
    def differential(self):
        return None if self.differential_expr is None else Formula(self, self.differential_expr, "raw")

    @property
    def wrong_variants(self):
        """Plausible wrong derivatives, by name: the checks must reject each."""
        return {name: Formula(self, node, "derivative") for name, node in self.wrong.items()}

    def sample(self, rng, dims=None):
        """Float64 inputs meeting the assumptions; ``dims`` maps names to sizes."""
        dims = {**DEFAULT_DIMS, **(dims or {})}
        inputs = {}
        for name, var in self.variables.items():
            shape = tuple(dims[d] for d in var.dims)
            if var.kind in SQUARE_KINDS and (len(shape) != 2 or shape[0] != shape[1]):
                raise ValueError(f"{self.id}: {name} must be square for kind {var.kind!r}")
            inputs[name] = np.asarray(KINDS[var.kind][0](rng, shape), dtype=np.float64)
        return inputs

    def at(self, inputs):
        """f, derivative, Hessian and wrong variants as functions of the variable alone."""

        def bind(fn):
            return None if fn is None else (lambda x: fn(**{**inputs, self.wrt: x}))

        return SimpleNamespace(
            x=np.array(inputs[self.wrt]),
            f=bind(self.f),
            derivative=bind(self.derivative),
            hessian=bind(self.hessian),
            wrong={name: bind(w) for name, w in self.wrong_variants.items()},
        )

    # -- text --

    @property
    def where(self):
        """Definitions of the named sub-formulas (e.g. p = softmax(x)), in order."""
        seen = {}
        for node in (self.derivative_expr, self.hessian_expr, self.numerator_node, self.differential_expr):
            for n in () if node is None else node.walk():
                if isinstance(n, Alias):
                    seen.setdefault(n.tex, n.definition())
        return list(seen.values())

    @property
    def assumptions(self):
        parts = _assumption_texts(self.variables.values())
        if self.assume:
            parts.append(self.assume)
        return "; ".join(parts)

    @property
    def latex(self):
        out = {"f": self.f_expr.latex(), "derivative": self.derivative_expr.latex()}
        if self.hessian_expr is not None:
            out["hessian"] = self.hessian_expr.latex()
        numerator = self.numerator_node.latex()
        if numerator != out["derivative"]:
            out["derivative_numerator"] = numerator
        if self.differential_expr is not None:
            out["differential"] = self.differential_expr.latex()
        return out


# --- the rows ------------------------------------------------------------------
# Names follow the site: x, a, b vectors; A, B, X, W matrices; Sigma SPD.

x = Var("x", "n")
a = Var("a", "n")
b = Var("b", "n")
A = Var("A", "n", "n")
S = Var("A", "n", "n", kind="symmetric")
P = Var("A", "n", "n", kind="spd")
Sigma = Var("Sigma", "n", "n", tex="\\Sigma", kind="spd")
mu = Var("mu", "n", tex="\\mu")
xnz = Var("x", "n", kind="nonzero")
xnv = Var("x", "n", kind="nonzero_vector")
I_n = Eye("n")
u_hat = Alias("u", xnv / Norm(xnv))

SCALAR_GRADIENTS = [
    Identity(
        id="linear",
        table="scalar-gradients",
        title="Linear form",
        f_expr=a.T * x,
        wrt="x",
        derivative_expr=a,
        hessian_expr=Zero("n", "n"),
        wrong={"x (differentiated the wrong factor)": x},
        source=COOKBOOK.format(69),
    ),
    Identity(
        id="quadratic-form",
        table="scalar-gradients",
        title="Quadratic form",
        f_expr=x.T * A * x,
        wrt="x",
        derivative_expr=(A + A.T) * x,
        hessian_expr=A + A.T,
        wrong={
            "2Ax (true only for symmetric A)": 2 * A * x,
            "Ax (one of the two terms dropped)": A * x,
            "A^T x (transposed, one term dropped)": A.T * x,
        },
        source=COOKBOOK.format(81),
    ),
    Identity(
        id="quadratic-form-symmetric",
        table="scalar-gradients",
        title="Quadratic form, symmetric matrix",
        f_expr=x.T * S * x,
        wrt="x",
        derivative_expr=2 * S * x,
        hessian_expr=2 * S,
        numerator_expr=2 * x.T * S,
        wrong={"Ax (dropped the factor 2)": S * x},
    ),
    Identity(
        id="squared-norm",
        table="scalar-gradients",
        title="Squared norm",
        f_expr=Norm(x) ** 2,
        wrt="x",
        derivative_expr=2 * x,
        hessian_expr=2 * I_n,
        wrong={"x (dropped the factor 2)": x},
    ),
    Identity(
        id="squared-distance",
        table="scalar-gradients",
        title="Squared distance",
        f_expr=Norm(x - a) ** 2,
        wrt="x",
        derivative_expr=2 * (x - a),
        hessian_expr=2 * I_n,
        wrong={"2(a - x) (sign error)": 2 * (a - x)},
    ),
    Identity(
        id="bilinear-vector",
        table="scalar-gradients",
        title="Bilinear form in x",
        f_expr=x.T * A * b,
        wrt="x",
        derivative_expr=A * b,
        hessian_expr=Zero("n", "n"),
        wrong={"A^T b (transposed A)": A.T * b},
    ),
    Identity(
        id="l1-norm",
        table="scalar-gradients",
        title="1-norm",
        f_expr=Norm(xnz, "1"),
        wrt="x",
        derivative_expr=sign(xnz),
        hessian_expr=Zero("n", "n"),
        wrong={
            "|x| (the function, not its slope)": Abs(xnz),
            "2x (the squared 2-norm's gradient)": 2 * xnz,
        },
        assume="where some \\(x_i = 0\\) there is no gradient (the subdifferential is \\([-1, 1]\\))",
    ),
    Identity(
        id="l2-norm",
        table="scalar-gradients",
        title="2-norm",
        f_expr=Norm(xnv),
        wrt="x",
        derivative_expr=xnv / Norm(xnv),
        hessian_expr=(I_n - u_hat * u_hat.T) / Norm(xnv),
        wrong={
            "2x (the gradient of the square)": 2 * xnv,
            "x / ||x||^2 (wrong power)": xnv / Norm(xnv) ** 2,
        },
    ),
    Identity(
        id="mahalanobis",
        table="scalar-gradients",
        title="Mahalanobis form",
        f_expr=(x - mu).T * Inverse(Sigma) * (x - mu),
        wrt="x",
        derivative_expr=2 * Inverse(Sigma) * (x - mu),
        hessian_expr=2 * Inverse(Sigma),
        numerator_expr=2 * (x - mu).T * Inverse(Sigma),
        wrong={
            "Sigma^-1 (x - mu) (dropped the factor 2)": Inverse(Sigma) * (x - mu),
            "2 Sigma (x - mu) (forgot the inverse)": 2 * Sigma * (x - mu),
        },
    ),
    Identity(
        id="quadratic-model",
        table="scalar-gradients",
        title="Quadratic model",
        f_expr=HALF * x.T * S * x - b.T * x,
        wrt="x",
        derivative_expr=S * x - b,
        hessian_expr=S,
        numerator_expr=x.T * S - b.T,
        wrong={
            "Ax + b (sign error)": S * x + b,
            "2Ax - b (the 1/2 forgotten)": 2 * S * x - b,
        },
        assume="for \\(A\\) positive definite, Newton's step \\(-H^{-1}\\nabla f\\) lands on the minimiser \\(A^{-1} b\\)",
    ),
]

# Jacobians: f maps R^n to R^m; J is n x m
Amn = Var("A", "m", "n")
Anm = Var("A", "n", "m")
W = Var("W", "m", "n")
s_x = Alias("s", sigmoid(x))
t_x = Alias("t", tanh(x))
p_x = Alias("p", Softmax(x))
ones_n = Ones("n")

JACOBIANS = [
    Identity(
        id="linear-map",
        table="jacobians",
        title="Linear map",
        f_expr=Amn * x,
        wrt="x",
        derivative_expr=Amn.T,
        wrong={"A (the numerator-layout Jacobian)": Amn},
    ),
    Identity(
        id="row-vector-map",
        table="jacobians",
        title="Row-vector map",
        f_expr=x.T * Anm,
        wrt="x",
        derivative_expr=Anm,
        wrong={"A^T (the numerator-layout Jacobian)": Anm.T},
    ),
    Identity(
        id="elementwise-product",
        table="jacobians",
        title="Elementwise product",
        f_expr=Hadamard(a, x),
        wrt="x",
        derivative_expr=Diag(a),
        wrong={"diag(x) (differentiated the wrong factor)": Diag(x)},
    ),
    Identity(
        id="sigmoid",
        table="jacobians",
        title="Elementwise sigmoid",
        f_expr=sigmoid(x),
        wrt="x",
        derivative_expr=Diag(Hadamard(s_x, ones_n - s_x)),
        wrong={
            "diag(s) (the function, not its slope)": Diag(s_x),
            "s (1 - s)^T (an outer product, not a diagonal)": s_x * (ones_n - s_x).T,
        },
        assume="\\(\\sigma(t) = 1/(1 + e^{-t})\\), entry by entry",
    ),
    Identity(
        id="tanh",
        table="jacobians",
        title="Elementwise tanh",
        f_expr=tanh(x),
        wrt="x",
        derivative_expr=Diag(ones_n - Hadamard(t_x, t_x)),
        wrong={"diag(1 - t) (missed the square)": Diag(ones_n - t_x)},
    ),
    Identity(
        id="relu",
        table="jacobians",
        title="Elementwise ReLU",
        f_expr=relu(xnz),
        wrt="x",
        derivative_expr=Diag(step(xnz)),
        wrong={"diag(relu(x)) (the function, not its slope)": Diag(relu(xnz))},
        assume="not differentiable where some \\(x_i = 0\\)",
    ),
    Identity(
        id="softmax",
        table="jacobians",
        title="Softmax",
        f_expr=Softmax(x),
        wrt="x",
        derivative_expr=Diag(p_x) - p_x * p_x.T,
        wrong={
            "diag(p) (dropped -p p^T)": Diag(p_x),
            "diag(p) + p p^T (sign error)": Diag(p_x) + p_x * p_x.T,
        },
    ),
    Identity(
        id="log-softmax",
        table="jacobians",
        title="Log-softmax",
        f_expr=log(Softmax(x)),
        wrt="x",
        derivative_expr=I_n - p_x * ones_n.T,
        wrong={"I - 1 p^T (the numerator-layout Jacobian)": I_n - ones_n * p_x.T},
    ),
    Identity(
        id="normalize",
        table="jacobians",
        title="Normalisation to unit length",
        f_expr=xnv / Norm(xnv),
        wrt="x",
        derivative_expr=(I_n - u_hat * u_hat.T) / Norm(xnv),
        wrong={"I / ||x|| (ignored that the norm depends on x)": I_n / Norm(xnv)},
    ),
    Identity(
        id="matvec-weights",
        table="jacobians",
        title="Matrix-vector product, by the matrix",
        f_expr=W * x,
        wrt="W",
        derivative_expr=Kron(x, Eye("m", subscript=True)),
        wrong={"I_m (x) x (Kronecker factors swapped)": Kron(Eye("m", subscript=True), x)},
        assume="Jacobian by \\(\\vecop W\\) (columns stacked): \\(mn \\times m\\) in denominator "
        "layout, \\(m \\times mn\\) in numerator layout",
    ),
]

# Scalar functions of a matrix: the gradient has the matrix's shape
Bnm = Var("B", "n", "m")
Bmn = Var("B", "m", "n")
Bn = Var("B", "n", "n")
Bs = Var("B", "n", "n", kind="symmetric")
Apm = Var("A", "p", "m")
X = Var("X", "m", "n")
Bnp = Var("B", "n", "p")
Xnk = Var("X", "n", "k")
Xi = Var("X", "n", "n", kind="invertible")
Ai = Var("A", "n", "n", kind="invertible")
u = Var("u", "m")
v = Var("v", "n")
dA = Var("dA", "n", "n", tex="\\dd A", kind="direction", differential=True)
dSigma = Var("dSigma", "n", "n", tex="\\dd \\Sigma", kind="direction", differential=True)
G_sym = Inverse(Sigma) * Bs * Inverse(Sigma)

Xsq = Var("X", "n", "n")
dXsq = Var("dX", "n", "n", tex="\\dd X", kind="direction", differential=True)

MATRIX_FUNCTIONS = [
    Identity(
        id="trace",
        table="matrix-functions",
        title="Trace",
        f_expr=Trace(A),
        wrt="A",
        derivative_expr=I_n,
        wrong={"1 1^T (every entry counted)": ones_n * ones_n.T},
        source=COOKBOOK.format(99),
    ),
    Identity(
        id="trace-product",
        table="matrix-functions",
        title="Trace of a product",
        f_expr=Trace(Amn * Bnm),
        wrt="A",
        derivative_expr=Bnm.T,
        wrong={"B (the numerator-layout form)": Bnm},
        source=COOKBOOK.format(100),
    ),
    Identity(
        id="trace-transpose-product",
        table="matrix-functions",
        title="Frobenius inner product",
        f_expr=Trace(Amn.T * Bmn),
        wrt="A",
        derivative_expr=Bmn,
        wrong={"B^T (transposed)": Bmn.T},
    ),
    Identity(
        id="trace-sandwich",
        table="matrix-functions",
        title="Trace of a sandwich",
        f_expr=Trace(Apm * X * Bnp),
        wrt="X",
        derivative_expr=Apm.T * Bnp.T,
        wrong={"B A (the numerator-layout form)": Bnp * Apm},
        source=COOKBOOK.format(101),
    ),
    Identity(
        id="trace-quadratic",
        table="matrix-functions",
        title="Trace of ABAᵀ",
        f_expr=Trace(Amn * Bn * Amn.T),
        wrt="A",
        derivative_expr=Amn * (Bn + Bn.T),
        wrong={"2AB (true only for symmetric B)": 2 * Amn * Bn},
    ),
    Identity(
        id="trace-gram",
        table="matrix-functions",
        title="Trace of AᵀA",
        f_expr=Trace(Amn.T * Amn),
        wrt="A",
        derivative_expr=2 * Amn,
        wrong={"A (dropped the factor 2)": Amn},
        source=COOKBOOK.format(115),
    ),
    Identity(
        id="frobenius-norm-squared",
        table="matrix-functions",
        title="Squared Frobenius norm",
        f_expr=Norm(Amn, "F") ** 2,
        wrt="A",
        derivative_expr=2 * Amn,
        wrong={"2A^T (transposed)": 2 * Amn.T},
    ),
    Identity(
        id="trace-xtax",
        table="matrix-functions",
        title="Trace of XᵀAX",
        f_expr=Trace(Xnk.T * A * Xnk),
        wrt="X",
        derivative_expr=(A + A.T) * Xnk,
        wrong={"2AX (true only for symmetric A)": 2 * A * Xnk},
        source=COOKBOOK.format(108),
    ),
    Identity(
        id="trace-square",
        table="matrix-functions",
        title="Trace of A²",
        f_expr=Trace(A * A),
        wrt="A",
        derivative_expr=2 * A.T,
        wrong={"2A (missing transpose)": 2 * A},
        source=COOKBOOK.format(106),
    ),
    Identity(
        id="bilinear-matrix",
        table="matrix-functions",
        title="Bilinear form in W",
        f_expr=u.T * W * v,
        wrt="W",
        derivative_expr=u * v.T,
        wrong={"v u^T (the numerator-layout form)": v * u.T},
        source=COOKBOOK.format(70),
    ),
    Identity(
        id="log-det-spd",
        table="matrix-functions",
        title="Log-determinant, SPD matrix",
        f_expr=log(Det(Sigma)),
        wrt="Sigma",
        derivative_expr=Inverse(Sigma),
        numerator_expr=SAME,
        differential_expr=Trace(Inverse(Sigma) * dSigma),
        wrong={
            "2 Sigma^-1 - Sigma^-1 o I (the published 'symmetric gradient')": 2 * Inverse(Sigma)
            - Hadamard(Inverse(Sigma), I_n),
            "Sigma (forgot the inverse)": Sigma,
        },
        assume="entries varied independently; the gradient is symmetric because \\(\\Sigma\\) is",
        source=COOKBOOK.format(43) + " (the differential)",
    ),
    Identity(
        id="log-abs-det",
        table="matrix-functions",
        title="Log-absolute-determinant",
        f_expr=log(Abs(Det(Ai))),
        wrt="A",
        derivative_expr=Inverse(Ai).T,
        differential_expr=Trace(Inverse(Ai) * dA),
        wrong={"A^-1 (missing transpose)": Inverse(Ai)},
    ),
    Identity(
        id="det-adjugate",
        table="matrix-functions",
        title="Determinant, any square matrix",
        f_expr=Det(A),
        wrt="A",
        derivative_expr=Adjugate(A).T,
        differential_expr=Trace(Adjugate(A) * dA),
        wrong={"adj(A) (missing transpose)": Adjugate(A)},
        assume="also valid for singular \\(A\\); \\(\\adj(A)^\\T\\) is the cofactor matrix",
        source=COOKBOOK.format(41) + " (the differential)",
    ),
    Identity(
        id="det-invertible",
        table="matrix-functions",
        title="Determinant, invertible matrix",
        f_expr=Det(Ai),
        wrt="A",
        derivative_expr=Det(Ai) * Inverse(Ai).T,
        differential_expr=Det(Ai) * Trace(Inverse(Ai) * dA),
        wrong={"det(A) A^-1 (missing transpose)": Det(Ai) * Inverse(Ai)},
        source=COOKBOOK.format(42) + " (the differential)",
    ),
    Identity(
        id="trace-inverse-product",
        table="matrix-functions",
        title="Trace of A⁻¹B",
        f_expr=Trace(Inverse(Ai) * Bn),
        wrt="A",
        derivative_expr=-(Inverse(Ai).T * Bn.T * Inverse(Ai).T),
        differential_expr=-Trace(Inverse(Ai) * dA * Inverse(Ai) * Bn),
        wrong={
            "-A^-1 B A^-1 (missing transposes)": -(Inverse(Ai) * Bn * Inverse(Ai)),
            "A^-T B^T A^-T (sign error)": Inverse(Ai).T * Bn.T * Inverse(Ai).T,
        },
    ),
    Identity(
        id="trace-inverse-symmetric",
        table="matrix-functions",
        title="Trace of Σ⁻¹B, both symmetric",
        f_expr=Trace(Inverse(Sigma) * Bs),
        wrt="Sigma",
        derivative_expr=-G_sym,
        numerator_expr=SAME,
        wrong={
            "-2 G + G o I with G = Sigma^-1 B Sigma^-1 (the 'symmetric gradient')": -(2 * G_sym)
            + Hadamard(G_sym, I_n),
            "Sigma^-1 B Sigma^-1 (sign error)": G_sym,
        },
        assume="entries varied independently",
    ),
    Identity(
        id="inverse-bilinear",
        table="matrix-functions",
        title="Bilinear form in X⁻¹",
        f_expr=a.T * Inverse(Xi) * b,
        wrt="X",
        derivative_expr=-(Inverse(Xi).T * a * b.T * Inverse(Xi).T),
        wrong={"-X^-1 a b^T X^-1 (missing transposes)": -(Inverse(Xi) * a * b.T * Inverse(Xi))},
    ),
    Identity(
        id="trace-power",
        table="matrix-functions",
        title="Trace of a power, tr(X³)",
        f_expr=Trace(Xsq * Xsq * Xsq),
        wrt="X",
        derivative_expr=3 * (Xsq * Xsq).T,
        differential_expr=3 * Trace(Xsq * Xsq * dXsq),
        wrong={"3 X^2 (a transpose lost: right only for symmetric X)": 3 * Xsq * Xsq},
    ),
]

# Matrix-valued maps: d vec F / d vec X, columns stacked
Ip = Eye("p", subscript=True)
Im = Eye("m", subscript=True)
In_ = Eye("n", subscript=True)
Xnp = Var("X", "n", "p")
Sg = Var("A", "n", "n", kind="sym_gap")
dSg = Var("dA", "n", "n", tex="\\dd A", kind="direction", differential=True)
dAmn = Var("dA", "m", "n", tex="\\dd A", kind="direction", differential=True)
dXnp = Var("dX", "n", "p", tex="\\dd X", kind="direction", differential=True)
v_max = EigvecMax(Sg)
Xsv = Var("X", "m", "n", kind="sv_gap")
dXmn = Var("dX", "m", "n", tex="\\dd X", kind="direction", differential=True)
u_1, v_1 = SingularVectors(Xsv, "u1"), SingularVectors(Xsv, "v1")
Xinv = Var("X", "n", "n", kind="invertible")
dXn = Var("dX", "n", "n", tex="\\dd X", kind="direction", differential=True)
U_sv, V_sv = SingularVectors(Xinv, "U"), SingularVectors(Xinv, "V")

INVERSE_EIGEN = [
    Identity(
        id="inverse",
        table="inverse-eigen",
        title="Inverse",
        f_expr=Inverse(Ai),
        wrt="A",
        derivative_expr=-Kron(Inverse(Ai), Inverse(Ai).T),
        differential_expr=-(Inverse(Ai) * dA * Inverse(Ai)),
        wrong={
            "-A^-T (x) A^-1 (the numerator-layout matrix)": -Kron(Inverse(Ai).T, Inverse(Ai)),
            "-A^-1 (x) A^-1 (a transpose lost)": -Kron(Inverse(Ai), Inverse(Ai)),
        },
        source=COOKBOOK.format(40) + " (the differential)",
    ),
    Identity(
        id="matrix-square",
        table="inverse-eigen",
        title="Square of a matrix",
        f_expr=A * A,
        wrt="A",
        derivative_expr=Kron(A, In_) + Kron(In_, A.T),
        differential_expr=dA * A + A * dA,
        wrong={"2 A (x) I (as if A and dA commuted)": 2 * Kron(A, In_)},
    ),
    Identity(
        id="matrix-product-left",
        table="inverse-eigen",
        title="Product AB, by the left factor",
        f_expr=Amn * Bnp,
        wrt="A",
        derivative_expr=Kron(Bnp, Im),
        differential_expr=dAmn * Bnp,
        wrong={"I_m (x) B (Kronecker factors swapped)": Kron(Im, Bnp)},
    ),
    Identity(
        id="matrix-product-right",
        table="inverse-eigen",
        title="Product AX, by the right factor",
        f_expr=Amn * Xnp,
        wrt="X",
        derivative_expr=Kron(Ip, Amn.T),
        differential_expr=Amn * dXnp,
        wrong={"A^T (x) I_p (Kronecker factors swapped)": Kron(Amn.T, Ip)},
    ),
    Identity(
        id="eigenvalue-max",
        table="inverse-eigen",
        title="Largest eigenvalue, symmetric matrix",
        f_expr=LambdaMax(Sg),
        wrt="A",
        derivative_expr=v_max * v_max.T,
        numerator_expr=SAME,
        differential_expr=v_max.T * dSg * v_max,
        wrong={
            "lambda v v^T (mixed up with dA v = lambda v)": LambdaMax(Sg) * v_max * v_max.T,
            "I (the gradient of the sum of all eigenvalues)": I_n,
            "2 v v^T - v v^T o I (the 'symmetric gradient' G + G^T - G o I of PyTorch issue "
            "137284)": 2 * v_max * v_max.T - Hadamard(v_max * v_max.T, I_n),
        },
        assume="\\(v\\) the unit eigenvector of \\(\\lambda_{\\max}\\); entries varied independently",
    ),
    Identity(
        id="spectral-norm",
        table="inverse-eigen",
        title="Spectral norm (largest singular value)",
        f_expr=SpectralNorm(Xsv),
        wrt="X",
        derivative_expr=u_1 * v_1.T,
        differential_expr=u_1.T * dXmn * v_1,
        wrong={
            "v_1 u_1^T (transposed)": v_1 * u_1.T,
            "sigma_1 u_1 v_1^T (mixed up with X v_1 = sigma_1 u_1)": SpectralNorm(Xsv) * u_1 * v_1.T,
        },
        assume="\\(u_1, v_1\\) the singular vectors of the largest singular value; "
        "where it repeats, only subgradients exist",
    ),
    Identity(
        id="nuclear-norm",
        table="inverse-eigen",
        title="Nuclear norm (sum of singular values)",
        f_expr=NuclearNorm(Xinv),
        wrt="X",
        derivative_expr=U_sv * V_sv.T,
        differential_expr=Trace(U_sv.T * dXn * V_sv),
        wrong={
            "X (the gradient of half the sum of the squared singular values)": Xinv,
            "u_1 v_1^T (the spectral norm's gradient)": SingularVectors(Xinv, "u1")
            * SingularVectors(Xinv, "v1").T,
        },
        assume="\\(U, V\\) from the SVD, singular values may repeat; where "
        "\\(X\\) is singular, only subgradients exist",
    ),
]

# Losses and layers
z = Var("z", "n")
y_prob = Var("y", "n", kind="prob")
Xd = Var("X", "N", "n")
w = Var("w", "n")
y01 = Var("y", "N")
ones_N = Ones("N")
s_w = Alias("s", sigmoid(Xd * w))
b_m = Var("b", "m")
lam = Var("lam", tex="\\lambda")
B_mp = Var("B", "m", "p")
Xmn = Var("X", "m", "n")
U = Var("U", "m", "k")
V = Var("V", "k", "n")
Xs = Var("X", "N", "n")
Nv = Var("N", tex="N")
Sc = Var("S", "n", "n", kind="symmetric")
delta = Var("delta", "m", tex="\\delta")
bias = Var("b", "m")
s_layer = Alias("s", sigmoid(W * x + bias))
g_layer = Alias("g", Hadamard(delta, s_layer, Ones("m") - s_layer))
p_z = Alias("p", Softmax(z))
R = Xs - ones_N * mu.T
LAYER = "\\(\\delta\\) the upstream gradient \\(\\partial L / \\partial y\\) of \\(y = \\sigma(W x + b)\\), held fixed"

ML_LOSSES = [
    Identity(
        id="log-sum-exp",
        table="ml-losses",
        title="Log-sum-exp",
        f_expr=LogSumExp(x),
        wrt="x",
        derivative_expr=Softmax(x),
        hessian_expr=Diag(p_x) - p_x * p_x.T,
        wrong={"exp(x) (not normalised)": exp(x)},
        assume="\\(\\lse(x) = \\log \\sum_i e^{x_i}\\)",
    ),
    Identity(
        id="softmax-cross-entropy",
        table="ml-losses",
        title="Softmax cross-entropy",
        f_expr=-(y_prob.T * log(Softmax(z))),
        wrt="z",
        derivative_expr=Softmax(z) - y_prob,
        hessian_expr=Diag(p_z) - p_z * p_z.T,
        wrong={
            "y - softmax(z) (sign error)": y_prob - Softmax(z),
            "exp(z) - y (not normalised)": exp(z) - y_prob,
        },
        assume="\\(z\\) the logits",
    ),
    Identity(
        id="logistic-loss",
        table="ml-losses",
        title="Logistic loss",
        f_expr=-(y01.T * log(sigmoid(Xd * w))) - (ones_N - y01).T * log(ones_N - sigmoid(Xd * w)),
        wrt="w",
        derivative_expr=Xd.T * (s_w - y01),
        hessian_expr=Xd.T * Diag(Hadamard(s_w, ones_N - s_w)) * Xd,
        wrong={"X^T (y - s) (sign error)": Xd.T * (y01 - s_w)},
        assume="rows of \\(X\\) are the \\(N\\) examples; labels \\(y_i \\in [0, 1]\\) make it a "
        "cross-entropy, and the gradient holds for every real \\(y\\)",
    ),
    Identity(
        id="least-squares",
        table="ml-losses",
        title="Least squares",
        f_expr=Norm(Amn * x - b_m) ** 2,
        wrt="x",
        derivative_expr=2 * Amn.T * (Amn * x - b_m),
        hessian_expr=2 * Amn.T * Amn,
        wrong={
            "A^T (Ax - b) (dropped the factor 2)": Amn.T * (Amn * x - b_m),
            "2 A^T (b - Ax) (sign error)": 2 * Amn.T * (b_m - Amn * x),
        },
    ),
    Identity(
        id="ridge",
        table="ml-losses",
        title="Ridge regression",
        f_expr=Norm(Amn * x - b_m) ** 2 + lam * Norm(x) ** 2,
        wrt="x",
        derivative_expr=2 * Amn.T * (Amn * x - b_m) + 2 * lam * x,
        hessian_expr=2 * (Amn.T * Amn + lam * I_n),
        wrong={"2 A^T (Ax - b) + lambda x (penalty's factor 2 dropped)": 2 * Amn.T * (Amn * x - b_m) + lam * x},
        assume="ridge regression takes \\(\\lambda > 0\\); the gradient holds for every real \\(\\lambda\\)",
    ),
    Identity(
        id="frobenius-regression",
        table="ml-losses",
        title="Matrix least squares",
        f_expr=Norm(Amn * Xnp - B_mp, "F") ** 2,
        wrt="X",
        derivative_expr=2 * Amn.T * (Amn * Xnp - B_mp),
        wrong={
            "A^T (AX - B) (dropped the factor 2)": Amn.T * (Amn * Xnp - B_mp),
            "2 A^T (B - AX) (sign error)": 2 * Amn.T * (B_mp - Amn * Xnp),
        },
        source=COOKBOOK.format(119) + ", with its B = I and C = -B",
    ),
    Identity(
        id="low-rank-v",
        table="ml-losses",
        title="Low-rank factorisation, by V",
        f_expr=Norm(Xmn - U * V, "F") ** 2,
        wrt="V",
        derivative_expr=-(2 * U.T * (Xmn - U * V)),
        wrong={"2 U^T (X - UV) (the sign error once printed in a textbook)": 2 * U.T * (Xmn - U * V)},
    ),
    Identity(
        id="low-rank-u",
        table="ml-losses",
        title="Low-rank factorisation, by U",
        f_expr=Norm(Xmn - U * V, "F") ** 2,
        wrt="U",
        derivative_expr=-(2 * (Xmn - U * V) * V.T),
        wrong={"2 (X - UV) V^T (sign error)": 2 * (Xmn - U * V) * V.T},
    ),
    Identity(
        id="gaussian-mean",
        table="ml-losses",
        title="Gaussian log-likelihood, by the mean",
        f_expr=-(HALF * Trace(R * Inverse(Sigma) * R.T)),
        wrt="mu",
        derivative_expr=Inverse(Sigma) * R.T * ones_N,
        hessian_expr=-(DimScalar("N") * Inverse(Sigma)),
        numerator_expr=ones_N.T * R * Inverse(Sigma),
        wrong={"Sigma (X - 1 mu^T)^T 1 (forgot the inverse)": Sigma * R.T * ones_N},
        assume="rows of \\(X\\) are the samples \\(x_i\\); the derivative is \\(\\Sigma^{-1}\\sum_i (x_i - \\mu)\\)",
    ),
    Identity(
        id="gaussian-covariance",
        table="ml-losses",
        title="Gaussian log-likelihood, by the covariance",
        f_expr=-(HALF * Nv * log(Det(Sigma))) - HALF * Trace(Inverse(Sigma) * Sc),
        wrt="Sigma",
        derivative_expr=-(HALF * Nv * Inverse(Sigma)) + HALF * Inverse(Sigma) * Sc * Inverse(Sigma),
        numerator_expr=SAME,
        wrong={
            "-N/2 Sigma^-1 - 1/2 Sigma^-1 S Sigma^-1 (sign of the second term)": -(HALF * Nv * Inverse(Sigma))
            - HALF * Inverse(Sigma) * Sc * Inverse(Sigma),
        },
        assume="\\(S = \\sum_i (x_i - \\mu)(x_i - \\mu)^\\T\\) over \\(N\\) samples; entries varied independently",
    ),
    Identity(
        id="dense-layer-weights",
        table="ml-losses",
        title="Sigmoid layer, by the weights",
        f_expr=delta.T * sigmoid(W * x + bias),
        wrt="W",
        derivative_expr=g_layer * x.T,
        wrong={"x g^T (transposed)": x * g_layer.T},
        assume=LAYER,
    ),
    Identity(
        id="dense-layer-input",
        table="ml-losses",
        title="Sigmoid layer, by the input",
        f_expr=delta.T * sigmoid(W * x + bias),
        wrt="x",
        derivative_expr=W.T * g_layer,
        wrong={"W^T delta (forgot the sigmoid's slope)": W.T * delta},
        assume=LAYER,
    ),
    Identity(
        id="dense-layer-bias",
        table="ml-losses",
        title="Sigmoid layer, by the bias",
        f_expr=delta.T * sigmoid(W * x + bias),
        wrt="b",
        derivative_expr=g_layer,
        wrong={"delta (forgot the sigmoid's slope)": delta},
        assume=LAYER,
    ),
]

IDENTITIES = SCALAR_GRADIENTS + JACOBIANS + MATRIX_FUNCTIONS + INVERSE_EIGEN + ML_LOSSES

_BY_ID = {entry.id: entry for entry in IDENTITIES}


class UnknownNameError(KeyError, ValueError):
    """No identity or table of that name: a KeyError, and a ValueError like all bad input."""


def by_id(identity_id):
    """The registry entry with this id (the row's anchor is `id-` + the id)."""
    try:
        return _BY_ID[identity_id]
    except (KeyError, TypeError):
        raise UnknownNameError(f"no identity {identity_id!r}; known: {sorted(_BY_ID)}") from None


def in_table(table):
    """The entries of one table, in registry order. Raises UnknownNameError for an unknown table."""
    if not isinstance(table, str) or table not in TABLES:
        raise UnknownNameError(f"no table {table!r}; known: {list(TABLES)}")
    return [entry for entry in IDENTITIES if entry.table == table]
