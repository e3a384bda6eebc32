"""A formula is one object: it prints the LaTeX a table shows and computes the numbers tests check."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.formula import Var, evaluate

x = Var("x", "n")
A = Var("A", "n", "n")
f = x.T * A * x
grad = (A + A.T) * x

# What the table prints ...
assert f.latex() == r"x^\T A x"
assert grad.latex() == r"\left(A + A^\T\right) x"

# ... is what the check computes
rng = np.random.default_rng(0)
A0 = rng.standard_normal((4, 4))
x0 = rng.standard_normal(4)


def f_of(x_):
    return evaluate(f, {"x": x_, "A": A0})


def grad_of(x_):
    return evaluate(grad, {"x": x_, "A": A0}).ravel()


assert check_gradient(f_of, grad_of, x0) < 1e-8
# --8<-- [end:body]
