"""Stances reported as claims, and sentence adverbs that are never a speaker (issue 12, PolNeAR recall).

Each row is one short text and the one claim expected from it, as
(kind, content, cue, speaker span), found from the text alone (no entities);
each pattern has negatives that must yield no claim or keep their speaker.
"""

from __future__ import annotations

import pytest
from claim_rows import Row, check_one_claim

from mkdocs_briefings.core.claims import find_claims

CASES: list[tuple[str, Row]] = [
    # "expressed" and "denounced" take what was held or condemned as their object.
    (
        "Younger voters expressed misgivings about the candidate.",
        ("indirect", "misgivings about the candidate", "expressed", "Younger voters"),
    ),
    (
        "The minister expressed concern that the talks would stall.",
        ("indirect", "concern that the talks would stall", "expressed", "The minister"),
    ),
    ("Ms Reyes denounced the annexation of the peninsula.", ("indirect", "the annexation of the peninsula", "denounced", "Ms Reyes")),
    # Aims and hopes take their infinitive, as promises do.
    ("The group seeks to prevent gun deaths in the city.", ("indirect", "to prevent gun deaths in the city", "seeks", "The group")),
    ("She hopes to be elected president next year.", ("indirect", "to be elected president next year", "hopes", "She")),
    ("The coalition aims to cut emissions by half.", ("indirect", "to cut emissions by half", "aims", "The coalition")),
    # An inquiry's finding, with or without "that".
    (
        "An arbitration panel in 2001 found the United States was in breach of the agreement.",
        ("indirect", "the United States was in breach of the agreement", "found", "An arbitration panel"),
    ),
    ("One study found 31 cases of fraud among a billion ballots.", ("indirect", "31 cases of fraud among a billion ballots", "found", "One study")),
    # A reported clause goes on past a list or a result in -ing, and stops at a contrast even after a quotation.
    (
        "The campaign says it raised $21 million in January, bringing its total to $95 million.",
        ("indirect", "it raised $21 million in January, bringing its total to $95 million", "says", "The campaign"),
    ),
    (
        "She said the tariffs would hurt farmers, including those in Iowa.",
        ("indirect", "the tariffs would hurt farmers, including those in Iowa", "said", "She"),
    ),
    (
        'Voters said the positions are "about right," though many call them too liberal.',
        ("mixed", 'the positions are "about right,"', "said", "Voters"),
    ),
    ("He said the economy was improving, smiling at the crowd.", ("indirect", "the economy was improving", "said", "He")),
    ("Most said they backed the plan, compared with a third last year.", ("indirect", "they backed the plan", "said", "Most")),
    # "report" takes a bare clause as "say" does (its object, "reported its casualties", is no claim); the noun ("a GAO report found") is no cue.
    ("CNN reported at least six planes filled the skies.", ("indirect", "at least six planes filled the skies", "reported", "CNN")),
    ("Amazon reported it sold $30 billion in goods in the quarter.", ("indirect", "it sold $30 billion in goods in the quarter", "reported", "Amazon")),
    ("A GAO report found that the agency could not trace the money.", ("indirect", "that the agency could not trace the money", "found", "A GAO report")),
    # A poll average shows as a poll does.
    (
        "The state polling average shows the senator ahead by 3.7 points.",
        ("indirect", "the senator ahead by 3.7 points", "shows", "The state polling average"),
    ),
    # A sentence adverb before a comma is no speaker, with or without an adverb's ending.
    ("Overall, the fund predicted that growth would slow next year.", ("indirect", "that growth would slow next year", "predicted", "the fund")),
    ("Recently, the group said that new bases were needed.", ("indirect", "that new bases were needed", "said", "the group")),
    (
        "Once in his twenties, when his mother prayed for him, he laughed and said he did not believe in it.",
        ("indirect", "he did not believe in it", "said", "he"),
    ),
    # A sentence-final attribution: a dateline is not what was said; ", and ..." opens no appositive of a subject.
    (
        "BEDFORD, N.H. (AP) \u2014 The rivals see an opening in New Hampshire, aides said.",
        ("indirect", "The rivals see an opening in New Hampshire", "said", "aides"),
    ),
    (
        "The EU \u2015 and its members \u2015 will act, officials said.",
        ("indirect", "The EU \u2015 and its members \u2015 will act", "said", "officials"),
    ),
    (
        "The refusal did not go over well, and the meeting deteriorated from there, said one source in the room.",
        ("indirect", "The refusal did not go over well, and the meeting deteriorated from there", "said", "one source"),
    ),
    # Adverbs of frequency stand between speaker and cue.
    ("The network has always claimed that its reporters are unbiased.", ("indirect", "that its reporters are unbiased", "claimed", "The network")),
    # Names in -ly and a name before its description stay the speaker.
    ("The official said the talks had stalled.", ("indirect", "the talks had stalled", "said", "The official")),
    ("Stanley, chief executive of the firm says the deal was done.", ("indirect", "the deal was done", "says", "Stanley")),
    ("Kelly, a spokeswoman for the firm says the deal was done.", ("indirect", "the deal was done", "says", "Kelly")),
]


@pytest.mark.parametrize("text, row", CASES, ids=[c[0][:40] for c in CASES])
def test_one_claim(text: str, row: Row) -> None:
    check_one_claim(text, row)


@pytest.mark.parametrize(
    "text",
    [
        "She took the express train to Leeds.",  # an adjective after a determiner
        "The denounced official resigned on Monday.",  # a participle as adjective
        "They expressed.",  # no object
        "The parcel was expressed to the office.",  # a passive names no source
        "He did not denounce anyone.",  # negated
        "They sought shelter in the church.",  # an object, not an aim
        "Police are seeking a man in his thirties.",
        "He aimed at the target and fired.",
        "The hope to win faded.",  # a noun
        "Three people were reported missing.",  # passive
        "He reported to the manager on Monday.",
        "The company reported its smallest quarterly profit in 17 years.",
        "The IMF report provides little clarity on the outlook.",  # a noun
        "He made his constant vow to build a wall.",  # a noun after its adjective
        "Her firmest promise yet was to block the deal.",
        "The talent show drew an average crowd.",  # a programme, not a report
        "An average player shows real promise.",  # "average" as an adjective
        "Police found the body in the river.",  # found by people, not an inquiry
        "He found the keys under the mat.",
    ],
)
def test_no_claim(text: str) -> None:
    assert [c.content.text for c in find_claims(text, [])] == []
