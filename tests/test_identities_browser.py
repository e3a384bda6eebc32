"""The identity tables in a browser: every row has a permalink that works.

Row anchors (#id-...) live in the "Denominator layout" tab only (an id may
appear once per page). docs/assets/javascripts/identity-anchors.js opens the
tab holding a linked row when the reader's remembered tab hides it, without
changing the remembered choice. Runs over the site built by `make site`.
"""

import pytest

from matcalc.identities import IDENTITIES

PAGE = "identities.html"
CHECKED = (
    "Array.from(document.querySelectorAll('.tabbed-set'))"
    ".map(s => Array.from(s.querySelectorAll(':scope > input')).findIndex(i => i.checked))"
)
REMEMBERED = (
    "Object.entries(localStorage).filter(([k]) => k.endsWith('__tabs'))"
    ".map(([k, v]) => JSON.parse(v)[0]).join()"
)


def _prefer_numerator(page):
    page.locator(".tabbed-labels label", has_text="Numerator layout").first.click()
    page.wait_for_function(f"{CHECKED}.every(i => i === 1)")
    assert page.evaluate(REMEMBERED) == "Numerator layout"


def test_every_row_has_one_anchor_and_one_verification_line(visit):
    page = visit(PAGE).page
    ids = page.evaluate("Array.from(document.querySelectorAll('[id^=\"id-\"]')).map(e => e.id)")
    assert ids == [f"id-{e.id}" for e in IDENTITIES]
    checks = page.evaluate("Array.from(document.querySelectorAll('[id^=\"check-\"]')).map(e => e.id)")
    assert checks == [f"check-{e.id}" for e in IDENTITIES]


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_permalink_shows_its_row_whatever_tab_is_remembered(visit, scheme):
    visit_ = visit(PAGE, scheme=scheme)
    page = visit_.page
    _prefer_numerator(page)
    page.goto(visit_.url + "#id-inverse", wait_until="load")
    page.wait_for_function("document.getElementById('id-inverse').offsetParent !== null")
    top = page.evaluate("document.getElementById('id-inverse').getBoundingClientRect().top")
    assert 0 <= top < 300  # scrolled to the row
    # Only the table holding the row switched; the reader's choice is kept
    assert sorted(page.evaluate(CHECKED)) == [0, 1, 1, 1, 1]
    assert page.evaluate(REMEMBERED) == "Numerator layout"
    assert visit_.console_errors == []


def test_row_names_in_the_numerator_tab_lead_to_the_row(visit):
    visit_ = visit(PAGE)
    page = visit_.page
    _prefer_numerator(page)
    page.locator('.tabbed-block a[href="#id-softmax"]').last.click()
    page.wait_for_function("document.getElementById('id-softmax').offsetParent !== null")
    # A later click on a tab still links every table and is remembered
    page.locator(".tabbed-labels label", has_text="Denominator layout").first.click()
    page.wait_for_function(f"{CHECKED}.every(i => i === 0)")
    assert page.evaluate(REMEMBERED) == "Denominator layout"
    assert visit_.console_errors == []


def test_checked_links_reach_the_verification_table(visit):
    visit_ = visit(PAGE)
    page = visit_.page
    page.locator('a[href="identities.html#check-log-abs-det"]').first.click()
    page.wait_for_function("location.hash === '#check-log-abs-det'")
    row = page.locator("#check-log-abs-det").locator("xpath=ancestor::tr")
    assert row.is_visible()
    assert "undecided" in row.inner_text()
