"""The phone layout (390×844, an iPhone 12-14 sized screen): nothing hidden, nothing sideways."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browser_support import INDEX_PATHS, OVERFLOW_JS, SpecBriefing, Visit, page_id

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_phone_reaches_the_entity_sidebar(open_page: Callable[..., Visit], spec: SpecBriefing) -> None:
    visit = open_page(spec.path, **PHONE)
    page = visit.page
    sidebars = page.locator(".bf-entities")
    assert sidebars.count() > 0, "the briefing has no .bf-entities sidebar at all"

    # Reachable from the top: the line under the title links to the box (folded after the first
    # paragraph, so the story comes first) and opens it.
    page.locator(".bf-meta a.bf-names").click()
    reachable = sidebars.filter(visible=True)
    if reachable.count() == 0:
        drawer = page.locator("label.md-header__button[for='__drawer']")
        if drawer.count() and drawer.first.is_visible():
            drawer.first.click()
            page.wait_for_timeout(400)
        reachable = sidebars.filter(visible=True)
    assert reachable.count() > 0, "no .bf-entities sidebar is visible on a 390px screen, even with the drawer open"

    box_el = reachable.first
    box_el.scroll_into_view_if_needed()
    box = box_el.bounding_box()
    assert box is not None and box["width"] > 100, f"the entity sidebar is squeezed to {box}"
    inside = box["x"] >= -1 and box["x"] + box["width"] <= PHONE["width"] + 1
    assert inside, f"the sidebar sticks out of the screen: {box}"

    link = box_el.locator("a", has_text="Zelenskyy").first
    link.scroll_into_view_if_needed()
    assert link.is_visible(), "Zelenskyy's sidebar entry is not visible on a phone"
    link.click()
    page.wait_for_url(re.compile(r"/people/volodymyr-zelenskyy/"))


PHONE_PAGES = ["", "__spec__", "people/volodymyr-zelenskyy/", *INDEX_PATHS]


@pytest.mark.parametrize("path", PHONE_PAGES, ids=page_id)
def test_phone_has_no_horizontal_overflow(open_page: Callable[..., Visit], spec: SpecBriefing, path: str) -> None:
    visit = open_page(spec.path if path == "__spec__" else path, **PHONE)
    assert visit.status == 200, f"{path!r} answered HTTP {visit.status}"
    result = visit.page.evaluate(OVERFLOW_JS)
    assert result["scrollWidth"] <= result["innerWidth"], (
        f"{page_id(path)} scrolls sideways on a phone: scrollWidth {result['scrollWidth']} > "
        f"{result['innerWidth']}; widest offenders: {result['offenders']}"
    )
