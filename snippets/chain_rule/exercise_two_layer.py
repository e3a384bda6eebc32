"""Exercise: backprop by hand through Linear -> sigmoid -> Linear, checked against PyTorch."""
# --8<-- [start:body]
import numpy as np
import torch

rng = np.random.default_rng(26)
batch, n, hidden, m = 8, 5, 4, 3
X = rng.standard_normal((batch, n))
W1, b1 = rng.standard_normal((hidden, n)), rng.standard_normal(hidden)
W2, b2 = rng.standard_normal((m, hidden)), rng.standard_normal(m)
T = rng.standard_normal((batch, m))

# Forward, keeping the intermediates
Z1 = X @ W1.T + b1  # B x hidden
H = 1 / (1 + np.exp(-Z1))
Y = H @ W2.T + b2  # B x m
loss = ((Y - T) ** 2).sum() / 2

# Backward, output to input
delta_Y = Y - T  # B x m
grad_W2, grad_b2 = delta_Y.T @ H, delta_Y.sum(axis=0)
delta_H = delta_Y @ W2  # B x hidden
delta_Z1 = delta_H * H * (1 - H)  # the sigmoid's VJP: elementwise
grad_W1, grad_b1 = delta_Z1.T @ X, delta_Z1.sum(axis=0)

torch.manual_seed(0)
first = torch.nn.Linear(n, hidden, dtype=torch.float64)
second = torch.nn.Linear(hidden, m, dtype=torch.float64)
with torch.no_grad():
    for layer, W, b in ((first, W1, b1), (second, W2, b2)):
        layer.weight.copy_(torch.tensor(W))
        layer.bias.copy_(torch.tensor(b))
Y_t = second(torch.sigmoid(first(torch.tensor(X))))
((Y_t - torch.tensor(T)) ** 2).sum().div(2).backward()
for param, ours in ((first.weight, grad_W1), (first.bias, grad_b1),
                    (second.weight, grad_W2), (second.bias, grad_b2)):
    np.testing.assert_allclose(param.grad.numpy(), ours, rtol=1e-10)
# --8<-- [end:body]
