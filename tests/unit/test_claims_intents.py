"""Stated intentions, progressive cues, warnings and sides taken as claims (issue 12, PolNeAR recall).

Each row is one short text and the one claim expected from it, as
(kind, content, cue, speaker span), found from the text alone (no entities);
the negatives must yield no claim, or only the claim of the verb of saying.
"""

from __future__ import annotations

import pytest
from claim_rows import Row, check_one_claim

from mkdocs_briefings.core.claims import find_claims
from mkdocs_briefings.core.claims.intents import source_like

CASES: list[tuple[str, Row]] = [
    # A source's stated intention: a name, a pronoun or a description, then the verb and "to".
    (
        "Clinton wants to triple the size of the AmeriCorps program.",
        ("indirect", "to triple the size of the AmeriCorps program", "wants", "Clinton"),
    ),
    ("The Clinton campaign plans to employ Mr. Obama in the coming weeks.", ("indirect", "to employ Mr. Obama in the coming weeks", "plans", "The Clinton campaign")),
    ("He intends to spend nearly all his time in California.", ("indirect", "to spend nearly all his time in California", "intends", "He")),
    ("The committee decided to hold the aide in contempt.", ("indirect", "to hold the aide in contempt", "decided", "The committee")),
    ("The bank expects to cut 500 jobs by March.", ("indirect", "to cut 500 jobs by March", "expects", "The bank")),
    ("The IMF expects that U.S. output will expand by 1.6 percent.", ("indirect", "that U.S. output will expand by 1.6 percent", "expects", "The IMF")),
    ("He also wants to extend paid leave to new mothers.", ("indirect", "to extend paid leave to new mothers", "wants", "He")),
    ("A House panel voted to hold the aide in contempt.", ("indirect", "to hold the aide in contempt", "voted", "A House panel")),
    # A progressive verb of saying or stance takes its object or clause as the simple form does.
    ("Donald Trump is defending his early-morning tweets about the pageant.", ("indirect", "his early-morning tweets about the pageant", "defending", "Donald Trump")),
    ("Clinton is calling for a stronger role in the conflict.", ("indirect", "a stronger role in the conflict", "calling", "Clinton")),
    ("The senator was saying the vote would be close.", ("indirect", "the vote would be close", "saying", "The senator")),
    # A warning's topic after "of"/"about"/"against", not the person warned.
    ("The fund warned of a deep recession next year.", ("indirect", "a deep recession next year", "warned", "The fund")),
    ("Doctors warned against cuts to the clinic.", ("indirect", "cuts to the clinic", "warned", "Doctors")),
    # Taking sides: the object is the stance, a single name included; when and how are not.
    ("Christie endorsed Trump last week.", ("indirect", "Trump", "endorsed", "Christie")),
    ("Ryan endorsed Trump in early June.", ("indirect", "Trump", "endorsed", "Ryan")),
    ("The union backed Clinton.", ("indirect", "Clinton", "backed", "The union")),
    ("Kaine has opposed defunding Planned Parenthood.", ("indirect", "defunding Planned Parenthood", "opposed", "Kaine")),
    ("She supported the plan to cut taxes.", ("indirect", "the plan to cut taxes", "supported", "She")),
    ("Trump proclaimed a goal of lasting peace.", ("indirect", "a goal of lasting peace", "proclaimed", "Trump")),
    ("Clinton noted the recent violence in the city.", ("indirect", "the recent violence in the city", "noted", "Clinton")),
    ("In a video, she criticized Singer and challenged him.", ("indirect", "Singer", "criticized", "she")),
    ("Senator Bernie Sanders questioned Mr. Trump's veracity.", ("indirect", "Mr. Trump's veracity", "questioned", "Senator Bernie Sanders")),
    ("Gina Rodriguez Questioned What It Means To Be Latino Enough", ("indirect", "What It Means To Be Latino Enough", "Questioned", "Gina Rodriguez")),
    ("Trump claims that he should be the exception.", ("indirect", "that he should be the exception", "claims", "Trump")),
    (
        "The Republican nominee continues to insist that he wants the audit finished.",
        ("indirect", "that he wants the audit finished", "insist", "The Republican nominee"),
    ),
    ("He appeared to suggest that veterans might not be as strong.", ("indirect", "that veterans might not be as strong", "suggest", "He")),
    ("A spokesman declined to comment.", ("indirect", "to comment", "declined", "A spokesman")),
    ("Critics decried the ruling on voter rolls.", ("indirect", "the ruling on voter rolls", "decried", "Critics")),
    ("The campaign touted its fundraising haul.", ("indirect", "its fundraising haul", "touted", "The campaign")),
    ("Trump likened the refugees to a vicious snake.", ("indirect", "the refugees to a vicious snake", "likened", "Trump")),
    ("The two men discussed the recent violence at the rallies.", ("indirect", "the recent violence at the rallies", "discussed", "The two men")),
]


