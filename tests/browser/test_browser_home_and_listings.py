"""The demo's home page and listings that fit a screen (issue 15).

The home page (docs/index.md asks for it) lists the latest ten briefings,
the counts and ways in; the claims index holds at most 100 claims a page,
its filters still work, they stay set from page to page, and the count says
how many claims match on all pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from browser_support import Visit

pytestmark = pytest.mark.browser

MAX_CLAIMS_PER_PAGE = 100


def every_count(page: Any) -> int:
    return int(page.locator(".bf-claim-count [data-every-count]").inner_text().replace(",", ""))


def test_home_lists_the_latest_ten(open_page: Callable[..., Visit], briefings_export: list[dict[str, Any]]) -> None:
    page = open_page("").page
    items = page.locator(".bf-home-latest > li")
    assert items.count() == 10, f"the home page lists {items.count()} briefings, not the latest 10"
    dated = sorted((b for b in briefings_export if b.get("date")), key=lambda b: (b["date"], b["slug"]), reverse=True)
    hrefs = [items.nth(i).locator("a.bf-list__title").get_attribute("href") or "" for i in range(10)]
    dates = [items.nth(i).locator(".bf-date").inner_text() for i in range(10)]
    assert dated[0]["slug"] in hrefs[0], f"the newest briefing {dated[0]['slug']} is not first: {hrefs[0]}"
    assert all(d and d != "Undated" for d in dates)
    for i in range(10):  # a line (summary or lead) under each
        assert items.nth(i).locator(".bf-lead").inner_text().strip(), f"briefing {i + 1} has no line under it"
    counts = {w: int(n.replace(",", "")) for n, w in re.findall(
        r"([\d,]+) (\w+)", page.locator(".bf-home-counts").inner_text())}
    assert counts["briefings"] == len(briefings_export)
    assert counts["people"] > 0 and counts["organisations"] > 0 and counts["places"] > 0 and counts["claims"] > 0
    # Ways in: every index, and search.
    for target in ("briefings/", "people/", "organisations/", "places/", "claims/"):
        assert page.locator(f".bf-home-counts a[href$='{target}']").count() == 1, target
    page.locator("#bf-home-q").fill("Zelenskyy")
    page.locator(".bf-home-search button").click()
    page.wait_for_url(re.compile(r"\?q=Zelenskyy"))
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=30_000)
    assert "zelenskyy" in result.inner_text().lower(), "searching from the home page found nothing for Zelenskyy"


def test_claims_index_pages_hold_at_most_100(open_page: Callable[..., Visit]) -> None:
    page = open_page("claims/").page
    rows = page.locator(".bf-claim-rows > li").count()
    print(f"\nclaims index page 1: {rows} claims")
    assert 0 < rows <= MAX_CLAIMS_PER_PAGE, f"the claims index's first page holds {rows} claims"
    pages = page.locator("nav.bf-pages").first.locator(".bf-page").count()
    total = every_count(page)
    assert pages >= -(-total // MAX_CLAIMS_PER_PAGE), f"{total} claims on {pages} pages"


def test_claims_filters_count_all_pages_and_stay_set(open_page: Callable[..., Visit]) -> None:
    page = open_page("claims/").page
    total = every_count(page)
    page.locator("select[name='badge']").select_option("unnamed")
    unnamed = every_count(page)
    assert 0 < unnamed < total, f"unnamed sources match {unnamed} of {total} claims on all pages"
    page.locator("input[name='kind'][value='direct']").set_checked(False)
    fewer = every_count(page)
    assert fewer <= unnamed
    # The next page keeps the choice: its rows are filtered the same way, and it says the same total.
    page.locator("nav.bf-pages").first.locator("a.bf-page", has_text=re.compile(r"^2$")).click()
    page.wait_for_url(re.compile(r"/claims/page/2/"))
    assert page.locator("select[name='badge']").input_value() == "unnamed"
    assert not page.locator("input[name='kind'][value='direct']").is_checked()
    assert every_count(page) == fewer
    shown = page.evaluate("() => [...document.querySelectorAll('.bf-claim-rows > li:not([hidden])')]"
                          ".map(r => [r.dataset.kind, r.dataset.badges || ''])")
    assert all(kind != "direct" and "unnamed" in badges.split() for kind, badges in shown)


def test_entity_said_gives_each_briefing_once(open_page: Callable[..., Visit]) -> None:
    page = open_page("people/volodymyr-zelenskyy/").page
    titles = page.locator(".bf-said-title a").evaluate_all("(as) => as.map(a => a.getAttribute('href'))")
    assert titles and len(titles) == len(set(titles)), "a briefing's title is given more than once under Said"
    assert page.locator(".bf-roles .bf-role--main").count() == 1
