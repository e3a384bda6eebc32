"""matcalc: the reusable code behind the matrix calculus site.

Small modules with one job each; NumPy only (SymPy inside the registry):

- ``matcalc.checks``: finite-difference checkers (re-exported here);
- ``matcalc.gradcheck``: the engine behind them: steps, Ridders' extrapolation, the report;
- ``matcalc.identities``: the identity registry behind every table;
- ``matcalc.ad``: a tiny reverse- and forward-mode AD engine;
- ``matcalc.quadratic``: the 2x2 quadratic-form math the interactive figure mirrors;
- ``matcalc.quadforms``: quadratic forms of any size and their level sets;
- ``matcalc.differentials``: checks of single differential steps, the adjugate;
- ``matcalc.optim``: gradient descent, Newton, BFGS and L-BFGS as the chapters use them;
- ``matcalc.fd_study``: finite-difference error against step size.
"""

from matcalc.checks import (
    check_gradient,
    check_gradient_directional,
    check_jacobian,
    relative_error,
)
from matcalc.checks import GradcheckReport, directional_report, gradcheck_report, jacobian_report

__all__ = [
    "check_gradient",
    "check_gradient_directional",
    "check_jacobian",
    "relative_error",
]
__all__ += ["GradcheckReport", "directional_report", "gradcheck_report", "jacobian_report"]
