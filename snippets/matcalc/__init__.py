"""matcalc: the reusable code behind the matrix calculus site.

Small modules with one job each; NumPy only:

- `matcalc.checks`: finite-difference checkers (the main ones re-exported here);
- `matcalc.gradcheck`: the engine behind them: steps, Ridders' extrapolation, the report;
- `matcalc.identities`: the identity registry behind every table (with `matcalc.formula`,
  the expression trees it is written in);
- `matcalc.ad`: a tiny reverse- and forward-mode AD engine;
- `matcalc.quadratic`: the quadratic form \\(x^\\top A x\\) of any size, its level sets,
  and the 2x2 math the interactive figure mirrors;
- `matcalc.differentials`: checks of single differential steps, the adjugate;
- `matcalc.optim`: gradient descent, Newton, BFGS and L-BFGS as the chapters use them;
- `matcalc.fd_study`: finite-difference error against step size.

`import matcalc` loads only the checkers; each submodule is imported on first
use as an attribute (`matcalc.ad`) or explicitly (`from matcalc import ad`).
Layout everywhere: denominator (a gradient has the shape of its variable).
"""

import importlib

from matcalc.checks import (
    GradcheckReport,
    check_gradient,
    check_gradient_directional,
    check_jacobian,
    directional_report,
    gradcheck_report,
    jacobian_report,
    relative_error,
)

__version__ = "0.2.0"

SUBMODULES = ("ad", "checks", "differentials", "fd_study", "formula", "gradcheck",
              "identities", "optim", "quadratic")

__all__ = [
    "__version__",
    "check_gradient",
    "check_gradient_directional",
    "check_jacobian",
    "relative_error",
    "GradcheckReport",
    "directional_report",
    "gradcheck_report",
    "jacobian_report",
    *SUBMODULES,
]


def __getattr__(name):
    # PEP 562: `matcalc.ad` imports the submodule on first access, so that
    # `import matcalc` stays as light as the checkers
    if name in SUBMODULES:
        return importlib.import_module(f"matcalc.{name}")
    raise AttributeError(f"module 'matcalc' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(SUBMODULES))
