"""Exercise: at sigma_1 = sigma_2 every mix of u_1 v_1^T and u_2 v_2^T is a subgradient of the spectral norm."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(13)
m, n = 4, 3
U, _, Vt = np.linalg.svd(rng.standard_normal((m, n)), full_matrices=False)
X = U @ np.diag([2.0, 2.0, 1.0]) @ Vt
spectral = lambda X: np.linalg.norm(X, 2)
G1, G2 = np.outer(U[:, 0], Vt[0]), np.outer(U[:, 1], Vt[1])
Ys = [X + rng.standard_normal((m, n)) * scale for scale in [1e-3, 1.0, 10.0] for _ in range(300)]


def is_subgradient(G):
    return all(spectral(Y) >= spectral(X) + np.sum(G * (Y - X)) - 1e-12 for Y in Ys + [X + G1, X + G2])


for theta in [0.0, 0.3, 0.5, 1.0]:
    assert is_subgradient(theta * G1 + (1 - theta) * G2)
# Weights summing to 2, or a negative weight, are not subgradients: some Y breaks the inequality
assert not is_subgradient(G1 + G2)
assert not is_subgradient(1.5 * G1 - 0.5 * G2)
# --8<-- [end:body]
