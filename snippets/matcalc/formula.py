"""Formulas as small expression trees: one object gives the LaTeX and the numbers.

Every identity in ``matcalc.identities`` is written once with these nodes. The
same tree is printed for the site (``node.latex()``), evaluated with NumPy for
the checks (``evaluate(node, inputs)``), and, in the tests, evaluated with
PyTorch (for autograd) and with SymPy on matrices of symbols (for exact
differentiation). The shown formula and the tested code cannot disagree.

Why not SymPy matrix expressions directly: SymPy 1.14 rewrites what it is
given (``x - a`` prints as ``-a + x``, ``(A x - b)^T`` becomes
``x^T A^T - b^T``, ``inv(A).T`` becomes ``inv(A.T)``), its ``diff`` returns 0
for ``log(det(A))`` and for ``(x.T*A*x)[0, 0]``, and ``lambdify`` has no NumPy
translation for Trace or Determinant. These nodes keep a formula as written
and leave SymPy the job it does well: differentiating explicit entries.

Conventions: a vector is a column, so ``Var("x", "n")`` has shape (n, 1); a
product whose shape is 1 x 1 is a scalar. Shapes are checked when a formula is
built, with dimension names ("n", "m"), and again when it is evaluated.
"""

from fractions import Fraction

import numpy as np

__all__ = [
    "Undecidable", "wrap", "product", "Node", "Var", "Const", "Eye", "Ones", "Zero",
    "DimScalar", "Alias", "Sum", "Neg", "Product", "Div", "Pow", "Transpose",
    "Inverse", "Hadamard", "Kron", "Call", "Trace", "Det", "Adjugate", "Abs", "Diag",
    "Softmax", "LogSumExp", "Norm", "Elementwise", "LambdaMax", "EigvecMax", "SpectralNorm",
    "NuclearNorm", "SingularVectors", "exp",
    "log", "tanh", "sigmoid", "relu", "step", "sign", "Context", "variables",
    "infer_dims", "evaluate", "NumpyOps", "SympyOps", "NUMPY",
]

# Printing precedence: a child binding looser than its parent gets parentheses
SUM, NEG, PRODUCT, ATOM = 1, 2, 3, 4


class Undecidable(Exception):
    """Raised by a backend that cannot express a node (e.g. SymPy and eigenvalues)."""


def wrap(value):
    if isinstance(value, Node):
        return value
    if isinstance(value, (int, Fraction)):
        return Neg(Const(-value)) if value < 0 else Const(value)
    raise TypeError(f"cannot use {value!r} in a formula (only ints and Fractions)")


def product(*factors):
    """A Product with signs pulled out front: (-A) x prints as -A x."""
    negative = False
    plain = []
    for f in map(wrap, factors):
        while isinstance(f, Neg):
            negative, f = not negative, f.child
        plain.append(f)
    result = Product(*plain)
    return Neg(result) if negative else result


def _compatible(a, b):
    return a is None or b is None or a == b


class Node:
    """Base class: operators build new nodes; ``latex`` prints; ``_ev`` evaluates."""

    prec = ATOM
    shape = ()
    children = ()

    # Juxtaposition is the one product: matrix product, or scaling by a scalar
    def __mul__(self, other):
        return product(self, other)

    def __rmul__(self, other):
        return product(other, self)

    def __add__(self, other):
        return Sum(self, wrap(other))

    def __radd__(self, other):
        return Sum(wrap(other), self)

    def __sub__(self, other):
        return Sum(self, Neg(wrap(other)))

    def __rsub__(self, other):
        return Sum(wrap(other), Neg(self))

    def __neg__(self):
        return Neg(self)

    def __truediv__(self, other):
        return Div(self, wrap(other))

    def __pow__(self, power):
        return Pow(self, power)

    @property
    def T(self):
        return Transpose(self)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def wrapped(self, prec):
        text = self.latex()
        return f"\\left({text}\\right)" if self.prec < prec else text

    def __repr__(self):
        return f"<{type(self).__name__} {self.latex()}>"


