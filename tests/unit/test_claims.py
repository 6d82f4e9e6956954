"""Claim extraction (`core.claims.find_claims`): the attribution patterns of news prose.

Each row is one short text and the one claim expected from it, as
(kind, content, cue, speaker span); the entity list is empty, so these rows
check what is found from the text alone.
"""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.claims import find_claims

Row = tuple[str, str, str | None, str | None]

CASES: list[tuple[str, Row]] = [
    # Direct quotations, attribution after the quotation.
    ('"We will not retreat," he said on Monday.', ("direct", "We will not retreat", "said", "he")),
    ("\u201cWhat are you afraid of?\u201d Kowalski said.", ("direct", "What are you afraid of?", "said", "Kowalski")),
    ('"It is over," said the mayor of Dunmore.', ("direct", "It is over", "said", "the mayor of Dunmore")),
    ('"Nothing has changed," Ms. Okafor told reporters.', ("direct", "Nothing has changed", "told", "Ms. Okafor")),
    # Direct quotations introduced by the attribution.
    ('Marta Ruiz said, "The roads are closed."', ("direct", "The roads are closed.", "said", "Marta Ruiz")),
    ("The minister wrote: \u201cWe must act now.\u201d", ("direct", "We must act now.", "wrote", "The minister")),
    # Reported speech.
    (
        "Governor Hale said that the bridge would reopen in May.",
        ("indirect", "that the bridge would reopen in May", "said", "Governor Hale"),
    ),
    (
        "Hale told reporters on Friday that the bridge would reopen.",
        ("indirect", "that the bridge would reopen", "told", "Hale"),
    ),
    ("Hale charged that the contract was rigged.", ("indirect", "that the contract was rigged", "charged", "Hale")),
    (
        "The regional emergencies agency says at least 12 people have been killed.",
        ("indirect", "at least 12 people have been killed", "says", "The regional emergencies agency"),
    ),
    (
        "Brunei, speaking at a press conference in Oslo, said the talks had failed.",
        ("indirect", "the talks had failed", "said", "Brunei"),
    ),
    (
        "Dana Obi, the mayor of Kestrel, said the convoy was approaching the town.",
        ("indirect", "the convoy was approaching the town", "said", "Dana Obi"),
    ),
    (
        "A senior defence official, who spoke on condition of anonymity, said troops were short of fuel.",
        ("indirect", "troops were short of fuel", "said", "A senior defence official"),
    ),
    (
        "The ferry sank in heavy seas, according to the coastguard.",
        ("indirect", "The ferry sank in heavy seas", "according to", "the coastguard"),
    ),
    (
        "According to officials, the ferry sank in heavy seas.",
        ("indirect", "the ferry sank in heavy seas", "According to", "officials"),
    ),
    (
        "Ms Lowe told The Star-Ledger of Newark last week she would vote for Kim.",
        ("indirect", "she would vote for Kim", "told", "Ms Lowe"),
    ),
    ("He told them Kim has a plan for the city.", ("indirect", "Kim has a plan for the city", "told", "He")),
    # Attribution after the claim, or around it.
    ("The ferry sank in heavy seas, officials said.", ("indirect", "The ferry sank in heavy seas", "said", "officials")),
    (
        "The ferry sank in heavy seas, said the mayor of Dunmore.",
        ("indirect", "The ferry sank in heavy seas", "said", "the mayor of Dunmore"),
    ),
    (
        "This campaign, he says, is different from the last one.",
        ("indirect", "This campaign, he says, is different from the last one", "says", "he"),
    ),
    ('"It is over," Rep. Ann Lowe (D-Wis.) said.', ("direct", "It is over", "said", "Rep. Ann Lowe (D-Wis.)")),
    # Questions and promises.
    (
        "The reporter asked whether the bridge would reopen.",
        ("indirect", "whether the bridge would reopen", "asked", "The reporter"),
    ),
    ("The governor vowed to rebuild every school.", ("indirect", "to rebuild every school", "vowed", "The governor")),
    # Signatures and speaker labels, with no verb.
    ("\u201cHe never listens.\u201d \u2015 Maria Lopez", ("direct", "He never listens.", None, "Maria Lopez")),
    ("Gingrich: Trump must decide on a running mate", ("indirect", "Trump must decide on a running mate", None, "Gingrich")),
    # Mixed: reported speech holding a quoted fragment.
    (
        'Hale said the closure was "a disgrace" and must end.',
        ("mixed", 'the closure was "a disgrace" and must end', "said", "Hale"),
    ),
]


@pytest.mark.parametrize("text, row", CASES, ids=[c[0][:40] for c in CASES])
def test_one_claim(text: str, row: Row) -> None:
    claims = find_claims(text, [])
    assert len(claims) == 1, [c.content.text for c in claims]
    claim = claims[0]
    kind, content, cue, speaker = row
    assert claim.kind == kind
    assert claim.content.text == content
    assert (claim.cue.text if claim.cue else None) == cue
    assert (claim.speaker.span.text if claim.speaker else None) == speaker


