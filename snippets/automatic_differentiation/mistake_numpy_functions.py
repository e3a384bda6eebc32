"""np.exp on an engine value fails loudly; the engine's own exp records the operation."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import Tensor, exp

x = Tensor(np.array([0.5, -1.0, 2.0]))
try:
    np.exp(x)  # NumPy cannot know how to differentiate through its own functions
except TypeError as error:
    assert "does not support ufuncs" in str(error)
else:
    raise AssertionError("np.exp accepted a Tensor")

y = exp(x).sum()  # matcalc.ad.exp builds a node with its backward rule
y.backward()
np.testing.assert_allclose(x.grad, np.exp(x.data))
# --8<-- [end:body]
