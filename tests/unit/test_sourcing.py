"""Sourcing profiles (core/sourcing.py) and their bar (render/sourcing.py)."""

from __future__ import annotations

from datetime import date

import pytest

from mkdocs_briefings.core.model import Annotation, Briefing, Claim, Entity, SourceInfo, Span, Speaker
from mkdocs_briefings.core.sourcing import Profile, briefing_profile, grouped, month, outlets, profile, source_of
from mkdocs_briefings.render.sourcing import bar, summary

ENTS = (Entity("jane-doe", "Jane Doe", "person"), Entity("acme", "Acme", "organisation"),
        Entity("paris", "Paris", "place"), Entity("guess", "Guess", "person", confidence=0.2))


def claim(n: int, entity: str | None = "", written: str = "x", kind: str = "direct", hedges: tuple[str, ...] = ()) -> Claim:
    """A claim with a speaker (entity id, or None for an unnamed source); entity "" means no source found."""
    speaker = None if entity == "" else Speaker(Span(0, len(written), written), entity)
    return Claim(f"claim-{n}", kind, Span(0, 1, "x"), speaker=speaker, hedges=hedges)


def brief(slug: str, *claims: Claim, source: str | None = "Wire", day: date | None = date(2020, 3, 1),
          tags: tuple[str, ...] = ()) -> Briefing:
    return Briefing(slug, slug, "x" * 50, Annotation(ENTS, claims), date=day, tags=tags,
                    sources=(SourceInfo(f"{slug}.txt", source=source),))


@pytest.mark.parametrize(
    ("c", "expected"),
    [
        (claim(1, "jane-doe"), ("people", "jane-doe")),
        (claim(1, "acme"), ("organisations", "acme")),
        (claim(1, "paris"), ("organisations", "paris")),  # a place speaking: its government
        (claim(1, "guess"), ("people", "guess")),  # named in the text, however unsure the engine is
        (claim(1, "not-in-the-briefing"), ("people", "not-in-the-briefing")),
        (claim(1, None, "A Senior  Official"), ("unnamed", "~a senior official")),
        (claim(1, ""), ("none", None)),  # no source found is not an unnamed source
    ],
)
def test_source_of(c: Claim, expected: tuple[str, str | None]) -> None:
    assert source_of(c, brief("a")) == expected


def test_profile_counts() -> None:
    b = brief("a", claim(1, "jane-doe"), claim(2, "jane-doe", kind="indirect", hedges=("reportedly",)),
              claim(3, None, "an official"), claim(4, None, "An official", kind="mixed"), claim(5, ""),
              claim(6, "acme", kind="indirect"))
    p = briefing_profile(b)
    assert p == Profile(claims=6, people=2, organisations=1, unnamed=2, none=1, hedged=1, direct=3, reported=2,
                        mixed=1, voices=3, briefings=1)
    assert [p.percent(p.count(k)) for k in ("people", "organisations", "unnamed", "none")] == [33, 17, 33, 17]


def test_empty_profile() -> None:
    p = briefing_profile(brief("a"))
    assert p == Profile() and p.percent(0) == 0
    assert summary(p) == "No sourced claims found." and bar(p) == ""


def test_groups_count_voices_once_and_briefings_in_every_group() -> None:
    a = brief("a", claim(1, "jane-doe"), source="Wire A", tags=("x", "y"))
    b = brief("b", claim(1, "jane-doe"), claim(2, None), source=None, day=None, tags=("x",))
    by_tag = grouped([a, b], lambda br: list(br.tags))
    assert list(by_tag) == ["x", "y"]
    assert (by_tag["x"].claims, by_tag["x"].voices, by_tag["x"].briefings) == (3, 2, 2)
    assert list(grouped([a, b], outlets)) == ["", "Wire A"]  # "" = outlet not given
    assert list(grouped([a, b], month)) == ["", "2020-03"]  # "" = undated
    assert grouped([], month) == {} and profile([]) == Profile()


def test_bar_is_static_svg_with_a_text_alternative() -> None:
    p = briefing_profile(brief("a", claim(1, "jane-doe"), claim(2, None, "aides"), claim(3, None, "<b>aides</b>")))
    svg = str(bar(p))
    assert svg.startswith('<svg class="bf-bar" viewBox="0 0 100 10"') and 'role="img"' in svg
    assert "<title>3 claims: 33% named people, 0% named organisations, 67% unnamed sources" in svg
    assert svg.count("<rect") == 2 and 'width="33.33"' in svg and 'x="33.33"' in svg and "<script" not in svg


def test_a_decorative_bar_is_hidden_from_assistive_technology() -> None:
    p = briefing_profile(brief("a", claim(1, "jane-doe")))
    svg = str(bar(p, decorative=True))
    assert 'aria-hidden="true"' in svg and "<title>" not in svg and 'role="img"' not in svg
