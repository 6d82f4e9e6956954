"""Overlays: schema validation with file:line messages, and applying corrections."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_briefings.core.model import Annotation, Claim, Entity, RegisterEntry, Span, Speaker
from mkdocs_briefings.core.overlays import Correction, apply_corrections, parse_overlay

PATH = "briefings/talks.md"

GOOD = """---
seed: talks.txt
title: Zelenskyy dares Putin to talk
date: 2022-03-04
tags: [ukraine, diplomacy]
entities:
  ignore: [NZT]
claims:
  - quote: "I don't bite"
    speaker: Volodymyr Zelenskyy
  - quote: "more than 2000 civilians have died"
    status: unverified
    note: No independent count yet.
    source: https://example.org/fact-check
  - quote: urgent debate
    drop: true
---
The editor's *summary*.
"""


def test_good_overlay() -> None:
    overlay, diags = parse_overlay(GOOD, PATH, "talks")
    assert diags == []
    assert overlay.seeds == (("talks.txt", 2),)
    assert overlay.title == "Zelenskyy dares Putin to talk" and overlay.date == date(2022, 3, 4)
    assert overlay.tags == ("ukraine", "diplomacy") and overlay.ignore == ("NZT",)
    assert [(c.quote, c.line) for c in overlay.corrections] == [
        ("I don't bite", 9),
        ("more than 2000 civilians have died", 11),
        ("urgent debate", 15),
    ]
    assert overlay.corrections[1] == Correction(
        "more than 2000 civilians have died", 11, None, "unverified", "No independent count yet.",
        "https://example.org/fact-check",
    )
    assert overlay.corrections[2].drop and overlay.summary == "The editor's *summary*."


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("seed: a.txt\ntitel: X", 3, "unknown key 'titel' in overlay front matter — did you mean 'title'?"),
        ("seed: a.txt\ndate: 2022-02-30", 3, "bad date '2022-02-30': write it as YYYY-MM-DD"),
        ("seed: a.txt\nclaims:\n  - quote: x\n    status: maybe", 5, "bad status 'maybe': use one of verified"),
        ("seed: a.txt\nclaims:\n  - quote: x\n    source: javascript:alert(1)", 5, "only http:// and https://"),
        ("seed: a.txt\nclaims:\n  - quote: x\n    speker: A", 5, "unknown key 'speker' in a claim correction — did you mean 'speaker'?"),
        ("seed: a.txt\nclaims:\n  - status: verified", 4, "correction has no 'quote'"),
        ("seed: a.txt\nclaims:\n  - quote: x\n    drop: yes please", 5, "'drop' must be true or false"),
        ("seed: a.txt\nclaims: [1, 2]", 3, "each correction must be a mapping"),
        ("seed: a.txt\nentities:\n  ignor: [X]", 4, "unknown key 'ignor' in 'entities' — did you mean 'ignore'?"),
        ("seed: a.txt\nentities: [X]", 3, "'entities' must be a mapping"),
        ("seed: a.txt\ntags: 3.5.x: y", 3, "invalid YAML"),
    ],
)
def test_overlay_mistakes(front: str, line: int, words: str) -> None:
    _overlay, diags = parse_overlay(f"---\n{front}\n---\nSummary.\n", PATH, "talks")
    assert len(diags) >= 1, diags
    assert diags[0].path == PATH and diags[0].line == line, diags
    assert words in diags[0].message
    assert f"{PATH}:{line}: " in str(diags[0])


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("No front matter.\n", 1, "an overlay starts with front matter"),
        ("---\nseed: a.txt\n", 1, "never closed"),
        ("---\n[a, b]\n---\n", 2, "must be a mapping"),
        ("---\nseed: a.txt\nseeds: [b.txt]\n---\n", 3, "either 'seed:' or 'seeds:'"),
        ("---\nseed: [a.txt]\n---\n", 2, "'seed' must be a file name"),
        ("---\nseeds: []\n---\n", 2, "'seeds' must be a list"),
    ],
)
def test_overlay_errors(text: str, line: int, words: str) -> None:
    _, diags = parse_overlay(text, PATH, "talks")
    errors = [d for d in diags if d.is_error]
    assert errors and errors[0].line == line and words in errors[0].message


TEXT = 'Zelenskyy said: \u201cI don\u2019t bite.\u201d Officials said more than 2000 civilians have died.'


def _annotation() -> Annotation:
    zel = Entity("zelenskyy", "Zelenskyy", "person", mentions=(Span.of(TEXT, 0, 9),))
    quote_start = TEXT.index("I don")
    c1 = Claim("claim-1", "direct", Span.of(TEXT, quote_start, quote_start + 12), Span.of(TEXT, 10, 14),
               Speaker(Span.of(TEXT, 0, 9), "zelenskyy"))
    s2 = TEXT.index("more than")
    c2 = Claim("claim-2", "indirect", Span.of(TEXT, s2, len(TEXT) - 1), None, None)
    return Annotation((zel,), (c1, c2))


def test_corrections_status_drop_and_unmatched() -> None:
    corrections = (
        Correction("more than 2000 civilians", 11, status="disputed", note="Count unclear.", source="https://e.org/x"),
        Correction('"I don\'t bite"', 9, drop=True),
        Correction("urgent debate", 15, drop=True),
    )
    annotation, diags = apply_corrections(_annotation(), corrections, (), PATH)
    assert [c.id for c in annotation.claims] == ["claim-2"]  # ids are never renumbered
    claim = annotation.claims[0]
    assert (claim.status, claim.note, claim.status_source) == ("disputed", "Count unclear.", "https://e.org/x")
    assert [(d.path, d.line) for d in diags] == [(PATH, 15)]
    assert "'urgent debate' matches no claim" in diags[0].message


def test_speaker_fix_from_register_keeps_span() -> None:
    register = (RegisterEntry("Volodymyr Zelenskyy", "person", ("Zelensky",)),)
    corrections = (Correction("I don't bite", 9, speaker="Zelensky"),)
    annotation, diags = apply_corrections(_annotation(), corrections, register, PATH)
    assert diags == []
    claim = annotation.claims[0]
    assert claim.speaker.entity == "volodymyr-zelenskyy" and claim.speaker.span.text == "Zelenskyy"
    added = annotation.entity("volodymyr-zelenskyy")
    assert added is not None and added.name == "Volodymyr Zelenskyy" and added.mentions == ()


def test_speaker_fix_to_entity_in_briefing_and_new_person() -> None:
    annotation, _ = apply_corrections(_annotation(), (Correction("2000 civilians", 11, speaker="zelenskyy"),), (), PATH)
    claim = annotation.claims[1]
    assert claim.speaker.entity == "zelenskyy" and claim.speaker.span == Span(len(TEXT) - 1, len(TEXT) - 1, "")
    assert len(annotation.entities) == 1
    zel = Entity("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", mentions=(Span.of(TEXT, 0, 9),))
    renamed = Annotation((zel,), _annotation().claims)
    annotation, _ = apply_corrections(renamed, (Correction("2000 civilians", 11, speaker="ZELENSKYY"),), (), PATH)
    assert annotation.claims[1].speaker.entity == "volodymyr-zelenskyy" and len(annotation.entities) == 1
    annotation, _ = apply_corrections(_annotation(), (Correction("2000 civilians", 11, speaker="Jane Doe"),), (), PATH)
    assert annotation.claims[1].speaker.entity == "jane-doe"
    assert annotation.entity("jane-doe") == Entity("jane-doe", "Jane Doe", "person")


YAMLISH = st.lists(
    st.sampled_from(
        ["seed: a.txt", "seeds:", "title:", "claims:", "entities:", "ignore:", "- quote: x", "quote:", "status: false",
         "speaker:", "drop: true", "date: 2022-02-30", "source: javascript:x", "  ", "    ", "- ", "\n", "[", "]", "{",
         "}", ": ", ",", "'", '"', "&a ", "*a", "!!python/object:os.system", "~", "1", "x", "#"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=400), YAMLISH))
def test_any_front_matter_gives_an_overlay_or_messages_naming_the_file(front: str) -> None:
    overlay, diags = parse_overlay(f"---\n{front}\n---\nSummary.\n", PATH, "talks")
    assert all(d.path == PATH and d.line >= 0 for d in diags)
    assert overlay is not None or any(d.is_error for d in diags)
