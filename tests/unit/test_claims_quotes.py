"""Pairing quotation marks (`core.claims.quotes`): the shapes news text gives them."""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.claims.quotes import find_quotes


def words(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Sit down with me," he said.', ["Sit down with me"]),  # the comma belongs to the attribution
        ("\u201cI don't bite.\u201d", ["I don't bite."]),
        ('He said "yes" and "no".', ["yes", "no"]),
        ("\u201cA \u2018nested\u2019 quote,\u201d she said.", ["A \u2018nested\u2019 quote"]),
        ('Mixed \u201cmarks" work.', ["marks"]),
        ('"Unclosed runs to the paragraph end\nNext paragraph.', ["Unclosed runs to the paragraph end"]),
        ('"First paragraph.\n"Second paragraph."\nAfter.', ['First paragraph.\n"Second paragraph.']),
        ('"One.\n"Two.\n"Three."', ['One.\n"Two.\n"Three.']),
        # paragraphs of one quotation joined into a line: the mark after a full stop resumes it
        ('"Above money. "It does not matter," he said.', ['Above money. "It does not matter']),
        ("\u201cAbove money. \u201cIt does not matter,\u201d he said.", ["Above money. \u201cIt does not matter"]),
        ('"Maybe. Maybe not.\n"Our position stands."', ['Maybe. Maybe not.\n"Our position stands.']),
        # no sentence end before the second mark: the first was never closed
        ('An "unclosed fragment "Another one," she said.', ["Another one"]),
        ("\u201cunclosed fragment \u201cAnother one,\u201d she said.", ["Another one"]),
        ("The \u2018British style\u2019 quote.", ["British style"]),
        ("It\u2019s Tom\u2019s car.", []),  # apostrophes are not quotations
        ('a " b', []),  # a lone mark between spaces opens nothing
        ("", []),
        ('"', []),
        ("\u201d\u201c", []),
    ],
)
def test_quotations(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_continued_quotation_is_flagged_and_closed() -> None:
    text = '"A full-scale genocide is underway.\n"You have to understand."'
    (quote,) = find_quotes(text)
    assert quote.continued and quote.closed
    assert text[quote.open] == '"' and text[quote.close] == '"'


def test_unclosed_quotation_is_not_closed() -> None:
    (quote,) = find_quotes('"never closed')
    assert not quote.closed and quote.after == quote.end


def test_doubled_apostrophes_are_a_double_mark() -> None:
    text = "''We were not happy,'' said Mr. Finlayson. It's Tom's ''big'' day."
    assert words(text) == ["We were not happy", "big"]
    assert find_quotes(text)[0].after == text.index(" said")
