"""The library's own tests: NumPy and pytest only, no browser, no site, no frameworks.

They run twice: in the site's venv with the rest of the suite, and by
`make lib-test` (tools/lib_test.py) against the built wheel on every supported
Python and NumPy. That run uses tests/lib/pytest.ini (so tests/conftest.py and
its browser fixtures are never imported) and sets MATCALC_EXPECT_INSTALLED=1:
the tests must then import the installed wheel, never the source tree.
"""

import os
from pathlib import Path

import matcalc


def pytest_report_header(config):
    import numpy

    return f"matcalc {matcalc.__version__} from {Path(matcalc.__file__).parent}, NumPy {numpy.__version__}"


def pytest_configure(config):
    if os.environ.get("MATCALC_EXPECT_INSTALLED") == "1":
        source = Path(__file__).resolve().parents[2] / "snippets"
        if source in Path(matcalc.__file__).resolve().parents:
            raise RuntimeError(f"matcalc was imported from the source tree ({matcalc.__file__}), "
                               "not from the installed wheel")
