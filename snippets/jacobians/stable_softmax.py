"""Shift by max(x) before exponentiating: same softmax, no overflow."""
# --8<-- [start:body]
import numpy as np


def softmax_naive(x):
    z = np.exp(x)
    return z / z.sum()


def softmax(x):
    z = np.exp(x - x.max())  # largest exponent is 0: nothing overflows
    return z / z.sum()


def logsumexp(x):
    c = x.max()
    return c + np.log(np.exp(x - c).sum())


x = np.array([1.0, 2.0, 3.0])
# The shift changes nothing
np.testing.assert_allclose(softmax(x), softmax_naive(x))

big = np.array([1000.0, 1001.0, 1002.0])  # large, but possible, logits
with np.errstate(over="ignore", invalid="ignore"):
    # exp(1000) = inf, and inf / inf = nan
    assert np.all(np.isnan(softmax_naive(big)))
    assert np.isinf(np.log(np.exp(big).sum()))
np.testing.assert_allclose(softmax(big), softmax(x))  # softmax ignores shifts
np.testing.assert_allclose(logsumexp(big), 1000 + logsumexp(x - 1))
# --8<-- [end:body]
