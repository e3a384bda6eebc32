"""Which pages of a second build differ from the first: what the canary must sweep.

Usage: python tools/canary_diff.py SITE OTHER

Prints, one per line, the HTML pages (paths relative to OTHER) whose bytes differ from
SITE's once the generator tag (``<meta name="generator" ...>``, which names the tool that
built the page) is removed from both. If any other file differs (a stylesheet, a script,
the search index), or a file is missing from either side, every page of OTHER is printed:
such a file reaches every page. Nothing printed: the two builds serve the same site, so
the browser sweep of SITE covers OTHER too.
"""

import re
import sys
from pathlib import Path

from book_pdf import PDF_NAME

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# Written differently by every build whatever the tool (gzip's header holds the time)
ALWAYS_DIFFERENT = {"sitemap.xml.gz"}
# Written into SITE by `make site` only (the book PDF; its link in index.html then makes
# that page differ, and it is swept)
ONLY_IN_SITE = {PDF_NAME}


def files(root):
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def differing_pages(site, other):
    site, other = Path(site), Path(other)
    mine, theirs = files(site), files(other)
    pages = sorted(p for p in theirs if p.endswith(".html"))
    if not site.is_dir() or ((mine - ONLY_IN_SITE) ^ theirs) - ALWAYS_DIFFERENT:
        return pages
    differ = []
    for name in sorted(theirs - ALWAYS_DIFFERENT):
        a, b = (site / name).read_bytes(), (other / name).read_bytes()
        if name.endswith(".html"):
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        if a != b:
            if not name.endswith(".html"):
                return pages
            differ.append(name)
    return differ


if __name__ == "__main__":
    print("\n".join(differing_pages(*sys.argv[1:3])))
