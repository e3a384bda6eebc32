"""Add a Content-Security-Policy meta tag to every page of the online build.

The policy allows scripts only from the site itself plus, by hash, the inline
scripts the theme writes into each page; nothing may load from another host.

- script-src 'self' 'sha256-...': the theme's inline scripts, hashed per page.
- style-src 'self' 'unsafe-inline': Temml's MathML carries style attributes
  (display math, the padding of matrix cells, accents).
- img-src 'self' data:: the theme draws its icons as data: SVGs in its CSS.
- font-src 'self': the math font is served by the site; no web fonts.
- worker-src 'self' blob:: the search worker.

Usage: python tools/csp.py SITE_DIR
"""

import base64
import hashlib
import re
import sys
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)
# Data blocks are never executed, so they need no hash
DATA_TYPES = ("application/json", "application/ld+json", "text/template")
META_NAME = 'http-equiv="Content-Security-Policy"'


def inline_script_hashes(html):
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        kind = re.search(r'\btype="([^"]+)"', match["attrs"])
        if kind and kind[1] in DATA_TYPES:
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(html):
    scripts = " ".join(["'self'"] + inline_script_hashes(html))
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_policy(html):
    if META_NAME in html:
        raise ValueError("page already has a Content-Security-Policy")
    tag = f'<meta {META_NAME} content="{policy(html)}">'
    # Before any script: a policy applies only to what follows it
    head = re.search(r"<head[^>]*>", html)
    return html[: head.end()] + tag + html[head.end():]


def main():
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit("usage: python tools/csp.py SITE_DIR")
    pages = sorted(Path(sys.argv[1]).rglob("*.html"))
    for page in pages:
        page.write_text(add_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"csp: policy added to {len(pages)} pages")


if __name__ == "__main__":
    main()
