"""What a Newton step costs: O(n^2) memory for H, O(n^3) time to solve with it."""
# --8<-- [start:body]
import numpy as np

bytes_per_float = np.dtype(np.float64).itemsize  # 8


def newton_step_cost(n):
    """Bytes to store H, and flops of an LU solve (2/3 n^3, leading term)."""
    return n * n * bytes_per_float, 2 * n**3 // 3


# A model with 10^8 parameters
n = 10**8
memory, flops = newton_step_cost(n)
assert memory == 8 * 10**16  # 80 petabytes for H alone; the gradient is 800 MB
assert n * bytes_per_float == 8 * 10**8

# At 10^15 flop/s (a petaflop/s machine, flat out): over 20 years per solve
seconds = flops / 1e15
assert seconds / (365.25 * 24 * 3600) > 20

# Doubling n: four times the memory, eight times the work
m2, f2 = newton_step_cost(2000)
m1, f1 = newton_step_cost(1000)
assert m2 == 4 * m1 and abs(f2 / f1 - 8) < 1e-6
# --8<-- [end:body]
