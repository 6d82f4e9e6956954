"""The cross-briefing index, on hand-built briefings (no engine involved)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from mkdocs_briefings.core.corpus import Corpus, build_corpus, newest_first
from mkdocs_briefings.core.entity_pages import Thresholds, earns_page, fitted_thresholds, letter_of
from mkdocs_briefings.core.entity_records import EntityRecord
from mkdocs_briefings.core.kinds import MIN_BRIEFINGS, PAGE_DIRS
from mkdocs_briefings.core.model import RegisterEntry
from mkdocs_briefings.render.paths import briefing_page, entity_link, entity_listing, entity_page, letter_slug


def link_of(corpus: Corpus, entity_id: str | None) -> str | None:
    """Where a mention of an entity links to ("path" or "path#anchor"), or None (no record, or no pages for its kind)."""
    rec = corpus.record(entity_id)
    return entity_link(rec) if rec else None


@pytest.mark.parametrize(
    ("kind", "entity_id", "expected"),
    [
        ("person", "volodymyr-zelenskyy", "people/volodymyr-zelenskyy.md"),
        ("organisation", "nato", "organisations/nato.md"),
        ("place", "kherson", "places/kherson.md"),
        ("group", "ukrainians", None),
        ("other", "covid-19", None),
        ("person", "index", "people/index-.md"),  # never the folder's index page
        ("place", "page", "places/page-.md"),  # nor a pagination folder
    ],
)
def test_entity_page(kind: str, entity_id: str, expected: str | None) -> None:
    """Where an entity's page goes, for an entity that earns one under the default policy."""
    has_page = earns_page(kind, briefings=20, registered=False)
    assert has_page is (expected is not None)
    assert entity_page(EntityRecord(entity_id, "Name", kind, has_page)) == expected


@pytest.mark.parametrize(
    ("kind", "briefings", "registered", "min_briefings", "expected"),
    [
        # The default (None here): people from 10 briefings, organisations and places from 20.
        ("person", 9, False, None, None),
        ("person", 10, False, None, "people/christopher-wray.md"),
        ("person", 15, False, None, "people/christopher-wray.md"),
        ("organisation", 19, False, None, None),
        ("organisation", 20, False, None, "organisations/christopher-wray.md"),
        ("place", 19, False, None, None),
        ("place", 20, False, None, "places/christopher-wray.md"),
        ("person", 1, True, None, "people/christopher-wray.md"),
        ("place", 1, True, None, "places/christopher-wray.md"),
        # min_briefings 1: every name of a page kind has a page.
        ("person", 1, False, 1, "people/christopher-wray.md"),
        ("organisation", 1, False, 1, "organisations/christopher-wray.md"),
        ("person", 0, False, 1, None),
        # min_briefings 2 and 3: the threshold is inclusive, the same for every kind.
        ("person", 1, False, 2, None),
        ("person", 2, False, 2, "people/christopher-wray.md"),
        ("place", 2, False, 3, None),
        ("place", 3, False, 3, "places/christopher-wray.md"),
        # A number per kind; a kind left out keeps its default.
        ("person", 3, False, {"person": 3}, "people/christopher-wray.md"),
        ("place", 3, False, {"person": 3}, None),
        ("place", 20, False, {"person": 3}, "places/christopher-wray.md"),
        ("place", 5, False, {"place": 5}, "places/christopher-wray.md"),
        ("person", 5, False, {"place": 5}, None),
        # A register entry earns a page whatever the count.
        ("person", 1, True, 2, "people/christopher-wray.md"),
        ("organisation", 1, True, 3, "organisations/christopher-wray.md"),
        ("place", 0, True, 3, "places/christopher-wray.md"),
        # Kinds without pages never get one, registered or not, however often named.
        ("group", 5, False, 1, None),
        ("group", 5, True, 1, None),
        ("other", 9, True, 2, None),
        ("unknown-kind", 9, True, 1, None),
    ],
)
def test_entity_page_policy(kind: str, briefings: int, registered: bool, min_briefings: Thresholds | None,
                            expected: str | None) -> None:
    args = (kind, briefings, registered)
    got = earns_page(*args) if min_briefings is None else earns_page(*args, min_briefings=min_briefings)
    assert got is (expected is not None)
    assert entity_page(EntityRecord("christopher-wray", "Christopher Wray", kind, got)) == expected


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("person", "Christopher Wray", "people/a-z/c.md"),
        ("person", "christopher wray", "people/a-z/c.md"),  # case-insensitive letter
        ("person", "  Jane Doe", "people/a-z/j.md"),  # leading space ignored
        ("person", "Émile Zola", "people/a-z/e.md"),  # accents fold to their letter
        ("organisation", "3M", "organisations/a-z/other.md"),  # digits file under '#'
        ("organisation", "“Quoted” Ltd", "organisations/a-z/other.md"),  # so do symbols
        ("place", "Zürich", "places/a-z/z.md"),
        ("group", "Ukrainians", None),  # kinds without pages have no listing
        ("other", "COVID-19", None),
    ],
)
def test_entity_listing(kind: str, name: str, expected: str | None) -> None:
    assert entity_listing(kind, name) == expected


