"""Tables that fit a phone by design: each cell of a table carries its column's name.

On a narrow screen (site.css) a table of three columns or more is set as one
card per row, each cell under its column's name, so no column is hidden or cut
and nothing scrolls sideways. This step writes the names: `data-label` on every
body cell from the header row, and `data-mc-stack` on the table.

Usage: python tools/narrow_tables.py SITE_DIR
"""

import html
import re

from site_pages import rewrite_pages

TABLE = re.compile(r"<table\b(?P<attrs>[^>]*)>(?P<body>.*?)</table>", re.S)
HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
CELL = re.compile(r"<td\b")
MIN_COLUMNS = 3


def _text(cell):
    # A header may hold math: its MathML text reads as the column's name
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", cell))).strip()


def label_table(match):
    head = HEAD.search(match["body"])
    labels = [_text(c) for c in HEADER_CELL.findall(head[1])] if head else []
    if len(labels) < MIN_COLUMNS or "data-mc-stack" in match["attrs"]:
        return match[0]

    def label_row(row):
        cells = iter(labels)
        return CELL.sub(lambda m: f'<td data-label="{html.escape(next(cells, ""))}"', row[0])

    body = match["body"][:head.end()] + ROW.sub(label_row, match["body"][head.end():])
    return f'<table{match["attrs"]} data-mc-stack>{body}</table>'


def label_page(text):
    return TABLE.sub(label_table, text)


def main():
    changed = rewrite_pages("narrow_tables.py", label_page)
    print(f"narrow_tables: tables labelled on {changed} pages")


if __name__ == "__main__":
    main()
