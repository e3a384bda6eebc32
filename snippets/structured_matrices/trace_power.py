"""tr(X^k) has gradient k (X^(k-1))^T."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient

rng = np.random.default_rng(8)
X = rng.standard_normal((4, 4))  # not symmetric: a lost transpose would show
for k in [1, 2, 3, 5]:
    f = lambda X, k=k: np.trace(np.linalg.matrix_power(X, k))
    grad = lambda X, k=k: k * np.linalg.matrix_power(X, k - 1).T
    assert check_gradient(f, grad, X) < 1e-8
    if k > 1:  # k X^(k-1) without the transpose is wrong
        assert check_gradient(f, lambda X, k=k: k * np.linalg.matrix_power(X, k - 1), X) > 1e-3
# --8<-- [end:body]
