"""The loop the postbuild steps share: rewrite every HTML page of a built site."""

import sys
from pathlib import Path


def rewrite_pages(script, rewrite):
    """Apply ``rewrite`` (page text -> page text) to every page of the site named on the
    command line (``python tools/SCRIPT SITE_DIR``); the number of pages it changed."""
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit(f"usage: python tools/{script} SITE_DIR")
    changed = 0
    for path in sorted(Path(sys.argv[1]).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed
