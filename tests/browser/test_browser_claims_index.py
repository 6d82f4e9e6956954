"""The claims index filters by kind and by badge, and its count tells the truth."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from browser_support import Visit

pytestmark = pytest.mark.browser

#: What the rows show right now: how many, and their kinds and badges.
ROWS_JS = """
() => {
  const rows = [...document.querySelectorAll('.bf-claim-rows > li')];
  const shown = rows.filter(r => r.checkVisibility ? r.checkVisibility() : r.offsetParent !== null);
  const facts = (r) => ({kind: r.dataset.kind || '', badges: (r.dataset.badges || '').split(/\\s+/).filter(Boolean)});
  return {total: rows.length, shown: shown.map(facts), all: rows.map(facts)};
}
"""


def shown_count(page: Any) -> int:
    """The number the page tells the reader: the first number of `.bf-claim-count`."""
    text = page.locator(".bf-claim-count").first.inner_text()
    match = re.search(r"\d[\d,]*", text)
    assert match, f".bf-claim-count says {text!r}: no number"
    return int(match.group(0).replace(",", ""))


def set_filter(page: Any, value: str, on: bool) -> None:
    """Turn the control for `value` (a kind or a badge) on or off, whatever its form.

    A `<select>` offering the value is chosen (or reset to its first option
    to turn it off); a checkbox or radio with that value is (un)checked; a
    button naming it in `data-filter`/`data-kind`/`data-badge` is clicked.
    """
    select = page.locator(f"select:has(option[value='{value}'])")
    if select.count():
        if on:
            select.first.select_option(value)
        else:
            first = select.first.locator("option").first.get_attribute("value") or ""
            select.first.select_option(first)
        return
    box = page.locator(f"input[type=checkbox][value='{value}'], input[type=radio][value='{value}']")
    if box.count():
        box.first.set_checked(on)
        return
    button = page.locator(f"button[data-filter='{value}'], button[data-kind='{value}'], button[data-badge='{value}']")
    if button.count():
        pressed = button.first.get_attribute("aria-pressed") == "true"
        if pressed != on:
            button.first.click()
        return
    pytest.fail(f"the claims index has no filter control for {value!r}")


def check_consistent(page: Any, what: str) -> dict[str, Any]:
    """The count shown equals the rows shown; returns the rows for further checks."""
    page.wait_for_timeout(100)
    rows = page.evaluate(ROWS_JS)
    assert shown_count(page) == len(rows["shown"]), (
        f"{what}: .bf-claim-count says {shown_count(page)}, {len(rows['shown'])} rows are shown"
    )
    return rows


def test_claims_index_filters_and_counts(open_page: Callable[..., Visit]) -> None:
    # The index is paginated by speaker (named speakers A-Z, unnamed sources
    # last); the first page mixes hedged and unhedged claims of named speakers.
    visit = open_page("claims/")
    page = visit.page
    rows = check_consistent(page, "unfiltered")
    assert rows["total"] > 0, "the claims index has no rows (.bf-claim-rows > li)"
    assert len(rows["shown"]) == rows["total"], "not every claim is shown before any filter is set"

    # Badge filters: exactly the rows carrying the badge stay.
    for badge in ("unnamed", "unverified", "hedged"):
        set_filter(page, badge, True)
        rows = check_consistent(page, f"badge {badge}")
        assert all(badge in r["badges"] for r in rows["shown"]), f"badge {badge}: rows without it are shown"
        expected = sum(badge in r["badges"] for r in rows["all"])
        assert len(rows["shown"]) == expected, f"badge {badge}: {len(rows['shown'])} shown of {expected} carrying it"
        set_filter(page, badge, False)
        rows = check_consistent(page, f"badge {badge} reset")
        assert len(rows["shown"]) == rows["total"], f"resetting the {badge} filter does not show every claim again"

    some_hedged = sum("hedged" in r["badges"] for r in rows["all"])
    assert 0 < some_hedged < rows["total"], (
        f"{some_hedged} of {rows['total']} claims are hedged: the filter cannot be shown to work"
    )

    # Kind filters: drop direct quotes, only the other kinds stay.
    kinds = sorted({r["kind"] for r in rows["all"]})
    assert "direct" in kinds and len(kinds) > 1, f"the claims index has kinds {kinds}"
    set_filter(page, "direct", False)
    rows = check_consistent(page, "without direct quotes")
    assert rows["shown"] and all(r["kind"] != "direct" for r in rows["shown"]), "hiding direct quotes did not hide them"
    assert len(rows["shown"]) == sum(r["kind"] != "direct" for r in rows["all"])

    # Both at once: hedged reported/mixed claims.
    set_filter(page, "hedged", True)
    rows = check_consistent(page, "without direct quotes, hedged only")
    assert all(r["kind"] != "direct" and "hedged" in r["badges"] for r in rows["shown"])
