# %% [markdown]
# # Notebook: checking gradients numerically
#
# The companion notebook of the chapter *Checking gradients numerically*. It runs top to
# bottom in a fresh kernel with NumPy, matplotlib and the site's package `matcalc`
# (`pip install -e .` in a clone of the site's repository).
#
# A central difference approximates one partial derivative with two evaluations:
#
# $$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h},$$
#
# with an error of order $h^2$ from truncation and of order $\varepsilon / h$ from rounding.

# %%
import matplotlib.pyplot as plt
import numpy as np

from matcalc import check_gradient, check_gradient_directional, relative_error
from matcalc.fd_study import DEMO_POINT, STEPS, best_step, demo_function, demo_gradient, step_size_errors

np.set_printoptions(precision=4, suppress=True)
rng = np.random.default_rng(0)

# %% [markdown]
# ## A gradient to check
#
# For $f(x) = x^\top A x$ the gradient in denominator layout has the shape of $x$:
# $\nabla f(x) = (A + A^\top)\,x$. The symmetric-only formula $2Ax$ is a classic mistake.

# %%
n = 5
A = rng.standard_normal((n, n))
x = rng.standard_normal(n)


def f(x):
    return x @ A @ x


def grad_f(x):
    return (A + A.T) @ x


def wrong_grad(x):
    return 2 * A @ x


right, wrong = check_gradient(f, grad_f, x), check_gradient(f, wrong_grad, x)
assert right < 1e-8 and wrong > 1e-2
print(f"relative error, (A + A^T) x: {right:.1e}")
print(f"relative error, 2 A x:       {wrong:.1e}")

# %% [markdown]
# ## Directional checks
#
# For a large variable, compare $\nabla f(x)^\top v$ with $\bigl(f(x + hv) - f(x - hv)\bigr)/2h$
# along a few random directions $v$ instead of every coordinate: two evaluations per
# direction, whatever the size of $x$.

# %%
W = rng.standard_normal((200, 300))
b = rng.standard_normal(200)


def loss(W):
    return 0.5 * np.sum(np.tanh(W @ np.ones(300) / 300 + b) ** 2)


def grad_loss(W):
    y = np.tanh(W @ np.ones(300) / 300 + b)
    return np.outer(y * (1 - y**2), np.ones(300) / 300)


err = check_gradient_directional(loss, grad_loss, W, n_dirs=3, rng=np.random.default_rng(1))
assert err < 1e-6
print(f"W has {W.size} entries; directional relative error {err:.1e}")

# %% [markdown]
# ## Choosing the step
#
# The total error is smallest near $h \approx \varepsilon^{1/3}$: about $10^{-5}$ in
# float64 and $10^{-2}$ in float32.

# %%
errors = {dtype: step_size_errors(demo_function, demo_gradient, DEMO_POINT, STEPS, dtype)
          for dtype in (np.float64, np.float32)}
fig, ax = plt.subplots(figsize=(6, 3.5), facecolor="white")
for dtype, errs in errors.items():
    ax.loglog(STEPS, errs, marker="o", markersize=3, label=np.dtype(dtype).name)
ax.set_xlabel("step h")
ax.set_ylabel("relative error")
ax.set_title("Central differences: error against step size")
ax.legend()
plt.show()

for dtype, errs in errors.items():
    h, e = best_step(STEPS, errs)
    print(f"{np.dtype(dtype).name}: best h = {h:.0e}, relative error {e:.1e}")
h64, _ = best_step(STEPS, errors[np.float64])
assert 1e-6 <= h64 <= 1e-4

# %% [markdown]
# ## Checking against PyTorch
#
# Autograd gives a second, independent derivative. PyTorch stores `W.grad` with the shape
# of `W`: it is the gradient, which has its variable's shape in every layout, so it
# compares with the site's denominator-layout derivative as it is. It is no evidence of a
# layout: PyTorch's full Jacobians are output x input, the numerator layout.

# %%
import torch

W_t = torch.tensor(W, requires_grad=True)
y_t = torch.tanh(W_t @ torch.ones(300, dtype=torch.float64) / 300 + torch.tensor(b))
(0.5 * (y_t**2).sum()).backward()
assert relative_error(W_t.grad.numpy(), grad_loss(W)) < 1e-12
print("PyTorch and the hand-written gradient agree; shape", tuple(W_t.grad.shape))
