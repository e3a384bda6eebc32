"""A constant of 1e16 hides f's variation: nonzero claims are inconclusive, never a pass."""
# --8<-- [start:body]
import numpy as np

from matcalc import gradcheck_report

rng = np.random.default_rng(5)
A, x = rng.standard_normal((6, 3)), rng.standard_normal(3)


def lse(x):
    return np.log(np.sum(np.exp(A @ x)))


def grad_lse(x):
    p = np.exp(A @ x)
    return A.T @ (p / p.sum())


# exact: IEEE 754 fixes the spacing of float64 values in [2^53, 2^54) at 2
assert np.spacing(1e16) == 2.0  # neighbouring float64 values near 1e16 are 2 apart
verdicts = {1e8: ("pass", "fail"), 1e16: ("inconclusive", "inconclusive")}
for offset, (right_verdict, wrong_verdict) in verdicts.items():
    f = lambda x, offset=offset: offset + lse(x)  # noqa: E731
    assert gradcheck_report(f, grad_lse, x).verdict == right_verdict
    assert gradcheck_report(f, lambda x: 2 * grad_lse(x), x).verdict == wrong_verdict
# At 1e16 a zero claim fits the flat f: it passes as a stationary point, and the
# resolution it reports, about 1e8, says that no gradient below that was checked
zero = gradcheck_report(f, lambda x: 0 * x, x)
assert zero.verdict == "pass" and 1e7 < zero.resolution < 1e9
# Subtracting the constant restores the check
assert gradcheck_report(lse, grad_lse, x).verdict == "pass"
assert gradcheck_report(lse, lambda x: 2 * grad_lse(x), x).verdict == "fail"
# --8<-- [end:body]
