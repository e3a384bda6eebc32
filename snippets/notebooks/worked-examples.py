# %% [markdown]
# # Notebook: worked examples
#
# The companion notebook of the chapter *Worked examples*: least squares and
# backpropagation through one layer, each derivative checked numerically. It runs top to
# bottom in a fresh kernel with NumPy, matplotlib and the site's package `matcalc`.

# %%
import matplotlib.pyplot as plt
import numpy as np

from matcalc import check_gradient, check_jacobian

np.set_printoptions(precision=4, suppress=True)
rng = np.random.default_rng(0)

# %% [markdown]
# ## Least squares
#
# $L(w) = \lVert Aw - b \rVert^2$ has the gradient $\nabla L(w) = 2A^\top (Aw - b)$, which
# vanishes at the solution of the normal equations $A^\top A w = A^\top b$. Solve them
# with `np.linalg.lstsq` (or `solve`), never with an explicit inverse.

# %%
A = rng.standard_normal((20, 3))
b = rng.standard_normal(20)


def L(w):
    return np.sum((A @ w - b) ** 2)


def grad_L(w):
    return 2 * A.T @ (A @ w - b)


assert check_gradient(L, grad_L, rng.standard_normal(3)) < 1e-9
w_star, *_ = np.linalg.lstsq(A, b, rcond=None)
np.testing.assert_allclose(w_star, np.linalg.solve(A.T @ A, A.T @ b), rtol=1e-10)
assert np.linalg.norm(grad_L(w_star)) < 1e-12
w_star

# %% [markdown]
# ## Gradient descent on the same loss
#
# The step size must stay below $1/\lambda_{\max}(A^\top A)$ (the Hessian is
# $2A^\top A$); the loss then falls to its minimum.

# %%
lr = 0.5 / np.linalg.eigvalsh(A.T @ A).max()
w = np.zeros(3)
history = []
for _ in range(60):
    history.append(L(w))
    w = w - lr * grad_L(w)
assert abs(L(w) - L(w_star)) < 1e-6 * L(w_star)

fig, ax = plt.subplots(figsize=(6, 3.2), facecolor="white")
ax.semilogy(np.array(history) - L(w_star) + 1e-16, marker="o", markersize=2)
ax.set_xlabel("iteration")
ax.set_ylabel("L(w) - L(w*)")
ax.set_title("Gradient descent on least squares")
plt.show()

# %% [markdown]
# ## Backpropagation through one layer
#
# For $y = \sigma(Wx + b)$ and $L = \tfrac12\lVert y - t\rVert^2$, with
# $\delta = y - t$ the upstream gradient:
# $\nabla_z L = \delta \odot y \odot (1 - y)$, $\nabla_W L = (\nabla_z L)\, x^\top$
# (shaped like $W$), $\nabla_b L = \nabla_z L$ and $\nabla_x L = W^\top \nabla_z L$.

# %%
m, n = 3, 4
W, b1 = rng.standard_normal((m, n)), rng.standard_normal(m)
x, t = rng.standard_normal(n), rng.standard_normal(m)


def sigma(z):
    return 1 / (1 + np.exp(-z))


def loss(W, b, x):
    return 0.5 * np.sum((sigma(W @ x + b) - t) ** 2)


y = sigma(W @ x + b1)
delta = y - t
grad_z = delta * y * (1 - y)
grad_W = np.outer(grad_z, x)
grad_b = grad_z
grad_x = W.T @ grad_z

errors = {
    "W": check_gradient(lambda W: loss(W, b1, x), lambda _: grad_W, W),
    "b": check_gradient(lambda b: loss(W, b, x), lambda _: grad_b, b1),
    "x": check_gradient(lambda x: loss(W, b1, x), lambda _: grad_x, x),
}
assert max(errors.values()) < 1e-9
# The Jacobian of z = W x + b is W^T (n x m) in denominator layout
assert check_jacobian(lambda x: W @ x + b1, lambda _: W.T, x) < 1e-9
{name: f"{err:.1e}" for name, err in errors.items()}