# --- leaves -----------------------------------------------------------------


class Var(Node):
    """A named input: ``Var("x", "n")`` vector, ``Var("A", "m", "n")`` matrix, ``Var("c")`` scalar.

    ``kind`` says what the sampler draws and what the row assumes (see
    matcalc.identities.KINDS). A ``differential`` Var such as dA prints as
    (dA) inside products.
    """

    def __init__(self, name, *dims, tex=None, kind="any", differential=False):
        if len(dims) > 2:
            raise ValueError("a Var is a scalar, a vector or a matrix")
        self.name = name
        self.dims = dims
        self.shape = (dims[0], 1) if len(dims) == 1 else tuple(dims)
        self.tex = tex or name
        self.kind = kind
        self.differential = differential

    def latex(self):
        return self.tex

    def _ev(self, ctx):
        return ctx.values[self.name]


class Const(Node):
    def __init__(self, value):
        self.value = Fraction(value)

    def latex(self):
        v = self.value
        if v.denominator == 1:
            return str(v.numerator)
        return f"\\tfrac{{{v.numerator}}}{{{v.denominator}}}"

    def _ev(self, ctx):
        return ctx.ops.const(self.value)


class Eye(Node):
    def __init__(self, dim, subscript=False):
        self.dim = dim
        self.shape = (dim, dim)
        self.subscript = subscript

    def latex(self):
        return f"I_{{{self.dim}}}" if self.subscript else "I"

    def _ev(self, ctx):
        return ctx.ops.eye(ctx.dims[self.dim])


class Ones(Node):
    """The all-ones column vector, printed as a bold 1."""

    def __init__(self, dim):
        self.dim = dim
        self.shape = (dim, 1)

    def latex(self):
        return "\\mathbf{1}"

    def _ev(self, ctx):
        return ctx.ops.ones(ctx.dims[self.dim])


class Zero(Node):
    def __init__(self, rows, cols):
        self.shape = (rows, cols)

    def latex(self):
        return "0"

    def _ev(self, ctx):
        rows, cols = (ctx.dims.get(d, d) for d in self.shape)
        return ctx.ops.zeros(rows, cols)


class DimScalar(Node):
    """A dimension used as a number, e.g. N, the number of samples."""

    def __init__(self, dim):
        self.dim = dim

    def latex(self):
        return self.dim

    def _ev(self, ctx):
        return ctx.ops.const(Fraction(ctx.dims[self.dim]))


class Alias(Node):
    """A named sub-formula: prints as its name; rows list it as 'where name = ...'."""

    def __init__(self, tex, expr):
        self.tex = tex
        self.expr = expr
        self.children = (expr,)
        self.shape = expr.shape

    def latex(self):
        return self.tex

    def definition(self):
        return f"{self.tex} = {self.expr.latex()}"

    def _ev(self, ctx):
        return self.expr._ev(ctx)


# --- arithmetic -------------------------------------------------------------


class Sum(Node):
    prec = SUM

    def __init__(self, *terms):
        flat = []
        for t in terms:
            flat.extend(t.children if isinstance(t, Sum) else (t,))
        self.children = tuple(flat)
        shapes = [t.shape for t in flat]
        for s in shapes[1:]:
            if len(s) != len(shapes[0]) or not all(map(_compatible, s, shapes[0])):
                raise ValueError(f"cannot add shapes {shapes}")
        self.shape = shapes[0]

    def latex(self):
        parts = [self.children[0].latex()]
        for t in self.children[1:]:
            if isinstance(t, Neg):
                parts.append(f"- {t.child.wrapped(PRODUCT)}")
            else:
                parts.append(f"+ {t.latex()}")
        return " ".join(parts)

    def _ev(self, ctx):
        total = self.children[0]._ev(ctx)
        for t in self.children[1:]:
            total = ctx.ops.add(total, t._ev(ctx))
        return total


