"""tr(A B A^T) -> A (B + B^T), step by step, with a non-symmetric B."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import check_differential

rng = np.random.default_rng(3)
m, n = 3, 4
A = rng.standard_normal((m, n))
B = rng.standard_normal((n, n))  # not symmetric
dA = rng.standard_normal((m, n))


def f(A):
    return np.trace(A @ B @ A.T)


# Step 1: product rule, A appears twice
def df_product(A, dA):
    return np.trace(dA @ B @ A.T) + np.trace(A @ B @ dA.T)


assert check_differential(f, df_product, A, dA) < 1e-9


# Step 2: cycle and transpose each term into the form tr(G^T dA)
# tr(dA B A^T) = tr((A B^T)^T dA) and tr(A B dA^T) = tr((A B)^T dA)
def df_read(A, dA):
    return np.trace((A @ B.T + A @ B).T @ dA)


assert check_differential(f, df_read, A, dA) < 1e-9

# Step 3: G = A (B + B^T); the symmetric-B shortcut 2AB is wrong here
assert check_gradient(f, lambda A: A @ (B + B.T), A) < 1e-9
assert check_gradient(f, lambda A: 2 * A @ B, A) > 1e-2

# B = I gives tr(A A^T) = tr(A^T A) = ||A||_F^2 and the gradient 2A
assert check_gradient(lambda A: np.trace(A @ A.T), lambda A: 2 * A, A) < 1e-9
# --8<-- [end:body]
