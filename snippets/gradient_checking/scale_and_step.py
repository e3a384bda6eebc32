"""A step scaled to x, and Ridders' extrapolation where a loss of 1e8 drowns one difference."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report

rng = np.random.default_rng(5)
x = rng.standard_normal(6)


def g(x):
    return np.sum(np.exp(np.sin(x)))


def grad_g(x):
    return np.cos(x) * np.exp(np.sin(x))


# A loss of 1e8 plus a small change: f(x +- h) carry rounding errors of about
# 1e-8, so one central difference resolves the gradient only to a few 1e-6
f = lambda x: 1e8 + g(x)
h = np.finfo(float).eps ** (1 / 3)
D = [(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(6)]
assert np.max(np.abs(D - grad_g(x))) > 1e-4

report = gradcheck_report(f, grad_g, x)
assert report.verdict == "pass" and report.relative_error <= 1e-6
assert report.n_extrapolated > 0 and report.steps[1] >= 0.05  # larger steps, extrapolated
# ... and a 5 % error in one entry still stands out
wrong = lambda x: grad_g(x) * [1, 1, 1.05, 1, 1, 1]
assert check_gradient(f, wrong, x) > 1e-3

# Well-scaled f: one difference per entry, 2n + 1 evaluations, no extrapolation
plain = gradcheck_report(g, grad_g, x)
assert plain.n_evals == 2 * 6 + 1 and plain.n_extrapolated == 0

# x of size 1e5: the step grows with |x_i|; rescaling f changes nothing
x_big = 1e5 * (1 + rng.random(6))
assert check_gradient(lambda x: np.sum(x * np.log(x)), lambda x: np.log(x) + 1, x_big) <= 1e-6
for scale in (1e-12, 1e12):
    assert check_gradient(lambda x: scale * g(x), lambda x: scale * grad_g(x), x) <= 1e-6
    assert check_gradient(lambda x: scale * g(x), lambda x: scale * wrong(x), x) > 1e-3
# --8<-- [end:body]
