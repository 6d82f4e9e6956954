"""Properties `find_claims` keeps on any input, with any entities it is handed.

The engine-level property tests feed whatever the entity engine finds;
these hand the claims engine arbitrary (even nonsensical) entity lists, so
its resolution code is exercised on mentions it did not expect, and time
it on run-on inputs built to defeat a regex-per-cue design.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_briefings.core.claims import find_claims
from mkdocs_briefings.core.model import CLAIM_KINDS, KINDS, Claim, Entity, Span

TOKENS = (
    "Anna", "Kowalski", "Mr.", "Ms", "President", "the", "The", "a", "of", "He", "he", "she", "It", "they",
    "who", "said", "says", "told", "reporters", "according", "to", "adding", "saying", "claimed", "that",
    "reportedly", "could", "not", "be", "independently", "verified", "and", "but", "\"", "\u201c", "\u201d",
    "\u2018", "\u2019", "'", ",", ".", ":", ";", "?", "\n", "\n\n", "(NZT)", "Friday", "mayor", "official",
    "\u00e9", "\u4e2d", "\U0001f600", "\u202e",
)
news_text = st.lists(st.sampled_from(TOKENS), max_size=120).map(" ".join)


@st.composite
def text_and_entities(draw: st.DrawFn) -> tuple[str, list[Entity]]:
    text = draw(st.one_of(news_text, st.text(max_size=300)))
    entities = []
    for n in range(draw(st.integers(0, 4))):
        spans = []
        for _ in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, max(len(text) - 1, 0)))
            end = draw(st.integers(start, min(len(text), start + 20)))
            spans.append(Span.of(text, start, end))
        entities.append(Entity(f"e{n}", f"E{n}", draw(st.sampled_from(KINDS)), mentions=tuple(spans)))
    return text, entities


def check(text: str, entities: list[Entity], claims: list[Claim]) -> None:
    ids = {e.id for e in entities}
    assert [c.id for c in claims] == [f"claim-{i}" for i in range(1, len(claims) + 1)]
    assert [c.content.start for c in claims] == sorted(c.content.start for c in claims)
    for c in claims:
        assert c.kind in CLAIM_KINDS
        for span in (c.content, c.cue, c.speaker.span if c.speaker else None):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start:span.end] == span.text
        if c.speaker and c.speaker.entity is not None:
            assert c.speaker.entity in ids
        assert all(isinstance(h, str) and h for h in c.hedges)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_entities())
def test_contract_holds_with_any_entities(case: tuple[str, list[Entity]]) -> None:
    text, entities = case
    claims = find_claims(text, entities)
    check(text, entities, claims)
    assert find_claims(text, entities) == claims  # deterministic


RUN_ON = 200_000
_PATHOLOGICAL = [
    ("cue-after-cue", "said " * (RUN_ON // 5)),
    ("subject-cue-pairs", "he said he said " * (RUN_ON // 16)),
    ("that-clauses", "Kim said that " * (RUN_ON // 14)),
    ("split-quotes", '"Yes," he said. ' * (RUN_ON // 16)),
    ("according-to", "according to " * (RUN_ON // 13)),
    ("open-marks", "\u201c" * RUN_ON),
    ("alternating-marks", '" a' * (RUN_ON // 3)),
    ("paragraph-continuations", '"more\n' * (RUN_ON // 6)),
    ("relative-chains", "the official, who said, who said, " * (RUN_ON // 34)),
    # issue 12's rules: quotations after reported speech, resumed quotations, appositive names, transcripts
    ("quotes-after-reports", 'Mr Smith said the plan would fail. "We will go." ' * (RUN_ON // 50)),
    ("resumed-quotes", '"A," he said, "b c d e." ' * (RUN_ON // 25)),
    ("appositive-names", "Ann Lowe, a senior aide, Bo Ray, said, " * (RUN_ON // 39)),
    ("interview-labels", "WN: Why?\nAnn: Yes we will go now.\n" * (RUN_ON // 35)),
    ("joined-paragraphs", '"One. "Two. ' * (RUN_ON // 12)),
    ("possessive-nouns", "despite Sony's claim that Ann said that " * (RUN_ON // 40)),
    ("phrases", "Ann made it clear that he made it clear that " * (RUN_ON // 45)),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=n) for n, t in _PATHOLOGICAL])
def test_run_on_input_stays_linear(text: str) -> None:
    """200 kB of one paragraph in well under the time a quadratic scan would need (minutes)."""
    start = time.perf_counter()
    claims = find_claims(text, [])
    took = time.perf_counter() - start
    check(text, [], claims)
    assert took < 20.0, f"{took:.1f} s for {len(text)} characters"
