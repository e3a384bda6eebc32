"""The AD engine (matcalc.ad) against finite differences, PyTorch and JAX.

Every operation is written twice, once for the engine and once in PyTorch (the
micrograd way), as a function of one array x; its other operands are fixed
constants. For each one: the Jacobian built from VJPs and from JVPs passes
matcalc.check_jacobian, single VJPs and JVPs equal torch.func's to 1e-10 in
float64, and the dot-product test <u, J^T v> = <J u, v> holds.
"""

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import torch

from matcalc import check_gradient, check_jacobian, relative_error
from matcalc import ad

jax.config.update("jax_enable_x64", True)

# torch.func.jvp of matmul goes through a torch.jit.script decomposition that
# warns about its own deprecation: PyTorch's noise, not ours
pytestmark = pytest.mark.filterwarnings(
    "ignore:`torch.jit.script` is deprecated:DeprecationWarning")

TOL = 1e-10
rng = np.random.default_rng(0)


def away_from_zero(shape):
    """Entries with |x| >= 0.2, so ReLU's kink and 1/x stay far off."""
    x = rng.standard_normal(shape)
    return np.sign(x) * (np.abs(x) + 0.2)


A34 = rng.standard_normal((3, 4))
A23 = rng.standard_normal((2, 3))
A42 = rng.standard_normal((4, 2))
V4 = rng.standard_normal(4)
C34 = rng.standard_normal((3, 4))
T = torch.from_numpy