@pytest.mark.parametrize(
    ("name", "letter", "slug"),
    [("Christopher Wray", "C", "c"), ("émile", "E", "e"), ("42nd Street", "#", "other"), ("", "#", "other"),
     ("-dash", "#", "other"), ("Łukasz", "L", "l"), ("Øresund", "O", "o"), ("Людмила", "L", "l"),
     ("Ελλάδα", "E", "e"), ("习近平", "X", "x"), ("☃", "#", "other")],
)
def test_letter_of_and_slug(name: str, letter: str, slug: str) -> None:
    assert letter_of(name) == letter
    assert letter_slug(letter) == slug


@pytest.mark.parametrize(("slug", "expected"), [("a-b", "briefings/a-b.md"), ("index", "briefings/index-.md"),
                                                  ("page", "briefings/page-.md")])
def test_briefing_page(slug: str, expected: str) -> None:
    assert briefing_page(slug) == expected


def test_newest_first_puts_undated_last(make_briefing) -> None:
    bs = [
        make_briefing("old", "x", date=date(2019, 1, 1)),
        make_briefing("undated-b", "x"),
        make_briefing("new", "x", date=date(2020, 1, 1)),
        make_briefing("undated-a", "x"),
        make_briefing("same-day", "x", date=date(2020, 1, 1)),
    ]
    assert [b.slug for b in newest_first(bs)] == ["new", "same-day", "old", "undated-a", "undated-b"]


@pytest.fixture
def corpus(make_briefing):
    zel = ("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", ["Ukrainian President"], ["Volodymyr Zelenskyy", "Zelenskyy"])
    putin = ("vladimir-putin", "Vladimir Putin", "person", ["Russian President"], ["Vladimir Putin"])
    kherson = ("kherson", "Kherson", "place", [], ["Kherson"])
    a = make_briefing(
        "a",
        "Volodymyr Zelenskyy met Vladimir Putin. Then Zelenskyy spoke.\n\"I don't bite,\" Zelenskyy said.\n"
        "\"No,\" an official said.\nKherson fell.",
        [zel, putin, kherson],
        [
            {"content": "I don't bite,", "cue": "said", "speaker": "Zelenskyy", "entity": "volodymyr-zelenskyy"},
            {"content": "No,", "speaker": "an official", "entity": None, "hedges": ["reportedly"]},
            {"content": "Kherson fell", "kind": "indirect"},
        ],
        date=date(2022, 3, 4),
    )
    b = make_briefing("b", "Zelenskyy visited Kherson. Kherson is a port.", [
        ("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", [], ["Zelenskyy"]),
        ("kherson", "Kherson", "organisation", [], ["Kherson"]),
    ], date=date(2020, 1, 1))
    c = make_briefing("c", "Kherson again.", [("kherson", "Kherson", "place", [], ["Kherson"])])
    d = make_briefing("d", "Nothing shared here.")
    register = (RegisterEntry("Vladimir Putin", "person", ("Putin",), "President of *Russia*.", ("https://example.org/putin",)),)
    return build_corpus([d, c, b, a], register, min_briefings=2)  # Zelenskyy (2 briefings) has a page


def test_entity_records(corpus) -> None:
    zel = corpus.entities["volodymyr-zelenskyy"]
    assert entity_page(zel) == "people/volodymyr-zelenskyy.md"
    assert zel.aliases == ("Zelenskyy",)
    assert zel.roles == ("Ukrainian President",)
    assert [a.slug for a in zel.appearances] == ["a", "b"]  # newest first
    first = zel.appearances[0]
    assert first.sentence == "Volodymyr Zelenskyy met Vladimir Putin."
    assert first.sentence[first.mention.start:first.mention.end] == "Volodymyr Zelenskyy"
    assert first.count == 3
    assert [(r.slug, r.claim.content.text) for r in zel.said] == [("a", "I don't bite,")]
    assert corpus.entities["vladimir-putin"].register is not None


