"""The claims ledger (core/ledger.py): which claims are one statement, what an entry lists, what is flagged."""

from __future__ import annotations

from datetime import date

import pytest
from growth import assert_linear

from mkdocs_briefings.core.duplicates import Duplicates
from mkdocs_briefings.core.ledger import MAX_CONTAINERS, build_ledger, statement_key
from mkdocs_briefings.core.model import Annotation, Briefing, Claim, SourceInfo, Span, Speaker

NONE = Duplicates((), {})
NAMES = {"jane-doe": "Jane Doe", "john-roe": "John Roe"}


def brief(slug: str, *claims: tuple[str, str | None, str | None], day: int = 1, source: str = "Wire") -> Briefing:
    """A briefing whose text is its claims, each (content, speaker as written or None, entity id or None)."""
    text, out = "", []
    for n, (content, written, entity) in enumerate(claims, 1):
        start = len(text)
        text += content + ". "
        speaker = None
        if written is not None:
            s = len(text)
            text += written + " said. "
            speaker = Speaker(Span(s, s + len(written), written), entity)
        out.append(Claim(f"claim-{n}", "indirect", Span(start, start + len(content), content), speaker=speaker))
    return Briefing(slug, slug, text, Annotation((), tuple(out)), date=date(2020, 1, day),
                    sources=(SourceInfo(f"{slug}.txt", source=source),))


S = "the minister will not resign over the affair"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (S, S, True),
        (S, S.upper(), True),  # case does not matter
        (S, "The minister, will not resign -- over the affair!", True),  # nor punctuation
        (S, "he insisted that " + S + " at all", True),  # one inside the other
        (S + " at all", "he insisted that " + S, False),  # overlapping, neither inside the other: not the same
        (S, "the minister will resign over the affair", False),  # a word less is another statement
        ("will not resign over it", "will not resign over it", False),  # five words: too short to count
        (S, "the minister will not resign over the affair", True),
        (S, "minister will not resign over the affair today", False),  # shifted: neither contains the other
    ],
)
def test_same_statement(a: str, b: str, same: bool) -> None:
    ledger = build_ledger([brief("a", (a, None, None)), brief("b", (b, None, None))], NONE, NAMES)
    assert (len(ledger.entries) == 1) is same
    assert (ledger.entry_of("a", "claim-1") is not None) is same


def test_entry_lists_every_appearance_newest_first_with_the_longest_wording() -> None:
    longer = "she said that " + S + " whatever happens"
    ledger = build_ledger([brief("a", (S, "Jane", "jane-doe"), day=1, source="Wire A"),
                           brief("b", (longer, "she", "jane-doe"), day=3, source="Wire B"),
                           brief("c", ("something else entirely that nobody repeats", None, None))], NONE, NAMES)
    (entry,) = ledger.entries
    assert entry.text == longer
    assert [(a.slug, a.source, a.speaker, a.credit) for a in entry.appearances] == [
        ("b", "Wire B", "she", "named"), ("a", "Wire A", "Jane", "named")]
    assert entry.briefings == ("b", "a") and entry.stories == 2 and entry.flags == ()
    assert entry.id.startswith("s-") and entry.id == build_ledger(
        [brief("x", (longer, None, None)), brief("y", (S, None, None))], NONE, NAMES).entries[0].id


@pytest.mark.parametrize(
    ("speakers", "flags"),
    [
        ([("Jane Doe", "jane-doe"), ("Ms Doe", "jane-doe")], ()),  # one speaker, written two ways
        ([("Jane Doe", "jane-doe"), ("John Roe", "john-roe")], ("speakers",)),
        ([("Jane Doe", "jane-doe"), ("an official", None)], ("named-unnamed",)),
        ([("Jane Doe", "jane-doe"), ("John Roe", "john-roe"), ("aides", None)], ("speakers", "named-unnamed")),
        ([("an official", None), ("aides", None)], ()),  # unnamed in both: nothing to flag
        ([("Jane Doe", "jane-doe"), None], ()),  # no source found is not an unnamed source
        ([("Jane Doe", "jane-doe"), ("Somebody", "somebody")], ()),  # an id without a record: not identified
    ],
)
def test_flags(speakers: list[tuple[str, str | None] | None], flags: tuple[str, ...]) -> None:
    briefings = [brief(f"b{i}", (S, *(sp if sp else (None, None)))) for i, sp in enumerate(speakers)]
    (entry,) = build_ledger(briefings, NONE, NAMES).entries
    assert entry.flags == flags