class Neg(Node):
    prec = NEG

    def __init__(self, child):
        self.child = child
        self.children = (child,)
        self.shape = child.shape

    def latex(self):
        return f"-{self.child.wrapped(PRODUCT)}"

    def _ev(self, ctx):
        return ctx.ops.neg(self.child._ev(ctx))


def _product_shape(shapes):
    """Shape of a chain of factors; scalars scale, matrices multiply, 1x1 is scalar."""
    current = None
    for s in shapes:
        if s == ():
            continue
        if current is not None and not _compatible(current[1], s[0]):
            raise ValueError(f"cannot multiply shapes {shapes}")
        current = s if current is None else (current[0], s[1])
    if current is None or current == (1, 1):
        return ()
    return current


class Product(Node):
    """Juxtaposition: A B x, 2 A, x^T A x (a 1 x 1 result is a scalar)."""

    prec = PRODUCT

    def __init__(self, *factors):
        flat = []
        for f in factors:
            flat.extend(f.children if isinstance(f, Product) else (f,))
        self.children = tuple(flat)
        self.shape = _product_shape([f.shape for f in flat])

    def latex(self):
        parts = []
        for i, f in enumerate(self.children):
            if isinstance(f, Var) and f.differential and len(self.children) > 1:
                parts.append(f"({f.latex()})")
            elif isinstance(f, Neg) and i > 0:
                parts.append(f"\\left({f.latex()}\\right)")
            elif isinstance(f, Var) and f.shape != () and i > 0 and self.children[i - 1] is f:
                # A A prints as A^2
                power = parts[-1].split("^")
                parts[-1] = f"{power[0]}^{{{int(power[1].strip('{}')) + 1 if len(power) > 1 else 2}}}"
            else:
                parts.append(f.wrapped(PRODUCT))
        return " ".join(parts)

    def _ev(self, ctx):
        acc, acc_shape = None, None
        for f in self.children:
            value = f._ev(ctx)
            if acc is None:
                acc, acc_shape = value, f.shape
            elif acc_shape == () or f.shape == ():
                acc = ctx.ops.scale(acc, value)
                acc_shape = _product_shape([acc_shape, f.shape])
            else:
                acc = ctx.ops.matmul(acc, value)
                acc_shape = _product_shape([acc_shape, f.shape])
                if acc_shape == ():
                    acc = ctx.ops.entry(acc)  # a 1 x 1 product is a scalar
        return acc


class Div(Node):
    def __init__(self, numerator, denominator):
        if denominator.shape != ():
            raise ValueError("can only divide by a scalar")
        self.children = (numerator, denominator)
        self.shape = numerator.shape

    def latex(self):
        num, den = self.children
        return f"\\frac{{{num.latex()}}}{{{den.latex()}}}"

    def _ev(self, ctx):
        num, den = self.children
        return ctx.ops.divide(num._ev(ctx), den._ev(ctx))


class Pow(Node):
    """A scalar to a constant power; a norm squared prints as ||x||_2^2."""

    def __init__(self, base, power):
        if base.shape != ():
            raise ValueError("only scalars take powers here")
        self.children = (base,)
        self.power = Fraction(power)

    def latex(self):
        base = self.children[0].wrapped(ATOM)
        p = self.power
        exponent = str(p.numerator) if p.denominator == 1 else f"{p.numerator}/{p.denominator}"
        return f"{base}^{{{exponent}}}"

    def _ev(self, ctx):
        return ctx.ops.power(self.children[0]._ev(ctx), self.power)


class Transpose(Node):
    def __init__(self, child):
        self.children = (child,)
        self.shape = () if child.shape == () else (child.shape[1], child.shape[0])

    def latex(self):
        child = self.children[0]
        if isinstance(child, Inverse):
            return f"{child.children[0].wrapped(ATOM)}^{{-\\T}}"
        if isinstance(child, Var) and child.differential:
            return f"({child.latex()})^\\T"
        return f"{child.wrapped(ATOM)}^\\T"

    def _ev(self, ctx):
        value = self.children[0]._ev(ctx)
        return value if self.shape == () else ctx.ops.transpose(value)


