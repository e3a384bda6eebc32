"""Checkpointing in PyTorch: fewer saved tensors, the same gradient, more compute."""
# --8<-- [start:body]
import torch
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
blocks = [torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.Tanh()).double()
          for _ in range(8)]
x = torch.randn(32, 64, dtype=torch.float64)


def loss_and_saved_bytes(checkpointed):
    saved = 0

    def pack(t):  # called for every tensor autograd stores for the backward pass
        nonlocal saved
        saved += t.numel() * t.element_size()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        h = x
        for block in blocks:
            # A checkpointed block stores its input only and reruns itself in backward
            h = checkpoint(block, h, use_reentrant=False) if checkpointed else block(h)
        loss = h.square().mean()
    return loss, saved


grads, saved = {}, {}
for checkpointed in (False, True):
    loss, saved[checkpointed] = loss_and_saved_bytes(checkpointed)
    for block in blocks:
        block.zero_grad()
    loss.backward()
    grads[checkpointed] = [p.grad.clone() for block in blocks for p in block.parameters()]

assert saved[True] < saved[False]
for plain, recomputed in zip(grads[False], grads[True]):
    torch.testing.assert_close(plain, recomputed, rtol=1e-12, atol=1e-14)
# --8<-- [end:body]
