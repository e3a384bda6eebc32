"""log det through Cholesky: entry by entry the check sees one triangle; along symmetric directions it sees sym(G)."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, gradcheck_report

rng = np.random.default_rng(8)
B = rng.standard_normal((4, 4))
Sigma = B @ B.T + 4 * np.eye(4)  # symmetric positive definite


def logdet(S):
    L = np.linalg.cholesky(S)  # reads the lower triangle only
    return 2 * np.sum(np.log(np.diag(L)))


def grad_logdet(S):
    return np.linalg.inv(S)  # Sigma^-1: symmetric


def by_product(S):
    G = np.linalg.inv(S)
    return np.tril(2 * G) - np.diag(np.diag(G))  # what entrywise differences see


# Entry by entry, a change of an upper entry does nothing: the right answer fails
# and the triangular by-product passes
report = gradcheck_report(logdet, grad_logdet, Sigma)
assert report.verdict == "fail" and 'structure="symmetric"' in report.diagnosis
assert check_gradient(logdet, by_product, Sigma) <= 1e-6

# Along symmetric directions E_ii and E_ij + E_ji, every routine agrees
assert check_gradient(logdet, grad_logdet, Sigma, structure="symmetric") <= 1e-6
sym = gradcheck_report(logdet, by_product, Sigma, structure="symmetric")
assert sym.verdict == "fail" and "sym(G)" in sym.reason  # G must be symmetric
doubled = lambda S: 2 * grad_logdet(S) - np.diag(np.diag(grad_logdet(S)))
assert check_gradient(logdet, doubled, Sigma, structure="symmetric") > 1e-3

# The same holds for eigh and eigvalsh: tr(S^3) = sum of cubed eigenvalues
f = lambda S: np.sum(np.linalg.eigvalsh(S) ** 3)
assert check_gradient(f, lambda S: 3 * S @ S, Sigma, structure="symmetric") <= 1e-6
# --8<-- [end:body]
