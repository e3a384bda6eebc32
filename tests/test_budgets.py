"""Weight budget, with the benchmark's own definition (bytes are deterministic).

Every page at most 250 KB gzip on a first load, search index aside; the
search index at most 150 KB gzip. `make bench` prints the same numbers.
"""

import pytest

# browser_fixtures (loaded by conftest) puts benchmarks/ on the path
from site_weight import BUDGET_GZIP, weigh_site

INDEX_BUDGET_GZIP = 150 * 1024


@pytest.fixture(scope="module")
def weights(site_dir, browser):
    return weigh_site(site_dir, browser)


def test_every_page_within_budget(weights):
    rows, _ = weights
    assert len(rows) >= 14
    over = {path: round(gz / 1024, 1) for path, _, gz in rows if gz > BUDGET_GZIP}
    assert not over, f"pages over 250 KB gzip: {over}"


def test_search_index_within_budget(weights):
    _, (raw, gz) = weights
    assert 0 < gz <= INDEX_BUDGET_GZIP
