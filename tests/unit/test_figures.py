"""Figures (core/figures.py): which numbers are figures, their value, qualifier, what they count, about, source."""

from __future__ import annotations

import pytest
from growth import assert_linear

from mkdocs_briefings.core.figures import Figure, figures
from mkdocs_briefings.core.figures_counts import normalise
from mkdocs_briefings.core.model import Annotation, Briefing, Claim, Entity, Span, Speaker


def found(text: str, annotation: Annotation | None = None) -> list[Figure]:
    return list(figures(Briefing("b", "B", text, annotation or Annotation())))


def summary(text: str) -> list[tuple[str, float, str, str, str]]:
    """(phrase, value, unit, qualifier, counts) of every figure of a text."""
    return [(f.phrase, f.value, f.unit, f.qualifier, f.counts) for f in found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly 500 civilians were killed in the attack.", [("Nearly 500", 500, "", "nearly", "civilians killed")]),
        ("More than 2000 residents fled.", [("More than 2000", 2000, "", "more than", "residents")]),
        ("The city has about 300,000 people.", [("about 300,000", 300_000, "", "about", "people")]),
        ("Apple made $17.5bn in annual profit.", [("$17.5bn", 17.5e9, "$", "", "annual profit")]),
        ("Labour won 15.1% of the vote.", [("15.1%", 15.1, "%", "", "vote")]),
        ("Turnout was 62 per cent of voters.", [("62 per cent", 62, "%", "", "voters")]),
        ("Two million people marched.", [("Two million", 2e6, "", "", "people")]),
        ("A dozen soldiers were wounded.", [("A dozen", 12, "", "", "soldiers wounded")]),
        ("At least 25 people died.", [("At least 25", 25, "", "at least", "people died")]),
        ("It cost US$400 million in military aid.", [("US$400 million", 4e8, "US$", "", "military aid")]),
        ("Profits of £2.5m were reported.", [("£2.5m", 2.5e6, "£", "", "profits")]),
        ("The town has a population of about 300,000.", [("about 300,000", 300_000, "", "about", "population")]),
        ("Around 300 Russian soldiers were killed.", [("Around 300", 300, "", "about", "Russian soldiers killed")]),
        ("Officials said 500 Palestinians died.", [("500", 500, "", "", "Palestinians died")]),
        ("The toll rose to 27 dead.", [("27", 27, "", "", "dead")]),
        ("Up to 40 homes were destroyed.", [("Up to 40", 40, "", "up to", "homes")]),
        ("Fewer than 10 patients recovered.", [("Fewer than 10", 10, "", "fewer than", "patients recovered")]),
        ("The rate is 18.9 deaths per 100,000 people.", [("18.9", 18.9, "", "", "deaths per 100,000 people")]),
        ("Half a million people fled the city.", [("Half a million", 5e5, "", "", "people")]),
        ("The fine was €300 million.", [("€300 million", 3e8, "€", "", "")]),
        ("Police arrested twelve protesters.", [("twelve", 12, "", "", "protesters")]),
        ("However, 72 percent support term limits.", [("72 percent", 72, "%", "", "")]),
        ("The fine was 2000 euros.", [("2000 euros", 2000, "€", "", "")]),
        ("Some 40 police officers were hurt.", [("Some 40", 40, "", "about", "police officers hurt")]),
        ("The bank lent 1.5 billion euros to the firm.", [("1.5 billion euros", 1.5e9, "€", "", "")]),
        ("It has around an 80% success rate.", [("around an 80%", 80, "%", "about", "success rate")]),
        ("The price is about 50% higher than in May.", [("about 50%", 50, "%", "about", "")]),
        ("Of adults, 12% saying they blog.", [("12%", 12, "%", "", "")]),
        ("Attaining earnings of $10 a share is the goal.", [("$10", 10, "$", "", "earnings per share")]),
        ("Benefit will rise to a maximum of £63 a week.", [("a maximum of £63", 63, "£", "up to", "per week")]),
        ("Every system with higher than 12 solar masses ends so.", [("higher than 12", 12, "", "more than", "solar masses")]),
        ("Sales rose 3%, less than the 4.3% rise seen a year earlier.", [("3%", 3, "%", "", ""), ("4.3%", 4.3, "%", "", "rise")]),
        ("He will lease them for about $10 a month.", [("about $10", 10, "$", "about", "per month")]),
        ("Its share stayed at the 95% mark.", [("95%", 95, "%", "", "")]),
        ("I can't say it with 100% confidence because we did not test.", [("100%", 100, "%", "", "")]),
        ("Fox made revenues of $12bn last year.", [("$12bn", 12e9, "$", "", "revenues")]),
        ("It moved at 20 km/h today.", [("20", 20, "", "", "km/h")]),  # a speed, not km
        # a conversion in brackets repeats the figure before it, whose qualifier it would lose
        ("It raised at least 16.4bn rupees ($375m; £198m).", [("at least 16.4bn rupees", 16.4e9, "₹", "at least", "")]),
        ("It moved at 13 mph (20 km/h).", [("13", 13, "", "", "mph")]),
    ],
)
def test_figures_are_found_with_value_qualifier_and_what_they_count(text: str, expected: list[tuple[str, float, str, str, str]]) -> None:
    assert summary(text) == [(p, float(v), u, q, c) for p, v, u, q, c in expected]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the plant closed.",  # a year
        "The 2020 election was close.",
        "She was born in 1953 in Shelby.",
        "Since 1995 the law has stood.",
        "The original 1977 scripts were turned into books.",
        "John Smith, 45, said he was tired.",  # ages
        "A 45-year-old man was arrested.",
        "The man was 45 years old.",
        "Those aged 18 may vote.",
        "The meeting starts at 10:30 and ends at 3pm.",  # times
        "The train left at 10.30 on the dot.",
        "It happened on March 3 and on 3 March.",  # dates
        "On December 5 and 6, the talks went on.",
        "The letter is dated 3/4/2020.",
        "Call 0800 123 456 now.",  # phone numbers
        "Ring +44 20 7946 0958 for tickets.",
        "He won the second round and finished 3rd.",  # ordinals
        "It was the 21st attempt.",
        "See page 5 and section 3 of the Act.",  # labels
        "The team lost in round 3 of the cup.",
        "Apollo 11 landed; a Boeing 747 crashed; COVID-19 spread; the G7 met.",  # names
        "He drove along Interstate 75 at night.",
        "They won 3-1 in the final.",  # scores and ranges
        "University defeated Caboolture 43–5 in the semi.",
        "They won with a 22 points to 10 win.",
        "He was sentenced to 15 years in prison.",  # durations
        "Talks lasted three days.",
        "Suicides per 100,000 individuals are rare.",  # a rate's denominator
        "The vote was 52.",  # a bare number
        "He said the two men fled.",  # referring, not counting
        "One of them left.",
        "Thousands of people marched; dozens were hurt.",  # vague amounts
        "Option (2) was chosen.",  # list marker
        "The F-16 and the A320 flew over.",
        "Version 2.0.1 is out.",
        "It ran in the 1960s and the 80s.",
        "The firm has a 5m wall.",  # "5m" without a currency may be metres
        "Wales won the Six Nations again.",  # a name
        "Two thirds of voters agreed.",  # a fraction
        "They get about 20 thousand to 50 thousand rupees.",  # a range
        "It could require borrowing of up to $4.5bn trillion.",  # a typo we cannot read
        "It cut profits by $3.8m to $4.9m, or between 6.6% and 8.6%.",  # ranges: neither end is the figure
    ],
)
def test_not_figures(text: str) -> None:
    assert found(text) == []


