"""One entry wrong by 5 % among 10 000: a 2-norm dilutes it, an entry-by-entry check does not."""
# --8<-- [start:body]
import numpy as np

from matcalc import gradcheck_report, relative_error

rng = np.random.default_rng(7)
n = 10_000
c, x = rng.standard_normal(n), rng.standard_normal(n)
calls = 0


def f(x):
    global calls
    calls += 1
    return np.sum(c * np.sin(x))


def grad_f(x):
    return c * np.cos(x)


g = grad_f(x)
i = int(np.argmax(np.abs(g) * (np.abs(g) < 0.5 * np.max(np.abs(g)))))


def grad_bug(x):
    G = grad_f(x)
    G[i] *= 1.05  # one wrong entry
    return G


# One summary number over 10 000 entries hides it in the "look closer" band
assert 1e-5 < relative_error(grad_bug(x), g) < 1e-3

report = gradcheck_report(f, grad_bug, x)
assert report.verdict == "fail" and report.relative_error > 1e-3
assert report.worst_index == (i,)  # and says where
calls = 0
assert gradcheck_report(f, grad_f, x).verdict == "pass"
assert calls == 2 * n + 1  # one central difference per entry, nothing more
# --8<-- [end:body]
