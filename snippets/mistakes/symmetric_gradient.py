"""Wrong: the gradient for symmetric Sigma is G + G^T - G*I. Right: sym(G) = (G + G^T)/2."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(0)
d = 3
B = rng.standard_normal((d, d))
M = rng.standard_normal((d, d))
Sigma = M @ M.T + d * np.eye(d)  # a symmetric point


def f(S):
    # A function of a symmetric matrix: log det S + tr(B S), B not symmetric
    return np.linalg.slogdet(S)[1] + np.trace(B @ S)


G = np.linalg.inv(Sigma).T + B.T  # the unconstrained gradient, all d^2 entries free
wrong = G + G.T - G * np.eye(d)
right = (G + G.T) / 2  # sym(G)

# Parametrise Sigma by its free entries theta (upper triangle, diagonal included)
iu = np.triu_indices(d)


def from_free(theta):
    S = np.zeros((d, d))
    S[iu] = theta
    return S + np.triu(S, 1).T


theta = Sigma[iu]
h = 1e-6
partials = np.array([
    (f(from_free(theta + h * e)) - f(from_free(theta - h * e))) / (2 * h)
    for e in np.eye(theta.size)
])
# The partials in theta ARE the entries of G + G^T - G*I...
np.testing.assert_allclose(partials, wrong[iu], rtol=1e-7)

# ...but the gradient is the matrix D-hat with f(S + t D) ~ f(S) + t <D-hat, D>
# for every symmetric direction D. Check candidates along random such D


def symmetric_check_error(candidate, n_dirs=3):
    worst = 0.0
    for _ in range(n_dirs):
        D = rng.standard_normal((d, d))
        D = D + D.T
        slope = (f(Sigma + h * D) - f(Sigma - h * D)) / (2 * h)
        worst = max(worst, abs(np.sum(candidate * D) - slope) / abs(slope))
    return worst


assert symmetric_check_error(right) < 1e-7
# The wrong one counts every off-diagonal entry twice
assert symmetric_check_error(wrong) > 1e-2
# --8<-- [end:body]
