"""float32 is refused with advice; f computed in float32 internally is too noisy to judge."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report

rng = np.random.default_rng(6)
A = rng.standard_normal((5, 5))
x = rng.standard_normal(5)


def f64(x):
    return 0.5 * np.sum(np.tanh(A @ x) ** 2)


def grad(x):
    t = np.tanh(A @ x)
    return A.T @ (t * (1 - t**2))


f32 = lambda x: np.float32(f64(x.astype(np.float32)))  # a float32 model
try:
    check_gradient(f32, grad, x)
except ValueError as error:
    assert "float32" in str(error) and "float64" in str(error)
else:
    raise AssertionError("a float32 f must be refused")

# Computed in float32 but returned as a Python float: the differences are
# noisy, and the check says so instead of passing or failing
hidden = lambda x: float(f32(x))
report = gradcheck_report(hidden, grad, x)
assert report.verdict == "inconclusive" and "float32" in report.reason

# The remedy: check the same model in float64
assert check_gradient(f64, grad, x) < 1e-8
# --8<-- [end:body]