class Inverse(Node):
    def __init__(self, child):
        if len(child.shape) != 2 or not _compatible(*child.shape):
            raise ValueError(f"only square matrices have inverses, got {child.shape}")
        self.children = (child,)
        self.shape = child.shape

    def latex(self):
        child = self.children[0]
        if isinstance(child, Transpose):
            return f"{child.children[0].wrapped(ATOM)}^{{-\\T}}"
        return f"{child.wrapped(ATOM)}^{{-1}}"

    def _ev(self, ctx):
        return ctx.ops.inv(self.children[0]._ev(ctx))


class Hadamard(Node):
    prec = PRODUCT

    def __init__(self, *factors):
        self.children = factors
        shapes = [f.shape for f in factors]
        for s in shapes[1:]:
            if not all(map(_compatible, s, shapes[0])):
                raise ValueError(f"elementwise product of shapes {shapes}")
        self.shape = shapes[0]

    def latex(self):
        return " \\odot ".join(f.wrapped(ATOM) for f in self.children)

    def _ev(self, ctx):
        acc = self.children[0]._ev(ctx)
        for f in self.children[1:]:
            acc = ctx.ops.hadamard(acc, f._ev(ctx))
        return acc


class Kron(Node):
    """Kronecker product; its shape is left unnamed (products of dimensions)."""

    prec = PRODUCT

    def __init__(self, left, right):
        self.children = (left, right)
        self.shape = (None, None)

    def latex(self):
        left, right = self.children
        return f"{left.wrapped(ATOM)} \\otimes {right.wrapped(ATOM)}"

    def _ev(self, ctx):
        left, right = self.children
        return ctx.ops.kron(left._ev(ctx), right._ev(ctx))


# --- functions --------------------------------------------------------------


class Call(Node):
    """A named function of one argument; subclasses set how it prints and computes."""

    template = None  # e.g. "\\tr({})"
    op = None  # name of the backend method

    def __init__(self, arg):
        self.children = (arg,)
        self.shape = self.result_shape(arg.shape)

    def result_shape(self, shape):
        return ()

    def latex(self):
        return self.template.format(self.children[0].latex())

    def _ev(self, ctx):
        return getattr(ctx.ops, self.op)(self.children[0]._ev(ctx))


class Trace(Call):
    template, op = "\\tr({})", "trace"


class Det(Call):
    template, op = "\\det({})", "det"


class Adjugate(Call):
    template, op = "\\adj({})", "adj"

    def result_shape(self, shape):
        return shape


class Abs(Call):
    template, op = "\\lvert {} \\rvert", "abs"

    def result_shape(self, shape):
        return shape


class Diag(Call):
    """diag(v): the square matrix with the vector v on its diagonal."""

    template, op = "\\diag({})", "diag"

    def result_shape(self, shape):
        if len(shape) != 2 or shape[1] != 1:
            raise ValueError("diag takes a column vector")
        return (shape[0], shape[0])


class Softmax(Call):
    template, op = "\\softmax({})", "softmax"

    def result_shape(self, shape):
        return shape


class LogSumExp(Call):
    template, op = "\\lse({})", "lse"


class Norm(Node):
    """||x||_2, ||A||_F (square root of the sum of squares) or ||x||_1."""

    def __init__(self, arg, which="2"):
        if which not in ("1", "2", "F"):
            raise ValueError("which must be '1', '2' or 'F'")
        self.children = (arg,)
        self.which = which

    def latex(self):
        return f"\\norm{{{self.children[0].latex()}}}_{self.which}"

    def _ev(self, ctx):
        value = self.children[0]._ev(ctx)
        ops = ctx.ops
        if self.which == "1":
            return ops.total(ops.abs(value))
        return ops.power(ops.total(ops.hadamard(value, value)), Fraction(1, 2))


