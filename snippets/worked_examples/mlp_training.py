"""A two-layer MLP trained with hand-derived gradients, checked against autograd to 1e-10."""
# --8<-- [start:body]
import numpy as np
import torch

# Synthetic data: is the point inside the unit circle? Not linearly separable
rng = np.random.default_rng(0)
N, hidden = 200, 16
X = rng.uniform(-1.5, 1.5, size=(N, 2))
y = (np.sum(X**2, axis=1) < 1.0).astype(float)

params = {
    "W1": rng.standard_normal((hidden, 2)),  # like torch.nn.Linear(2, hidden)
    "b1": np.zeros(hidden),
    "W2": rng.standard_normal((1, hidden)) / np.sqrt(hidden),
    "b2": np.zeros(1),
}


def forward_backward(p):
    # Forward: H = tanh(X W1^T + b1), logit s = H W2^T + b2
    H = np.tanh(X @ p["W1"].T + p["b1"])
    s = (H @ p["W2"].T + p["b2"])[:, 0]
    # Mean logistic loss, written stably: log(1 + e^s) - y s
    loss = np.mean(np.logaddexp(0.0, s) - y * s)
    # Backward, output to input
    grad_s = (1 / (1 + np.exp(-s)) - y) / N  # (p - y) / N
    grad_W2 = grad_s[None, :] @ H  # 1 x hidden, like W2
    grad_b2 = np.array([grad_s.sum()])
    grad_H = np.outer(grad_s, p["W2"][0])  # the W^T step, row-major
    grad_A = grad_H * (1 - H**2)  # tanh' = 1 - tanh^2
    grad_W1 = grad_A.T @ X
    grad_b1 = grad_A.sum(axis=0)
    return loss, {"W1": grad_W1, "b1": grad_b1, "W2": grad_W2, "b2": grad_b2}


def autograd(p):
    t = {k: torch.tensor(v, requires_grad=True) for k, v in p.items()}  # float64
    H = torch.tanh(torch.tensor(X) @ t["W1"].T + t["b1"])
    s = (H @ t["W2"].T + t["b2"])[:, 0]
    loss = torch.nn.functional.binary_cross_entropy_with_logits(s, torch.tensor(y))
    loss.backward()
    return loss.item(), {k: v.grad.numpy() for k, v in t.items()}


lr, history = 1.0, []
for step in range(600):
    loss, grads = forward_backward(params)
    if step % 100 == 0:
        loss_ref, grads_ref = autograd(params)
        assert abs(loss - loss_ref) < 1e-12
        for k in params:
            diff = np.linalg.norm(grads[k] - grads_ref[k])
            err = diff / np.linalg.norm(grads_ref[k])
            assert err < 1e-10, (step, k, err)
    history.append(loss)
    for k in params:
        params[k] -= lr * grads[k]

H = np.tanh(X @ params["W1"].T + params["b1"])
accuracy = np.mean(((H @ params["W2"].T + params["b2"])[:, 0] > 0) == (y == 1))
assert history[-1] < 0.5 * history[0] and accuracy > 0.9
# --8<-- [end:body]