def test_kind_is_decided_by_majority(corpus) -> None:
    kherson = corpus.entities["kherson"]
    assert kherson.kind == "place"  # 2 briefings say place, 1 says organisation
    assert entity_page(kherson) == "places/kherson.md"
    assert kherson.briefing_count == 3


def test_register_kind_wins(make_briefing) -> None:
    b = make_briefing("x", "Georgia voted.", [("georgia", "Georgia", "place", [], ["Georgia"])])
    reg = (RegisterEntry("Georgia", "organisation"),)
    assert build_corpus([b], reg).entities["georgia"].kind == "organisation"


def test_speaker_groups(corpus) -> None:
    groups = [(g.key, g.label, len(g.claims)) for g in corpus.speakers]
    assert groups == [
        ("volodymyr-zelenskyy", "Volodymyr Zelenskyy", 1),
        ("~unnamed", "Unnamed sources", 1),
        ("~unattributed", "No source given", 1),
    ]
    assert corpus.claim_count() == 3


def test_related_ranked_by_shared_entities(corpus) -> None:
    related = corpus.related["a"]
    assert [(r.slug, r.shared) for r in related] == [("b", ("kherson", "volodymyr-zelenskyy")), ("c", ("kherson",))]
    assert corpus.related["d"] == ()


def test_companions(corpus) -> None:
    assert corpus.entities["kherson"].companions[0] == ("volodymyr-zelenskyy", 2)


def test_indexes_by_kind(corpus) -> None:
    assert [r.id for r in corpus.by_kind("person")] == ["vladimir-putin", "volodymyr-zelenskyy"]
    assert link_of(corpus, "kherson") == "places/kherson.md"  # an entity with a page links to it
    assert link_of(corpus, "vladimir-putin") == "people/vladimir-putin.md"  # one briefing, but registered
    assert link_of(corpus, "nobody") is None
    assert link_of(corpus, None) is None


def test_input_order_does_not_matter(make_briefing, corpus) -> None:
    bs = list(corpus.by_slug.values())
    random.Random(7).shuffle(bs)
    again = build_corpus(bs, (RegisterEntry("Vladimir Putin", "person", ("Putin",), "President of *Russia*.",
                                            ("https://example.org/putin",)),), min_briefings=2)
    assert again == corpus


def test_empty_corpus() -> None:
    c = build_corpus([])
    assert c.briefings == () and c.entities == {} and c.speakers == ()


@pytest.fixture
def once_and_twice(make_briefing):
    """Wray is named in one briefing, Doe in two, 3M (an organisation) in one, the Ukrainians (a group) in one."""
    wray = ("christopher-wray", "Christopher Wray", "person", ["FBI Director"], ["Christopher Wray", "Wray"])
    doe = ("jane-doe", "Jane Doe", "person", [], ["Jane Doe"])
    three_m = ("3m", "3M", "organisation", [], ["3M"])
    ukr = ("ukrainians", "Ukrainians", "group", [], ["Ukrainians"])
    a = make_briefing("a", "Christopher Wray met Jane Doe. \"Fine,\" Wray said. 3M and Ukrainians agreed.",
                      [wray, doe, three_m, ukr],
                      [{"content": "Fine,", "speaker": "Wray", "entity": "christopher-wray"}], date=date(2020, 1, 2))
    b = make_briefing("b", "Jane Doe left.", [doe], date=date(2020, 1, 1))
    return [a, b]


