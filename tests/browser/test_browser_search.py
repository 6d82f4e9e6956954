"""Search as a reader uses it: type a name, pick the result with the keyboard."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browser_support import Visit

pytestmark = pytest.mark.browser

#: Entity page of Michelle Bachelet, wherever its slug lands under people/.
#: (search.highlight appends `?h=bachelet`, so a query string may follow.)
BACHELET_HREF = re.compile(r"/people/[^/?#]*bachelet[^/?#]*/?(\?[^#]*)?(#.*)?$", re.I)


def test_typing_bachelet_lists_her_page_and_enter_opens_it(open_page: Callable[..., Visit]) -> None:
    visit = open_page("")
    page = visit.page
    query = page.locator("input.md-search__input")
    if not query.is_visible():  # narrow layouts hide the field behind the header button
        page.locator("label.md-header__button[for='__search']").first.click()
    query.click()
    page.keyboard.type("Bachelet", delay=40)

    results = page.locator(".md-search-result__list a[href]")
    try:
        results.first.wait_for(state="visible", timeout=30_000)
    except Exception:
        meta = page.locator(".md-search-result__meta").inner_text()
        pytest.fail(f"typing 'Bachelet' listed no results (search says: {meta!r})")
    hrefs = [a.get_attribute("href") or "" for a in results.all()]
    resolved = page.evaluate("(hs) => hs.map(h => new URL(h, location.href).pathname)", hrefs)
    assert any(BACHELET_HREF.search(h) for h in resolved), (
        f"no search result links her entity page (people/…bachelet…/); results: {resolved[:10]}"
    )

    # Arrow down through the results (material-style keyboard navigation) to her page.
    for _ in range(25):
        page.keyboard.press("ArrowDown")
        active = page.evaluate("() => document.activeElement && document.activeElement.href || ''")
        if BACHELET_HREF.search(active):
            break
    else:
        pytest.fail("ArrowDown never focused the result for her entity page")
    page.keyboard.press("Enter")
    page.wait_for_url(BACHELET_HREF)
    heading = page.locator("article h1").first.inner_text()
    assert "Bachelet" in heading, f"the opened page's heading is {heading!r}"
