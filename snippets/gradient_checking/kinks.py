"""Kinks: the check fails at (or within h of) a kink and passes 0.1 away."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report


def relu_sum(x):
    return np.sum(np.maximum(x, 0.0))


def relu_grad(x):
    return (x > 0).astype(float)  # PyTorch's choice: 0 at x = 0


def l1(x):
    return np.sum(np.abs(x))


x_kink = np.array([0.0, 1.3, -0.7])  # first entry exactly on the kink
x_near = np.array([3e-6, 1.3, -0.7])  # within h = 1e-5 of it
x_away = np.array([0.1, 1.3, -0.7])

# ReLU at 0: the difference gives (h - 0) / 2h = 1/2; every value in [0, 1]
# is a subgradient, but the check cannot know which one you meant
assert check_gradient(relu_sum, relu_grad, x_kink) > 0.1
assert "kink" in gradcheck_report(relu_sum, relu_grad, x_kink).reason
assert check_gradient(relu_sum, relu_grad, x_away) < 1e-9

# |x| at exactly 0: the symmetric difference gives 0 = sign(0), hiding the kink;
# a point closer to 0 than h sees ((x + h) - (h - x)) / 2h = x/h, not 1
assert check_gradient(l1, np.sign, x_kink) < 1e-9
assert check_gradient(l1, np.sign, x_near) > 0.1
assert check_gradient(l1, np.sign, x_away) < 1e-9
# --8<-- [end:body]
