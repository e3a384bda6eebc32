"""Every public function of matcalc refuses bad input with a ValueError that names the problem.

One table: (function, bad call) -> a fragment of the message. The checkers of
matcalc.checks have their own table in test_checks.py. A last test makes sure
the table covers every public function and class of every module.
"""

import inspect
import math

import numpy as np
import pytest

import matcalc
from matcalc import ad, differentials, fd_study, formula, identities, optim, quadratic

NAN = float("nan")
I2 = np.eye(2)


def quadratic_fns():
    return optim.quadratic(I2, np.zeros(2))


def diverging_gradient(x):
    return 3.0 * x  # with lr = 1: x <- -2x, doubling every step until it overflows


def _gd_diverges():
    with np.errstate(over="ignore"):  # the overflow is the point: it must stop there
        return optim.gradient_descent(diverging_gradient, [1.0], 1.0, max_iter=2000)


def _newton_nan_hessian():
    return optim.newton(lambda x: x, lambda x: np.full((1, 1), NAN), [1.0])


def _newton_singular():
    return optim.newton(lambda x: x, lambda x: np.zeros((1, 1)), [1.0])


def _tensor_sum_out():
    return np.sum(ad.Tensor(np.ones(3)), out=np.zeros(()))


X3 = formula.Var("x", "n")

