"""Across briefings (issue 17) in a real build: duplicate stories, the claims ledger, every new link resolving.

The project holds the specification article twice (a copy re-filed under
another name and date, its headline changed), two other briefings that
share people with it, and a short story (written for this test) that
repeats two of its quotes, crediting one to an unnamed official and the
other to someone else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_links import broken_links

REPO = Path(__file__).resolve().parents[2]
SPEC_SEED = "2022-03-04-zelenskyy-challenges-putin-to-talks.txt"
SPEC_SLUG = "zelenskyy-challenges-putin-to-talks"

COPY = "2022-03-05-zelenskyy-repeats-call-for-talks.txt"
OTHERS = (
    "2020-01-18-ukrainian-president-rejects-prime-minister-s-resignation.txt",
    "2020-01-13-iran-admits-downing-ukrainian-jet-cites-human-error.txt",
)


ECHO = "2022-03-06-moscow-dismisses-offer.txt"
ECHO_TEXT = """---
title: Moscow dismisses the offer
date: 2022-03-06
source: Test Wire
---
Officials in Moscow dismissed the offer on Sunday.
"Sit down with me to negotiate, just not at 30 metres," a senior Ukrainian official told reporters, describing the president's message.
"I don't bite. What are you afraid of?" Kremlin spokesman Dmitry Peskov said, mocking the remark.
Mr Peskov spoke to reporters in Moscow.
The talks are expected to resume next week in Belarus, officials said.
"""


def repo_seed(name: str) -> str:
    return (REPO / "seeds" / name).read_text(encoding="utf-8")


def _retitled(seed: str, title: str) -> str:
    return re.sub(r"(?m)^title: .*$", f"title: {title}", seed, count=1)


@pytest.fixture(scope="module")
def site(session_builder) -> Path:
    spec = repo_seed(SPEC_SEED)
    seeds = {SPEC_SEED: spec, COPY: _retitled(spec, "Zelenskyy repeats his call for talks"),
             ECHO: ECHO_TEXT, **{name: repo_seed(name) for name in OTHERS}}
    return session_builder("across", seeds=seeds, plugin={"min_briefings": 2})


def _page(site: Path, slug: str) -> str:
    return (site / "briefings" / slug / "index.html").read_text(encoding="utf-8")


def test_copies_say_same_story_and_link_each_other(site: Path) -> None:
    """The copy was re-filed under a new headline: each lists the other as a version of its story, saying so."""
    spec = _page(site, SPEC_SEED.removesuffix(".txt"))
    copy = _page(site, COPY.removesuffix(".txt"))
    assert re.search(r'class="bf-same-story[^"]*"[^>]*>Other versions of this story: '
                     r'<a href="\.\./2022-03-05-zelenskyy-repeats-call-for-talks/">'
                     r"Zelenskyy repeats his call for talks</a> \(4 March 2022; new headline\)\.", spec)
    assert 'Other versions of this story: <a href="../2022-03-04-zelenskyy-challenges-putin-to-talks/">' in copy
    assert "Same story as" not in spec + copy  # the headline differs: not an exact copy
    for name in OTHERS:  # the other briefings are different stories
        assert "bf-same-story" not in _page(site, name.removesuffix(".txt"))


def test_related_briefings_never_list_a_copy(site: Path) -> None:
    spec = _page(site, SPEC_SEED.removesuffix(".txt"))
    related = spec.split('id="related-briefings"', 1)[1].split("</ul>", 1)[0] if 'id="related-briefings"' in spec else ""
    assert COPY.removesuffix(".txt") not in related


def test_every_link_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_export_lists_duplicate_groups(site: Path) -> None:
    import json

    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert data["duplicates"] == [sorted([SPEC_SEED.removesuffix(".txt"), COPY.removesuffix(".txt")])]


def _ledger(site: Path) -> str:
    return (site / "ledger" / "index.html").read_text(encoding="utf-8")


def test_ledger_lists_each_statement_with_every_appearance_and_flags(site: Path) -> None:
    ledger = _ledger(site)
    assert "Statements of six words or more" in ledger and "2 credited to different sources come first" in ledger
    sit = ledger.split("Sit down with me to negotiate", 1)[1].split("</table>", 1)[0]
    assert "In 3 briefings (2 stories; the others are copies)" in sit
    assert "Flag: credited to a named speaker in one briefing and an unnamed source in another." in sit
    assert "Unnamed source: “a senior Ukrainian official”" in sit
    assert '<td data-credit="named"><a href="../people/volodymyr-zelenskyy/">Volodymyr Zelenskyy</a>' in sit
    for stem in (SPEC_SEED, COPY, ECHO):  # each appearance links to the claim on its briefing
        assert f'href="../briefings/{stem.removesuffix(".txt")}/#claim-' in sit
    bite = ledger.split("I don&#39;t bite", 1)[1].split("</table>", 1)[0]
    assert "Flag: credited to different speakers." in bite and "Dmitry Peskov" in bite
    assert "Test Wire" in bite


def test_claim_says_also_in_n_briefings_and_links_its_entry(site: Path) -> None:
    echo = _page(site, ECHO.removesuffix(".txt"))
    assert re.search(r'<p class="bf-claim__ledger"><a href="\.\./\.\./ledger/#s-[0-9a-f]{10}">Also in 2 other briefings</a>',
                     echo)
    other = _page(site, OTHERS[0].removesuffix(".txt"))
    assert "bf-claim__ledger" not in other  # nothing of it is repeated elsewhere


def test_ledger_is_in_the_nav_and_searchable(site: Path) -> None:
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d for d in index["docs"] if d["location"].startswith("ledger/#s-")]
    assert hits and any("Sit down with me to negotiate" in d["title"] for d in hits)
    assert 'href="ledger/"' in (site / "index.html").read_text(encoding="utf-8")


def test_export_holds_the_ledger(site: Path) -> None:
    import json

    ledger = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["ledger"]
    assert [e["flags"] for e in ledger] == [["named-unnamed"], ["speakers"]]
    sit = ledger[0]
    assert sit["stories"] == 2 and sit["statement"].startswith("Sit down with me")
    assert {(a["briefing"], a["speaker"]["credit"]) for a in sit["appearances"]} == {
        (ECHO.removesuffix(".txt"), "unnamed"), (SPEC_SEED.removesuffix(".txt"), "named"),
        (COPY.removesuffix(".txt"), "named")}
    assert set(sit["appearances"][0]) == {"briefing", "claim", "text", "date", "source", "speaker"}


def test_briefing_shows_its_sourcing_bar_with_figures_in_text(site: Path) -> None:
    echo = _page(site, ECHO.removesuffix(".txt"))
    figure = echo.split('<figure class="bf-sourcing">', 1)[1].split("</figure>", 1)[0]
    words = figure.split("<figcaption>", 1)[1]
    # Peskov twice (said; mocking the remark), and four unnamed: "Officials in Moscow",
    # "a senior Ukrainian official" twice, "officials"
    assert ("6 claims: 33% named people, 0% named organisations, 67% unnamed sources, 0% no source given; "
            "0% hedged; 2 direct, 4 reported, 0 mixed; 4 distinct voices.") in words
    svg = figure.split("</svg>", 1)[0]
    assert 'aria-hidden="true"' in svg  # the caption is its text alternative: read once
    assert svg.count("<rect") == 2  # no empty rectangle for organisations or "no source given"


def test_sources_page(site: Path) -> None:
    page = (site / "sources" / "index.html").read_text(encoding="utf-8")
    for anchor in ("by-outlet", "by-tag", "by-month", "most-quoted-people", "most-quoted-organisations"):
        assert f'id="{anchor}"' in page
    assert '<th scope="row">Test Wire</th><td>1</td><td>6</td>' in page
    assert '<th scope="row">2022-03</th>' in page and '<th scope="row">ukraine</th>' in page
    people = page.split('id="most-quoted-people"', 1)[1].split("</ol>", 1)[0]
    assert '<a href="../people/volodymyr-zelenskyy/">Volodymyr Zelenskyy</a>' in people
    assert 'href="sources/"' in (site / "index.html").read_text(encoding="utf-8")  # in the nav


def test_export_holds_sourcing_profiles(site: Path) -> None:
    import json

    sourcing = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["sourcing"]
    echo = sourcing["briefings"][ECHO.removesuffix(".txt")]
    assert (echo["claims"], echo["people"], echo["organisations"], echo["unnamed"], echo["none"], echo["voices"]) == (
        6, 2, 0, 4, 0, 4)  # "Officials in Moscow" is an unnamed source, not the city
    assert sourcing["outlets"]["Test Wire"] == echo
    assert set(sourcing) == {"briefings", "outlets", "tags", "months"} and "2022-03" in sourcing["months"]


def test_entity_page_says_what_was_said_about_it(site: Path) -> None:
    putin = (site / "people" / "vladimir-putin" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="said-about">Said about</h2>' in putin
    about = putin.split('id="said-about"', 1)[1].split("</ul>", 1)[0]
    assert f'href="../../briefings/{SPEC_SEED.removesuffix(".txt")}/#claim-' in about


def test_export_says_what_was_said_about_each_entity_as_its_page_does(site: Path) -> None:
    import json
    import re

    about = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["said_about"]
    refs = about["vladimir-putin"]
    page = (site / "people" / "vladimir-putin" / "index.html").read_text(encoding="utf-8")
    listed = page.split('id="said-about"', 1)[1].split("</ul>", 1)[0]
    shown = re.findall(r'href="../../briefings/([a-z0-9-]+)/#(claim-\d+)"', listed)
    assert shown and [(r["briefing"], r["claim"]) for r in refs] == shown
    assert list(about) == sorted(about)  # deterministic order
    assert all(r["briefing"] and r["claim"].startswith("claim-") for rs in about.values() for r in rs)


def test_specification_briefing_carries_claim_review(spec_site: Path) -> None:
    """The demo's overlay marks two casualty figures "unverified": each is a ClaimReview on the page."""
    import json

    page = next((spec_site / "briefings").glob(f"*{SPEC_SLUG}/index.html")).read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    reviews = [r for s in scripts for r in (json.loads(s) if s.startswith("[") else [])]
    claimed = sorted(r["claimReviewed"] for r in reviews)  # the claims the overlay's quotes fall in
    assert len(claimed) == 2 and "more than 2000 civilians have died" in claimed[0]
    assert "nearly 500 of its troops have been killed" in claimed[1]
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {"Unverified"}
    assert all(r["@type"] == "ClaimReview" and r.get("reviewBody") for r in reviews)
    assert broken_links(spec_site) == []
