"""Properties `core.annotate.annotate` keeps on any input, and how long it takes on huge ones.

The engine's contract (CONTRIBUTING.md): it never raises on any string, every
span's text is exactly `input[start:end]`, entity ids are the slug of the
canonical name (plus a suffix when two entities of one text share a slug), claim ids run `claim-1`, `claim-2`, ... in text order and a
speaker's entity is one of the annotation's entities. Table-driven tests of
the engine check what it finds; these check that the contract survives text
nobody would write by hand: arbitrary unicode, news-like token soup, hostile
register entries, and a megabyte of one paragraph. The timing bounds are
generous CPU-time limits (more than 10x what a linear engine needs):
they are there to catch quadratic behaviour and regex backtracking, which
turn a 1 MB paragraph into minutes or hours.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_briefings.core.annotate import annotate
from mkdocs_briefings.core.contract import annotation_to_json
from mkdocs_briefings.core.model import CLAIM_KINDS, KINDS, Annotation, RegisterEntry, Span
from mkdocs_briefings.core.text import slugify

#: Pieces of news prose that steer generated text into the engine's interesting paths.
TOKENS = (
    "John", "Smith", "Mr", "Mr.", "Mrs", "Dr.", "President", "Volodymyr", "Zelenskyy", "Putin", "U.S.",
    "United", "States", "Nato", "the", "The", "a", "of", "in", "and", "He", "he", "She", "they", "It",
    "said", "says", "told", "reporters", "according", "to", "claimed", "reportedly", "could", "not", "be",
    "independently", "verified", "that", "\"", "\u201c", "\u201d", "'", "\u2018", "\u2019", ",", ".", ":", ";",
    "(", ")", "-", "\u2014", "?", "!", "\n", " ", "  ", "\t", "Ministry", "Defence", "Kyiv", "London", "BBC",
    "O'Brien", "AT&T", "2022", "3", "%", "&", "<", ">", "*", "#", "[", "]", "\\", "\u00e9", "\u0416",
    "\u4e2d", "\U0001f600", "\u200b", "\u202e", "\ufeff",
)

news_text = st.lists(st.sampled_from(TOKENS), max_size=200).map(" ".join)
any_text = st.text(max_size=400)
register_entries = st.lists(
    st.builds(
        RegisterEntry,
        name=st.one_of(st.sampled_from(TOKENS[:20]), st.text(min_size=1, max_size=20)),
        kind=st.sampled_from(KINDS),
        aliases=st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=3).map(tuple),
    ),
    max_size=4,
)


def spans(annotation: Annotation) -> Iterator[tuple[str, Span]]:
    """Every span of an annotation, named for the assertion message."""
    for ent in annotation.entities:
        for m in ent.mentions:
            yield f"mention of {ent.id}", m
    for claim in annotation.claims:
        yield f"{claim.id} content", claim.content
        if claim.cue:
            yield f"{claim.id} cue", claim.cue
        if claim.speaker:
            yield f"{claim.id} speaker", claim.speaker.span


def check_contract(text: str, annotation: Annotation) -> None:
    for what, span in spans(annotation):
        assert 0 <= span.start < span.end <= len(text), f"{what}: bad offsets {span}"
        assert text[span.start:span.end] == span.text, f"{what}: {span.text!r} != input[{span.start}:{span.end}]"
    ids = [e.id for e in annotation.entities]
    assert len(ids) == len(set(ids)), f"duplicate entity ids {ids}"
    for ent in annotation.entities:
        assert ent.kind in KINDS, ent
        # Two entities whose names share a slug in one text may be told apart by a suffix.
        slug = slugify(ent.name)
        assert ent.id == slug or ent.id.startswith(slug + "-"), f"entity id {ent.id!r} is not the slug of {ent.name!r}"
    mentions = sorted((m.start, m.end) for e in annotation.entities for m in e.mentions)
    for (s1, e1), (s2, e2) in itertools.pairwise(mentions):
        assert e1 <= s2, f"overlapping mentions {text[s1:e1]!r}@{s1} and {text[s2:e2]!r}@{s2}"
    assert [c.id for c in annotation.claims] == [f"claim-{i}" for i in range(1, len(annotation.claims) + 1)]
    starts = [c.content.start for c in annotation.claims]
    assert starts == sorted(starts), "claims are not in text order"
    for claim in annotation.claims:
        assert claim.kind in CLAIM_KINDS, claim
        if claim.speaker and claim.speaker.entity is not None:
            assert claim.speaker.entity in ids, f"{claim.id} speaker {claim.speaker.entity!r} is not an entity"


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(any_text)
def test_arbitrary_unicode_keeps_the_contract(text: str) -> None:
    check_contract(text, annotate(text))


@_SETTINGS
@given(news_text)
def test_news_like_token_soup_keeps_the_contract(text: str) -> None:
    check_contract(text, annotate(text))


@_SETTINGS
@given(news_text, register_entries, st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=3))
def test_any_register_and_ignore_list_keep_the_contract(
    text: str, register: list[RegisterEntry], ignore: list[str]
) -> None:
    check_contract(text, annotate(text, register=register, ignore=ignore))


@settings(max_examples=40, deadline=None)
@given(news_text)
def test_same_input_same_annotation(text: str) -> None:
    assert annotate(text) == annotate(text)
    assert annotation_to_json(annotate(text), "d") == annotation_to_json(annotate(text), "d")


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        '"',
        '""',
        "\u201c",
        "\u201d\u201c",
        "'",
        "said",
        "according to",
        "\ud800 lone surrogate said John Smith.",
        "\x00\x01\x02",
        "A" * 5000,
        "Mr. " * 2000,
        '"' + "x" * 5000,
    ],
    ids=repr,
)
def test_edge_cases_keep_the_contract(text: str) -> None:
    check_contract(text, annotate(text))


# --- huge inputs -----------------------------------------------------------------------------------

MB = 1_000_000
_PROSE = (
    'President Volodymyr Zelenskyy told reporters in Kyiv that "the talks must go on," according to the BBC. '
    "A senior official, who could not be independently verified, reportedly said the U.S. would help. "
    "Mr Smith of the Ministry of Defence said: \u201cWe are ready.\u201d "
)


def _megabyte(unit: str) -> str:
    return (unit * (MB // len(unit) + 1))[:MB]


_HUGE = [
    ("prose-one-paragraph", _megabyte(_PROSE), 120.0),
    ("only-ascii-quotes", '"' * MB, 60.0),
    ("only-curly-quotes", _megabyte("\u201c\u201d"), 60.0),
    ("one-unclosed-quote", '"' + _megabyte("and the war goes on, "), 60.0),
    ("capitalised-words", _megabyte("Alpha Beta Gamma Delta "), 120.0),
    ("titles-without-names", _megabyte("Mr. Dr. President "), 60.0),
    ("cue-verbs", _megabyte("said told according to claimed "), 60.0),
    ("no-spaces", "x" * MB, 60.0),
]


@pytest.mark.parametrize("text, limit", [pytest.param(t, lim, id=name) for name, t, lim in _HUGE])
def test_megabyte_paragraph(text: str, limit: float) -> None:
    start = time.process_time()  # CPU time: other jobs on a shared machine do not count against us
    annotation = annotate(text)
    took = time.process_time() - start
    check_contract(text, annotation)
    assert took < limit, f"annotating 1 MB took {took:.1f} s of CPU (limit {limit:.0f} s)"