def test_entity_in_one_briefing_is_served_by_its_listing(once_and_twice) -> None:
    corpus = build_corpus(once_and_twice, min_briefings=2)
    wray = corpus.entities["christopher-wray"]
    assert not wray.has_page and entity_page(wray) is None
    assert entity_listing(wray.kind, wray.name) == "people/a-z/c.md"
    assert entity_link(wray) == "people/a-z/c.md#christopher-wray"
    assert link_of(corpus, "christopher-wray") == "people/a-z/c.md#christopher-wray"
    # Still a full record: the listing entry shows what a page would.
    assert wray.briefing_count == 1 and [r.claim.content.text for r in wray.said] == ["Fine,"]
    assert wray.roles == ("FBI Director",)
    # The '#' letter.
    assert entity_link(corpus.entities["3m"]) == "organisations/a-z/other.md#3m"
    # An entity in two briefings has its page, and links to it.
    doe = corpus.entities["jane-doe"]
    assert entity_page(doe) == "people/jane-doe.md" and entity_listing(doe.kind, doe.name) == "people/a-z/j.md"
    assert entity_link(doe) == "people/jane-doe.md" == link_of(corpus, "jane-doe")
    # A kind without pages has neither page, listing nor link.
    ukr = corpus.entities["ukrainians"]
    assert (ukr.has_page, ukr.linked) == (False, False)
    assert (entity_page(ukr), entity_listing(ukr.kind, ukr.name), entity_link(ukr)) == (None, None, None)
    assert link_of(corpus, "ukrainians") is None


@pytest.mark.parametrize(
    ("min_briefings", "register", "with_page"),
    [
        (1, (), {"christopher-wray", "jane-doe", "3m"}),
        (2, (), {"jane-doe"}),
        (3, (), set()),
        (2, (RegisterEntry("Christopher Wray", "person"),), {"christopher-wray", "jane-doe"}),
        (3, (RegisterEntry("Christopher Wray", "person"),), {"christopher-wray"}),
        (1, (RegisterEntry("Ukrainians", "group"),), {"christopher-wray", "jane-doe", "3m"}),
    ],
)
def test_build_corpus_min_briefings(once_and_twice, min_briefings: int, register, with_page: set[str]) -> None:
    corpus = build_corpus(once_and_twice, register, min_briefings=min_briefings)
    assert {r.id for r in corpus.entities.values() if r.has_page} == with_page
    for rec in corpus.entities.values():
        # Every entity of a page kind is reachable: its page, or its entry on its listing.
        if rec.kind in ("person", "organisation", "place"):
            assert rec.linked
            assert entity_link(rec) == (entity_page(rec) or f"{entity_listing(rec.kind, rec.name)}#{rec.id}")
            assert entity_listing(rec.kind, rec.name) is not None


def test_default_min_briefings(once_and_twice) -> None:
    """`build_corpus` and `earns_page` share one default (the plugin option's, see test_site_plugin)."""
    assert min(MIN_BRIEFINGS.values()) >= 2  # a name in a single briefing never gets a page by default
    assert set(MIN_BRIEFINGS) == set(PAGE_DIRS)  # a default for every kind that has pages
    assert build_corpus(once_and_twice) == build_corpus(once_and_twice, min_briefings=MIN_BRIEFINGS)


@pytest.mark.parametrize(
    ("count", "chosen", "expected"),
    [
        # Left out: fitted to the site's size, at least 1, at most the defaults (10 / 20).
        (0, None, {"person": 1, "organisation": 1, "place": 1}),
        (3, None, {"person": 1, "organisation": 1, "place": 1}),
        (100, None, {"person": 1, "organisation": 1, "place": 1}),
        (101, None, {"person": 1, "organisation": 2, "place": 2}),
        (200, None, {"person": 1, "organisation": 2, "place": 2}),
        (201, None, {"person": 2, "organisation": 3, "place": 3}),
        (294, None, {"person": 2, "organisation": 3, "place": 3}),  # the demo's size
        (1000, None, {"person": 5, "organisation": 10, "place": 10}),
        (2000, None, dict(MIN_BRIEFINGS)),
        (2225, None, dict(MIN_BRIEFINGS)),  # the BBC archive's size: the defaults
        (10**6, None, dict(MIN_BRIEFINGS)),
        # Chosen: one number for every kind, whatever the size.
        (3, 1, {"person": 1, "organisation": 1, "place": 1}),
        (3, 7, {"person": 7, "organisation": 7, "place": 7}),
        (10**6, 1, {"person": 1, "organisation": 1, "place": 1}),
        # A number per kind: the kinds left out are fitted.
        (3, {"person": 4}, {"person": 4, "organisation": 1, "place": 1}),
        (2225, {"place": 2}, {"person": 10, "organisation": 20, "place": 2}),
        (3, {}, {"person": 1, "organisation": 1, "place": 1}),
    ],
)
def test_fitted_thresholds(count: int, chosen: Thresholds | None, expected: dict[str, int]) -> None:
    assert fitted_thresholds(count, chosen) == expected