# name: (engine f, torch f, x); f is a function of x alone. The engine's f also
# runs on plain ndarrays, which is what check_jacobian evaluates
CASES = {
    "matmul x@A": (lambda x: x @ A42, lambda x: x @ T(A42), rng.standard_normal((3, 4))),
    "matmul A@x": (lambda x: A23 @ x, lambda x: T(A23) @ x, rng.standard_normal((3, 4))),
    "matmul matrix@vector": (lambda x: A34 @ x, lambda x: T(A34) @ x, rng.standard_normal(4)),
    "matmul vector@matrix": (lambda x: x @ A42, lambda x: x @ T(A42), rng.standard_normal(4)),
    "matmul vector@vector": (lambda x: x @ V4, lambda x: x @ T(V4), rng.standard_normal(4)),
    "matmul x@x": (lambda x: x @ x, lambda x: x @ x, rng.standard_normal((3, 3))),
    "matmul x@x.T": (lambda x: x @ x.T, lambda x: x @ x.T, rng.standard_normal((3, 4))),
    "add same shape": (lambda x: x + C34, lambda x: x + T(C34), rng.standard_normal((3, 4))),
    "add broadcast row": (lambda x: C34 + x, lambda x: T(C34) + x, rng.standard_normal(4)),
    "add broadcast column": (lambda x: x + C34, lambda x: x + T(C34), rng.standard_normal((3, 1))),
    "add scalar": (lambda x: x + 2.5, lambda x: x + 2.5, rng.standard_normal((3, 4))),
    "add x+x.T": (lambda x: x + x.T, lambda x: x + x.T, rng.standard_normal((3, 3))),
    "sub": (lambda x: x - C34, lambda x: x - T(C34), rng.standard_normal((3, 4))),
    "rsub broadcast": (lambda x: C34 - x, lambda x: T(C34) - x, rng.standard_normal(4)),
    "neg": (lambda x: -x, lambda x: -x, rng.standard_normal((3, 4))),
    "mul same shape": (lambda x: x * C34, lambda x: x * T(C34), rng.standard_normal((3, 4))),
    "mul broadcast": (lambda x: C34 * x, lambda x: T(C34) * x, rng.standard_normal((3, 1))),
    "mul scalar": (lambda x: 3.0 * x, lambda x: 3.0 * x, rng.standard_normal((3, 4))),
    "mul x*x": (lambda x: x * x, lambda x: x * x, rng.standard_normal((3, 4))),
    "div by constant": (lambda x: x / C34, lambda x: x / T(C34), rng.standard_normal((3, 4))),
    "div constant by x": (lambda x: C34 / x, lambda x: T(C34) / x, away_from_zero((3, 4))),
    "pow": (lambda x: x ** 3, lambda x: x ** 3, rng.standard_normal((3, 4))),
    "sum": (lambda x: x.sum(), lambda x: x.sum(), rng.standard_normal((3, 4))),
    "sum axis 0": (lambda x: x.sum(axis=0), lambda x: x.sum(dim=0), rng.standard_normal((3, 4))),
    "sum axis -1": (lambda x: x.sum(axis=-1), lambda x: x.sum(dim=-1), rng.standard_normal((3, 4))),
    "mean": (lambda x: x.mean(), lambda x: x.mean(), rng.standard_normal((3, 4))),
    "mean axis 1": (lambda x: x.mean(axis=1), lambda x: x.mean(dim=1), rng.standard_normal((3, 4))),
    "exp": (ad.exp, torch.exp, rng.standard_normal((3, 4))),
    "log": (ad.log, torch.log, np.abs(away_from_zero((3, 4)))),
    "tanh": (ad.tanh, torch.tanh, rng.standard_normal((3, 4))),
    "sigmoid": (ad.sigmoid, torch.sigmoid, 3 * rng.standard_normal((3, 4))),
    "relu": (ad.relu, torch.relu, away_from_zero((3, 4))),
    "softmax rows": (ad.softmax, lambda x: torch.softmax(x, -1), rng.standard_normal((3, 4))),
    "softmax axis 0": (lambda x: ad.softmax(x, axis=0), lambda x: torch.softmax(x, 0),
                       rng.standard_normal((3, 4))),
    "softmax vector": (ad.softmax, lambda x: torch.softmax(x, -1), rng.standard_normal(5)),
    "logsumexp rows": (ad.logsumexp, lambda x: torch.logsumexp(x, -1), rng.standard_normal((3, 4))),
    "logsumexp axis 0": (lambda x: ad.logsumexp(x, axis=0), lambda x: torch.logsumexp(x, 0),
                         rng.standard_normal((3, 4))),
    "logsumexp vector": (ad.logsumexp, lambda x: torch.logsumexp(x, -1), rng.standard_normal(5)),
    "reshape": (lambda x: x.reshape(2, 6), lambda x: x.reshape(2, 6), rng.standard_normal((3, 4))),
    "reshape -1": (lambda x: x.reshape(-1), lambda x: x.reshape(-1), rng.standard_normal((3, 4))),
    "transpose .T": (lambda x: x.T, lambda x: x.T, rng.standard_normal((3, 4))),
    "transpose axes": (lambda x: x.transpose(2, 0, 1), lambda x: x.permute(2, 0, 1),
                       rng.standard_normal((2, 3, 4))),
    "layer": (lambda x: ad.tanh(A34 @ x + 0.5), lambda x: torch.tanh(T(A34) @ x + 0.5),
              rng.standard_normal(4)),
    "cross-entropy": (
        lambda x: (ad.logsumexp(x) - (x * C34).sum(axis=-1)).mean(),
        lambda x: (torch.logsumexp(x, -1) - (x * T(C34)).sum(-1)).mean(),
        rng.standard_normal((3, 4)),
    ),
}
IDS = list(CASES)


def basis(shape):
    """e_1, ..., e_k shaped like an array of that shape."""
    size = int(np.prod(shape))
    return [np.eye(size)[i].reshape(shape) for i in range(size)]


def out_shape(name):
    f, _, x = CASES[name]
    return np.shape(f(x))


def jacobian_from_vjps(f, x):
    """J u for every basis cotangent u = e_j: J's column j; J is x.shape + y.shape."""
    columns = [ad.vjp(f, x, u)[1] for u in basis(np.shape(f(x)))]
    return np.stack(columns, axis=-1).reshape(x.shape + np.shape(f(x)))


def jacobian_from_jvps(f, x):
    """J^T v for every basis tangent v = e_i: J's row i."""
    rows = [ad.jvp(f, x, v)[1] for v in basis(x.shape)]
    return np.stack(rows).reshape(x.shape + np.shape(f(x)))


