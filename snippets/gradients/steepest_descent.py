"""Among unit directions, -grad f / ||grad f|| decreases f fastest, at rate ||grad f||."""
# --8<-- [start:body]
import numpy as np

rng = np.random.default_rng(3)
n = 3
A = rng.standard_normal((n, n))
x = rng.standard_normal(n)


def f(x):
    return x @ A @ x + np.sin(x).sum()


g = (A + A.T) @ x + np.cos(x)  # the gradient at x


def slope(u, h=1e-6):
    return (f(x + h * u) - f(x - h * u)) / (2 * h)  # directional derivative


# Cauchy-Schwarz: g^T u >= -||g|| for every unit u
directions = rng.standard_normal((2000, n))
directions /= np.linalg.norm(directions, axis=1, keepdims=True)
slopes = np.array([slope(u) for u in directions])
assert slopes.min() >= -np.linalg.norm(g) - 1e-6

# ... with equality only at u = -g / ||g||, the steepest-descent direction
u_star = -g / np.linalg.norm(g)
np.testing.assert_allclose(slope(u_star), -np.linalg.norm(g), rtol=1e-8)
assert slope(u_star) < slopes.min()

# Measure length by ||u||_P = sqrt(u^T P u) instead: the steepest direction
# becomes -P^-1 g, with rate sqrt(g^T P^-1 g)
P = np.diag([1.0, 4.0, 9.0])


def p_norm(u):
    return np.sqrt(u @ P @ u)


P_inv_g = np.linalg.solve(P, g)
u_P = -P_inv_g / p_norm(P_inv_g)
np.testing.assert_allclose(slope(u_P), -np.sqrt(g @ P_inv_g), rtol=1e-8)
assert slope(u_P) < min(slope(u / p_norm(u)) for u in directions)
# --8<-- [end:body]