# (function, call, message fragment): the call must raise ValueError with the fragment
CASES = [
    # matcalc.optim
    (optim.gradient_descent, lambda: optim.gradient_descent(lambda x: x, [NAN], 0.1), "x0 must be finite"),
    (optim.gradient_descent, lambda: optim.gradient_descent(lambda x: x, [1.0], NAN), "lr must be finite"),
    (optim.gradient_descent, lambda: optim.gradient_descent(lambda x: x, [1.0], -0.1), "lr must be finite and > 0"),
    (optim.gradient_descent, lambda: optim.gradient_descent(lambda x: x * NAN, [1.0], 0.1), "grad(x) is not finite"),
    (optim.gradient_descent, _gd_diverges, "grad(x) is not finite"),
    (optim.gradient_descent, lambda: optim.gradient_descent(lambda x: x, [[1.0]], 0.1), "x0 must be a 1-D array"),
    (optim.gradient_descent, lambda: optim.gradient_descent(lambda x: x[:1], [1.0, 2.0], 0.1), "grad(x) at iterate 0 has shape (1,)"),
    (optim.gradient_descent, lambda: optim.gradient_descent(lambda x: x, [1.0], 0.1, max_iter=-1), "max_iter must be >= 0"),
    (optim.gradient_descent, lambda: optim.gradient_descent(lambda x: x, [1.0], 0.1, tol=NAN), "tol must be finite"),
    (optim.newton, lambda: optim.newton(lambda x: x, lambda x: np.eye(1), [NAN]), "x0 must be finite"),
    (optim.newton, _newton_nan_hessian, "hess(x) is not finite"),
    (optim.newton, _newton_singular, "hess(x) at iterate 0 is singular"),
    (optim.newton, lambda: optim.newton(lambda x: x, lambda x: np.eye(2), [1.0]), "hess(x) at iterate 0 has shape (2, 2)"),
    (optim.quadratic, lambda: optim.quadratic(np.ones((2, 3)), np.zeros(2)), "A must be a square matrix, got shape (2, 3)"),
    (optim.quadratic, lambda: optim.quadratic(I2, np.zeros(3)), "b must have shape (2,)"),
    (optim.lse_ridge, lambda: optim.lse_ridge(np.ones(3), 0.1), "A must be a 2-D array"),
    (optim.lse_ridge, lambda: optim.lse_ridge(I2, -1.0), "mu must be finite and >= 0"),
    (optim.bfgs_update, lambda: optim.bfgs_update(I2, np.ones(2), np.array([1.0, -1.0])), "curvature condition"),
    (optim.bfgs_update, lambda: optim.bfgs_update(I2, np.ones(3), np.ones(3)), "s must have shape (2,)"),
    (optim.bfgs_update, lambda: optim.bfgs_update(np.ones((2, 3)), np.ones(2), np.ones(2)), "H_inv must be a square matrix"),
    (optim.lbfgs_direction, lambda: optim.lbfgs_direction(np.ones(2), [np.ones(2)], []), "equally long, got 1 and 0"),
    (optim.lbfgs_direction, lambda: optim.lbfgs_direction(np.ones(2), [np.ones(2)], [-np.ones(2)]), "y[0]^T s[0]"),
    (optim.lbfgs_direction, lambda: optim.lbfgs_direction(np.ones(2), [], [], gamma=0.0), "gamma must be finite and > 0"),
    (optim.lbfgs_direction, lambda: optim.lbfgs_direction([NAN, 1.0], [], []), "g must be finite"),
    # matcalc.fd_study
    (fd_study.central_gradient, lambda: fd_study.central_gradient(np.sum, np.ones(2), 1e-3, dtype="float32x"), "dtype must be a floating-point dtype"),
    (fd_study.central_gradient, lambda: fd_study.central_gradient(np.sum, np.ones(2), 1e-3, dtype=np.int64), "dtype must be a floating-point dtype, got int64"),
    (fd_study.central_gradient, lambda: fd_study.central_gradient(np.sum, [NAN], 1e-3), "x must be finite"),
    (fd_study.central_gradient, lambda: fd_study.central_gradient(np.sum, np.ones(2), -1e-3), "h must be finite and > 0"),
    (fd_study.step_size_errors, lambda: fd_study.step_size_errors(np.sum, np.zeros_like, np.ones(2), [1e-3]), "grad(x) is 0"),
    (fd_study.step_size_errors, lambda: fd_study.step_size_errors(np.sum, np.ones_like, np.ones(2), [-1e-3]), "steps must all be > 0"),
    (fd_study.best_step, lambda: fd_study.best_step([1e-3, 1e-2], [NAN, 1e-5]), "errors must not be NaN"),
    (fd_study.best_step, lambda: fd_study.best_step([1e-3, 1e-2], [1e-5]), "errors must have shape (2,)"),
    (fd_study.log_slope, lambda: fd_study.log_slope([-1e-3, 1e-2], [1e-5, 1e-4]), "steps must all be > 0"),
    (fd_study.log_slope, lambda: fd_study.log_slope([1e-3, 1e-2], [0.0, 1e-4]), "errors must all be > 0"),
    (fd_study.log_slope, lambda: fd_study.log_slope([1e-3], [1e-4]), "at least 2 steps"),
    (fd_study.demo_function, lambda: fd_study.demo_function("x"), "x must be an array of numbers"),
    (fd_study.demo_gradient, lambda: fd_study.demo_gradient(None), "x must be an array of numbers"),
    # matcalc.differentials
    (differentials.adjugate, lambda: differentials.adjugate(np.ones(3)), "A must be a 2-D array, got shape (3,)"),
    (differentials.adjugate, lambda: differentials.adjugate(np.float64(2.0)), "A must be a 2-D array, got shape ()"),
    (differentials.adjugate, lambda: differentials.adjugate(np.ones((2, 3))), "A must be a square matrix"),
    (differentials.check_differential, lambda: differentials.check_differential(np.sum, lambda X, E: np.sum(E), I2, np.ones((3, 3))), "dX has shape (3, 3) but X has shape (2, 2)"),
    (differentials.check_differential, lambda: differentials.check_differential(np.sum, lambda X, E: np.sum(E), [[NAN]], [[1.0]]), "X must be finite"),
    (differentials.check_differential, lambda: differentials.check_differential(np.sum, lambda X, E: np.sum(E), I2, I2, h=0), "h must be finite and > 0"),
    # matcalc.quadratic: the form of any size
    (quadratic.value, lambda: quadratic.value(I2, [NAN, 1.0]), "x must be finite"),
    (quadratic.value, lambda: quadratic.value(I2, [1.0, 2.0, 3.0]), "x must have shape (2,), got shape (3,)"),
    (quadratic.gradient, lambda: quadratic.gradient(I2, [[1.0], [2.0]]), "x must have shape (2,), got shape (2, 1)"),
    (quadratic.naive_gradient, lambda: quadratic.naive_gradient(np.ones((2, 3)), [1.0, 2.0]), "A must be a square matrix"),
    (quadratic.hessian, lambda: quadratic.hessian([[NAN, 0.0], [0.0, 1.0]]), "A must be finite"),
    (quadratic.symmetric_part, lambda: quadratic.symmetric_part(np.ones(3)), "A must be a 2-D array"),
    (quadratic.grid_values, lambda: quadratic.grid_values(np.eye(3), [0.0], [0.0]), "A must have shape (2, 2)"),
    (quadratic.ellipse_point, lambda: quadratic.ellipse_point(I2, NAN, 0.0), "the level c must be finite and positive"),
    (quadratic.ellipse_angle, lambda: quadratic.ellipse_angle(I2, [0.0, 0.0]), "x = 0 lies on no ellipse"),
    # matcalc.quadratic: the figure's 2x2 functions and limits
    (quadratic.as_matrix, lambda: quadratic.as_matrix([[2e6, 0.0], [0.0, 1.0]]), "A is too large"),
    (quadratic.as_point, lambda: quadratic.as_point([1.0]), "x must have shape (2,)"),
    (quadratic.as_step_size, lambda: quadratic.as_step_size(0.0), "the step size must be positive"),
    (quadratic.gd_step, lambda: quadratic.gd_step(I2, [1.0, 1.0], NAN), "the step size must be finite"),
    (quadratic.newton_step, lambda: quadratic.newton_step([[1.0, 1.0], [1.0, 1.0]], [1.0, 1.0]), "is singular"),
    (quadratic.symmetric_eigen, lambda: quadratic.symmetric_eigen(np.eye(3)), "A must have shape (2, 2)"),
    (quadratic.classify, lambda: quadratic.classify([[NAN, 0.0], [0.0, 1.0]]), "A must be finite"),
    (quadratic.is_singular, lambda: quadratic.is_singular("1 0 0 1"), "A must be numbers"),
    (quadratic.arrow_scale, lambda: quadratic.arrow_scale(np.ones(2)), "A must have shape (2, 2)"),
    (quadratic.drawn_arrow, lambda: quadratic.drawn_arrow(I2, [1.0, NAN]), "v must be finite"),
    (quadratic.readouts, lambda: quadratic.readouts(I2, [0.0, -1e7]), "x is too large"),
    (quadratic.view_half_width, lambda: quadratic.view_half_width([NAN, 0.0]), "x must be finite"),
    (quadratic.level_values, lambda: quadratic.level_values(np.ones((3, 3))), "A must have shape (2, 2)"),
    (quadratic.level_curves, lambda: quadratic.level_curves(I2, NAN, 1.0, 0.1), "finite c"),
    (quadratic.level_curves, lambda: quadratic.level_curves(I2, 1.0, -1.0, 0.1), "radius > 0"),
    (quadratic.preset, lambda: quadratic.preset("nope"), "no preset 'nope'"),
    # matcalc.ad
    (ad.Tensor, lambda: ad.Tensor(np.arange(3)), "must be a floating-point array, got dtype int64"),
    (ad.Dual, lambda: ad.Dual(np.ones(2), np.ones(3)), "tangent shape (3,) does not match value shape (2,)"),
    (ad.grad, lambda: ad.grad(lambda x: x * 2.0, np.ones(3)), "f must return a scalar, got shape (3,)"),
    (ad.grad, lambda: ad.grad(lambda x: np.ones(()), np.ones(3)), "f must return a Tensor"),
    (ad.vjp, lambda: ad.vjp(lambda x: x * 2.0, np.ones(3), np.ones(2)), "seed shape (2,) does not match output shape (3,)"),
    (ad.jvp, lambda: ad.jvp(lambda x: x * 2.0, np.ones(3), np.ones(2)), "tangent shape (2,) does not match x shape (3,)"),
    (ad.hvp, lambda: ad.hvp(lambda x: x.sum(), np.ones(3), np.ones(2)), "tangent shape (2,) does not match value shape (3,)"),
    (ad.hvp, lambda: ad.hvp(lambda x: x * 2.0, np.ones(3), np.ones(3)), "f must return a scalar"),
    (ad.exp, lambda: ad.exp(ad.Tensor(np.ones(2)) + np.ones(3)), "add: shapes (2,) and (3,) cannot be broadcast"),
    (ad.log, lambda: ad.log(np.arange(2)), "log input must be a floating-point array"),
    (ad.tanh, lambda: ad.tanh(ad.Tensor(np.ones((2, 3))) @ np.ones(2)), "matmul: shapes (2, 3) and (2,) do not match"),
    (ad.sigmoid, lambda: ad.sigmoid(ad.Tensor(np.zeros((0,))).mean()), "mean: the average over axis None of an array of shape (0,) has no entries"),
    (ad.relu, lambda: ad.relu(ad.Dual(np.zeros((0, 2)), np.zeros((0, 2))).mean(axis=0)), "has no entries"),
    (ad.softmax, lambda: ad.softmax(ad.Tensor(np.ones(2)), axis=3), "axis 3 is out of bounds"),
    (ad.logsumexp, lambda: ad.logsumexp(np.array([1, 2])), "logsumexp input must be a floating-point array"),
    (ad.Tensor, _tensor_sum_out, "np.sum on a Tensor or Dual takes axis and keepdims only, got out"),
    (ad.DtypeError, lambda: ad.Dual(np.ones(2), np.ones(2, dtype=int)), "Dual tangent must be a floating-point array"),
    # matcalc.identities and matcalc.formula
    (identities.by_id, lambda: identities.by_id("no-such-identity"), "no identity 'no-such-identity'"),
    (identities.in_table, lambda: identities.in_table("nope"), "no table 'nope'"),
    (identities.transposed, lambda: identities.transposed("x"), "transposed needs a formula"),
    (identities.Identity, lambda: identities.Identity("t", "nope", "T", X3, "x", X3), "no table 'nope'"),
    (identities.Identity, lambda: identities.Identity("t", "scalar-gradients", "T", X3, "y", X3), "wrt='y' is not a variable"),
    (identities.Formula, lambda: identities.by_id("linear").derivative(), "missing input"),
    (formula.evaluate, lambda: formula.evaluate(X3, {}), "missing input 'x'"),
    (formula.evaluate, lambda: formula.evaluate(X3, {"x": np.ones((2, 2))}), "input 'x' has shape (2, 2)"),
    (formula.infer_dims, lambda: formula.infer_dims({"x": X3}, {"x": np.ones((1, 2, 3))}), "input 'x' has shape (1, 2, 3)"),
    (formula.Var, lambda: formula.Var("x", "n", "m", "k"), "a Var is a scalar, a vector or a matrix"),
    (formula.SingularVectors, lambda: formula.SingularVectors(formula.Var("X", "m", "n"), "U"),
     "which='U' (all singular vectors) needs a square matrix"),
    (formula.SingularVectors, lambda: formula.SingularVectors(formula.Var("X", "n", "n"), "u2"),
     "which must be one of"),
]


