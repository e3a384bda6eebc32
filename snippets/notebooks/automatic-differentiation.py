# %% [markdown]
# # Notebook: automatic differentiation
#
# The companion notebook of the chapter *Automatic differentiation*. It uses the site's
# small engine `matcalc.ad` (NumPy only) and PyTorch, and runs top to bottom in a fresh
# kernel.
#
# Reverse mode computes a vector-Jacobian product $u \mapsto J u$, forward mode a
# Jacobian-vector product $v \mapsto J^\top v$; in the site's denominator layout the
# Jacobian of $f: \mathbb{R}^n \to \mathbb{R}^m$ is $J \in \mathbb{R}^{n \times m}$.

# %%
import numpy as np

from matcalc import check_gradient
from matcalc.ad import Tensor, jvp, logsumexp, tanh, vjp

np.set_printoptions(precision=4, suppress=True)
rng = np.random.default_rng(0)

# %% [markdown]
# ## Reverse mode on a softmax cross-entropy loss
#
# For logits $Z = XW + b$ and one-hot labels $Y$, the mean loss
# $L = \frac{1}{N}\sum_i \bigl(\operatorname{lse}(z_i) - z_i^\top y_i\bigr)$ has the gradient
# $\nabla_W L = \frac{1}{N} X^\top (\operatorname{softmax}(Z) - Y)$, shaped like $W$.

# %%
X = rng.standard_normal((8, 5))
Y = np.eye(3)[rng.integers(0, 3, size=8)]
W0 = rng.standard_normal((5, 3))
b0 = rng.standard_normal(3)

W, b = Tensor(W0), Tensor(b0)
Z = X @ W + b
loss = (logsumexp(Z, axis=1) - (Z * Y).sum(axis=1)).mean()
loss.backward()

Z0 = X @ W0 + b0
P = np.exp(Z0 - Z0.max(axis=1, keepdims=True))
P /= P.sum(axis=1, keepdims=True)
np.testing.assert_allclose(W.grad, X.T @ (P - Y) / len(X), rtol=1e-12)
W.grad

# %% [markdown]
# The same gradient checked by central differences:

# %%
def loss_np(W):
    Z = X @ W + b0
    top = Z.max(axis=1, keepdims=True)
    return float(np.mean(top[:, 0] + np.log(np.exp(Z - top).sum(axis=1)) - (Z * Y).sum(axis=1)))


err = check_gradient(loss_np, lambda _: W.grad, W0)
assert err < 1e-8
print(f"relative error against central differences: {err:.1e}")

# %% [markdown]
# ## Forward and reverse mode on one layer
#
# For $f(x) = \tanh(Wx + b)$, the denominator-layout Jacobian is
# $J = W^\top \operatorname{diag}(1 - f(x)^2)$. A JVP gives $J^\top v$, a VJP gives $J u$,
# and the two agree in the dot-product test $u^\top (J^\top v) = (J u)^\top v$.

# %%
W1 = rng.standard_normal((3, 4))
b1 = rng.standard_normal(3)
x = rng.standard_normal(4)
v = rng.standard_normal(4)
u = rng.standard_normal(3)


def f(x):
    return tanh(W1 @ x + b1)


J = W1.T * (1 - np.tanh(W1 @ x + b1) ** 2)
y, jvp_out = jvp(f, x, v)
_, vjp_out = vjp(f, x, u)
np.testing.assert_allclose(jvp_out, J.T @ v)
np.testing.assert_allclose(vjp_out, J @ u)
np.testing.assert_allclose(u @ jvp_out, vjp_out @ v)
print("J (4 x 3, denominator layout):")
print(J)

# %% [markdown]
# ## The same with PyTorch
#
# `torch.func.jacrev` returns the numerator-layout Jacobian ($m \times n$): transpose it
# to compare with $J$.

# %%
import torch

W1_t, b1_t = torch.tensor(W1), torch.tensor(b1)
J_torch = torch.func.jacrev(lambda x: torch.tanh(W1_t @ x + b1_t))(torch.tensor(x))
assert tuple(J_torch.shape) == (3, 4)
np.testing.assert_allclose(J_torch.numpy().T, J, rtol=1e-12)
print("torch.func.jacrev gives", tuple(J_torch.shape), "= J transposed")