class Elementwise(Call):
    """A scalar function applied entry by entry (or to a scalar)."""

    templates = {
        "exp": "\\exp({})",
        "log": "\\log({})",
        "tanh": "\\tanh({})",
        "sigmoid": "\\sigma({})",
        "relu": "\\operatorname{{relu}}({})",
        "step": "\\mathbf{{1}}[{} > 0]",
        "sign": "\\sign({})",
    }

    def __init__(self, name, arg):
        if name not in self.templates:
            raise ValueError(f"unknown elementwise function {name!r}")
        self.name = name
        self.template = self.templates[name]
        self.op = name
        super().__init__(arg)

    def result_shape(self, shape):
        return shape

    def latex(self):
        arg = self.children[0]
        # log det(A), log sigma(z): no extra parentheses around a function call
        if self.name == "log" and isinstance(arg, (Det, Abs, Elementwise, Trace, Softmax)):
            return f"\\log {arg.latex()}"
        return super().latex()


class LambdaMax(Call):
    """Largest eigenvalue. NumPy and PyTorch only: SymPy has no closed form."""

    template, op = "\\lambda_{{\\max}}({})", "lambda_max"


class EigvecMax(Call):
    """Unit eigenvector of the largest eigenvalue of a symmetric matrix (sign free)."""

    op = "eigvec_max"

    def __init__(self, arg, tex="v"):
        self.tex = tex
        super().__init__(arg)

    def result_shape(self, shape):
        return (shape[0], 1)

    def latex(self):
        return self.tex


class SpectralNorm(Call):
    """Largest singular value \\(\\norm{X}_2 = \\sigma_1(X)\\). NumPy and PyTorch only."""

    template, op = "\\norm{{{}}}_2", "spectral_norm"


class NuclearNorm(Call):
    """Sum of the singular values \\(\\norm{X}_*\\). NumPy and PyTorch only."""

    template, op = "\\norm{{{}}}_*", "nuclear_norm"


class SingularVectors(Call):
    """Singular vectors of X = U diag(s) V^T, singular values in decreasing order.

    ``which``: "U" or "V" (all of them; square X only), "u1" or "v1" (the pair of the
    largest singular value, as columns). Each is defined up to sign only, so a row
    uses them in sign-free products such as u1 v1^T or U V^T; both come from one
    deterministic SVD, so their signs match.
    """

    op = "singular_vectors"
    TEX = {"U": "U", "V": "V", "u1": "u_1", "v1": "v_1"}

    def __init__(self, arg, which):
        if which not in self.TEX:
            raise ValueError(f"which must be one of {list(self.TEX)}, got {which!r}")
        if which in ("U", "V") and arg.shape[0] != arg.shape[1]:
            raise ValueError(f"which={which!r} (all singular vectors) needs a square matrix, got shape {arg.shape}")
        self.which = which
        super().__init__(arg)

    def result_shape(self, shape):
        rows = shape[0] if self.which in ("U", "u1") else shape[1]
        return (rows, shape[0] if self.which in ("U", "V") else 1)

    def latex(self):
        return self.TEX[self.which]

    def _ev(self, ctx):
        return ctx.ops.singular_vectors(self.children[0]._ev(ctx), self.which)


def exp(x):
    return Elementwise("exp", x)


def log(x):
    return Elementwise("log", x)


def tanh(x):
    return Elementwise("tanh", x)


def sigmoid(x):
    return Elementwise("sigmoid", x)


def relu(x):
    return Elementwise("relu", x)


def step(x):
    return Elementwise("step", x)


def sign(x):
    return Elementwise("sign", x)


# --- evaluation -------------------------------------------------------------


class Context:
    def __init__(self, values, dims, ops):
        self.values, self.dims, self.ops = values, dims, ops


def variables(*nodes):
    """The Vars of some formulas, by name, in order of first appearance."""
    found = {}
    for node in nodes:
        for n in node.walk():
            if isinstance(n, Var):
                if n.name in found and found[n.name] is not n:
                    raise ValueError(f"two different Vars are named {n.name!r}")
                found.setdefault(n.name, n)
    return found