@pytest.mark.parametrize("name", IDS)
def test_vjp_jacobian_matches_finite_differences(name):
    f, _, x = CASES[name]
    assert check_jacobian(f, lambda z: jacobian_from_vjps(f, z), x) < 1e-6


@pytest.mark.parametrize("name", IDS)
def test_jvp_jacobian_matches_finite_differences(name):
    f, _, x = CASES[name]
    assert check_jacobian(f, lambda z: jacobian_from_jvps(f, z), x) < 1e-6


@pytest.mark.parametrize("name", IDS)
def test_value_matches_torch(name):
    f, f_torch, x = CASES[name]
    np.testing.assert_allclose(f(ad.Tensor(x)).data, f_torch(T(x)).numpy(), rtol=TOL, atol=TOL)
    np.testing.assert_allclose(f(ad.Dual(x, x)).value, f_torch(T(x)).numpy(), rtol=TOL, atol=TOL)


@pytest.mark.parametrize("name", IDS)
def test_vjp_matches_torch(name):
    f, f_torch, x = CASES[name]
    u = rng.standard_normal(out_shape(name))
    _, Ju = ad.vjp(f, x, u)
    _, pullback = torch.func.vjp(f_torch, T(x))
    (expected,) = pullback(T(u))
    assert Ju.shape == x.shape
    np.testing.assert_allclose(Ju, expected.numpy(), rtol=TOL, atol=TOL)


@pytest.mark.parametrize("name", IDS)
def test_jvp_matches_torch(name):
    f, f_torch, x = CASES[name]
    v = rng.standard_normal(x.shape)
    y, JTv = ad.jvp(f, x, v)
    y_torch, expected = torch.func.jvp(f_torch, (T(x),), (T(v),))
    assert JTv.shape == y.shape
    np.testing.assert_allclose(y, y_torch.numpy(), rtol=TOL, atol=TOL)
    np.testing.assert_allclose(JTv, expected.numpy(), rtol=TOL, atol=TOL)


@pytest.mark.parametrize("name", IDS)
def test_dot_product_test(name):
    """<u, J^T v> = <J u, v>: forward and reverse mode use the same J."""
    f, _, x = CASES[name]
    u = rng.standard_normal(out_shape(name))
    v = rng.standard_normal(x.shape)
    left = np.sum(u * ad.jvp(f, x, v)[1])
    right = np.sum(ad.vjp(f, x, u)[1] * v)
    assert relative_error(left, right) < 1e-13


def test_every_operation_is_covered():
    """Each engine operation is exercised by at least one case above."""
    ops = set()
    for f, _, x in CASES.values():
        ops |= {node.op for node in f(ad.Tensor(x)).topological_order()}
    expected = {"leaf", "add", "mul", "matmul", "pow", "sum", "reshape", "transpose",
                "exp", "log", "tanh", "sigmoid", "relu", "softmax", "logsumexp"}
    assert ops == expected


# --- Hessian-vector products --------------------------------------------------------

W = rng.standard_normal((5, 4))
b = rng.standard_normal(5)


def scalar_f(x):
    return ad.logsumexp(ad.tanh(W @ x + b)) + (ad.sigmoid(x) * x).sum() + (x ** 3).mean()


def scalar_f_torch(x):
    return (torch.logsumexp(torch.tanh(T(W) @ x + T(b)), -1)
            + (torch.sigmoid(x) * x).sum() + (x ** 3).mean())


def scalar_f_jax(x):
    return (jax.nn.logsumexp(jnp.tanh(jnp.asarray(W) @ x + jnp.asarray(b)))
            + (jax.nn.sigmoid(x) * x).sum() + (x ** 3).mean())


X0 = rng.standard_normal(4)
V0 = rng.standard_normal(4)


