"""log(sum(exp(z))) overflows for large logits; the shifted form does not."""
# --8<-- [start:body]
import numpy as np

from matcalc.ad import grad, logsumexp

z = np.array([1000.0, 1000.0, 990.0])
with np.errstate(over="ignore", invalid="ignore"):
    naive = np.log(np.exp(z).sum())  # exp(1000) is inf in float64
    naive_grad = np.exp(z) / np.exp(z).sum()  # its gradient: inf / inf
assert naive == np.inf and np.isnan(naive_grad).all()  # exact: IEEE overflow gives inf everywhere

# logsumexp(z) = max(z) + log(sum(exp(z - max(z)))): every exponent is <= 0
value = logsumexp(z)
np.testing.assert_allclose(value, 1000 + np.log(2 + np.exp(-10.0)))
g = grad(logsumexp, z)  # the gradient is softmax(z), finite too
np.testing.assert_allclose(g, np.exp(z - value))
np.testing.assert_allclose(g.sum(), 1.0)
# --8<-- [end:body]
