"""Duplicate stories (core/duplicates.py): which texts are one story, and what that changes in the corpus."""

from __future__ import annotations

import random

import pytest
from growth import assert_linear

from mkdocs_briefings.core.corpus import build_corpus
from mkdocs_briefings.core.duplicates import MAX_POSTINGS, MIN_WORDS, find_duplicates, jaccard, shingles, words

_VOCAB = [f"w{i}" for i in range(3000)]


def story(seed: int, n: int = 200) -> str:
    """A text of `n` pseudo-random words, in sentences: different seeds share almost no 5-word run."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(rng.choice(_VOCAB) + ("." if i % 12 == 11 else ""))
    return " ".join(out)


BASE = story(1)
_W = BASE.split()
HEAD = "Council rejects the flood plan"


def titled(texts: list[tuple[str, str]], title: str = HEAD) -> list[tuple[str, str, str]]:
    """(slug, text) pairs as the (slug, title, text) triples find_duplicates takes, all under one headline."""
    return [(slug, title, text) for slug, text in texts]


def edited(fraction: float, seed: int = 7) -> str:
    """BASE with `fraction` of its words replaced, spread out (each replacement breaks five shingles)."""
    rng = random.Random(seed)
    out = list(_W)
    for i in rng.sample(range(len(out)), int(len(out) * fraction)):
        out[i] = "x" + out[i]
    return " ".join(out)


@pytest.mark.parametrize(
    ("other", "same"),
    [
        (BASE, True),  # the same text
        (BASE.upper().replace(".", ";"), True),  # case and punctuation do not make another story
        ("  \n".join(BASE.split(". ")), True),  # nor line breaks
        (BASE + " " + story(2, 10), True),  # a line added at the end
        (edited(0.01), True),  # a couple of words changed
        (edited(0.2), False),  # a fifth of the words changed: most shingles differ
        (" ".join(_W[:100]) + " " + story(3, 100), False),  # half of it reused, half new: a follow-up
        (story(2), False),  # another story
        (" ".join(reversed(_W)), False),  # the same words in another order
    ],
)
def test_pairs(other: str, same: bool) -> None:
    found = find_duplicates([("a", HEAD, BASE), ("b", HEAD, other)])
    assert (found.groups == (("a", "b"),)) is same
    assert found.others("a") == (("b",) if same else ())


@pytest.mark.parametrize("n", [MIN_WORDS - 1, 5, 0])
def test_short_texts_are_never_duplicates(n: int) -> None:
    text = " ".join(_W[:n])
    assert find_duplicates([("a", HEAD, text), ("b", HEAD, text)]).groups == ()


def test_groups_are_transitive_and_sorted() -> None:
    found = find_duplicates(titled([("c", BASE), ("a", BASE), ("b", edited(0.01)), ("d", story(9)), ("e", story(9))]))
    assert found.groups == (("a", "b", "c"), ("d", "e"))
    assert found.others("b") == ("a", "c")
    assert found.others("zzz") == ()
    assert found.pairs() == {("a", "b"), ("a", "c"), ("b", "c"), ("d", "e")}


def test_shared_boilerplate_does_not_make_stories_duplicates() -> None:
    """A paragraph every story ends with (a newsletter footer) is in too many texts to propose candidates."""
    footer = story(99, 60)
    texts = [(f"s{i:03d}", HEAD, story(100 + i, 60) + " " + footer) for i in range(MAX_POSTINGS + 5)]
    assert find_duplicates(texts).groups == ()


def test_order_of_input_does_not_matter() -> None:
    texts = titled([("a", BASE), ("b", edited(0.01)), ("c", story(2)), ("d", story(2))])
    assert find_duplicates(texts) == find_duplicates(list(reversed(texts)))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("one two three four five six", "one two three four five six", 1.0),
     ("one two three four five six", "one two three four five seven", 1 / 3),
     ("one two three four five", "six seven eight nine ten", 0.0),
     ("one two", "one two", 0.0)],  # too short for a shingle: nothing to compare
)
def test_jaccard_of_shingles(a: str, b: str, expected: float) -> None:
    assert jaccard(shingles(words(a)), shingles(words(b))) == pytest.approx(expected)


def test_related_never_lists_a_copy(make_briefing) -> None:
    ents = [("jane-doe", "Jane Doe", "person", (), ("Jane Doe",)), ("paris", "Paris", "place", (), ("Paris",))]
    text = "Jane Doe in Paris. " + BASE
    corpus = build_corpus([
        make_briefing("a", text, ents), make_briefing("b", text, ents),
        make_briefing("c", "Jane Doe in Paris. " + story(5), ents),
    ])
    assert corpus.duplicates.others("a") == ("b",)
    assert [r.slug for r in corpus.related["a"]] == ["c"]
    assert [r.slug for r in corpus.related["c"]] == ["a", "b"]  # a copy is still related to everything else


def test_finding_duplicates_grows_linearly() -> None:
    def make(n: int) -> list[tuple[str, str, str]]:
        return titled([(f"s{i:05d}", story(i, 80)) for i in range(n)] + [(f"t{i:05d}", story(i, 80)) for i in range(n // 4)])

    assert_linear(find_duplicates, make, 60)
