"""Highlighted code with fewer elements: names and spaces as plain text.

Pygments wraps every name and every run of whitespace in a span (classes `n`
and `w`) that the theme colours exactly as the code around it (Material's
--md-code-hl-name-color is --md-code-fg-color; notebook.css does the same on the
notebook pages). Unwrapping them keeps the text and its colours and removes
13-23 % of a chapter's DOM elements (matrix-functions: 1,353 of 10,560), which a
phone styles and lays out on every load. tests/test_code_tokens.py checks that
the colours are the same.

Usage: python tools/code_tokens.py SITE_DIR
"""

import re

from site_pages import rewrite_pages

CODE = re.compile(r"(<(pre|code)\b[^>]*>)(.*?)(</\2>)", re.S)
PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def plain_tokens(text):
    """The page with the `n` and `w` spans inside <pre> and <code> unwrapped."""
    return CODE.sub(lambda m: m[1] + PLAIN_TOKEN.sub(r"\1", m[3]) + m[4], text)


def main():
    changed = rewrite_pages("code_tokens.py", plain_tokens)
    print(f"code_tokens: names and spaces as plain text on {changed} pages")


if __name__ == "__main__":
    main()