@pytest.mark.parametrize("text, row", CASES, ids=[c[0][:40] for c in CASES])
def test_one_claim(text: str, row: Row) -> None:
    check_one_claim(text, row)


@pytest.mark.parametrize(
    "text",
    [
        "Women who want to obtain the medication must see a doctor twice.",  # a relative clause of another noun
        "The decision is widely expected to be unfavorable for Beijing.",  # a passive
        "If you want to understand the debate, read the transcript.",  # the reader, in a condition
        "I wanted to get the facts right before the show.",  # the writer
        "The rules were intended to rein in payday lending.",  # a passive
        "He did not want to remain in the hospital.",  # negated
        "Voters may want to chip in before the deadline.",  # a guess with a modal
        "Her plans to build a wall were dropped.",  # a noun
        "The council wants to the end of the year to decide.",  # "to" before no verb
        "He wants to.",  # no clause
        "He warned the crowd.",  # the person warned is no claim
        "She was warning the crowd.",
        "The union backed it.",  # one word that names nothing
        "Their support for the plan was clear.",  # a noun
        "Advocates for the poor met on Monday.",  # a noun, and not a verb of taking sides
        "Thanks to the rain, the match was delayed.",  # not the verb
        "Early systems offer around two megabits per second.",  # what a product offers is no claim
        "The notes of the meeting were published.",  # a noun
        "She criticized it.",  # one word that names nothing
        "Its claims that taxes fell were false.",  # the noun, owned by no name
        "He has tried to suggest nothing.",  # an infinitive after no catenative verb
        "He declined.",  # no infinitive
        "The phone, expected to cost $250, goes on sale today.",  # a participle
        "She appeared in a show that aired on Thursday.",  # a programme, not a report
        "One tweet drew applause from fans.",  # "tweet" as a noun
        "The senator came back to the city on Monday.",  # "back" is no verb of taking sides
    ],
)
def test_no_claim(text: str) -> None:
    assert [c.content.text for c in find_claims(text, [])] == []


@pytest.mark.parametrize(
    "text, content",
    [
        # The intention is part of what was said: one claim, the verb of saying's.
        ("Clinton says she wants to expand those standards to hedge funds.", "she wants to expand those standards to hedge funds"),
        ('"We want to win," she said.', "We want to win"),
        ("Rubio says he opposes the bill on gun sales.", "he opposes the bill on gun sales"),
        ("Haley said she was backing the Florida senator.", "she was backing the Florida senator"),
        ("Trump said fans should check out what he called her secret tape.", "fans should check out what he called her secret tape"),
        ("Aides said he refuses to release his tax returns this year.", "he refuses to release his tax returns this year"),
    ],
)
def test_inside_another_claim(text: str, content: str) -> None:
    assert [c.content.text for c in find_claims(text, [])] == [content]


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Clinton", True),
        ("she", True),
        ("the campaign", True),
        ("Many Democrats", True),
        ("you", False),
        ("I", False),
        ("it", True),  # a company or a body, as often as not
        ("officials'", False),
        ("soon", False),
    ],
)
def test_source_like(phrase: str, expected: bool) -> None:
    assert source_like(phrase) is expected


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        # After a comma, a verb of stance and a name to the sentence's end is an inverted attribution.
        ('"The numbers are clear," noted NBC\'s Dante Chinni.', "The numbers are clear", "NBC's Dante Chinni"),
        ("The vote was close, noted the Associated Press.", "The vote was close", "the Associated Press"),
    ],
)
def test_inverted_speaker_is_no_object(text: str, content: str, speaker: str) -> None:
    claims = find_claims(text, [])
    assert [(c.content.text, c.speaker.span.text if c.speaker else None) for c in claims] == [(content, speaker)]