def infer_dims(vars_, inputs):
    """Dimension sizes from the inputs' shapes; a clear error on any mismatch."""
    dims = {}
    for name, var in vars_.items():
        if name not in inputs:
            raise ValueError(f"missing input {name!r}")
        shape = tuple(getattr(inputs[name], "shape", ()))
        if len(var.dims) == 1 and len(shape) == 2 and shape[1] == 1:
            shape = shape[:1]
        if len(shape) != len(var.dims):
            raise ValueError(
                f"input {name!r} has shape {shape}, expected {len(var.dims)} dimension(s) {var.dims}"
            )
        for dim, size in zip(var.dims, shape):
            if dims.setdefault(dim, size) != size:
                raise ValueError(f"dimension {dim!r} is both {dims[dim]} and {size} (input {name!r})")
    return dims


def evaluate(node, inputs, ops=None, *, vars_=None, dims=None):
    """The value of ``node`` at ``inputs`` (a dict of arrays), computed with ``ops``.

    Vectors come back as columns and scalars as 0-d values; see
    matcalc.identities for the shapes the checkers expect.
    """
    ops = NUMPY if ops is None else ops
    vars_ = variables(node) if vars_ is None else vars_
    dims = infer_dims(vars_, inputs) if dims is None else dims
    values = {name: ops.var(inputs[name], len(var.dims)) for name, var in vars_.items() if name in inputs}
    return node._ev(Context(values, dims, ops))


# --- backends ---------------------------------------------------------------


class NumpyOps:
    """float64 NumPy; log-sum-exp and softmax are shifted for stability."""

    @staticmethod
    def var(value, ndim):
        value = np.asarray(value, dtype=np.float64)
        return value.reshape(-1, 1) if ndim == 1 else value

    const = staticmethod(lambda c: float(c))
    matmul = staticmethod(lambda a, b: a @ b)
    scale = staticmethod(lambda a, b: a * b)
    add = staticmethod(lambda a, b: a + b)
    neg = staticmethod(lambda a: -a)
    hadamard = staticmethod(lambda a, b: a * b)
    transpose = staticmethod(lambda a: a.T)
    inv = staticmethod(np.linalg.inv)
    det = staticmethod(np.linalg.det)
    trace = staticmethod(np.trace)
    entry = staticmethod(lambda a: a[0, 0])
    eye = staticmethod(lambda n: np.eye(n))
    ones = staticmethod(lambda n: np.ones((n, 1)))
    zeros = staticmethod(lambda r, c: np.zeros((r, c)))
    kron = staticmethod(np.kron)
    diag = staticmethod(lambda v: np.diag(v[:, 0]))
    total = staticmethod(np.sum)
    divide = staticmethod(lambda a, b: a / b)
    power = staticmethod(lambda a, p: a ** float(p))
    exp = staticmethod(np.exp)
    log = staticmethod(np.log)
    tanh = staticmethod(np.tanh)
    abs = staticmethod(np.abs)
    sign = staticmethod(np.sign)
    relu = staticmethod(lambda a: np.maximum(a, 0.0))
    step = staticmethod(lambda a: (a > 0).astype(np.float64))
    sigmoid = staticmethod(lambda a: 1.0 / (1.0 + np.exp(-a)))

    @staticmethod
    def lse(v):
        top = np.max(v)
        return top + np.log(np.sum(np.exp(v - top)))

    @staticmethod
    def softmax(v):
        e = np.exp(v - np.max(v))
        return e / np.sum(e)

    @staticmethod
    def lambda_max(a):
        # General eigensolver: finite differences perturb A off symmetry
        return float(np.max(np.linalg.eigvals(a).real))

    @staticmethod
    def eigvec_max(a):
        _, vectors = np.linalg.eigh(a)
        return vectors[:, -1:]

    @staticmethod
    def spectral_norm(a):
        return float(np.linalg.norm(a, 2))

    @staticmethod
    def nuclear_norm(a):
        return float(np.linalg.norm(a, "nuc"))

    @staticmethod
    def singular_vectors(a, which):
        u, _, vt = np.linalg.svd(a)
        return {"U": u, "V": vt.T, "u1": u[:, :1], "v1": vt[:1].T}[which]

    @staticmethod
    def adj(a):
        """Adjugate from cofactors, so it is defined for singular A too."""
        n = a.shape[0]
        cof = np.empty_like(a)
        for i in range(n):
            for j in range(n):
                minor = np.delete(np.delete(a, i, axis=0), j, axis=1)
                cof[i, j] = (-1) ** (i + j) * (np.linalg.det(minor) if n > 1 else 1.0)
        return cof.T


