"""Attribution patterns added for stance verbs, questions and clauses around quotations.

Each row is one short text and the one claim expected from it, as
(kind, content, cue, speaker span), found from the text alone (no entities).
"""

from __future__ import annotations

import pytest
from claim_rows import Row, check_one_claim

from mkdocs_briefings.core.claims import find_claims

CASES: list[tuple[str, Row]] = [
    # Verbs of stance and announcement with a noun-phrase object: the object is the claim.
    ("The senator announced his bid for the presidency.", ("indirect", "his bid for the presidency", "announced", "The senator")),
    ("A new poll showed a tight race in the state.", ("indirect", "a tight race in the state", "showed", "A new poll")),
    ("Ms Varga criticised the ruling on the new tariffs.", ("indirect", "the ruling on the new tariffs", "criticised", "Ms Varga")),
    (
        "Russia claimed victory over the city, with fighting still going on.",
        ("indirect", "victory over the city", "claimed", "Russia"),
    ),
    ("The council called for an inquiry into the fire.", ("indirect", "an inquiry into the fire", "called", "The council")),
    ("The aide declined to specify the nature of the talks.", ("indirect", "to specify the nature of the talks", "declined", "The aide")),
    ("Ms Ode denied the charges through her lawyer.", ("indirect", "the charges", "denied", "Ms Ode")),
    # Adverbs in -ly between speaker and cue belong to neither; a relative clause's own subject speaks.
    ("The manager bluntly suggested that the plan was doomed.", ("indirect", "that the plan was doomed", "suggested", "The manager")),
    (
        "They favour public works, which they argue spur demand more quickly.",
        ("indirect", "spur demand more quickly", "argue", "they"),
    ),
    # Verbs of saying take a bare clause even without a verb the engine knows.
    ("He said his friends feel the same way.", ("indirect", "his friends feel the same way", "said", "He")),
    ("She said stocks aren\u2019t a good investment now.", ("indirect", "stocks aren\u2019t a good investment now", "said", "She")),
    # A name whose parenthesis ends in a full stop stays the speaker.
    (
        "Senator Ann Lowe (D-Calif.) last week said the bill was not ready.",
        ("indirect", "the bill was not ready", "said", "Senator Ann Lowe (D-Calif.)"),
    ),
    # "Told" closing its sentence: the person told is skipped before the tail is checked.
    (
        "The union will sit out the election, the director told reporters on Monday.",
        ("indirect", "The union will sit out the election", "told", "the director"),
    ),
    # Participles after "by", "while" or "and" take the sentence's subject.
    (
        "Bolton left the stage while saying that the candidate had much to learn.",
        ("indirect", "that the candidate had much to learn", "saying", "Bolton"),
    ),
    # Quantifiers stand alone as speakers; a name in -ing is not a fronted participle.
    ("Several said they would rather fund schools directly.", ("indirect", "they would rather fund schools directly", "said", "Several")),
    (
        "At the door, Ebeling smiled at the crowd, and said their views had changed.",
        ("indirect", "their views had changed", "said", "Ebeling"),
    ),
    # An inverted speaker may carry a long appositive.
    (
        "Tariffs will not bring these jobs back, said Ann Ruiz, a professor of economics at the university, who studies trade.",
        ("indirect", "Tariffs will not bring these jobs back", "said", "Ann Ruiz"),
    ),
    # A description before the name after a quotation is part of the speaker phrase.
    (
        '"She is a mother of three," another friend, Mariam Emara told CNN.',
        ("direct", "She is a mother of three", "told", "another friend, Mariam Emara"),
    ),
    # Questions: passive "asked" (asker after "by", or none) and "asked X if".
    ("Asked by reporters whether he would run again, he smiled.", ("indirect", "whether he would run again", "Asked", "reporters")),
    ("The mayor left when asked if the budget was balanced.", ("indirect", "if the budget was balanced", "asked", None)),
    ("Mr. Rubin asked the students if they were always so serious.", ("indirect", "if they were always so serious", "asked", "Mr. Rubin")),
    # "According to" with a pronoun, in parentheses, or interrupting its sentence.
    (
        "He left years ago after, according to him, the network censured his first report.",
        ("indirect", "He left years ago after, according to him, the network censured his first report", "according to", "him"),
    ),
    (
        "(According to the police, it does not keep statistics on such violations.)",
        ("indirect", "it does not keep statistics on such violations.)", "According to", "the police"),
    ),
    # A quotation completing a clause begun before it takes the clause with it.
    (
        'Still, golf clubs are "just scratching out a profit," Mr. Hedge said.',
        ("mixed", 'Still, golf clubs are "just scratching out a profit,"', "said", "Mr. Hedge"),
    ),
    (
        'Abbott told the crowd that if they want our guns, "come and take it."',
        ("mixed", 'that if they want our guns, "come and take it."', "told", "Abbott"),
    ),
    # Commas inside the quotation do not end the reported clause that holds it.
    (
        'Cruz argued that if Trump wins "we will see liberals on the court, and we will lose our rights" again.',
        ("mixed", 'that if Trump wins "we will see liberals on the court, and we will lose our rights" again', "argued", "Cruz"),
    ),
    # ... and a quotation still open where the sentence ends carries the clause to its close.
    (
        'He added that the account should "be read with hindsight. It must be terrible for him."',
        ("mixed", 'that the account should "be read with hindsight. It must be terrible for him."', "added", "He"),
    ),
]


@pytest.mark.parametrize("text, row", CASES, ids=[c[0][:40] for c in CASES])
def test_one_claim(text: str, row: Row) -> None:
    check_one_claim(text, row)


@pytest.mark.parametrize(
    "text",
    [
        "The states that vote next week include Ohio.",  # "states" as a noun
        "His remarks drew applause from the crowd.",  # "remarks" as a noun
        "Conservative thought leaders met in the capital.",  # "thought" is a belief, not a report
        "The attacks on the convoy continued overnight.",
        "She defended.",  # a stance verb with no object
        "The union urged members to reject the offer.",  # a directive, not a claim
    ],
)
def test_no_claim(text: str) -> None:
    assert [c.content.text for c in find_claims(text, [])] == []
