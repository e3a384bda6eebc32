"""axe-core on every page, light and dark: 0 serious or critical violations.

No exceptions: the theme's two findings (the unnamed search dialog, the
footer's faint copyright line) are fixed by tools/page_assets.py and site.css.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_fixtures import NEXT_RENDERING
from test_site_pages import PAGES

SEVERE = ("serious", "critical")

axe = Axe()
# Every rule still runs on every node; the passing nodes are not listed back (one each
# instead of 9,765 on matrix-functions: 15-19 s -> 8-10 s for that page; all 48 audits in
# two processes 218 s -> 188 s)
VIOLATIONS_ONLY = {"resultTypes": ["violations"]}


# site.css lets off-screen blocks skip rendering (content-visibility: auto) until they
# near the screen; axe reads a skipped block's colours and sizes as they were before the
# skip (dark-mode links measured in light-mode colours, a skipped table as a scroll box).
# Readers and assistive technology get every block rendered or in the accessibility tree,
# so axe audits the page with every block rendered (and restyled: the next two frames)
RENDER_ALL = ".md-typeset * { content-visibility: visible !important; }"


def severe_findings(page):
    page.add_style_tag(content=RENDER_ALL)
    page.evaluate(NEXT_RENDERING)
    findings = []
    for violation in axe.run(page, options=VIOLATIONS_ONLY).response["violations"]:
        if violation["impact"] not in SEVERE:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            findings.append(f"{violation['id']}: {target}: {node['failureSummary'][:160]}")
    return findings


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(visit, path, dark):
    page = visit(path, dark=dark).page
    page.wait_for_load_state("networkidle")
    assert severe_findings(page) == []
