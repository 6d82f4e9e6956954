"""The figures ledger (core/figures_ledger.py): which figures are one series, when sources disagree, rounding."""

from __future__ import annotations

import math
from datetime import date

import pytest
from growth import assert_linear

from mkdocs_briefings.core.duplicates import Duplicates
from mkdocs_briefings.core.figures import Figure, figures
from mkdocs_briefings.core.figures_ledger import build_figures_ledger, interval
from mkdocs_briefings.core.model import Annotation, Briefing, Claim, Entity, Span, Speaker

NONE = Duplicates((), {})


def brief(slug: str, text: str, day: int = 1, speaker: tuple[str, str] | None = None) -> Briefing:
    """A briefing whose places are "Gaza" and "Kherson"; with `speaker` (written, entity id) its first
    sentence after "<written> said " is a claim of that speaker."""
    ents = []
    for name in ("Gaza", "Kherson"):
        spans = []
        i = text.find(name)
        while i >= 0:
            spans.append(Span.of(text, i, i + len(name)))
            i = text.find(name, i + 1)
        if spans:
            ents.append(Entity(name.lower(), name, "place", mentions=tuple(spans)))
    claims = []
    if speaker:
        written, ent = speaker
        start = len(written) + len(" said ")
        end = text.index(".", start)
        claims.append(Claim("claim-1", "indirect", Span.of(text, start, end),
                            speaker=Speaker(Span.of(text, 0, len(written)), ent, 0.95)))
        ents.append(Entity(ent, written, "person", mentions=(Span.of(text, 0, len(written)),)))
    return Briefing(slug, slug, text, Annotation(tuple(ents), tuple(claims)), date=date(2020, 3, day))


def ledger(*bs: Briefing, dup: Duplicates = NONE):
    return build_figures_ledger({b.slug: figures(b) for b in bs}, bs, dup)


def test_figures_counting_one_thing_about_one_place_are_one_series_oldest_first() -> None:
    a = brief("a", "At least 500 civilians were killed in Gaza.", day=3)
    b = brief("b", "Nearly 800 civilians were killed in Gaza.", day=9)
    c = brief("c", "About 300,000 residents live in Kherson.", day=4)
    (s,) = ledger(b, a, c).series
    assert (s.key, s.about, s.unit, s.stories) == ("civilian killed", "gaza", "", 2)
    assert [r.slug for r in s.readings] == ["a", "b"]
    assert s.disputed == ()


@pytest.mark.parametrize(
    ("first", "second", "disputed"),
    [
        ("At least 500 civilians were killed in Gaza.", "Some 300 civilians were killed in Gaza.", True),
        ("At least 500 civilians were killed in Gaza.", "Some 600 civilians were killed in Gaza.", False),
        ("2.5 million people were displaced in Gaza.", "2,540,000 people were displaced in Gaza.", False),  # rounding
        ("2.5 million people were displaced in Gaza.", "2,700,000 people were displaced in Gaza.", True),
        ("Up to 40 homes were destroyed in Gaza.", "More than 60 homes were destroyed in Gaza.", True),
        ("About 100 homes were destroyed in Gaza.", "105 homes were destroyed in Gaza.", False),
    ],
)
def test_sources_disagree_when_no_value_fits_both(first: str, second: str, disputed: bool) -> None:
    (s,) = ledger(brief("a", first), brief("b", second)).series
    assert s.disputed == ((date(2020, 3, 1),) if disputed else ())


def test_different_dates_never_disagree_they_show_a_figure_moving() -> None:
    (s,) = ledger(brief("a", "At least 500 civilians were killed in Gaza.", day=1),
                  brief("b", "At least 900 civilians were killed in Gaza.", day=2),
                  brief("c", "Some 300 civilians were killed in Gaza.", day=3)).series
    assert s.disputed == ()
    assert [r.figure.value for r in s.readings] == [500, 900, 300]


def test_one_speaker_in_two_stories_is_one_source() -> None:
    (s,) = ledger(brief("a", "Jane Doe said 500 civilians were killed in Gaza.", speaker=("Jane Doe", "jane-doe")),
                  brief("b", "Jane Doe said 900 civilians were killed in Gaza.", speaker=("Jane Doe", "jane-doe"))).series
    assert s.disputed == ()
    (s,) = ledger(brief("a", "Jane Doe said 500 civilians were killed in Gaza.", speaker=("Jane Doe", "jane-doe")),
                  brief("b", "John Roe said 900 civilians were killed in Gaza.", speaker=("John Roe", "john-roe"))).series
    assert s.disputed == (date(2020, 3, 1),)


def test_copies_of_one_story_are_one_story_and_one_source() -> None:
    a = brief("a", "At least 500 civilians were killed in Gaza.")
    b = brief("b", "At least 500 civilians were killed in Gaza.")
    assert ledger(a, b, dup=Duplicates((("a", "b"),), {"a": ("b",), "b": ("a",)})).series == ()
    c = brief("c", "Some 300 civilians were killed in Gaza.")
    (s,) = ledger(a, b, c, dup=Duplicates((("a", "b"),), {"a": ("b",), "b": ("a",)})).series
    assert s.stories == 2 and len(s.readings) == 3 and s.disputed == (date(2020, 3, 1),)


@pytest.mark.parametrize(
    "text",
    [
        "500 people were counted in Gaza.",  # too general to be one thing across stories
        "The site is 30 km from Gaza.",  # a distance
        "500 civilians were killed.",  # about nowhere
        "Prices rose 15%.",  # nothing counted
    ],
)
def test_figures_that_join_no_series(text: str) -> None:
    assert ledger(brief("a", text), brief("b", text.replace("5", "7").replace("30", "40").replace("1", "2"))).series == ()


@pytest.mark.parametrize(
    ("qualifier", "text", "value", "lo", "hi"),
    [
        ("", "500", 500, 450, 550),
        ("", "17", 17, 16.5, 17.5),
        ("", "2.5 million", 2.5e6, 2.45e6, 2.55e6),
        ("more than", "2000", 2000, 1500, math.inf),
        ("up to", "40", 40, -math.inf, 45),
        ("about", "100", 100, 40, 160),
        ("nearly", "500", 500, 400, 550),
    ],
)
def test_intervals(qualifier: str, text: str, value: float, lo: float, hi: float) -> None:
    f = Figure(0, len(text), text, text, float(value), "", qualifier, "x", "x", None, None, None, "")
    assert interval(f) == pytest.approx((lo, hi))


def test_series_ids_are_stable_and_the_ledger_is_ordered_the_same_whatever_the_input_order() -> None:
    bs = [brief(s, f"{n} civilians were killed in Gaza.", day=n % 5 + 1) for n, s in zip(range(10, 90, 10), "abcdefgh", strict=True)]
    one, two = ledger(*bs), ledger(*reversed(bs))
    assert one == two and one.series[0].id.startswith("f-")


def test_building_the_ledger_is_linear() -> None:
    def make(n: int) -> list[Briefing]:
        return [brief(f"b{i}", f"At least {i + 2} civilians were killed in Gaza. About {i + 3} homes burnt in Kherson.",
                      day=i % 28 + 1) for i in range(n)]
    assert_linear(lambda bs: ledger(*bs), make, 400)  # 100 timed ~0.01 s: noise on a busy machine