def _label(case):
    fn, _, fragment = case
    return f"{getattr(fn, '__module__', '?').removeprefix('matcalc.')}.{fn.__name__}: {fragment[:40]}"


@pytest.mark.parametrize("fn, call, fragment", CASES, ids=[_label(c) for c in CASES])
def test_bad_input_raises_a_value_error_naming_the_problem(fn, call, fragment):
    with pytest.raises(ValueError) as caught:
        call()
    assert fragment in str(caught.value), str(caught.value)


def test_iterations_stop_at_the_first_non_finite_iterate():
    with pytest.raises(optim.NonFiniteIterateError) as caught:
        _gd_diverges()
    path = caught.value.path
    # x_k = (-2)^k: every kept iterate is finite, and the gradient 3 x_k of the last
    # one is the first to overflow (3 * 2^1023 > the largest float64)
    assert np.all(np.isfinite(path))
    np.testing.assert_array_equal(path[:, 0], (-2.0) ** np.arange(len(path)))
    assert math.isfinite(path[-1, 0]) and not math.isfinite(3.0 * float(path[-1, 0]))
    assert f"stopped at iterate {len(path) - 1}:" in str(caught.value)


def _public_callables(module):
    for name in module.__all__:
        obj = getattr(module, name)
        if callable(obj) and getattr(obj, "__module__", "").startswith("matcalc"):
            yield obj


# Exception classes, and widget_config, which takes no argument
EXEMPT = {optim.NonFiniteIterateError, quadratic.SingularHessianError, quadratic.widget_config,
          quadratic.UnknownPresetError, identities.UnknownNameError, ad.DtypeError}


def test_the_table_covers_every_public_function():
    covered = {fn for fn, _, _ in CASES}
    missing = []
    for module in (ad, differentials, fd_study, optim, quadratic, identities):
        for obj in _public_callables(module):
            if obj not in covered and obj not in EXEMPT and inspect.getmodule(obj) is module:
                missing.append(f"{module.__name__}.{obj.__name__}")
    assert missing == [], f"add a bad-input row for: {missing}"
    assert {formula.evaluate, formula.infer_dims, formula.Var} <= covered
    assert matcalc.__version__
