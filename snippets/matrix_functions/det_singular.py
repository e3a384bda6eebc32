"""At a singular A the gradient of det is adj(A)^T; det(A) A^{-T} does not exist."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient
from matcalc.differentials import adjugate

A = np.array([[1.0, 2.0, 3.0],
              [4.0, 5.0, 6.0],
              [7.0, 8.0, 9.0]])  # rank 2: row 3 = 2 * row 2 - row 1

# No inverse, so det(A) A^{-T} is undefined. In floating point the computed det is
# rounding noise: exactly 0 with OpenBLAS, about 6.7e-16 with MKL or Accelerate
assert np.linalg.matrix_rank(A) == 2
assert abs(np.linalg.det(A)) < 1e-12 * np.linalg.norm(A) ** 3

# The cofactor matrix exists, is not zero, and is the gradient
G = adjugate(A).T
expected = [[-3, 6, -3], [6, -12, 6], [-3, 6, -3]]
np.testing.assert_allclose(G, expected, atol=1e-12)
assert check_gradient(np.linalg.det, lambda A: adjugate(A).T, A) < 1e-8
# --8<-- [end:body]
