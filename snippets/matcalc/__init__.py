"""matcalc: the reusable code behind the matrix calculus site.

Small modules with one job each; NumPy only (SymPy inside the registry).
"""

from matcalc.checks import (
    check_gradient,
    check_gradient_directional,
    check_jacobian,
    relative_error,
)

__all__ = [
    "check_gradient",
    "check_gradient_directional",
    "check_jacobian",
    "relative_error",
]
