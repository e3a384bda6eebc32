"""axe-core on every page, light and dark: 0 serious or critical violations.

The only exceptions are findings in Material's own chrome, listed below by
rule and selector with the reason; anything in the content fails.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_site_pages import PAGES

# (rule, CSS selector axe reports) -> why it is accepted
THEME_CHROME = {
    ("aria-dialog-name", ".md-search"): "Material's search overlay is a dialog without a name",
    ("color-contrast", ".md-copyright"): "Material's footer text is drawn at reduced opacity",
}
SEVERE = ("serious", "critical")

axe = Axe()


def severe_findings(page):
    findings = []
    for violation in axe.run(page).response["violations"]:
        if violation["impact"] not in SEVERE:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if (violation["id"], target) not in THEME_CHROME:
                findings.append(f"{violation['id']}: {target}: {node['failureSummary'][:160]}")
    return findings


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(visit, path, dark):
    page = visit(path, dark=dark).page
    page.wait_for_load_state("networkidle")
    assert severe_findings(page) == []
