"""Duplicate stories: briefings whose text is nearly the same story.

News archives hold the same story twice: republished, re-filed under another
section, lightly edited. Shown side by side as "related", the copies crowd
out what is actually related, and every statement in them looks repeated.

Similarity is the Jaccard index of the two texts' sets of word 5-gram
shingles (lower-cased word tokens), the measure of Broder's near-duplicate
detection. Finding the pairs never compares all pairs of briefings:

1. texts that are the same after normalisation (the same word tokens) are
   grouped by a hash of those tokens, in one pass;
2. of each such group one text is sampled: the shingles whose first word's
   (stable, CRC-32) hash is 0 modulo `SAMPLE` are kept, so two texts keep
   the same shingles of what they share. An inverted index of them, which
   skips any shingle in more than `MAX_POSTINGS` texts (boilerplate, not a
   story), yields the candidate pairs: those sharing at least
   `MIN_SHARED` sampled shingles;
3. only candidates whose samples are nearly similar enough are scored, on
   their full shingle sets.

The cost is linear in the words of the archive plus the candidate pairs,
which the posting cap bounds.

The threshold (`THRESHOLD`) is measured, not guessed, on the BBC corpus
(`tests/bench/bench_duplicates.py` prints the distribution). Of the pairs
of distinct texts that share enough to be scored, 19 score 0.8 or more, and
reading them, each is one story lightly edited (the same headline, or one
with a word added); 10 score 0.6 to 0.8, half of them updates rewritten
under a new headline, which a reader wants among related briefings rather
than hidden as copies; below that they are different stories on one
subject. 0.8 takes the first group and none of the rest.

Two kinds of duplicate
----------------------

A story group holds every briefing linked by such pairs. Within it, a
reader and an editor want to tell an exact republished copy from a changed
one, so each pair is one of:

- a **copy**: the same headline and the same body, word for word after
  `words`' normalisation (what a republication is: what the BBC corpus's
  `duplicates.tsv` lists). The page says "Same story as ...".
- a **version**: the same story, but the headline was changed (`new
  headline`: the body's words are the same) and/or the text was edited
  (`same`: the Jaccard similarity of the two bodies, as a whole percent
  rounded down, never 100 for different words). The page lists them as
  "Other versions of this story".

Of the 157 pairs found on the BBC corpus, 103 are copies (the 98 pairs
`duplicates.tsv` lists as byte-identical files, and 5 that differ only in a
hyphen, a line break, a capital or a full stop), 35 the same body under a
new headline, 17 edited texts under the same headline and 2 edited texts
under a new one (`tests/bench/bench_duplicates.py`). Every group member, copy or
version, is kept out of related briefings and counts once in the ledgers.

The similarity of two versions is measured between the distinct bodies of a
group, all pairs of them: a group of `MAX_MEASURED` distinct bodies or more
(which only a crafted archive holds) gets no percentages ("edited text"),
so measuring stays linear in the words of the archive.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

#: Words per shingle.
SHINGLE = 5
#: One shingle in SAMPLE is indexed for finding candidates (all are scored).
SAMPLE = 4
#: A sampled shingle in more texts than this is boilerplate: it proposes no candidates.
MAX_POSTINGS = 50
#: Sampled shingles two texts must share to be scored at all.
MIN_SHARED = 3
#: Jaccard similarity of shingle sets from which two texts are the same story.
THRESHOLD = 0.8
#: Candidates whose sampled shingles are less similar than THRESHOLD - MARGIN are not scored in full. On
#: the BBC corpus the sample's estimate is at most 0.09 off the full score over all 375 candidate pairs.
MARGIN = 0.25
#: Texts shorter than this many words are never called duplicates (a one-line brief says too little).
MIN_WORDS = 40
#: Groups with this many distinct bodies or more are not measured pair by pair (see the module's docstring).
MAX_MEASURED = 50

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's word tokens, lower-cased: punctuation, case and spacing do not make a story different."""
    return _WORD.findall(text.lower())


