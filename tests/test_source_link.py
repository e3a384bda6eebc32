"""Every page of the online build links its source repository, without asking the host's API.

`make test` builds site-online/ with REPO_URL=https://matcalc.invalid/source, as
publish.yml does with the GitHub repository.
"""

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SITE_ONLINE = ROOT / "site-online"
REPO_URL = "https://matcalc.invalid/source"


def test_repo_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("REPO_URL", REPO_URL)
    assert load_config(str(ROOT / "mkdocs.yml"))["repo_url"] == REPO_URL
    monkeypatch.delenv("REPO_URL")
    assert load_config(str(ROOT / "mkdocs.yml"))["repo_url"] is None


def _pages():
    if not (SITE_ONLINE / "index.html").is_file():
        pytest.fail("site-online/ is not built: run `make test` (it builds it)")
    return sorted(SITE_ONLINE.rglob("*.html"))


def test_every_online_page_links_the_repository():
    missing, fetching = [], []
    for page in _pages():
        html = page.read_text(encoding="utf-8")
        if "md-content" not in html:
            continue  # not a site page (a redirect or a fragment)
        footer = re.search(r'<div class="mc-source-link">.*?</div>', html, flags=re.S)
        if not footer or f'href="{REPO_URL}"' not in footer.group(0):
            missing.append(page.relative_to(SITE_ONLINE))
        # Material fetches stars and forks for a link marked as its "source" component
        if 'data-md-component="source"' in html:
            fetching.append(page.relative_to(SITE_ONLINE))
    assert not missing, f"no source link: {missing}"
    assert not fetching, f"source facts would be fetched from another host: {fetching}"