def test_hvp_matches_torch_autograd_and_torch_func():
    Hv = ad.hvp(scalar_f, X0, V0)
    _, expected = torch.autograd.functional.hvp(scalar_f_torch, T(X0), T(V0))
    np.testing.assert_allclose(Hv, expected.numpy(), rtol=TOL, atol=TOL)
    # torch.func's recipe: forward-over-reverse, as in the engine
    _, expected = torch.func.jvp(torch.func.grad(scalar_f_torch), (T(X0),), (T(V0),))
    np.testing.assert_allclose(Hv, expected.numpy(), rtol=TOL, atol=TOL)


def test_hvp_matches_jax_forward_over_reverse():
    Hv = ad.hvp(scalar_f, X0, V0)
    _, expected = jax.jvp(jax.grad(scalar_f_jax), (X0,), (V0,))
    np.testing.assert_allclose(Hv, np.asarray(expected), rtol=TOL, atol=TOL)


def test_hvp_matches_finite_differences_of_the_gradient():
    h = 1e-5
    Hv_numeric = (ad.grad(scalar_f, X0 + h * V0) - ad.grad(scalar_f, X0 - h * V0)) / (2 * h)
    assert relative_error(ad.hvp(scalar_f, X0, V0), Hv_numeric) < 1e-8


