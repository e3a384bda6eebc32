"""The mistakes page keeps its promise: each mistake is wrong formula, executed rejection, fix."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "mistakes.md"
INCLUDE = re.compile(r'--8<--\s+"(mistakes/[^":]+):body"')
# An assertion that a check rejects something: a large error or a refusal
REJECTION = re.compile(r"((check_\w+|_error)\(.*\)\s*>\s*[0-9.e-]+|pytest\.raises|rejected\()")
ACCEPTANCE = re.compile(r"(check_\w+|_error)\(.*\)\s*<\s*1e-[7-9]")
NOT_MISTAKES = {"The same mistakes in the identity registry", "Where they were published", "Summary", "Exercises"}


def _sections():
    parts = re.split(r"^## (.+)$", PAGE.read_text(), flags=re.M)
    return {title: body for title, body in zip(parts[1::2], parts[2::2])}


def _body(listing):
    text = (ROOT / "snippets" / listing).read_text()
    return text.split("# --8<-- [start:body]")[1].split("# --8<-- [end:body]")[0]


def test_every_mistake_is_wrong_check_right():
    mistakes = {t: b for t, b in _sections().items() if t not in NOT_MISTAKES}
    assert len(mistakes) >= 5
    for title, body in mistakes.items():
        assert '!!! failure "Wrong"' in body and '!!! success "Right"' in body, title
        assert body.index('"Wrong"') < body.index('"Right"'), title
        listings = INCLUDE.findall(body)
        assert listings, f"{title}: no executed listing"
        code = "".join(_body(listing) for listing in listings)
        assert REJECTION.search(code), f"{title}: the listing never asserts a rejection"
        assert ACCEPTANCE.search(code) or "assert_allclose" in code, (
            f"{title}: the listing never asserts that the correction passes"
        )


def test_mistakes_are_attributed_only_to_public_reports():
    # A book's edition and equation cannot be checked here, a public report can: the page
    # cites no edition or equation, and links only reports the references page lists
    text = PAGE.read_text()
    for pattern in (r"\(\d{4}\)", r"\bet al\b", r"\bedition\b", r"\beq(?:uation)?\.? ?\(?\d"):
        assert not re.search(pattern, text, flags=re.I), pattern
    links = set(re.findall(r"\]\((https?://[^)]+)\)", text))
    assert links, "the page links the public reports of its mistakes"
    references = (ROOT / "docs" / "references.md").read_text()
    assert all(f"({link})" in references for link in links), links
