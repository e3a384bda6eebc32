"""A tiny automatic differentiation engine over NumPy arrays.

Reverse mode: ``Tensor``. Every operation builds its output and a closure that
pulls the output's gradient back and adds it into its inputs' ``.grad`` with
``+=``; ``backward()`` sorts the graph topologically and runs the closures in
reverse (the design of micrograd, on arrays instead of scalars).

Forward mode: ``Dual``, a value with a tangent of the same shape; every
operation maps both.

Layout: denominator. For f: R^n -> R^m with the n-by-m Jacobian J,
J[i, j] = d f_j / d x_i (arrays count as their flattened vectors):

- ``jvp(f, x, v)`` pushes a tangent v forward and returns J^T v
  (frameworks, in numerator layout, write J v);
- ``vjp(f, x, u)`` pulls a cotangent u back and returns J u
  (frameworks write u^T J);
- ``grad(f, x)`` is the VJP of a scalar f with u = 1, shaped like x.

The backward closures use only operations that ndarrays and Duals share, so a
Tensor may hold Duals: running ``backward()`` on them differentiates the
gradient along a direction v, which is the Hessian-vector product H v
(``hvp``, forward-over-reverse).
"""

import numpy as np

try:
    from numpy.lib.array_utils import normalize_axis_tuple
except ImportError:  # NumPy 1.x kept it in numpy.core (public from 2.0 on)
    from numpy.core.numeric import normalize_axis_tuple

__all__ = ["DtypeError", "Dual", "Tensor", "exp", "grad", "hvp", "jvp", "log", "logsumexp",
           "relu", "sigmoid", "softmax", "tanh", "vjp"]


class DtypeError(TypeError, ValueError):
    """An array that is not floating point: a TypeError, and a ValueError like all bad input."""


# --- Plain-array helpers -------------------------------------------------------

def _float_array(x, what, like=None):
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        # A Python number takes the dtype of the array it meets, as in NumPy
        return np.asarray(x, dtype=np.float64 if like is None else like.dtype)
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        raise DtypeError(f"{what} must be a floating-point array, got dtype {x.dtype} "
                        "(convert with .astype(np.float64))")
    return x


def _value(x):
    """The primal value: a Dual's value, anything else unchanged."""
    return x.value if isinstance(x, Dual) else x


def _softmax(a, axis):
    # Shifting by the max changes nothing mathematically and keeps exp finite
    e = np.exp(a - a.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _logsumexp(a, axis):
    return a.max(axis=axis) + np.log(np.exp(a - a.max(axis=axis, keepdims=True)).sum(axis=axis))


def _softmax_jvp(p, t, axis):
    """(diag(p) - p p^T) t along axis, for p = softmax(x); works on Duals too."""
    return p * (t - (p * t).sum(axis=axis, keepdims=True))


# Elementwise functions: the array version and the slope y' as a function of
# (x, y). Forward and reverse mode both use the slope, so each derivative is
# written once; the slopes work on Duals too, which is what hvp needs.
_ELEMENTWISE = {
    "exp": (np.exp, lambda x, y: y),
    "log": (np.log, lambda x, y: 1.0 / x),
    "tanh": (np.tanh, lambda x, y: 1.0 - y * y),
    "sigmoid": (lambda a: np.exp(-np.logaddexp(0.0, -a)), lambda x, y: y * (1.0 - y)),
    # The slope at the kink x = 0 is taken as 0, as PyTorch and JAX do
    "relu": (lambda a: np.maximum(a, 0.0), lambda x, y: (_value(x) > 0).astype(x.dtype)),
}


def _kept_shape(shape, axis):
    """shape with the reduced axes kept as 1s, so a reduced result broadcasts back."""
    axes = range(len(shape)) if axis is None else normalize_axis_tuple(axis, len(shape))
    return tuple(1 if i in axes else n for i, n in enumerate(shape))


def _unbroadcast(g, shape):
    """Sum g over the axes broadcasting added or stretched, back to shape."""
    if g.shape == shape:
        return g
    lead = g.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, n in enumerate(shape) if n == 1 and g.shape[lead + i] != 1)
    return g.sum(axis=axes, keepdims=True).reshape(shape)


def _check_broadcast(op, a, b):
    try:
        return np.broadcast_shapes(a, b)
    except ValueError:
        raise ValueError(f"{op}: shapes {a} and {b} cannot be broadcast together") from None


