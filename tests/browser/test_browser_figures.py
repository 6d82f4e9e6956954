"""Figures: a reader reads the specification briefing's Figures table, follows a figure to its claim,
then opens the figures ledger and follows a figure back to its briefing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browser_support import SpecBriefing, Visit, describe_violations, run_axe

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def test_figures_table_on_a_briefing(open_page: Callable[..., Visit], spec: SpecBriefing) -> None:
    visit = open_page(spec.path)
    page = visit.page
    table = page.get_by_role("table", name="Numbers the text states")
    assert table.count() == 1, "the specification briefing has no Figures table named by its caption"
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert headers == ["Figure", "Qualifier", "What it counts", "About", "Source"]
    row = table.locator("tbody tr").filter(has_text="civilians died")
    assert row.count() == 1
    cells = [c.strip() for c in row.locator("td").all_inner_texts()]
    assert cells[:3] == ["2000", "more than", "civilians died"]
    assert cells[4].startswith("Ukraine")  # said in a claim: its speaker
    row.locator("a.bf-figures__claim").click()
    page.wait_for_url("**#claim-*")
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1
    page.locator("#figures").scroll_into_view_if_needed()
    violations = [v for v in run_axe(page) if v["impact"] in BLOCKING]
    assert not violations, describe_violations(violations)
    assert not visit.problems(), "\n".join(visit.problems())


def test_figures_ledger_leads_back_to_briefings(open_page: Callable[..., Visit]) -> None:
    visit = open_page("figures/")
    page = visit.page
    assert page.locator("h1").first.inner_text().strip() == "Figures ledger"
    assert page.locator("nav.md-nav--primary a", has_text="Figures ledger").count() > 0, "the figures ledger is not in the nav"
    headings = page.locator("article h2[id^='f-']")
    assert headings.count() > 0, "the demo's figures ledger lists no series"
    first = headings.first.get_attribute("id")
    rows = page.locator(f"h2[id='{first}'] ~ table").first.locator("tbody tr")
    assert rows.count() >= 2
    dates = [r.locator("td").first.inner_text().strip() for r in rows.all()]
    assert dates, "a series lists no figures"
    link = rows.first.locator("td").last.locator("a")
    target = link.get_attribute("href") or ""
    link.click()
    page.wait_for_url("**/briefings/**")
    anchor = target.rsplit("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1, f"{page.url} has no #{anchor}"
    violations = [v for v in run_axe(open_page("figures/").page) if v["impact"] in BLOCKING]
    assert not violations, describe_violations(violations)
    assert not visit.problems(), "\n".join(visit.problems())