def shingles(tokens: Sequence[str], size: int = SHINGLE) -> frozenset[int]:
    """The stable hashes (CRC-32, the same in every process) of every run of `size` tokens."""
    if len(tokens) < size:
        return frozenset()
    return frozenset(zlib.crc32(" ".join(tokens[i : i + size]).encode("utf-8")) for i in range(len(tokens) - size + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    if not a and not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True, slots=True, order=True)
class Version:
    """Another briefing of the same story that is not a copy of this one, and what differs."""

    slug: str
    new_headline: bool  # the headlines' words differ
    edited: bool  # the bodies' words differ
    same: int | None = None  # edited: the bodies' shingle similarity, in whole percent (rounded down); None if not measured

    def describe(self) -> str:
        """What differs, in words: "new headline", "edited text, 93% the same", or both."""
        parts = ["new headline"] if self.new_headline else []
        if self.edited:
            parts.append("edited text" if self.same is None else f"edited text, {self.same}% the same")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Duplicates:
    """The groups of briefings that are one story, each briefing's group, and which of it are copies or versions.

    Every other member of a briefing's group is either a copy (the same
    headline and body words) or a `Version`. What tells them apart is stored
    once per briefing (`kinds`) and per pair of different bodies (`same`,
    bounded by `MAX_MEASURED`), never per pair of briefings: telling the kinds
    apart adds nothing per pair of a story published a thousand times.
    `copies` and `versions` are worked out when asked. A `Duplicates` made
    without `kinds` holds copies alone.
    """

    groups: tuple[tuple[str, ...], ...]  # each sorted by slug; groups sorted by their first slug
    of: Mapping[str, tuple[str, ...]]  # slug -> the other slugs of its group (sorted); only briefings with copies
    # slug -> (its body, its headline), each named by the first slug (in slug order) with the same words
    kinds: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # (body, body), lower first -> the percentage of the two bodies that is the same (`percent_same`); measured groups only
    same: Mapping[tuple[str, str], int] = field(default_factory=dict)

    def others(self, slug: str) -> tuple[str, ...]:
        """The other briefings of the same story, copies and versions (empty if it has none)."""
        return self.of.get(slug, ())

    def copies(self, slug: str) -> tuple[str, ...]:
        """The other briefings of the same story with the same headline and body words, sorted."""
        kind = self.kinds.get(slug)
        return tuple(o for o in self.others(slug) if self.kinds.get(o) == kind)

    def versions(self, slug: str) -> tuple[Version, ...]:
        """The other briefings of the same story whose headline or text differs, sorted by slug, with what differs."""
        kind = self.kinds.get(slug)
        return tuple(self._version(kind, o) for o in self.others(slug) if self.kinds.get(o) != kind)

    def _version(self, kind: tuple[str, str] | None, other: str) -> Version:
        (body, headline), (obody, oheadline) = kind or ("", ""), self.kinds.get(other, ("", ""))
        return Version(other, headline != oheadline, body != obody, self.same.get((min(body, obody), max(body, obody))))

    def pairs(self) -> set[tuple[str, str]]:
        """Every pair (a < b) of briefings found to be the same story: copies and versions."""
        return {(a, b) for g in self.groups for i, a in enumerate(g) for b in g[i + 1 :]}

    def copy_pairs(self) -> set[tuple[str, str]]:
        """Every pair (a < b) of briefings that are copies: the same headline and body words."""
        return {(a, b) for a, b in self.pairs() if self.kinds.get(a) == self.kinds.get(b)}

    def version_pairs(self) -> dict[tuple[str, str], Version]:
        """Every pair (a < b) of versions of one story, sorted, with what differs (the `Version` of b, seen from a)."""
        return {(a, b): self._version(self.kinds.get(a), b) for a, b in sorted(self.pairs())
                if self.kinds.get(a) != self.kinds.get(b)}


class _Sampler:
    """Which words start a sampled shingle: those whose stable hash is 0 modulo SAMPLE (decided once per word)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.anchors: set[str] = set()

    def __call__(self, tokens: Sequence[str]) -> frozenset[int]:
        """The hashes of the shingles of `tokens` that start at a sampled word.

        Which shingles are kept depends on the words alone, so two texts keep
        the same shingles of the passages they share; only a SAMPLE-th of the
        shingles is hashed.
        """
        new = set(tokens) - self.seen
        if new:
            self.seen |= new
            self.anchors.update(w for w in new if zlib.crc32(w.encode("utf-8")) % SAMPLE == 0)
        anchors = self.anchors
        last = len(tokens) - SHINGLE + 1
        return frozenset(zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode("utf-8"))
                         for i, w in enumerate(tokens) if i < last and w in anchors)


def _candidates(samples: Mapping[str, frozenset[int]]) -> list[tuple[str, str]]:
    """Pairs of texts sharing at least MIN_SHARED sampled shingles, through an inverted index (never all pairs).

    Only shingles in two texts or more are indexed: they are found with set
    operations first, so the index holds the few that can pair texts.
    """
    seen: set[int] = set()
    repeated: set[int] = set()
    for hs in samples.values():
        repeated |= hs & seen
        seen |= hs
    index: dict[int, list[str]] = defaultdict(list)
    for slug in sorted(samples):
        for h in samples[slug] & repeated:
            index[h].append(slug)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for posting in index.values():
        if len(posting) <= MAX_POSTINGS:
            for i, a in enumerate(posting):
                for b in posting[i + 1 :]:
                    shared[(a, b)] += 1
    return sorted(pair for pair, n in shared.items() if n >= MIN_SHARED)


def _distinct(texts: Iterable[tuple[str, str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Texts grouped by their exact word sequence: (first slug -> its tokens, first slug -> every slug)."""
    tokens_of: dict[str, list[str]] = {}
    copies: dict[str, list[str]] = {}
    first: dict[tuple[int, int], list[str]] = defaultdict(list)
    for slug, text in sorted(texts):
        tokens = words(text)
        if len(tokens) < MIN_WORDS:
            continue
        key = (zlib.crc32(" ".join(tokens).encode("utf-8")), len(tokens))
        for head in first[key]:
            if tokens_of[head] == tokens:
                copies[head].append(slug)
                break
        else:  # a new text (or a hash collision, told apart by comparing the words)
            first[key].append(slug)
            tokens_of[slug] = tokens
            copies[slug] = [slug]
    return tokens_of, copies


def find_duplicates(texts: Iterable[tuple[str, str, str]], threshold: float = THRESHOLD,
                    apart: frozenset[tuple[str, str]] = frozenset()) -> Duplicates:
    """Group (slug, title, text) triples into stories, and tell copies from versions within each.

    See the module's docstring for how, and why it stays linear. Only the
    texts (the bodies) decide what is one story; the titles only tell a
    copy (the same headline words) from a version with a new headline.
    `apart` holds pairs (a < b) an editor says are not one story (overlay
    key `not_duplicates`): no group ever holds both (`_keep_apart`).
    """
    items = sorted(texts)
    tokens_of, copies = _distinct((slug, text) for slug, _, text in items)
    sample = _Sampler()
    samples = {slug: sample(tokens) for slug, tokens in tokens_of.items()}
    parent = {slug: slug for slug in tokens_of}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    full: dict[str, frozenset[int]] = {}
    for a, b in _candidates(samples):
        if find(a) == find(b) or jaccard(samples[a], samples[b]) < threshold - MARGIN:
            continue
        sa = full[a] if a in full else full.setdefault(a, shingles(tokens_of[a]))
        sb = full[b] if b in full else full.setdefault(b, shingles(tokens_of[b]))
        if jaccard(sa, sb) >= threshold:
            ra, rb = find(a), find(b)
            parent[max(ra, rb)] = min(ra, rb)

    members: dict[str, list[str]] = defaultdict(list)
    for head, slugs in copies.items():
        members[find(head)].extend(slugs)
    found = [sorted(g) for g in members.values() if len(g) > 1]
    if apart:
        kept_apart = {s for pair in apart for s in pair}
        found = [part for g in found for part in (_keep_apart(g, apart) if kept_apart.intersection(g) else [g])]
    groups = tuple(sorted(tuple(g) for g in found if len(g) > 1))
    of = {s: tuple(o for o in g if o != s) for g in groups for s in g}
    body = {slug: head for head, slugs in copies.items() for slug in slugs}
    in_groups = {s for g in groups for s in g}
    headline = _classes((slug, title) for slug, title, _ in items if slug in in_groups)

    def full_of(slug: str) -> frozenset[int]:
        return full[slug] if slug in full else full.setdefault(slug, shingles(tokens_of[slug]))

    kinds = {s: (body[s], headline[s]) for s in sorted(in_groups)}
    same: dict[tuple[str, str], int] = {}
    for g in groups:
        bodies = sorted({body[s] for s in g})
        if 1 < len(bodies) < MAX_MEASURED:
            same.update(((a, b), percent_same(full_of(a), full_of(b))) for i, a in enumerate(bodies) for b in bodies[i + 1 :])
    return Duplicates(groups, dict(sorted(of.items())), kinds, dict(sorted(same.items())))


def percent_same(a: frozenset[int], b: frozenset[int]) -> int:
    """The Jaccard similarity of two different texts' shingles as a whole percent, rounded down in integers
    (no float rounding: the same on every machine), and at most 99: texts whose words differ are never 100% the same."""
    inter = len(a & b)
    union = len(a) + len(b) - inter
    return min(99, inter * 100 // union) if union else 0


def _classes(titles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """slug -> the first slug (in the given order) whose title has the same words (`words`)."""
    first: dict[tuple[str, ...], str] = {}
    return {slug: first.setdefault(tuple(words(title)), slug) for slug, title in titles}


def _keep_apart(group: list[str], apart: frozenset[tuple[str, str]]) -> list[list[str]]:
    """A group split so that no part holds a pair an editor keeps apart: each briefing, in slug order,
    joins the first part it may join (its similarity to the group was found through the others)."""
    parts: list[list[str]] = []
    for slug in group:
        for part in parts:
            if not any((min(slug, o), max(slug, o)) in apart for o in part):
                part.append(slug)
                break
        else:
            parts.append([slug])
    return parts


def candidate_scores(texts: Iterable[tuple[str, str]]) -> list[tuple[float, str, str]]:
    """Every candidate pair of distinct texts with its similarity, most similar first (for measuring the threshold)."""
    tokens_of, _ = _distinct(texts)
    sample = _Sampler()
    samples = {slug: sample(tokens) for slug, tokens in tokens_of.items()}
    full = {slug: shingles(tokens) for slug, tokens in tokens_of.items()}
    return sorted(((jaccard(full[a], full[b]), a, b) for a, b in _candidates(samples)), key=lambda t: (-t[0], t[1], t[2]))