def _check_matmul(a, b):
    if not (1 <= len(a) <= 2 and 1 <= len(b) <= 2):
        raise ValueError(f"matmul: needs 1-D or 2-D operands, got shapes {a} and {b}")
    if a[-1] != b[0]:
        raise ValueError(f"matmul: shapes {a} and {b} do not match "
                         f"(inner dimensions {a[-1]} != {b[0]})")


def _mean_count(shape, axis):
    """How many entries each mean averages; an empty average has no value."""
    axes = range(len(shape)) if axis is None else normalize_axis_tuple(axis, len(shape))
    count = int(np.prod([shape[i] for i in axes]))
    if count == 0:
        raise ValueError(f"mean: the average over axis {axis} of an array of shape {shape} "
                         "has no entries")
    return count


def _pow_slope(x, p):
    """d(x**p)/dx = p x**(p-1); for p = 0 it is 0 everywhere, even at x = 0 (no 0 * inf)."""
    if p == 0:
        return np.zeros(x.shape)
    return p * x ** (p - 1)


def _dot(a, b):
    """np.dot as NumPy defines it for 0-, 1- and 2-D operands: a product or a matmul."""
    if np.ndim(_value(getattr(a, "data", a))) == 0 or np.ndim(_value(getattr(b, "data", b))) == 0:
        return a * b
    return a @ b


def _reduction(name):
    def function(a, axis=None, dtype=None, out=None, keepdims=False, **rest):
        if dtype is not None or out is not None or rest:
            given = [k for k, v in (("dtype", dtype), ("out", out)) if v is not None] + list(rest)
            raise ValueError(f"np.{name} on a Tensor or Dual takes axis and keepdims only, "
                             f"got {', '.join(given)}")
        return getattr(a, name)(axis=axis, keepdims=keepdims)
    return function


# The NumPy functions a Tensor or a Dual answers to (NEP 18); any other one
# raises NumPy's TypeError "no implementation found" instead of silently
# turning the object into a 0-d object array
_NUMPY_FUNCTIONS = {
    np.sum: _reduction("sum"),
    np.mean: _reduction("mean"),
    np.dot: _dot,
    np.transpose: lambda a, axes=None: a.transpose(*(axes or ())),
    np.reshape: lambda a, shape: a.reshape(shape),
}


def _array_function(self, func, types, args, kwargs):
    handler = _NUMPY_FUNCTIONS.get(func)
    return NotImplemented if handler is None else handler(*args, **kwargs)


def _shape_args(args):
    """Accept f(2, 3) as well as f((2, 3)), as NumPy does."""
    return tuple(args[0]) if len(args) == 1 and isinstance(args[0], (tuple, list)) else args


# --- Forward mode ----------------------------------------------------------------