def test_offsets_point_at_the_number_as_written() -> None:
    text = "Reports say nearly 500 civilians were killed."
    (f,) = found(text)
    assert text[f.start:f.end] == f.text == "500"
    assert f.phrase == "nearly 500"


def _place(text: str, ent_id: str, name: str, kind: str = "place") -> Entity:
    i = text.index(name)
    return Entity(ent_id, name, kind, mentions=(Span.of(text, i, i + len(name)),))


@pytest.mark.parametrize(
    ("text", "place", "about"),
    [
        ("At least 22 civilians were killed in Chernihiv.", "Chernihiv", "chernihiv"),
        ("In Kherson, about 300,000 residents remain.", "Kherson", "kherson"),
        # a place the clause only mentions is not what the figure is about
        ("Forces besieged two strategic seaports, while the column threatening Kyiv stalled.", "Kyiv", None),
        ("Kyiv says 500 soldiers were killed.", "Kyiv", None),
        ("500 soldiers were killed; in Kyiv life went on.", "Kyiv", None),
        # the figure's own place, not found by the annotation: not the next place named
        ("Turnout was 62% in Sheffield Hallam, against a drop in Bristol.", "Bristol", None),
    ],
)
def test_about_is_a_place_named_in_the_clause_where_it_happened(text: str, place: str, about: str | None) -> None:
    ent = _place(text, place.lower(), place)
    (f,) = found(text, Annotation((ent,), ()))
    assert f.about == about