def test_flagged_entries_come_first() -> None:
    other = "prices will rise again before the end of the year"
    ledger = build_ledger([brief("a", (S, "Jane", "jane-doe"), (other, "x", None), (other + " too", "y", None)),
                           brief("b", (S, "John", "john-roe"), (other, "x", None)),
                           brief("c", (other, "x", None))], NONE, NAMES)
    assert [e.flags for e in ledger.entries] == [("speakers",), ()]


def test_copies_of_one_story_do_not_make_an_entry_but_are_listed() -> None:
    copies = Duplicates((("a", "b"),), {"a": ("b",), "b": ("a",)})
    only_copies = [brief("a", (S, None, None)), brief("b", (S, None, None))]
    assert build_ledger(only_copies, copies, NAMES).entries == ()
    (entry,) = build_ledger([*only_copies, brief("c", (S, None, None))], copies, NAMES).entries
    assert entry.stories == 2 and sorted(entry.briefings) == ["a", "b", "c"]


def test_a_stock_phrase_joins_nothing() -> None:
    """A six-word phrase inside many different statements does not make them one entry."""
    stock = "we will look at this carefully"
    briefings = [brief(f"b{i:03d}", (f"{stock} said minister number {i} and nobody else", None, None))
                 for i in range(MAX_CONTAINERS + 1)]
    briefings.append(brief("z", (stock, None, None)))
    assert build_ledger(briefings, NONE, NAMES).entries == ()


@pytest.mark.parametrize(("text", "key"), [("Don't stop!", ("don", "t", "stop")), ("  ", ()), ("Ünïcode ok", ("ünïcode", "ok"))])
def test_statement_key(text: str, key: tuple[str, ...]) -> None:
    assert statement_key(text) == key


def test_building_the_ledger_grows_linearly() -> None:
    def make(n: int) -> list[Briefing]:
        return [brief(f"b{i:05d}", *((f"statement {i} {j} is made of more than six words here", None, None)
                                     for j in range(5)), (S, "Jane", "jane-doe")) for i in range(n)]

    assert_linear(lambda bs: build_ledger(bs, NONE, NAMES), make, 100)


def test_ledger_pages_print_their_outline_and_paginate() -> None:
    """Every entry is a heading with its outline's id, searched; pages break every LEDGER_PER_PAGE entries."""
    import re

    from mkdocs_briefings.core.corpus import build_corpus
    from mkdocs_briefings.render.ledger import LEDGER_PER_PAGE
    from mkdocs_briefings.render.renderer import Renderer

    n = LEDGER_PER_PAGE + 3
    statements = [f"statement number {i} has more than six words in it" for i in range(n)]
    corpus = build_corpus([brief("a", *((s, None, None) for s in statements)),
                           brief("b", *((s, None, None) for s in statements),  # and a story of its own
                                 *((f"other words {i} {i * 7} {i * 13} of another story", None, None) for i in range(2 * n)))])
    assert corpus.duplicates.groups == () and len(corpus.ledger.entries) == n
    specs = [s for s in Renderer(corpus).pages() if s.src_uri.startswith("ledger/")]
    assert [s.src_uri for s in specs] == ["ledger/index.md", "ledger/page/2.md"]
    assert [len(s.outline.body) for s in specs] == [LEDGER_PER_PAGE, 3]
    heading = re.compile(r'<h2 id="([^"]+)"')
    for spec in specs:
        parts = spec.make()
        ids = [s.id for s in spec.outline.body]
        assert heading.findall(parts.before) == ids and heading.findall(parts.search_before) == ids
        assert spec.outline.ids() <= spec.anchors
    briefing = next(s for s in Renderer(corpus).pages() if s.src_uri == "briefings/a.md").make().after
    assert briefing.count('class="bf-claim__ledger"') == n
    assert '<a href="../../ledger/page/2/#s-' in briefing and "Also in 1 other briefing</a>" in briefing


def test_colliding_entry_ids_stay_unique(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_briefings.core import ledger

    monkeypatch.setattr(ledger, "_entry_id", lambda key: "s-0000000000")  # every statement hashes alike
    other = "prices will rise again before the end of the year"
    found = build_ledger([brief("a", (S, None, None), (other, None, None)),
                          brief("b", (S, None, None), (other, None, None))], NONE, NAMES)
    assert sorted(e.id for e in found.entries) == ["s-0000000000", "s-0000000000-2"]
    assert {found.entry_of("a", "claim-1"), found.entry_of("a", "claim-2")} == {"s-0000000000", "s-0000000000-2"}
