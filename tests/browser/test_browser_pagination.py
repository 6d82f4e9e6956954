"""The briefings index: follow "next" to the end, see every briefing exactly once."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from browser_support import Visit, briefing_slugs

pytestmark = pytest.mark.browser

#: A briefing page's path (not an index page, not an anchor into one).
BRIEFING_PATH = re.compile(r"/briefings/(?!page/)([^/#?]+)/$")
MAX_PAGES = 100

LIST_SLUGS_JS = """
() => [...document.querySelectorAll('article a[href]')]
  .filter(a => !a.matches('.bf-next, .bf-prev') && !a.closest('nav, .md-footer'))
  .map(a => new URL(a.href).pathname)
"""


def test_briefings_index_paginates_without_repeats(
    open_page: Callable[..., Visit], briefings_export: list[dict[str, Any]]
) -> None:
    visit = open_page("briefings/")
    page = visit.page
    pages: list[tuple[str, list[str]]] = []
    seen_urls: set[str] = set()
    while True:
        assert page.url not in seen_urls, f"pagination loops back to {page.url}"
        seen_urls.add(page.url)
        slugs: list[str] = []
        for path in page.evaluate(LIST_SLUGS_JS):
            m = BRIEFING_PATH.search(path)
            if m and m.group(1) not in slugs:
                slugs.append(m.group(1))
        assert slugs, f"{page.url} lists no briefings"
        pages.append((page.url, slugs))
        nxt = page.locator("a.bf-next")
        if nxt.count() == 0:
            break
        assert len(pages) < MAX_PAGES, f"more than {MAX_PAGES} index pages"
        before = page.url
        nxt.first.click()
        page.wait_for_url(lambda url, before=before: url != before)
        prev = page.locator("a.bf-prev")
        assert prev.count() > 0, f"{page.url} (page {len(pages) + 1}) has no a.bf-prev link back"
        prev_target = page.evaluate("(a) => a.href", prev.first.element_handle())
        assert prev_target.rstrip("/") == before.rstrip("/"), (
            f"page {len(pages) + 1}'s previous link goes to {prev_target}, not {before}"
        )

    assert len(pages) > 1, "the briefings index is not paginated (one page only, no a.bf-next)"
    first_prev = open_page("briefings/").page.locator("a.bf-prev")
    assert first_prev.count() == 0, "the first index page offers a previous page"

    where: dict[str, list[str]] = {}
    for url, slugs in pages:
        for slug in slugs:
            where.setdefault(slug, []).append(url)
    repeats = {s: urls for s, urls in where.items() if len(urls) > 1}
    assert not repeats, f"briefings listed on more than one index page: {dict(list(repeats.items())[:5])}"
    expected = briefing_slugs(briefings_export)
    missing = sorted(set(expected) - set(where))
    assert not missing, f"{len(missing)} briefings appear on no index page, e.g. {missing[:5]}"
    assert len(where) == len(expected), f"the index lists {len(where)} briefings, the site has {len(expected)}"
