"""Properties of the entity engine on arbitrary text: it never raises and spans are exact."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_briefings.core.entities import find_entities
from mkdocs_briefings.core.model import RegisterEntry

_NEWSY = st.lists(
    st.sampled_from(
        ["Mr", "Mr.", "Smith", "U.S.", "UN", "the", "of", "and", "Bank", "President", "\u201c", '"', "'s", ",", ".",
         "\n", "Kyiv", "Ukraine's", "NATO", "-", "Zelenskyy", "said", "The", "mayor", "of", "Enerhodar", "É", "Ol'ga",
         "AT&T", "(", ")", "1996-08-30", "4", "Photo", "/", "AP", "CAPITALS", "\u0130stanbul", "\u00df"]
    ),
    max_size=60,
).map(" ".join)


def _check(text: str, ignore: frozenset[str] = frozenset()) -> None:
    entities = find_entities(text, (RegisterEntry("Volodymyr Zelenskyy", "person", ("Zelenskyy",)),), ignore)
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
    for e in entities:
        assert e.mentions
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end] == m.text
            assert m.text not in ignore


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(_NEWSY, st.frozensets(st.sampled_from(["Kyiv", "AP", "Smith", "UN"])))
def test_newsy_text(text: str, ignore: frozenset[str]) -> None:
    _check(text, ignore)
    assert find_entities(text) == find_entities(text)


def test_a_one_megabyte_paragraph_is_linear() -> None:
    """No catastrophic backtracking: a huge single line of names and connectors stays fast."""
    text = ("Bank of the United States and Mr. Smith of Kyiv " * 25_000)[:1_000_000]
    start = time.perf_counter()
    _check(text)
    assert time.perf_counter() - start < 30
    caps = "A " * 500_000
    _check(caps)


def test_long_runs_of_titles_and_names_stay_linear() -> None:
    """A megabyte of capitalised words with no full stop is one regex match: its work must stay linear."""
    for unit in ("President ", "Mr Smith ", "Bank of England ", "Monday ", "Ukrainian "):
        text = unit * (300_000 // len(unit))
        start = time.perf_counter()
        _check(text)
        assert time.perf_counter() - start < 20, unit


def test_many_mentions_and_role_references_stay_linear() -> None:
    """Lookups that grow with the number of mentions (surnames, roles) must not be quadratic."""
    text = "Dmytro Orlov, the mayor of Enerhodar, said so. " + (
        "The mayor of Enerhodar says John Smith met Smith. Jane Doe, the new envoy, said the envoy left. " * 8_000
    )
    start = time.perf_counter()
    _check(text)
    assert time.perf_counter() - start < 20