class Dual:
    """A value and a tangent of the same shape: forward-mode AD.

    Evaluating f on Dual(x, v) gives Dual(f(x), J^T v), J the n-by-m Jacobian.
    """

    __array_ufunc__ = None  # ndarray (op) Dual defers to Dual's reflected method
    __array_function__ = _array_function

    def __init__(self, value, tangent):
        self.value = _float_array(value, "Dual value")
        self.tangent = _float_array(tangent, "Dual tangent")
        if self.tangent.shape != self.value.shape:
            raise ValueError(f"Dual: tangent shape {self.tangent.shape} does not match "
                             f"value shape {self.value.shape}")

    shape = property(lambda self: self.value.shape)
    ndim = property(lambda self: self.value.ndim)
    size = property(lambda self: self.value.size)
    dtype = property(lambda self: self.value.dtype)
    T = property(lambda self: self.transpose())

    def __repr__(self): return f"Dual(value={self.value!r}, tangent={self.tangent!r})"

    def _parts(self, other):
        """(value, tangent) of an operand; a constant's tangent is None."""
        if isinstance(other, Dual):
            return other.value, other.tangent
        return _float_array(other, "operand", self.value), None

    def __add__(self, other):
        b, tb = self._parts(other)
        _check_broadcast("add", self.shape, b.shape)
        value = self.value + b
        tangent = self.tangent + tb if tb is not None else self.tangent
        return Dual(value, np.broadcast_to(tangent, value.shape))

    def __neg__(self): return Dual(-self.value, -self.tangent)
    def __sub__(self, other): return self + (-other)
    def __rsub__(self, other): return (-self) + other

    def __mul__(self, other):
        b, tb = self._parts(other)
        _check_broadcast("mul", self.shape, b.shape)
        tangent = self.tangent * b if tb is None else self.tangent * b + self.value * tb
        return Dual(self.value * b, tangent)

    def __truediv__(self, other):
        if isinstance(other, Dual):
            return self * other ** -1.0
        return self * (1.0 / _float_array(other, "divisor", self))

    def __rtruediv__(self, other): return self ** -1.0 * other

    def __pow__(self, p):
        if not isinstance(p, (int, float)):
            raise TypeError(f"pow: the exponent must be a Python number, got {type(p).__name__}")
        return Dual(self.value ** p, self.tangent * _pow_slope(self.value, p))

    def __matmul__(self, other):
        b, tb = self._parts(other)
        _check_matmul(self.shape, b.shape)
        tangent = self.tangent @ b if tb is None else self.tangent @ b + self.value @ tb
        return Dual(self.value @ b, tangent)

    def __rmatmul__(self, other):
        a, _ = self._parts(other)
        _check_matmul(a.shape, self.shape)
        return Dual(a @ self.value, a @ self.tangent)

    __radd__, __rmul__ = __add__, __mul__

    def sum(self, axis=None, keepdims=False):
        return Dual(self.value.sum(axis=axis, keepdims=keepdims),
                    self.tangent.sum(axis=axis, keepdims=keepdims))

    def mean(self, axis=None, keepdims=False):
        return self.sum(axis, keepdims) * (1.0 / _mean_count(self.shape, axis))

    def reshape(self, *shape):
        shape = _shape_args(shape)
        return Dual(self.value.reshape(shape), self.tangent.reshape(shape))

    def transpose(self, *axes):
        axes = _shape_args(axes) or None
        return Dual(self.value.transpose(axes), self.tangent.transpose(axes))

    def _elementwise(self, name):
        forward, slope = _ELEMENTWISE[name]
        y = forward(self.value)
        return Dual(y, self.tangent * slope(self.value, y))

    def exp(self): return self._elementwise("exp")
    def log(self): return self._elementwise("log")
    def tanh(self): return self._elementwise("tanh")
    def sigmoid(self): return self._elementwise("sigmoid")
    def relu(self): return self._elementwise("relu")

    def softmax(self, axis=-1):
        p = _softmax(self.value, axis)
        return Dual(p, _softmax_jvp(p, self.tangent, axis))

    def logsumexp(self, axis=-1):
        p = _softmax(self.value, axis)
        return Dual(_logsumexp(self.value, axis), (p * self.tangent).sum(axis=axis))


# --- Reverse mode ----------------------------------------------------------------

