"""axe-core on every page, light and dark: 0 serious or critical violations.

No exceptions: the theme's two findings (the unnamed search dialog, the
footer's faint copyright line) are fixed by tools/page_assets.py and site.css.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_site_pages import PAGES

SEVERE = ("serious", "critical")

axe = Axe()


def severe_findings(page):
    findings = []
    for violation in axe.run(page).response["violations"]:
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
