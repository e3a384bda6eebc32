"""Regenerate docs/generated/ under other CPU kernels and compare the committed files.

Floating-point results depend on which SIMD kernels the CPU gets (OpenBLAS picks one
per CPU; NumPy dispatches its own loops). Committed generated files must not: this
runs tools/generate.py once per kernel setting, each in its own environment, and
reports every committed file whose bytes differ from the checkout. Figures and the
widget's twins are build products (git-ignored) and are not compared.

A maintainer's check, not a test (the tests keep the machine's own settings).

Usage: python tools/check_kernels.py
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "docs" / "generated"
NO_NUMPY_SIMD = "X86_V3 X86_V4 AVX512_ICL AVX512_SPR"
SETTINGS = {
    "OpenBLAS Prescott": {"OPENBLAS_CORETYPE": "Prescott"},
    "OpenBLAS Haswell": {"OPENBLAS_CORETYPE": "Haswell"},
    "OpenBLAS Zen": {"OPENBLAS_CORETYPE": "Zen"},
    "OpenBLAS SkylakeX": {"OPENBLAS_CORETYPE": "SkylakeX"},
    "NumPy baseline SIMD only": {"NPY_DISABLE_CPU_FEATURES": NO_NUMPY_SIMD},
    "both": {"NPY_DISABLE_CPU_FEATURES": NO_NUMPY_SIMD, "OPENBLAS_CORETYPE": "Prescott"},
}


def committed_files():
    listed = subprocess.run(["git", "ls-files", "docs/generated"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.split()
    return [Path(name).relative_to("docs/generated") for name in listed]


def main():
    names = committed_files()
    failures = 0
    for label, settings in SETTINGS.items():
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "generated"
            subprocess.run([sys.executable, str(ROOT / "tools" / "generate.py"), "--out", str(out)],
                           env=dict(os.environ, **settings), check=True, capture_output=True)
            differ = [str(n) for n in names if (out / n).read_bytes() != (GENERATED / n).read_bytes()]
        failures += bool(differ)
        print(f"{label:26} {len(names) - len(differ)}/{len(names)} committed files identical"
              + (f"; differ: {', '.join(differ)}" if differ else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
