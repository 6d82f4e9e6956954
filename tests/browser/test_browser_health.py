"""Every kind of page loads cleanly: no console error, no failed or off-site request."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browser_support import INDEX_PATHS, SpecBriefing, Visit, page_id

pytestmark = pytest.mark.browser

#: Home, the specification briefing, an entity page of each kind, and each index.
HEALTH_PAGES = [
    "",
    "__spec__",
    "people/volodymyr-zelenskyy/",
    "places/kherson/",
    *INDEX_PATHS,
    "briefings/page/2/",
]


@pytest.mark.parametrize("path", HEALTH_PAGES, ids=page_id)
def test_page_loads_without_errors(open_page: Callable[..., Visit], spec: SpecBriefing, path: str) -> None:
    visit = open_page(spec.path if path == "__spec__" else path, wait_until="networkidle")
    page = visit.page
    assert visit.status == 200, f"{page_id(path)} answered HTTP {visit.status}"
    # Let late work (search worker start-up, deferred scripts) report too.
    page.wait_for_timeout(300)
    assert not visit.problems(), f"{page_id(path)}:\n  " + "\n  ".join(visit.problems())
