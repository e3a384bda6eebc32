"""The steps every build runs after MkDocs, in order: one list for the offline,
online and canary builds and for tests/test_reproducible.py.

1. notebook_pages.py: slim the notebook pages (before the math: it removes
   mkdocs-jupyter's MathJax loader);
2. render_math.py: every formula to MathML, the search index to plain text, the
   math font subset;
3. narrow_tables.py: column names on table cells, for the phone layout;
4. page_assets.py: each page keeps only the scripts and stylesheets it uses;
5. code_tokens.py: highlighted code without the spans that change no colour.

Usage: python tools/postbuild.py SITE_DIR
"""

import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
STEPS = ["notebook_pages.py", "render_math.py", "narrow_tables.py", "page_assets.py",
         "code_tokens.py"]


def main():
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit("usage: python tools/postbuild.py SITE_DIR")
    for step in STEPS:
        subprocess.run([sys.executable, str(TOOLS / step), sys.argv[1]], check=True)


if __name__ == "__main__":
    main()
