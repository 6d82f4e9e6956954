"""Topics spoken about, paragraphs introduced by "He said:", transcript lines in quotation marks (issue 12).

Rows give the text and the claims expected from it as (content, cue, speaker
span), found from the text alone (no entities); negatives yield none.
"""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.claims import find_claims

Claim3 = tuple[str, str | None, str | None]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A topic after a verb of talking, complaining or worrying, with a source as subject.
        ("Donald Trump is talking about his microphone problems.", [("his microphone problems", "talking about", "Donald Trump")]),
        ("She spoke about her deep ties to black churches.", [("her deep ties to black churches", "spoke about", "She")]),
        ("Roberts spoke of the legacy of racism.", [("the legacy of racism", "spoke of", "Roberts")]),
        ("The governor complained bitterly about the new tax rules.", [("the new tax rules", "complained bitterly about", "The governor")]),
        # A paragraph ending "He said:" introduces the next paragraph, written with no quotation marks.
        (
            "Trump used Chicago as his example. He said:\nWe have a situation where our inner cities are dangerous.",
            [("We have a situation where our inner cities are dangerous.", "said", "He")],
        ),
        (
            "The governor added:\nIt is typical of her campaign and the mouth never stops.",
            [("It is typical of her campaign and the mouth never stops.", "added", "The governor")],
        ),
        # ... and the next paragraph may be quoted; "reports:" and "commented:" introduce too.
        (
            'The New York Times reports:\n"Just 24 percent of the contributors have given $200 or less.',
            [('"Just 24 percent of the contributors have given $200 or less.', "reports", "The New York Times")],
        ),
        (
            'In a debate, a friend commented: "For you, immigration is the reason not to vote."',
            [("For you, immigration is the reason not to vote.", "commented", "a friend")],
        ),
        # Transcript lines quoted paragraph by paragraph keep their label as the speaker.
        (
            '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.',
            [("Gennifer Flowers will not be attending the debate tomorrow night", None, "PENCE")],
        ),
        # "according to" after a whole clause ends it; interrupting a clause, it keeps the whole sentence.
        (
            "The top 1 percent would see their incomes rise by 19.9 percent, according to the Tax Foundation, more than twice the rest.",
            [("The top 1 percent would see their incomes rise by 19.9 percent", "according to", "the Tax Foundation")],
        ),
        (
            "Over the long term, according to the office, the deficit will rise sharply.",
            [("Over the long term, according to the office, the deficit will rise sharply", "according to", "the office")],
        ),
        # A title-case headline closed by its source; a poll's analysis far from "shows".
        (
            "Trump Could Address Clean Energy, Lindsey Graham Says.\nThe senator spoke on Friday.",
            [("Trump Could Address Clean Energy", "Says", "Lindsey Graham")],
        ),
        # "support" as a verb, and as the noun.
        ("Most voters support a temporary ban on new drilling.", [("a temporary ban on new drilling", "support", "Most voters")]),
    ],
)
def test_claims(text: str, expected: list[Claim3]) -> None:
    got = [(c.content.text, c.cue.text if c.cue else None, c.speaker.span.text if c.speaker else None) for c in find_claims(text, [])]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "He spoke on condition of anonymity about the talks.",  # how the source is hidden
        "People who talk about the weather are boring.",  # a relative clause of another noun
        "The weather was talked about for days.",  # a passive
        "You worried about nothing at all.",  # the reader
        "Her support among black voters was solid.",  # the noun
        "Black voter support was more solid in the north.",
        "The page said:\nSee more.",  # too short to be a statement
        "He cannot comment because he has not seen it.",  # "comment" with no clause after it
        "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell",  # a list of names
        "Contributing: Brittney Bennett and Greg Toppo, USA TODAY",  # a credit line
        "BOOM: Trump Just Fired A Missile At Her Campaign",  # an exclamation, not a speaker
        "The Best New Songs Of The Year, Ranked By Critics Says.",  # no comma before the source's name... and no name
        "The talent show drew a large crowd on Friday.",  # a programme
        '"Yes: the vote is on Tuesday and polls open at seven.',  # a word, not a transcript label
    ],
)
def test_no_claim(text: str) -> None:
    assert [c.content.text for c in find_claims(text, [])] == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        # A signature after a quotation: the dash may sit between no-break spaces, or touch the mark.
        ("\u201cMaybe we can build a wall around him.\u201d \u2015\u00a0Steve Quinlan.", "Steve Quinlan"),
        ("\u201cHe is ignorant of our culture and lives.\u201d\u2015 Pamela Padilla", "Pamela Padilla"),
        ("\u201cWe will not stop until the end.\u201d \u2014 Jorge Falcon", "Jorge Falcon"),
    ],
)
def test_signature_after_a_quotation(text: str, speaker: str) -> None:
    claims = find_claims(text, [])
    assert [c.speaker.span.text if c.speaker else None for c in claims] == [speaker]


@pytest.mark.parametrize(
    "text, content",
    [
        # A poll shows, however many words describe it before the verb; a TV show does not.
        ("The latest opinion poll conducted for the network by an outside firm shows Clinton ahead by five points.",
         "Clinton ahead by five points"),
        ("The talent show everyone watched on Friday shows real promise for the channel.", None),
    ],
)
def test_evidence_far_from_shows(text: str, content: str | None) -> None:
    assert [c.content.text for c in find_claims(text, [])] == ([content] if content else [])


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        # A quotation inside a clause that goes on before the attribution: the whole clause is the claim.
        ("A cashier who \u201csteals a handful of $20s\u201d is held accountable, Warren said.",
         "A cashier who \u201csteals a handful of $20s\u201d is held accountable", "Warren"),
        # negative: a speaker with an appositive between quotation and cue stays one speaker phrase
        ("\u201cWe will win,\u201d another friend, Mariam Emara, told CNN.", "We will win", "another friend, Mariam Emara"),
    ],
)
def test_clause_going_on_past_a_quotation(text: str, content: str, speaker: str) -> None:
    claims = find_claims(text, [])
    assert [(c.content.text, c.speaker.span.text if c.speaker else None) for c in claims] == [(content, speaker)]