class Tensor:
    """A node of the computational graph: data, grad, parents, backward closure.

    ``data`` is a float ndarray, or a Dual (for Hessian-vector products).
    Constants mixed into an operation become Tensors with requires_grad=False:
    no gradient is computed for them.
    """

    __array_ufunc__ = None  # ndarray @ Tensor defers to Tensor.__rmatmul__
    __array_function__ = _array_function

    def __init__(self, data, requires_grad=True, parents=(), op="leaf"):
        self.data = data if isinstance(data, Dual) else _float_array(data, "Tensor data")
        self.requires_grad = requires_grad
        self.grad = None
        self.parents = parents
        self.op = op
        self._backward = None

    shape = property(lambda self: self.data.shape)
    ndim = property(lambda self: self.data.ndim)
    size = property(lambda self: self.data.size)
    dtype = property(lambda self: self.data.dtype)
    T = property(lambda self: self.transpose())

    def __repr__(self): return f"Tensor(shape={self.shape}, op={self.op!r})"

    def _node(self, data, parents, op):
        return Tensor(data, any(p.requires_grad for p in parents), parents, op)

    # --8<-- [start:mul]
    def __mul__(self, other):
        other = _lift(other, self)
        _check_broadcast("mul", self.shape, other.shape)
        out = self._node(self.data * other.data, (self, other), "mul")

        def backward():
            # d(a * b) = da * b + a * db; axes that broadcasting stretched are summed back
            if self.requires_grad:
                self.grad += _unbroadcast(out.grad * other.data, self.shape)
            if other.requires_grad:
                other.grad += _unbroadcast(out.grad * self.data, other.shape)

        out._backward = backward
        return out
    # --8<-- [end:mul]

    def __add__(self, other):
        other = _lift(other, self)
        _check_broadcast("add", self.shape, other.shape)
        out = self._node(self.data + other.data, (self, other), "add")

        def backward():
            if self.requires_grad:
                self.grad += _unbroadcast(out.grad, self.shape)
            if other.requires_grad:
                other.grad += _unbroadcast(out.grad, other.shape)

        out._backward = backward
        return out

    def __matmul__(self, other):
        other = _lift(other, self)
        _check_matmul(self.shape, other.shape)
        # A vector is a one-row (or one-column) matrix; reshape is differentiable
        if self.ndim == 1:
            return (self.reshape(1, -1) @ other).reshape(other.shape[1:])
        if other.ndim == 1:
            return (self @ other.reshape(-1, 1)).reshape(self.shape[:1])
        out = self._node(self.data @ other.data, (self, other), "matmul")

        def backward():
            # C = A B: A gets C_bar B^T, B gets A^T C_bar
            if self.requires_grad:
                self.grad += out.grad @ other.data.T
            if other.requires_grad:
                other.grad += self.data.T @ out.grad

        out._backward = backward
        return out

    def __neg__(self): return self * -1.0
    def __sub__(self, other): return self + (-_lift(other, self))
    def __rsub__(self, other): return _lift(other, self) + (-self)
    def __truediv__(self, other): return self * _lift(other, self) ** -1.0
    def __rtruediv__(self, other): return _lift(other, self) * self ** -1.0
    def __rmatmul__(self, other): return _lift(other, self) @ self
    __radd__, __rmul__ = __add__, __mul__

    def _unary(self, data, op, pullback):
        """A node with one input; pullback(out) is the input's share of out.grad."""
        out = self._node(data, (self,), op)

        def backward():
            self.grad += pullback(out)

        out._backward = backward
        return out

    def __pow__(self, p):
        if not isinstance(p, (int, float)):
            raise TypeError(f"pow: the exponent must be a Python number, got {type(p).__name__}")
        return self._unary(self.data ** p, "pow", lambda out: out.grad * _pow_slope(self.data, p))

    def sum(self, axis=None, keepdims=False):
        # Every summed entry gets the output's gradient: broadcast it back
        kept = _kept_shape(self.shape, axis)
        return self._unary(
            self.data.sum(axis=axis, keepdims=keepdims), "sum",
            lambda out: out.grad.reshape(kept) + np.zeros(self.shape, self.dtype))

    def mean(self, axis=None, keepdims=False):
        return self.sum(axis, keepdims) * (1.0 / _mean_count(self.shape, axis))

    def reshape(self, *shape):
        return self._unary(self.data.reshape(_shape_args(shape)), "reshape",
                           lambda out: out.grad.reshape(self.shape))

    def transpose(self, *axes):
        axes = _shape_args(axes) or tuple(reversed(range(self.ndim)))
        return self._unary(self.data.transpose(axes), "transpose",
                           lambda out: out.grad.transpose(tuple(np.argsort(axes))))

    def _elementwise(self, name):
        slope = _ELEMENTWISE[name][1]
        return self._unary(_FUNCTIONS[name](self.data), name,
                           lambda out: out.grad * slope(self.data, out.data))

    def exp(self): return self._elementwise("exp")
    def log(self): return self._elementwise("log")
    def tanh(self): return self._elementwise("tanh")
    def sigmoid(self): return self._elementwise("sigmoid")
    def relu(self): return self._elementwise("relu")

    def softmax(self, axis=-1):
        # The Jacobian diag(p) - p p^T is symmetric: the JVP rule serves as VJP
        return self._unary(softmax(self.data, axis), "softmax",
                           lambda out: _softmax_jvp(out.data, out.grad, axis))

    def logsumexp(self, axis=-1):
        # The gradient of log-sum-exp is softmax
        kept = _kept_shape(self.shape, axis)
        return self._unary(logsumexp(self.data, axis), "logsumexp",
                           lambda out: out.grad.reshape(kept) * softmax(self.data, axis))

    def topological_order(self):
        """Every Tensor this one depends on (requiring grad), each after its parents."""
        order, seen, stack = [], set(), [(self, False)]
        while stack:  # a loop, not recursion: deep graphs would hit the recursion limit
            node, parents_done = stack.pop()
            if parents_done:
                order.append(node)
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((p, False) for p in reversed(node.parents) if p.requires_grad)
        return order

    # --8<-- [start:backward]
    def backward(self, seed=None):
        """Set .grad of every Tensor this one depends on to J seed (seed = 1 for a scalar)."""
        if not self.requires_grad:
            raise ValueError("backward(): this Tensor depends on no Tensor that requires grad")
        if seed is None:
            if self.size != 1:
                raise ValueError(f"backward(): output has shape {self.shape}; pass a seed "
                                 "of that shape (the cotangent u of a VJP)")
            seed = np.ones(self.shape, self.dtype)
        seed = _float_array(seed, "backward seed")
        if seed.shape != self.shape:
            raise ValueError(f"backward(): seed shape {seed.shape} does not match "
                             f"output shape {self.shape}")
        order = self.topological_order()
        for node in order:
            node.grad = 0.0  # a number, not zeros: `+=` then works for Duals too
        self.grad += seed
        for node in reversed(order):  # outputs first: each grad is complete when used
            if node._backward is not None:
                node._backward()
    # --8<-- [end:backward]


