"""Duplicate stories (core/duplicates.py): which texts are one story, and what that changes in the corpus."""

from __future__ import annotations

import pickle
import random
from dataclasses import replace

import pytest
from growth import assert_linear

from mkdocs_briefings.core.corpus import build_corpus
from mkdocs_briefings.core.duplicates import (
    MAX_MEASURED,
    MAX_POSTINGS,
    MIN_WORDS,
    Duplicates,
    Version,
    find_duplicates,
    jaccard,
    percent_same,
    shingles,
    words,
)

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


# Copies and versions. PLAIN's words are all different, so its shingles are too: changing one word in the
# middle changes 5 of its 196 shingles (191 shared of 201: 95%), two words far apart 10 (186 of 206: 90%).
PLAIN = " ".join(f"p{i}" for i in range(200))
ONE_EDIT = PLAIN.replace("p100 ", "q100 ")
TWO_EDITS = PLAIN.replace("p50 ", "q50 ").replace("p150 ", "q150 ")


NEW = "Flood plan thrown out"
FIFTH_EDITED = " ".join(f"q{i}" if i % 5 == 2 else f"p{i}" for i in range(200))  # a word in five changed


@pytest.mark.parametrize(
    ("title_b", "text_b", "copy", "version"),
    [
        (HEAD, PLAIN, True, None),  # a republished copy
        (HEAD.upper() + "!", PLAIN.replace(" ", ", ").upper(), True, None),  # case and punctuation: still a copy
        ("Council rejects the flood-plan.", PLAIN.replace(" p1", "\n\np1"), True, None),  # hyphen, line breaks
        (NEW, PLAIN, False, Version("b", True, False, None)),  # the same body under another headline
        (HEAD + " again", PLAIN, False, Version("b", True, False, None)),  # a word added to the headline: a new one
        (HEAD, ONE_EDIT, False, Version("b", False, True, 95)),  # edited under the same headline
        (HEAD, TWO_EDITS, False, Version("b", False, True, 90)),
        (NEW, ONE_EDIT, False, Version("b", True, True, 95)),  # both changed
        (HEAD, FIFTH_EDITED, False, None),  # below the threshold: not the same story at all
        (HEAD, story(2), False, None),  # another story
    ],
    ids=["copy", "case-punctuation", "hyphen-breaks", "new-headline", "longer-headline", "one-edit", "two-edits",
         "both", "below-threshold", "other-story"],
)
def test_copies_and_versions(title_b: str, text_b: str, copy: bool, version: Version | None) -> None:
    found = find_duplicates([("a", HEAD, PLAIN), ("b", title_b, text_b)])
    assert found.copies("a") == (("b",) if copy else ()) and found.copies("b") == (("a",) if copy else ())
    assert found.copy_pairs() == ({("a", "b")} if copy else set())
    assert found.versions("a") == ((version,) if version else ())
    assert found.versions("b") == ((replace(version, slug="a"),) if version else ())  # the same, seen from b
    assert found.version_pairs() == ({("a", "b"): version} if version else {})
    assert found.others("a") == (("b",) if copy or version else ())  # related briefings exclude copies and versions
    assert found.pairs() == ({("a", "b")} if copy or version else set())


@pytest.mark.parametrize(
    ("version", "said"),
    [
        (Version("b", True, False), "new headline"),
        (Version("b", False, True, 93), "edited text, 93% the same"),
        (Version("b", True, True, 81), "new headline, edited text, 81% the same"),
        (Version("b", False, True, None), "edited text"),  # not measured (a huge group)
    ],
)
def test_a_version_says_what_differs(version: Version, said: str) -> None:
    assert version.describe() == said


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (frozenset(range(200)), frozenset(range(200)), 99),  # different words are never 100% the same
        (frozenset(range(100)), frozenset(range(1, 101)), 98),  # 99/101 = 0.9801...
        (frozenset(range(29)), frozenset(range(29)) | {100}, 96),  # 29/30 = 0.9666...: rounded down
        (frozenset(range(100)), frozenset(range(100, 200)), 0),
        (frozenset(), frozenset(), 0),
    ],
)
def test_percent_same_rounds_down_in_integers(a: frozenset[int], b: frozenset[int], expected: int) -> None:
    assert percent_same(a, b) == expected