@pytest.mark.parametrize(
    ("text", "org", "about"),
    [
        ("Apple made $17.5bn in annual profit.", "Apple", "apple"),
        ("The deal moves about 7000 employees from Tesco.", "Tesco", "tesco"),
        ("The WHO reported 167,515 cases across the world.", "WHO", None),  # who reports it: its source
        ("According to Reuters, the storm destroyed over 3,000 homes in the end.", "Reuters", None),
        ("The house has 231 Democrats and 194 Republicans.", "Republicans", None),  # counted by the next number
        ("It was certified by the RIAA, having sold over 10 million copies.", "RIAA", None),  # a bystander
        ("It was brought by a member of the SNP and 78 co-petitioners.", "SNP", None),  # someone else
    ],
)
def test_organisations_are_what_a_figure_is_about_only_close_by(text: str, org: str, about: str | None) -> None:
    ent = _place(text, org.lower(), org, "organisation")
    figs = found(text, Annotation((ent,), ()))
    assert figs and figs[0].about == about


def test_a_figure_in_a_claim_takes_its_speaker_as_source() -> None:
    text = "Ukraine said more than 2000 civilians have died. The city had 300,000 residents."
    content = "more than 2000 civilians have died"
    i = text.index(content)
    ukraine = _place(text, "ukraine", "Ukraine")
    claim = Claim("claim-1", "indirect", Span.of(text, i, i + len(content)),
                  speaker=Speaker(Span.of(text, 0, 7), "ukraine", 0.95))
    first, second = found(text, Annotation((ukraine,), (claim,)))
    assert (first.claim, first.speaker, first.speaker_text) == ("claim-1", "ukraine", "Ukraine")
    assert first.about is None  # the speaker is not what it is about
    assert (second.claim, second.speaker, second.speaker_text) == (None, None, "")


def test_an_unsure_speaker_is_kept_as_written_but_not_named() -> None:
    text = "He said 40 people were hurt."
    claim = Claim("claim-1", "indirect", Span.of(text, 8, 27), speaker=Speaker(Span.of(text, 0, 2), "someone", 0.2))
    (f,) = found(text, Annotation((), (claim,)))
    assert (f.claim, f.speaker, f.speaker_text) == ("claim-1", None, "He")


@pytest.mark.parametrize(
    ("counts", "key"),
    [
        ("civilians killed", "civilian killed"),
        ("confirmed coronavirus cases", "case"),
        ("people", "people"),
        ("casualties", "casualty"),
        ("Ukrainian soldiers", "ukrainian soldier"),
        ("women", "woman"),
        ("buses", "buse"),  # crude, but the same for every briefing: only compared with itself
    ],
)
def test_what_a_figure_counts_is_compared_singular(counts: str, key: str) -> None:
    assert normalise(counts) == key


def test_a_briefing_with_no_numbers_has_no_figures() -> None:
    assert found("Nobody said anything of note.") == []
    assert found("") == []


def test_extraction_is_linear_in_the_text() -> None:
    line = ("Officials said nearly 500 civilians were killed in 2019, about 300,000 people fled, "
            "$17.5bn was lost and 15.1% of homes burnt on March 3 at 10:30; call 0800 123 456. ")
    assert_linear(lambda t: found(t), lambda n: line * n, 500)
