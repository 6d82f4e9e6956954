"""The claims ledger and the Sources page as a reader uses them (issue 17)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browser_support import SpecBriefing, Visit

pytestmark = pytest.mark.browser


def test_a_ledger_row_opens_its_claim_and_the_claim_links_back(open_page: Callable[..., Visit]) -> None:
    visit = open_page("ledger/")
    page = visit.page
    entries = page.locator("article h2[id]")
    assert entries.count() >= 1, "the demo's ledger lists no repeated statement"
    rows = page.locator("table.bf-ledger").first.locator("tbody tr")
    assert rows.count() >= 2, "a ledger entry must list every briefing it appears in (two or more)"
    link = rows.first.locator("td a").first
    href = link.get_attribute("href") or ""
    claim = re.search(r"#(claim-\d+)$", href)
    assert claim, f"a ledger row must link to the claim itself, not {href!r}"
    link.click()
    page.wait_for_load_state("load")
    note = page.locator(f"details#{claim.group(1)}")
    assert note.count() == 1, f"{page.url} has no note {claim.group(1)}"
    assert note.evaluate("d => d.open"), "the claim a ledger row links to is not opened"
    assert note.is_visible()
    back = note.locator(".bf-claim__ledger a")
    assert back.count() == 1, "the claim does not say it is also in other briefings"
    assert re.search(r"Also in \d+ other briefings?", back.inner_text())
    back.click()
    page.wait_for_load_state("load")
    assert "/ledger/" in page.url
    anchor = page.url.split("#", 1)[1] if "#" in page.url else ""
    assert anchor and page.locator(f"[id='{anchor}']").count() == 1, f"the link back lands on no entry ({page.url})"
    assert not visit.problems(), visit.problems()


def test_sources_page_states_its_figures_in_text(open_page: Callable[..., Visit]) -> None:
    visit = open_page("sources/")
    page = visit.page
    headings = page.locator("article h2").all_inner_texts()
    for wanted in ("By outlet", "By tag", "By month", "Most quoted people", "Most quoted organisations"):
        assert wanted in headings, f"the Sources page has no {wanted!r} section ({headings})"
    caption = page.locator("figure.bf-sourcing figcaption").first.inner_text()
    shares = [int(n) for n in re.findall(r"(\d+)% (?:named people|named organisations|unnamed sources|no source given)", caption)]
    assert len(shares) == 4 and 97 <= sum(shares) <= 103, f"the bar's text does not give the four shares: {caption!r}"
    # The bars are decoration: hidden from assistive technology, which reads the text instead.
    bars = page.locator("svg.bf-bar")
    assert bars.count() >= 2
    assert all(b.get_attribute("aria-hidden") == "true" for b in bars.all())
    # Row headers name each outlet for a screen reader walking the table.
    assert page.locator("table.bf-sources-table tbody th[scope=row]").count() >= 1
    assert not visit.problems(), visit.problems()


def test_a_briefing_shows_its_sourcing_bar_with_text(open_page: Callable[..., Visit], spec: SpecBriefing) -> None:
    visit = open_page(spec.path)
    page = visit.page
    caption = page.locator("figure.bf-sourcing figcaption")
    assert caption.count() == 1, f"{spec.path}: no sourcing bar"
    text = caption.inner_text()
    claims = len(spec.record["annotation"]["claims"])
    assert re.search(rf"\b{claims} claims?:", text), f"the bar does not count the briefing's {claims} claims: {text!r}"
    assert "distinct voice" in text, text
    assert page.locator("figure.bf-sourcing svg").get_attribute("aria-hidden") == "true"
    assert not visit.problems(), visit.problems()