def test_groups_mix_copies_and_versions() -> None:
    found = find_duplicates([("a", HEAD, PLAIN), ("b", "Flood plan thrown out", PLAIN), ("c", HEAD, PLAIN),
                             ("d", HEAD, ONE_EDIT), ("e", HEAD, story(3)), ("f", "Other", story(3))])
    assert found.groups == (("a", "b", "c", "d"), ("e", "f"))
    assert found.others("a") == ("b", "c", "d")  # related briefings keep excluding every one of them
    assert found.copies("a") == ("c",) and found.copies("c") == ("a",) and found.copies("b") == ()
    assert found.versions("a") == (Version("b", True, False), Version("d", False, True, 95))
    assert found.versions("b") == (Version("a", True, False), Version("c", True, False), Version("d", True, True, 95))
    assert found.copy_pairs() == {("a", "c")}
    assert sorted(found.version_pairs()) == [("a", "b"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d"), ("e", "f")]
    assert found.version_pairs()[("e", "f")] == Version("f", True, False)
    assert pickle.loads(pickle.dumps(found)) == found  # computed in a forked child and pickled back


@pytest.mark.parametrize(
    ("apart", "groups", "copies_a", "versions_a"),
    [
        (frozenset(), (("a", "b", "c"),), ("b",), (Version("c", True, False),)),
        (frozenset({("a", "b")}), (("a", "c"),), (), (Version("c", True, False),)),  # a copy kept apart
        (frozenset({("a", "c")}), (("a", "b"),), ("b",), ()),  # a version kept apart
        (frozenset({("a", "b"), ("a", "c"), ("b", "c")}), (), (), ()),
    ],
)
def test_not_duplicates_keeps_copies_and_versions_apart(apart: frozenset[tuple[str, str]], groups: tuple[tuple[str, ...], ...],
                                                        copies_a: tuple[str, ...], versions_a: tuple[Version, ...]) -> None:
    found = find_duplicates([("a", HEAD, PLAIN), ("b", HEAD, PLAIN), ("c", "Flood plan thrown out", PLAIN)], apart=apart)
    assert found.groups == groups
    assert found.copies("a") == copies_a and found.versions("a") == versions_a
    assert not {p for p in found.pairs() if p in apart}


def test_a_huge_group_of_edits_is_not_measured_pair_by_pair() -> None:
    """MAX_MEASURED distinct bodies in one story: no percentages, so measuring them stays linear."""
    texts = [(f"s{i:03d}", HEAD, PLAIN.replace(f"p{i + 20} ", f"q{i + 20} ")) for i in range(MAX_MEASURED)]
    found = find_duplicates(texts)
    assert len(found.groups) == 1 and len(found.groups[0]) == MAX_MEASURED
    assert {v.same for v in found.versions("s000")} == {None}
    assert found.versions("s000")[0].describe() == "edited text"
    fewer = find_duplicates(texts[: MAX_MEASURED - 1])
    assert None not in {v.same for v in fewer.versions("s000")}


def test_what_tells_copies_from_versions_is_stored_per_briefing_not_per_pair() -> None:
    """A story filed many times: one entry per briefing, one percentage per pair of different bodies."""
    n = 40
    texts = [(f"s{i:03d}", f"Headline number {i % 4}", ONE_EDIT if i % 10 == 0 else PLAIN) for i in range(n)]
    found = find_duplicates(texts)
    assert found.groups == (tuple(f"s{i:03d}" for i in range(n)),)
    assert len(found.kinds) == n and found.same == {("s000", "s001"): 95}
    assert len(found.copy_pairs()) + len(found.version_pairs()) == len(found.pairs()) == n * (n - 1) // 2
    assert found.copies("s001") == tuple(f"s{i:03d}" for i in range(5, n, 4) if i % 10)  # same headline, same words
    assert found.versions("s000")[:2] == (Version("s001", True, True, 95), Version("s002", True, True, 95))
    assert found.versions("s001")[:2] == (Version("s000", True, True, 95), Version("s002", True, False))


def test_duplicates_made_without_kinds_hold_copies_alone() -> None:
    """What the ledgers' tests build by hand: a group and nothing else."""
    dup = Duplicates((("a", "b"),), {"a": ("b",), "b": ("a",)})
    assert dup.copies("a") == ("b",) and dup.versions("a") == () and dup.copy_pairs() == {("a", "b")}
