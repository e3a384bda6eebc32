"""Exercise: the derivative of the SiLU x * sigmoid(x), by hand and by the engine."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import grad, sigmoid

x = np.linspace(-4.0, 4.0, 9)
g = grad(lambda x: (x * sigmoid(x)).sum(), x)  # elementwise: the sum collects the slopes

s = 1 / (1 + np.exp(-x))
np.testing.assert_allclose(g, s * (1 + x * (1 - s)))  # the product rule
# --8<-- [end:body]