def _lift(x, like):
    """Wrap a constant (array or number) met by Tensor like as a Tensor needing no gradient."""
    if isinstance(x, Tensor):
        return x
    return Tensor(x if isinstance(x, Dual) else _float_array(x, "operand", like.data), False)


# --- Functions that accept ndarrays, Duals and Tensors ------------------------------

def _generic(name, on_array):
    def function(x, *args, **kwargs):
        if isinstance(x, (Tensor, Dual)):
            return getattr(x, name)(*args, **kwargs)
        return on_array(_float_array(x, f"{name} input"), *args, **kwargs)
    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"{name} of an ndarray, a Dual or a Tensor."
    return function


_FUNCTIONS = {name: _generic(name, forward) for name, (forward, _) in _ELEMENTWISE.items()}
exp, log, tanh, sigmoid, relu = (_FUNCTIONS[n] for n in ("exp", "log", "tanh", "sigmoid", "relu"))
softmax = _generic("softmax", lambda a, axis=-1: _softmax(a, axis))
logsumexp = _generic("logsumexp", lambda a, axis=-1: _logsumexp(a, axis))


# --- Derivatives of a function of one array ------------------------------------------

def _output(y, name):
    if not isinstance(y, Tensor) or not y.requires_grad:
        raise ValueError(f"{name}: f must return a Tensor computed from its argument, "
                         f"got {type(y).__name__}")
    return y


def grad(f, x):
    """Gradient of a scalar f at x, shaped like x (reverse mode: one backward pass).

    x is a floating-point array of any shape (its dtype is kept); f maps a
    Tensor to a Tensor of size 1. Raises ValueError if f returns something
    else, DtypeError (a ValueError) for a non-floating x. Method: reverse-mode
    accumulation (Griewank & Walther, Evaluating Derivatives, 2008, ch. 3).
    """
    x = Tensor(x)
    y = _output(f(x), "grad")
    if y.size != 1:
        raise ValueError(f"grad: f must return a scalar, got shape {y.shape}; use vjp or jvp")
    y.backward()
    return x.grad


def vjp(f, x, u):
    """(f(x), J u): the cotangent u, shaped like f(x), pulled back to x's shape.

    In the numerator layout frameworks use this is u^T J. Raises ValueError
    when u does not have the shape of f(x).
    """
    x = Tensor(x)
    y = _output(f(x), "vjp")
    y.backward(u)
    return y.data, x.grad


def jvp(f, x, v):
    """(f(x), J^T v): the tangent v, shaped like x, pushed forward to f(x)'s shape.

    In the numerator layout frameworks use this is J v. f maps a Dual to a
    Dual. Raises ValueError when v does not have the shape of x. Method:
    forward mode with dual numbers (Griewank & Walther, 2008, ch. 3).
    """
    x = _float_array(x, "x")
    v = _float_array(v, "v")
    if v.shape != x.shape:
        raise ValueError(f"jvp: tangent shape {v.shape} does not match x shape {x.shape}")
    y = f(Dual(x, v))
    if not isinstance(y, Dual):
        raise ValueError("jvp: f must return a Dual computed from its argument, "
                         f"got {type(y).__name__}")
    return y.value, np.array(y.tangent)  # a copy: the tangent may be a broadcast view


def hvp(f, x, v):
    """H v for a scalar f: the forward-mode derivative of the reverse-mode gradient.

    x enters the graph as Dual(x, v); backward() then runs on Duals, and the
    gradient's tangent is d/de grad f(x + e v) at e = 0, that is H v.
    x and v have one shape; the result has it too. Raises ValueError for
    mismatched shapes or a non-scalar f. Method: Pearlmutter, "Fast exact
    multiplication by the Hessian", Neural Computation 6 (1994).
    """
    x = _float_array(x, "x")
    v = _float_array(v, "v")
    point = Tensor(Dual(x, v))
    y = _output(f(point), "hvp")
    if y.size != 1:
        raise ValueError(f"hvp: f must return a scalar, got shape {y.shape}")
    y.backward()
    g = point.grad
    # A gradient that does not depend on x (f linear) stays a plain array
    return np.array(g.tangent) if isinstance(g, Dual) else np.zeros_like(x)
