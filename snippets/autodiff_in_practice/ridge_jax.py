"""Hypergradient of ridge regression in JAX: autograd through the solve, and through K steps."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the other tabs

rng = np.random.default_rng(0)
X, y = rng.standard_normal((20, 5)), rng.standard_normal(20)  # training set
X_val, y_val = rng.standard_normal((10, 5)), rng.standard_normal(10)  # validation set
lam0 = 0.7


def val_loss(w):
    return 0.5 * jnp.sum((X_val @ w - y_val) ** 2)


def exact(lam):  # solve's VJP is the implicit one: this is the adjoint method
    return val_loss(jnp.linalg.solve(X.T @ X + lam * jnp.eye(5), X.T @ y))


lr = 1 / (np.linalg.norm(X, 2) ** 2 + lam0)


def unrolled(lam, K=200):
    step = lambda _, w: w - lr * (X.T @ (X @ w - y) + lam * w)  # noqa: E731
    return val_loss(jax.lax.fori_loop(0, K, step, jnp.zeros(5)))


dL_dlam = np.asarray(jax.grad(exact)(lam0))
dL_dlam_unrolled = np.asarray(jax.grad(unrolled)(lam0))

# The adjoint formula -w*^T H^{-1} grad_w L, written out
H = X.T @ X + lam0 * np.eye(5)
w_s = np.linalg.solve(H, X.T @ y)
np.testing.assert_allclose(dL_dlam, -w_s @ np.linalg.solve(H, X_val.T @ (X_val @ w_s - y_val)),
                           rtol=1e-12)
np.testing.assert_allclose(dL_dlam_unrolled, dL_dlam, rtol=1e-10)
# --8<-- [end:body]
