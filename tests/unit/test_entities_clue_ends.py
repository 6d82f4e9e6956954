"""The quick tests in front of the clue patterns (`entities/context.py`): never false where the pattern matches.

`_after_org_noun` and `_after_work_noun` only let `org_clue` and `work_clue`
skip a regex search that cannot succeed, so each row checks both what the
quick test says and that it is true whenever the pattern itself matches.
"""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.entities import context as ctx

NAME = "Acme Corp said so."

ORG_ROWS: list[tuple[str, bool]] = [
    ("shares in ", True),
    ("Shares in ", True),
    ("the Japanese firm ", True),
    ("the firm, ", True),  # a comma before the name
    ("the firm \n", True),  # `$` matches before a final newline
    ("rival carmaker ", True),
    ("the group's ", True),
    ("a US think-tank ", True),
    ("she joined ", True),
    ("owned by the company ", True),
    ("(firm ", True),  # the noun after a bracket
    ("he met ", False),  # negatives: no organisation noun before the name
    ("the firmly ", False),
    ("a firm", False),  # no space before the name
    ("", False),
    ("firm,\n", False),
]

WORK_ROWS: list[tuple[str, bool]] = [
    ("the film ", True),
    ("the FILM ", True),  # any case
    ("starring in ", True),
    ("starred as the ", True),
    ("the game the ", True),
    ("the operating system ", True),
    ("his new album \n", True),
    ("the TV series on ", True),
    ("the \u017fhow ", True),  # a long s: the pattern decides
    ("the \u212aing ", True),  # a Kelvin sign: the pattern decides
    ("he said ", False),  # negatives: no work noun before the name
    ("the filmmaker ", False),
    ("the film", False),
    ("the film  ", False),
    ("", False),
]


CASES = [("org", before, expected) for before, expected in ORG_ROWS] + [("work", before, expected) for before, expected in WORK_ROWS]


@pytest.mark.parametrize(("kind", "before", "expected"), CASES)
def test_quick_ends(kind: str, before: str, expected: bool) -> None:
    """The quick test is right, and never false where one of its patterns matches (the pattern decides)."""
    quick_test, patterns, window = {
        "org": (ctx._after_org_noun, (ctx._ORG_BEFORE, ctx._ORG_BEFORE_SURE), 40),
        "work": (ctx._after_work_noun, (ctx._WORK_BEFORE,), 30),
    }[kind]
    text = before + NAME
    start = len(before)
    quick = quick_test(text, start)
    assert quick == expected
    for pattern in patterns:
        if pattern.search(text, max(0, start - window), start) is not None:
            assert quick


@pytest.mark.parametrize(
    ("before", "org", "work"),
    [
        ("shares in ", True, False),
        ("the Japanese firm ", True, False),
        ("the film ", False, True),
        ("the \u017fhow ", False, True),
        ("he met ", False, False),
    ],
)
def test_the_clues_keep_their_answers(before: str, org: bool, work: bool) -> None:
    text = before + "Acme said so."
    start, end = len(before), len(before) + 4
    assert ctx.org_clue(text, start, end) is org
    assert ctx.work_clue(text, start, end) is work
