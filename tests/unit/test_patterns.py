"""`patterns.trie_regex`: a prefix tree of words matches what the plain alternation matches.

The engine's recognisers rely on that equivalence: swapping "a|b|c" for the
tree must not change a single annotation, only how fast it is found.
"""

from __future__ import annotations

import re

import pytest

from mkdocs_briefings.core.patterns import trie_regex

WORDS: list[list[str]] = [
    ["say", "said", "says", "saying"],
    ["film", "films", "filmed", "fi"],
    ["a", "ab", "abc", "b"],
    ["operating system", "operator", "group's", "think-tank", "start-up"],
    ["solo"],
    ["x.y", "x+y", "(x)"],  # metacharacters are literal
]

PROBES = [
    "", "s", "sa", "say", "said", "saying", "sayings", "film", "films", "filmed", "filming", "fi", "f",
    "a", "ab", "abc", "abcd", "b", "ba", "operating system", "operating", "operator", "group's", "group",
    "think-tank", "start-up", "solo", "sol", "x.y", "xay", "x+y", "xxy", "(x)", "x",
]


@pytest.mark.parametrize("words", WORDS)
@pytest.mark.parametrize("probe", PROBES)
def test_the_tree_matches_what_the_alternation_matches(words: list[str], probe: str) -> None:
    plain = re.compile("(?:" + "|".join(map(re.escape, words)) + ")")
    tree = re.compile(trie_regex(words))
    assert bool(tree.fullmatch(probe)) == bool(plain.fullmatch(probe))


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["say", "saying"], "saying it", "saying"),  # the longer word of a shared prefix first
        (["said", "say"], "she said", "said"),
        (["film", "films"], "the films", "films"),
        (["film"], "the flim", None),  # negative: no word of the set
        (["ORG", "org"], "an Org", None),  # negative: case is kept
    ],
)
def test_a_search_finds_the_longest_word_at_the_first_place(words: list[str], text: str, found: str | None) -> None:
    m = re.search(trie_regex(words), text)
    assert (m.group() if m else None) == found
