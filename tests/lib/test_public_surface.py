"""What `import matcalc` offers: submodules on access, __all__ per module, the version."""

import ast
import importlib
import importlib.metadata
import subprocess
import sys

import pytest

import matcalc


def test_version_is_the_installed_distributions():
    assert matcalc.__version__ == importlib.metadata.version("matcalc")


@pytest.mark.parametrize("name", matcalc.SUBMODULES)
def test_submodules_are_attributes(name):
    module = getattr(matcalc, name)
    assert module is importlib.import_module(f"matcalc.{name}")
    assert name in dir(matcalc) and name in matcalc.__all__


@pytest.mark.parametrize("name", matcalc.SUBMODULES)
def test_every_module_declares_its_public_names(name):
    module = getattr(matcalc, name)
    assert module.__all__ == list(dict.fromkeys(module.__all__)), "duplicates in __all__"
    for public in module.__all__:
        assert hasattr(module, public), f"matcalc.{name}.__all__ names a missing {public!r}"
    defined_here = {n for n, obj in vars(module).items()
                    if not n.startswith("_") and getattr(obj, "__module__", None) == module.__name__
                    and callable(obj)}
    assert defined_here <= set(module.__all__), defined_here - set(module.__all__)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        matcalc.nope  # noqa: B018


def test_import_matcalc_loads_only_the_checkers():
    # A fresh interpreter: importing the package must not import the registry or the engine
    code = ("import sys, matcalc; print(sorted(m for m in sys.modules if m.startswith('matcalc')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(ast.literal_eval(out.stdout))
    assert "matcalc.checks" in loaded
    assert not loaded & {"matcalc.ad", "matcalc.identities", "matcalc.formula", "matcalc.optim"}
