"""What PyTorch and JAX return for f(S) computed through cholesky and eigh."""
# --8<-- [start:body]
import jax
import jax.numpy as jnp
import numpy as np
import torch

jax.config.update("jax_enable_x64", True)  # float64, as everywhere on this site

rng = np.random.default_rng(1)
n = 4
M = rng.standard_normal((n, n))
S = M @ M.T / n + np.eye(n)
c = rng.standard_normal(n)
S_inv = np.linalg.inv(S)


def logdet_torch(S):
    return 2 * torch.log(torch.diagonal(torch.linalg.cholesky(S))).sum()


def overlap_torch(S):
    # (c^T v)^2 for the top eigenvector v: free of v's sign
    return (torch.as_tensor(c) @ torch.linalg.eigh(S)[1][:, -1]) ** 2


def logdet_jax(S):
    return 2 * jnp.log(jnp.diag(jnp.linalg.cholesky(S))).sum()


def overlap_jax(S):
    return (c @ jnp.linalg.eigh(S)[1][:, -1]) ** 2


def torch_grad(f, S):
    S = torch.tensor(S, requires_grad=True)
    f(S).backward()
    return S.grad.numpy()


# Both frameworks return the symmetric gradient sym(G): S^-1 for log det S
for grad in (torch_grad(logdet_torch, S), np.asarray(jax.grad(logdet_jax)(S))):
    np.testing.assert_allclose(grad, S_inv, rtol=1e-10)
g_torch = torch_grad(overlap_torch, S)
g_jax = np.asarray(jax.grad(overlap_jax)(S))
np.testing.assert_allclose(g_torch, g_torch.T, atol=1e-14)
np.testing.assert_allclose(g_jax, g_torch, rtol=1e-8)


def entrywise(f, S, h=1e-6):
    """Central differences entry by entry, each entry moved on its own."""
    G = np.zeros_like(S)
    for i in range(n):
        for j in range(n):
            E = np.zeros_like(S)
            E[i, j] = h
            G[i, j] = (f(S + E) - f(S - E)) / (2 * h)
    return G


# Entry by entry, NumPy's Cholesky (it reads the lower triangle) gives a triangle:
# off the diagonal twice sym(G), above it zero
G_fd = entrywise(lambda S: 2 * np.log(np.diag(np.linalg.cholesky(S))).sum(), S)
np.testing.assert_allclose(np.triu(G_fd, 1), 0, atol=1e-9)
np.testing.assert_allclose(G_fd, 2 * np.tril(S_inv) - np.diag(np.diag(S_inv)), rtol=1e-6)

# JAX's eigh with symmetrize_input=False reads one triangle, yet its gradient is the
# symmetric one, v v^T for the top eigenvalue (JAX issue #12795, open)
w, V = np.linalg.eigh(S)
top = lambda S: jax.lax.linalg.eigh(S, lower=True, symmetrize_input=False)[1][-1]
v = V[:, -1:]
np.testing.assert_allclose(np.asarray(jax.grad(top)(S)), v @ v.T, rtol=1e-8, atol=1e-12)
# --8<-- [end:body]