class SympyOps:
    """Exact arithmetic on SymPy matrices of symbols (imported only when used)."""

    def __init__(self):
        import sympy

        self.sp = sympy

    def var(self, value, ndim):
        return value

    def const(self, c):
        return self.sp.Rational(c.numerator, c.denominator)

    def _map(self, f, a):
        return a.applyfunc(f) if hasattr(a, "applyfunc") else f(a)

    matmul = staticmethod(lambda a, b: a * b)
    scale = staticmethod(lambda a, b: a * b)
    add = staticmethod(lambda a, b: a + b)
    neg = staticmethod(lambda a: -a)
    transpose = staticmethod(lambda a: a.T)
    entry = staticmethod(lambda a: a[0, 0])
    trace = staticmethod(lambda a: a.trace())
    adj = staticmethod(lambda a: a.adjugate())
    divide = staticmethod(lambda a, b: a / b)

    def hadamard(self, a, b):
        return a.multiply_elementwise(b)

    def inv(self, a):
        return a.inv(method="ADJ")

    def det(self, a):
        return a.det(method="berkowitz")

    def eye(self, n):
        return self.sp.eye(n)

    def ones(self, n):
        return self.sp.ones(n, 1)

    def zeros(self, r, c):
        return self.sp.zeros(r, c)

    def kron(self, a, b):
        return self.sp.Matrix(
            a.rows * b.rows,
            a.cols * b.cols,
            lambda i, j: a[i // b.rows, j // b.cols] * b[i % b.rows, j % b.cols],
        )

    def diag(self, v):
        return self.sp.diag(*v)

    def total(self, a):
        return self.sp.Add(*a) if hasattr(a, "applyfunc") else a

    def power(self, a, p):
        return a ** self.const(p)

    def exp(self, a):
        return self._map(self.sp.exp, a)

    def log(self, a):
        return self._map(self.sp.log, a)

    def tanh(self, a):
        return self._map(self.sp.tanh, a)

    def abs(self, a):
        return self._map(self.sp.Abs, a)

    def sign(self, a):
        return self._map(self.sp.sign, a)

    def relu(self, a):
        return self._map(lambda t: self.sp.Max(0, t), a)

    def step(self, a):
        return self._map(self.sp.Heaviside, a)

    def sigmoid(self, a):
        return self._map(lambda t: 1 / (1 + self.sp.exp(-t)), a)

    def lse(self, v):
        return self.sp.log(self.sp.Add(*[self.sp.exp(t) for t in v]))

    def softmax(self, v):
        total = self.sp.Add(*[self.sp.exp(t) for t in v])
        return v.applyfunc(lambda t: self.sp.exp(t) / total)

    def lambda_max(self, a):
        raise Undecidable("SymPy has no closed form for the largest eigenvalue of a general matrix")

    def eigvec_max(self, a):
        raise Undecidable("SymPy has no closed form for the top eigenvector of a general matrix")

    def spectral_norm(self, a):
        raise Undecidable("no singular values here: they are roots of the characteristic polynomial of X^T X")

    nuclear_norm = spectral_norm

    def singular_vectors(self, a, which):
        raise Undecidable("no singular vectors here: they come with the singular values")


NUMPY = NumpyOps()
