"""Entities as a reader meets them: the sidebar, the entity page, the mention tooltip."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browser_support import (
    IN_VIEWPORT_JS,
    TOOLTIP_STATE_JS,
    SpecBriefing,
    Visit,
    normalise_quotes,
)

pytestmark = pytest.mark.browser

ZELENSKYY = "volodymyr-zelenskyy"
#: A mention: a link in the article's paragraphs that is not a claim number.
MENTION = ":is(.bf-article, .bf-para) > p a:not(sup > a)"
#: A mention's kind is the folder its link leads into.
KIND_OF_FOLDER = {"people": "person", "organisations": "organisation", "places": "place"}
QUOTE = "I don't bite"


def test_sidebar_to_entity_page_to_the_exact_callout(open_page: Callable[..., Visit], spec: SpecBriefing) -> None:
    exported = spec.entity(ZELENSKYY)
    assert exported is not None, f"briefings.json has no entity {ZELENSKYY} in {spec.slug}"
    roles: list[str] = exported.get("roles") or []
    claim = spec.claim_containing(QUOTE)
    assert claim is not None, f"briefings.json has no claim containing {QUOTE!r} in {spec.slug}"

    visit = open_page(spec.path)
    page = visit.page
    # The names box is folded under the first paragraph; the line under the title opens it.
    page.locator(".bf-meta a.bf-names").click()
    sidebar = page.locator(".bf-entities").filter(visible=True).first
    sidebar.wait_for(state="visible")
    link = sidebar.locator("a", has_text="Volodymyr Zelenskyy").first
    link.wait_for(state="visible")
    entry = link.locator("xpath=ancestor::*[self::li or self::tr or self::dt or self::dd][1]")
    entry_text = entry.inner_text() if entry.count() else link.inner_text()
    # The role depends on the engine: checked last so the rest of the journey is still tested.
    role_shown = bool(roles) and any(role.lower() in entry_text.lower() for role in roles)

    link.click()
    page.wait_for_url(re.compile(rf"/people/{ZELENSKYY}/"))

    # His page lists the quote with a link to that exact callout.
    targets = page.evaluate(
        """([slug, quote]) => {
             const norm = (s) => s.replace(/[\\u2018\\u2019]/g, "'");
             return [...document.querySelectorAll('article a[href*="#claim-"]')]
               .filter(a => new URL(a.href).pathname.includes(`/briefings/${slug}/`))
               .filter(a => {
                 const box = a.closest('li, tr, .bf-claim') || a.closest('p, blockquote, figure') || a;
                 return norm(box.textContent).includes(quote);
               })
               .map(a => a.href);
           }""",
        [spec.slug, QUOTE],
    )
    assert targets, f"his entity page lists no {QUOTE!r} linking to briefings/{spec.slug}/#claim-…"
    assert all(t.endswith(f"#{claim['id']}") for t in targets), (
        f"the link(s) {targets} do not point at the callout #{claim['id']}"
    )

    # Other briefings have a claim with the same id: pick the link into this one.
    page.locator(f"article a[href*='/{spec.slug}/#{claim['id']}']").filter(has_text=re.compile(".")).first.click()
    page.wait_for_url(re.compile(rf"/briefings/{re.escape(spec.slug)}/#{claim['id']}$"))
    callout = page.locator(f"[id='{claim['id']}']")
    assert callout.count() == 1, f"the briefing has {callout.count()} elements with id {claim['id']}"
    assert "bf-note" in (callout.get_attribute("class") or ""), "the anchor target is not a claim's .bf-note"
    # Opening the link opens the claim's details in place; its words are the highlighted text it links from.
    page.wait_for_function("(el) => el.open", arg=callout.element_handle(), timeout=10_000)
    assert "Zelenskyy" in callout.inner_text(), "the opened note does not name the speaker"
    mark = page.locator(f"mark:has(+ sup > a[href='#{claim['id']}'])")
    assert QUOTE in normalise_quotes(mark.inner_text()), "the claim's number does not follow its highlighted words"
    page.wait_for_function(IN_VIEWPORT_JS, arg=callout.element_handle(), timeout=10_000)

    assert roles, f"the engine gave {ZELENSKYY} no role in {spec.slug} (the text calls him Ukrainian President)"
    assert role_shown, f"the sidebar entry {entry_text!r} does not show any of his roles {roles}"


def _tip_words(tip: str) -> str:
    return normalise_quotes(tip).lower()


def test_mention_tooltip_on_hover_and_keyboard_focus(open_page: Callable[..., Visit], spec: SpecBriefing) -> None:
    exported = spec.entity(ZELENSKYY)
    assert exported is not None, f"briefings.json has no entity {ZELENSKYY} in {spec.slug}"
    roles: list[str] = exported.get("roles") or []
    visit = open_page(spec.path)
    page = visit.page
    url_before = page.url

    mention = page.locator(f"article {MENTION}[href*='/people/']", has_text="Zelenskyy").first
    mention.scroll_into_view_if_needed()
    handle = mention.element_handle()
    assert page.evaluate(TOOLTIP_STATE_JS, handle) is None, "the tooltip shows before any hover or focus"
    # The markup holds what the kind does not say (data-tip: his role, and his full name where the
    # text shortens it); the script makes aria-label from the kind and data-tip. No title: a
    # native tooltip would show a second box on top of ours.
    tip_attr = mention.get_attribute("data-tip") or ""
    label = mention.get_attribute("aria-label") or ""
    assert tip_attr and tip_attr in label and "person" in label.lower(), f"data-tip={tip_attr!r}, aria-label={label!r}"
    assert mention.get_attribute("title") is None

    mention.hover()
    page.wait_for_function(f"(el) => ({TOOLTIP_STATE_JS})(el) !== null", arg=handle, timeout=5_000)
    tip = page.evaluate(TOOLTIP_STATE_JS, handle)
    words = _tip_words(tip["text"])
    assert "person" in words, f"hover tooltip {tip['text']!r} does not give the kind"
    hover_tip = tip["text"]
    assert page.url == url_before, "hovering a mention left the page"

    # Keyboard: Tab from the top of the page until a mention has focus.
    page.mouse.move(0, 0)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => !!(document.activeElement && document.activeElement.matches({MENTION!r}))"):
            break
    else:
        pytest.fail("400 presses of Tab never reached an entity mention")
    focused = page.evaluate_handle("() => document.activeElement")
    page.wait_for_function(f"(el) => ({TOOLTIP_STATE_JS})(el) !== null", arg=focused, timeout=5_000)
    tip = page.evaluate(TOOLTIP_STATE_JS, focused)
    href = str(page.evaluate("(el) => el.getAttribute('href')", focused))
    kind = next((k for folder, k in KIND_OF_FOLDER.items() if f"/{folder}/" in href), "other")
    assert kind in _tip_words(tip["text"]), (
        f"keyboard-focus tooltip {tip['text']!r} does not give the kind {kind!r}"
    )
    assert page.url == url_before, "tabbing to a mention left the page"

    # The role depends on the engine: checked last so the tooltip mechanics are tested regardless.
    assert roles, f"the engine gave {ZELENSKYY} no role in {spec.slug} (the text calls him Ukrainian President)"
    assert any(r.lower() in _tip_words(hover_tip) for r in roles), (
        f"hover tooltip {hover_tip!r} gives none of his roles {roles}"
    )
