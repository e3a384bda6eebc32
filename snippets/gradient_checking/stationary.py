"""At a minimum the gradient is about 0: the score is floored by the finite-difference error."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report, relative_error

rng = np.random.default_rng(4)
M, y = rng.standard_normal((30, 4)), rng.standard_normal(30)


def f(x):
    return 0.5 * np.sum((M @ x - y) ** 2)


def grad_f(x):
    return M.T @ (M @ x - y)


x_star = np.linalg.lstsq(M, y, rcond=None)[0]  # the least-squares solution
assert np.max(np.abs(grad_f(x_star))) < 1e-12  # a gradient of rounding errors

# A plain central difference is rounding noise too: the 2-norm relative error of
# two noises is about 1, "a bug"
h = 1e-5
E = np.eye(4) * h
numeric = np.array([(f(x_star + e) - f(x_star - e)) / (2 * h) for e in E])
assert relative_error(grad_f(x_star), numeric) > 0.1

# check_gradient compares against the resolution of the differences instead
report = gradcheck_report(f, grad_f, x_star)
assert report.verdict == "pass" and report.relative_error <= 1e-6
assert np.max(np.abs(numeric)) < report.resolution  # both are below it
# A wrong formula is not rescued: at x_star it is far from 0
assert check_gradient(f, lambda x: M.T @ (M @ x + y), x_star) > 1e-3
# "Correct" means correct at this x: 2Ax for x^T A x is wrong, except at x = 0
A = rng.standard_normal((4, 4))
assert check_gradient(lambda x: x @ A @ x, lambda x: 2 * A @ x, np.zeros(4)) <= 1e-6
assert check_gradient(lambda x: x @ A @ x, lambda x: 2 * A @ x, x_star) > 1e-3
# --8<-- [end:body]
