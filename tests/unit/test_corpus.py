"""The cross-briefing index, on hand-built briefings (no engine involved)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from mkdocs_briefings.core.corpus import build_corpus, briefing_page, entity_page, newest_first
from mkdocs_briefings.core.model import RegisterEntry


@pytest.mark.parametrize(
    ("kind", "entity_id", "expected"),
    [
        ("person", "volodymyr-zelenskyy", "people/volodymyr-zelenskyy.md"),
        ("organisation", "nato", "organisations/nato.md"),
        ("place", "kherson", "places/kherson.md"),
        ("group", "ukrainians", None),
        ("other", "covid-19", None),
        ("person", "index", "people/index-.md"),  # never the folder's index page
    ],
)
def test_entity_page(kind: str, entity_id: str, expected: str | None) -> None:
    assert entity_page(kind, entity_id) == expected


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
    return build_corpus([d, c, b, a], register)


def test_entity_records(corpus) -> None:
    zel = corpus.entities["volodymyr-zelenskyy"]
    assert zel.page == "people/volodymyr-zelenskyy.md"
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
    assert kherson.page == "places/kherson.md"
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
    assert corpus.page_of("kherson") == "places/kherson.md"
    assert corpus.page_of("nobody") is None


def test_input_order_does_not_matter(make_briefing, corpus) -> None:
    bs = list(corpus.by_slug.values())
    random.Random(7).shuffle(bs)
    again = build_corpus(bs, (RegisterEntry("Vladimir Putin", "person", ("Putin",), "President of *Russia*.",
                                            ("https://example.org/putin",)),))
    assert again == corpus


def test_empty_corpus() -> None:
    c = build_corpus([])
    assert c.briefings == () and c.entities == {} and c.speakers == ()
