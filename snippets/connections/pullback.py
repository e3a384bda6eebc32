"""The chain rule as a pullback: d(f o phi) = phi^* df, i.e. J_phi grad f in our layout."""
# --8<-- [start:body]
import numpy as np

from matcalc import check_gradient, check_jacobian


def phi(q):
    # Spherical coordinates (polar angle, azimuth) -> the unit sphere in R^3
    th, ph = q
    return np.array([np.sin(th) * np.cos(ph), np.sin(th) * np.sin(ph), np.cos(th)])


def J_phi(q):
    # Denominator layout: 2 x 3, row i = d phi / d q_i
    th, ph = q
    return np.array([
        [np.cos(th) * np.cos(ph), np.cos(th) * np.sin(ph), -np.sin(th)],
        [-np.sin(th) * np.sin(ph), np.sin(th) * np.cos(ph), 0.0],
    ])


a = np.array([0.3, -1.2, 0.8])
f = lambda p: np.exp(a @ p)
grad_f = lambda p: np.exp(a @ p) * a

q = np.array([0.9, 0.4])
assert check_jacobian(phi, J_phi, q) < 1e-9
# The pullback of the covector df at phi(q) is J_phi(q) grad f(phi(q))
pullback = lambda q: J_phi(q) @ grad_f(phi(q))
assert check_gradient(lambda q: f(phi(q)), pullback, q) < 1e-9
# The pushforward of a velocity w in q-space is J_phi^T w; the two pair consistently
w = np.array([0.5, -0.2])
pushforward = J_phi(q).T @ w
lhs, rhs = pullback(q) @ w, grad_f(phi(q)) @ pushforward
np.testing.assert_allclose(lhs, rhs, rtol=1e-12)
# --8<-- [end:body]
