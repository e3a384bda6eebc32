"""The best step is near eps^(1/3): about 1e-5 in float64, 1e-2 in float32."""
# --8<-- [start:body]
import numpy as np

from matcalc.fd_study import (
    DEMO_POINT, STEPS, best_step, demo_function, demo_gradient, step_size_errors,
)

best = {}
for dtype in (np.float64, np.float32):
    errors = step_size_errors(demo_function, demo_gradient, DEMO_POINT, STEPS,
                              dtype)
    best[dtype] = best_step(STEPS, errors)

h64, err64 = best[np.float64]
h32, err32 = best[np.float32]
assert 1e-6 <= h64 <= 1e-4 and err64 < 1e-9
assert 1e-3 <= h32 <= 3e-2 and err32 > 1e-6
# float64's default h = 1e-5 is useless in float32: the check itself is noisy
errors32 = step_size_errors(demo_function, demo_gradient, DEMO_POINT, [1e-5],
                            np.float32)
assert errors32[0] > 1e-3
# --8<-- [end:body]