def test_hessian_from_hvps_is_symmetric_and_matches_jax():
    H = np.stack([ad.hvp(scalar_f, X0, e) for e in basis(X0.shape)])
    np.testing.assert_allclose(H, H.T, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(H, np.asarray(jax.hessian(scalar_f_jax)(X0)), rtol=TOL, atol=TOL)


def test_hvp_of_matrix_argument_matches_torch():
    """Every op on the way (matmul both sides, softmax, relu, reshape, ...) runs on Duals."""
    x = rng.standard_normal((3, 4))
    v = rng.standard_normal((3, 4))

    def f(X):
        Z = ad.relu(X @ A42 + 0.1).T @ ad.softmax(X / 2.0, axis=0)
        return ad.exp(Z.reshape(-1) * 0.1).sum() + ad.log(X * X + 1.0).mean()

    def f_torch(X):
        Z = torch.relu(X @ T(A42) + 0.1).T @ torch.softmax(X / 2.0, 0)
        return torch.exp(Z.reshape(-1) * 0.1).sum() + torch.log(X * X + 1.0).mean()

    _, expected = torch.autograd.functional.hvp(f_torch, T(x), T(v))
    np.testing.assert_allclose(ad.hvp(f, x, v), expected.numpy(), rtol=TOL, atol=TOL)


def test_hvp_of_a_linear_function_is_zero():
    assert np.array_equal(ad.hvp(lambda x: (x * V4).sum(), X0, V0), np.zeros(4))


# --- A whole network -------------------------------------------------------------------

def test_mlp_gradients_match_torch():
    X = rng.standard_normal((8, 5))
    Y = np.eye(3)[rng.integers(0, 3, size=8)]
    shapes = {"W1": (5, 6), "b1": (6,), "W2": (6, 3), "b2": (3,)}
    init = {k: rng.standard_normal(s) for k, s in shapes.items()}

    p = {k: ad.Tensor(v) for k, v in init.items()}
    logits = ad.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    loss = (ad.logsumexp(logits) - (logits * Y).sum(axis=-1)).mean()
    loss.backward()

    q = {k: T(v).requires_grad_() for k, v in init.items()}
    logits_torch = torch.tanh(T(X) @ q["W1"] + q["b1"]) @ q["W2"] + q["b2"]
    loss_torch = (torch.logsumexp(logits_torch, -1) - (logits_torch * T(Y)).sum(-1)).mean()
    loss_torch.backward()

    np.testing.assert_allclose(loss.data, loss_torch.item(), rtol=TOL)
    for k in shapes:
        assert p[k].grad.shape == shapes[k]
        np.testing.assert_allclose(p[k].grad, q[k].grad.numpy(), rtol=TOL, atol=TOL)


def test_float32_stays_float32():
    """Python numbers and internal constants must not promote a float32 graph to float64."""
    X = rng.standard_normal((8, 5)).astype(np.float32)
    W1 = rng.standard_normal((5, 6)).astype(np.float32)
    W = ad.Tensor(W1)
    loss = (ad.logsumexp(ad.tanh(X @ W / 2.0 + 1.0)) * 3.0 - 0.5).mean()
    loss.backward()
    assert loss.dtype == W.grad.dtype == np.float32
    Wt = T(W1).requires_grad_()
    (torch.logsumexp(torch.tanh(T(X) @ Wt / 2.0 + 1.0), -1) * 3.0 - 0.5).mean().backward()
    np.testing.assert_allclose(W.grad, Wt.grad.numpy(), rtol=1e-5, atol=1e-6)
    assert ad.jvp(ad.sigmoid, X, X)[1].dtype == np.float32
    assert ad.hvp(lambda x: (x * x * 2.0).mean(), X, X).dtype == np.float32


def test_grad_agrees_with_check_gradient():
    assert check_gradient(scalar_f, lambda x: ad.grad(scalar_f, x), X0) < 1e-8


def test_backward_twice_gives_the_same_gradient():
    """Unlike PyTorch's leaves, the engine resets .grad on every backward()."""
    x = ad.Tensor(X0)
    y = scalar_f(x)
    y.backward()
    first = x.grad.copy()
    y.backward()
    np.testing.assert_array_equal(x.grad, first)


def test_deep_graph_needs_no_recursion():
    x = ad.Tensor(np.array([0.5]))
    y = x
    for _ in range(5000):
        y = y * 1.0001
    y.sum().backward()
    np.testing.assert_allclose(x.grad, [1.0001 ** 5000], rtol=1e-12)


# --- Numerical stability --------------------------------------------------------------

def test_logsumexp_and_softmax_are_stable_for_large_inputs():
    x = np.array([[1000.0, 1000.0, -1000.0], [-800.0, -801.0, -802.0]])
    np.testing.assert_allclose(ad.logsumexp(x), np.asarray(jax.nn.logsumexp(x, axis=-1)), rtol=TOL)
    np.testing.assert_allclose(ad.softmax(x), np.asarray(jax.nn.softmax(x, axis=-1)),
                               rtol=TOL, atol=1e-300)
    g = ad.grad(lambda z: ad.logsumexp(z).sum(), x)
    assert np.all(np.isfinite(g))
    np.testing.assert_allclose(g, np.asarray(jax.nn.softmax(x, axis=-1)), rtol=TOL, atol=1e-300)
    _, tangent = ad.jvp(ad.logsumexp, x, np.ones_like(x))
    np.testing.assert_allclose(tangent, [1.0, 1.0], rtol=TOL)


def test_sigmoid_is_stable_for_large_inputs():
    x = np.array([-800.0, -40.0, 0.0, 40.0, 800.0])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        y = ad.sigmoid(x)
        g = ad.grad(lambda z: ad.sigmoid(z).sum(), x)
    np.testing.assert_allclose(y, np.asarray(jax.nn.sigmoid(x)), rtol=TOL, atol=1e-300)
    np.testing.assert_allclose(g, np.asarray(jax.vmap(jax.grad(jax.nn.sigmoid))(x)),
                               rtol=TOL, atol=1e-300)


def test_relu_kink_convention_matches_torch_and_jax():
    """At x = 0 all three take the slope 0; a central difference sees 1/2."""
    x = np.array([0.0])
    assert ad.grad(lambda z: ad.relu(z).sum(), x)[0] == 0.0
    assert ad.jvp(ad.relu, x, np.ones(1))[1][0] == 0.0
    t = T(x).requires_grad_()
    torch.relu(t).sum().backward()
    assert t.grad.item() == 0.0
    assert float(jax.grad(lambda z: jax.nn.relu(z).sum())(x)[0]) == 0.0
    h = 1e-6
    assert (ad.relu(x + h) - ad.relu(x - h))[0] / (2 * h) == pytest.approx(0.5)


# --- Bad input --------------------------------------------------------------------------

@pytest.mark.parametrize("make", [ad.Tensor, lambda a: ad.Dual(a, a)], ids=["Tensor", "Dual"])
def test_matmul_shape_mismatch_names_the_shapes(make):
    with pytest.raises(ValueError, match=r"matmul: shapes \(3, 4\) and \(3, 2\).*4 != 3"):
        make(rng.standard_normal((3, 4))) @ rng.standard_normal((3, 2))


@pytest.mark.parametrize("make", [ad.Tensor, lambda a: ad.Dual(a, a)], ids=["Tensor", "Dual"])
def test_matmul_rejects_3d(make):
    with pytest.raises(ValueError, match=r"1-D or 2-D"):
        make(rng.standard_normal((2, 3, 4))) @ rng.standard_normal((4, 2))


@pytest.mark.parametrize("make", [ad.Tensor, lambda a: ad.Dual(a, a)], ids=["Tensor", "Dual"])
@pytest.mark.parametrize("op", ["add", "mul"])
def test_broadcast_mismatch_names_the_shapes(make, op):
    x = make(rng.standard_normal((3, 4)))
    with pytest.raises(ValueError, match=rf"{op}: shapes \(3, 4\) and \(3,\) cannot be broadcast"):
        x + np.ones(3) if op == "add" else x * np.ones(3)


@pytest.mark.parametrize("bad", [np.arange(3), np.array([True, False]), np.ones(2, dtype=complex)],
                         ids=["int", "bool", "complex"])
def test_non_float_input_is_a_type_error(bad):
    with pytest.raises(TypeError, match=f"floating-point array, got dtype {bad.dtype}"):
        ad.Tensor(bad)
    with pytest.raises(TypeError, match="floating-point"):
        ad.Dual(bad, bad)
    with pytest.raises(TypeError, match="floating-point"):
        ad.Tensor(np.ones(bad.shape)) * bad
    with pytest.raises(TypeError, match="floating-point"):
        ad.grad(lambda x: x.sum(), bad)


def test_dual_tangent_shape_must_match():
    with pytest.raises(ValueError, match=r"tangent shape \(2,\) does not match value shape \(3,\)"):
        ad.Dual(np.ones(3), np.ones(2))
    with pytest.raises(ValueError, match=r"jvp: tangent shape \(2,\) does not match x shape \(3,\)"):
        ad.jvp(ad.exp, np.ones(3), np.ones(2))


def test_backward_of_non_scalar_needs_a_seed_of_its_shape():
    y = ad.Tensor(np.ones(3)) * 2.0
    with pytest.raises(ValueError, match=r"output has shape \(3,\); pass a seed"):
        y.backward()
    with pytest.raises(ValueError, match=r"seed shape \(2,\) does not match output shape \(3,\)"):
        y.backward(np.ones(2))
    with pytest.raises(ValueError, match=r"seed shape \(2,\)"):
        ad.vjp(lambda x: x * 2.0, np.ones(3), np.ones(2))


def test_scalar_only_functions_reject_vectors():
    with pytest.raises(ValueError, match=r"grad: f must return a scalar, got shape \(3,\)"):
        ad.grad(ad.exp, np.ones(3))
    with pytest.raises(ValueError, match=r"hvp: f must return a scalar"):
        ad.hvp(ad.exp, np.ones(3), np.ones(3))


def test_f_must_depend_on_its_argument():
    with pytest.raises(ValueError, match="grad: f must return a Tensor computed from its argument"):
        ad.grad(lambda x: 1.0, np.ones(3))
    with pytest.raises(ValueError, match="jvp: f must return a Dual"):
        ad.jvp(lambda x: np.ones(2), np.ones(3), np.ones(3))


def test_numpy_ufuncs_on_engine_values_fail_loudly():
    with pytest.raises(TypeError, match="does not support ufuncs"):
        np.exp(ad.Tensor(np.ones(3)))
    with pytest.raises(TypeError, match="exponent must be a Python number"):
        ad.Tensor(np.ones(3)) ** ad.Tensor(np.ones(3))