@pytest.mark.parametrize(
    ("size", "with_page"),
    [
        # Three briefings: every person, organisation and place named once has a page.
        (3, {"person-1", "person-2", "person-3", "org-1", "org-2", "org-3", "place-1", "place-2", "place-3"}),
        # The demo's size (294): a person from 2 briefings, an organisation or a place from 3.
        (294, {"person-2", "person-3", "org-3", "place-3"}),
        # An archive: the defaults, 10 and 20.
        (2225, set()),
    ],
)
def test_fitted_pages_by_site_size(make_briefing, size: int, with_page: set[str]) -> None:
    """`name-N` is named in N briefings (the first N); the rest of the site names no one."""
    named = [(f"{k}-{n}", f"{k.capitalize()} Number {n}", kind, n)
             for k, kind in (("person", "person"), ("org", "organisation"), ("place", "place")) for n in (1, 2, 3)]
    briefings = []
    for i in range(size):
        here = [(ent_id, name, kind) for ent_id, name, kind, n in named if i < n]
        text = " ".join(f"{name} was there." for _, name, _ in here) or "Nothing happened."
        briefings.append(make_briefing(f"b{i:04d}", text, [(e, name, kind, [], [name]) for e, name, kind in here]))
    corpus = build_corpus(briefings, min_briefings=fitted_thresholds(size))
    assert {r.id for r in corpus.entities.values() if r.has_page} == with_page


def test_fitted_thresholds_never_fall_as_a_site_grows() -> None:
    previous = fitted_thresholds(0)
    for count in range(1, 2500):
        now = fitted_thresholds(count)
        assert all(previous[k] <= now[k] <= MIN_BRIEFINGS[k] for k in PAGE_DIRS), count
        previous = now


@pytest.mark.parametrize(
    ("entity_confidence", "speaker_confidence", "registered", "has_record", "credited"),
    [
        (0.9, 0.9, False, True, True),
        (0.3, 0.9, False, False, False),  # a name typed on weak evidence: no page, no entry, no link
        (0.3, 0.9, True, True, True),  # unless the editors' register confirms it
        (0.9, 0.3, False, True, False),  # a guessed speaker is not credited with the claim
        (0.5, 0.5, False, True, True),  # the threshold itself is enough
    ],
)
def test_weak_evidence_is_never_linked(make_briefing, entity_confidence: float, speaker_confidence: float,
                                       registered: bool, has_record: bool, credited: bool) -> None:
    from dataclasses import replace

    b = make_briefing("a", "\"We won,\" Acme said.", [("acme", "Acme", "organisation", [], ["Acme"])],
                      [{"content": "We won,", "cue": "said", "speaker": "Acme", "entity": "acme"}])
    ann = b.annotation
    ent = replace(ann.entities[0], confidence=entity_confidence)
    claim = ann.claims[0]
    claim = replace(claim, speaker=replace(claim.speaker, confidence=speaker_confidence))
    b = replace(b, annotation=replace(ann, entities=(ent,), claims=(claim,)))
    register = (RegisterEntry("Acme", "organisation"),) if registered else ()
    corpus = build_corpus([b], register, min_briefings=1)
    assert ("acme" in corpus.entities) is has_record
    assert link_of(corpus, "acme") == ("organisations/acme.md" if has_record else None)
    assert [g.key for g in corpus.speakers] == (["acme"] if credited else ["~unnamed"])


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({}, ()),
        ({"mayor": 1}, ("mayor",)),
        # case variants are one role; a role inside a longer one is part of it
        ({"Ukrainian President": 3, "President": 2, "Ukraine President": 1, "Ukrainian president": 1, "elected President": 1},
         ("Ukrainian President", "Ukraine President", "elected President")),
        ({"coach": 3, "England coach": 2, "new head coach": 1, "head coach": 1}, ("England coach", "new head coach")),
        # negatives: words that are not a run of the longer role stay apart
        ({"home secretary": 2, "shadow foreign secretary": 1}, ("home secretary", "shadow foreign secretary")),
        ({"chief executive": 1, "executive chairman": 1}, ("chief executive", "executive chairman")),
    ],
)
def test_merged_roles(counts: dict[str, int], expected: tuple[str, ...]) -> None:
    from collections import Counter

    from mkdocs_briefings.core.entity_records import merged_roles

    assert merged_roles(Counter(counts)) == expected
