"""Reading a report: verdict, worst entry, resolution, cost, and the mistake it matches."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report

rng = np.random.default_rng(9)
u, v = rng.standard_normal(3), rng.standard_normal(3)
W = rng.standard_normal((3, 3))


def f(W):
    return u @ np.tanh(W) @ v


def grad_f(W):
    return np.outer(u, v) * (1 - np.tanh(W) ** 2)


mistakes = {
    "transposed": lambda W: grad_f(W).T,
    "factor 2": lambda W: 2 * grad_f(W),
    "factor 1/2": lambda W: grad_f(W) / 2,
    "sign": lambda W: -grad_f(W),
}
for name, wrong in mistakes.items():
    report = gradcheck_report(f, wrong, W)
    assert report.verdict == "fail" and report.diagnosis.startswith(name)

report = gradcheck_report(f, mistakes["transposed"], W)
text = str(report)  # what a reader prints
assert "FAIL" in text and "transposed" in text and "worst entry" in text
assert report.n_evals >= 2 * W.size + 1 and report.resolution > 0

# The symmetric part of a non-symmetric gradient: u^T W v has gradient u v^T
bilinear = lambda W: u @ W @ v
half_sym = lambda W: (np.outer(u, v) + np.outer(v, u)) / 2
assert gradcheck_report(bilinear, half_sym, W).diagnosis.startswith("symmetric part only")

# A row where a column belongs is a shape error naming numerator layout
x = rng.standard_normal(3)
try:
    check_gradient(lambda x: x @ x, lambda x: 2 * x[None, :], x)
except ValueError as error:
    assert "(1, 3)" in str(error) and "(3,)" in str(error) and "numerator" in str(error)
else:
    raise AssertionError("a (1, n) gradient must be refused")
# --8<-- [end:body]
