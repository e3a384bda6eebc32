"""matcalc.ad at its edges, NumPy only: NumPy functions on Tensors and Duals, keepdims,
powers 0 and 1 at 0, empty means. Each value is checked against a hand-derived one."""

import numpy as np
import pytest

from matcalc import ad

rng = np.random.default_rng(14)


def test_np_dot_of_two_tensors_is_the_inner_product_with_its_gradient():
    x, y = rng.standard_normal(4), rng.standard_normal(4)
    a, b = ad.Tensor(x), ad.Tensor(y)
    out = np.dot(a, b)  # was the elementwise product, silently
    assert out.shape == () and out.data == pytest.approx(x @ y, rel=1e-14)
    out.backward()
    np.testing.assert_allclose(a.grad, y, rtol=1e-14)
    np.testing.assert_allclose(b.grad, x, rtol=1e-14)
    M = rng.standard_normal((3, 4))
    np.testing.assert_allclose(np.dot(M, ad.Tensor(x)).data, M @ x, rtol=1e-14)
    np.testing.assert_allclose(np.dot(ad.Tensor(x), 2.0).data, 2 * x)  # 0-d: a product


def test_np_sum_and_np_mean_on_tensors_and_duals():
    x, v = rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    assert np.sum(ad.Tensor(x)).data == pytest.approx(x.sum(), rel=1e-14)
    np.testing.assert_allclose(np.sum(ad.Tensor(x), axis=0).data, x.sum(axis=0), rtol=1e-14)
    np.testing.assert_allclose(np.mean(ad.Tensor(x), axis=1).data, x.mean(axis=1), rtol=1e-14)
    d = np.sum(ad.Dual(x, v), axis=1, keepdims=True)
    np.testing.assert_allclose(d.tangent, v.sum(axis=1, keepdims=True), rtol=1e-14)
    g = ad.grad(lambda t: np.mean(t * t), x)  # d mean(x^2) = 2x / 6
    np.testing.assert_allclose(g, 2 * x / x.size, rtol=1e-14)


def test_unsupported_numpy_functions_say_so():
    with pytest.raises(TypeError, match="no implementation found for 'numpy.linalg.det'"):
        np.linalg.det(ad.Tensor(np.eye(2)))


@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1)])
def test_tensor_sum_keepdims_matches_numpy_and_dual(axis):
    x, v = rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    t = ad.Tensor(x)
    s = t.sum(axis=axis, keepdims=True)
    assert s.shape == x.sum(axis=axis, keepdims=True).shape
    np.testing.assert_allclose(s.data, x.sum(axis=axis, keepdims=True), rtol=1e-14)
    (s * s).sum().backward()  # d sum(s^2) / dx = 2 s broadcast back
    np.testing.assert_allclose(t.grad, 2 * np.broadcast_to(x.sum(axis=axis, keepdims=True), x.shape),
                               rtol=1e-13)
    d = ad.Dual(x, v).sum(axis=axis, keepdims=True)
    assert d.shape == s.shape


def test_power_zero_and_one_at_zero():
    x = np.array([0.0, 2.0])
    np.testing.assert_array_equal(ad.grad(lambda t: (t ** 0).sum(), x), [0.0, 0.0])  # was NaN at 0
    np.testing.assert_array_equal(ad.grad(lambda t: (t ** 1).sum(), x), [1.0, 1.0])
    v = np.array([1.0, -3.0])
    np.testing.assert_array_equal(ad.hvp(lambda t: (t ** 1).sum(), x, v), [0.0, 0.0])  # was NaN
    np.testing.assert_allclose(ad.hvp(lambda t: (t ** 2).sum(), x, v), 2 * v, rtol=1e-15)
    np.testing.assert_allclose(ad.hvp(lambda t: (t ** 3).sum(), x, v), 6 * x * v, rtol=1e-15)
    _, tangent = ad.jvp(lambda d: d ** 0, x, v)
    np.testing.assert_array_equal(tangent, [0.0, 0.0])


def test_mean_of_an_empty_array_is_a_clear_value_error():
    for value in (ad.Tensor(np.zeros(0)), ad.Dual(np.zeros(0), np.zeros(0))):
        with pytest.raises(ValueError, match="has no entries"):
            value.mean()
    # Averaging over a nonempty axis of an array with an empty other axis is fine
    assert ad.Tensor(np.zeros((0, 3))).mean(axis=1).shape == (0,)


def test_np_transpose_and_np_reshape_keep_the_graph():
    x = rng.standard_normal((2, 3))
    t = ad.Tensor(x)
    y = np.reshape(np.transpose(t), 6)
    np.testing.assert_array_equal(y.data, x.T.reshape(6))
    (y * np.arange(6.0)).sum().backward()
    np.testing.assert_array_equal(t.grad, np.arange(6.0).reshape(3, 2).T)
    d = np.transpose(ad.Dual(x, 2 * x), (1, 0))
    np.testing.assert_array_equal(d.tangent, 2 * x.T)
