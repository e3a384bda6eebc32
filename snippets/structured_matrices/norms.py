"""Nuclear and spectral norms: the gradient where it is unique, a subgradient where it is not."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report

rng = np.random.default_rng(9)
m, n = 5, 3
nuclear = lambda X: np.linalg.norm(X, "nuc")
spectral = lambda X: np.linalg.norm(X, 2)


def subgradients(U, s, Vt):
    """U V^T for the nuclear norm, u_1 v_1^T for the spectral norm."""
    return U @ Vt, np.outer(U[:, 0], Vt[0])


# Full rank, simple sigma_1: both norms are differentiable
X = rng.standard_normal((m, n))
G_nuc, G_spec = subgradients(*np.linalg.svd(X, full_matrices=False))
assert check_gradient(nuclear, lambda X: G_nuc, X) < 1e-8
assert check_gradient(spectral, lambda X: G_spec, X) < 1e-8

# Rank deficient (sigma_3 = 0) with a repeated sigma_1 = sigma_2: no gradient
U, _, Vt = np.linalg.svd(rng.standard_normal((m, n)), full_matrices=False)
X0 = U @ np.diag([2.0, 2.0, 0.0]) @ Vt
G_nuc, G_spec = subgradients(U, None, Vt)
for f, G in [(nuclear, G_nuc), (spectral, G_spec)]:
    report = gradcheck_report(f, lambda X: G, X0)
    assert report.verdict == "fail" and "kink" in report.reason
    # ... but each G is a subgradient: f(Y) >= f(X0) + <G, Y - X0> for every Y
    for _ in range(1000):
        Y = X0 + rng.standard_normal((m, n)) * rng.choice([1e-3, 1.0, 10.0])
        assert f(Y) >= f(X0) + np.sum(G * (Y - X0)) - 1e-12

# A matrix that is not a subgradient breaks the inequality for some Y
G_bad = 2 * G_spec
Y = X0 + G_spec
assert spectral(Y) < spectral(X0) + np.sum(G_bad * (Y - X0))
# --8<-- [end:body]