@pytest.mark.parametrize(
    "text",
    [
        'She spoke during an "urgent debate" at the council.',  # scare quote: no cue
        'The film "Dark Water" opens on Friday.',  # a title
        'He said on the programme "Morning Live" on Sunday.',  # a title after a used cue
        "The report was told in three parts.",  # passive cue
        "He did not say whether he would run.",  # negated cue
        "Its claims were promising.",  # cue forms used as nouns and adjectives
        "Prospects seem promising for the team.",
        "Photo: The ferry in the harbour at dawn",  # a label, not a speaker
        "",
    ],
)
def test_no_claim(text: str) -> None:
    assert [c.content.text for c in find_claims(text, [])] == []


def test_participle_and_coordination_share_the_sentence_subject() -> None:
    text = (
        "Tomas Berg said that the talks had stalled, adding that \"no one is leaving\". "
        "The council confirmed the vote and said it would appeal."
    )
    found = [(c.cue.text, c.speaker.span.text, c.kind) for c in find_claims(text, []) if c.cue and c.speaker]
    assert ("said", "Tomas Berg", "indirect") in found
    assert ("adding", "Tomas Berg", "mixed") in found
    assert ("said", "The council", "indirect") in found


def test_quotation_split_by_its_attribution_is_one_claim() -> None:
    text = '"This is not over," she said. "We will be back."'
    (claim,) = find_claims(text, [])
    assert claim.content.text.startswith("This is not over") and claim.content.text.endswith("We will be back.")
    assert claim.speaker is not None and claim.speaker.span.text == "she"


@pytest.mark.parametrize(
    ("text", "first", "continued"),
    [
        # The attribution's own sentence may hold another cue: the next quotation still goes on.
        ('"It was very nice," the tycoon told Reuters when asked if he had met her. "He was very charming."',
         "It was very nice", True),
        ('"You are no longer welcome," said Kristen Day, reports USA Today. "This is the general message."',
         "You are no longer welcome", True),
        # Someone else has spoken in between (a later sentence holds a claim): no continuation.
        ('Mr Blair said: "I am very sorry." Mr Conlon said the families were delighted.\n'
         'He added that it was over. "It\'s a day I never thought would come."',
         "I am very sorry.", False),
    ],
    ids=["cue-in-own-sentence", "relay-in-own-sentence", "other-speaker-between"],
)
def test_a_quotation_continues_the_last_quote_only_if_nobody_spoke_between(text: str, first: str, continued: bool) -> None:
    claims = find_claims(text, [])
    (quote,) = [c for c in claims if c.content.text.startswith(first)]
    assert quote.content.text.endswith(("charming.", "message.", "would come.")) is continued, quote.content.text


def test_continued_paragraph_quotation_keeps_its_speaker() -> None:
    text = (
        'The mayor, Lena Ortiz, said the port was shelled.\n'
        '"There are many wounded," she said.\n'
        '"The city is surrounded.\n'
        '"We need a corridor."'
    )
    claims = find_claims(text, [])
    last = claims[-1]
    assert last.kind == "direct" and last.content.text.endswith("We need a corridor.")
    assert last.speaker is not None and last.speaker.span.text == "she"


def test_that_is_according_to_takes_the_previous_sentence() -> None:
    text = 'The column has made "no appreciable movement" in two days. That\'s according to a senior official.'
    claims = find_claims(text, [])
    (claim,) = [c for c in claims if c.cue and c.cue.text == "according to"]
    assert claim.content.text.startswith("The column has made")
    assert claim.speaker is not None and claim.speaker.span.text == "a senior official"


def test_hedges_are_attached_to_their_claim() -> None:
    text = "Ukraine said 200 soldiers had died, a claim that could not be independently verified. Mr Lee said the roads were open."
    first, second = find_claims(text, [])
    assert first.hedges == ("claimed", "could not be independently verified") or first.hedges == (
        "could not be independently verified",
    )
    assert second.hedges == ()


def test_ids_run_in_text_order() -> None:
    text = '"One," he said. Later Ms Ode said that two was next. "Three," said Kim.'
    claims = find_claims(text, [])
    assert [c.id for c in claims] == [f"claim-{i}" for i in range(1, len(claims) + 1)]
    assert [c.content.start for c in claims] == sorted(c.content.start for c in claims)
    assert len(claims) == 3


def test_quotation_right_after_another_takes_its_own_attribution() -> None:
    text = 'The team wrote: "We can do better." "We will review our procedures," the team said.'
    claims = find_claims(text, [])
    assert [(c.kind, c.content.text, c.cue.text if c.cue else None) for c in claims] == [
        ("direct", "We can do better.", "wrote"),
        ("direct", "We will review our procedures", "said"),
    ]
