"""The claims ledger: statements that travel from briefing to briefing, and who they are credited to.

A statement is a claim's content of `MIN_WORDS` words or more, compared as
its lower-cased word tokens (punctuation and spacing dropped). Two claims
are the same statement when their words are equal or one's words are a
run of the other's ("we will not give up" inside "we will not give up
until the last day"). Statements linked that way, directly or through a
third, are one ledger entry; an entry lists every appearance: briefing,
date, outlet and the speaker as attributed there.

Duplicate stories (`duplicates.py`) would otherwise fill the ledger with
every statement of every re-published article, all trivially "repeated":
an entry needs the statement in at least two different *stories* (the
copies of one story count once). Its copies' appearances are still listed,
so the entry shows everywhere the statement was printed.

An entry is flagged when its appearances credit the statement to
different named speakers, or to a named speaker in one and an unnamed
source in another. Speakers the engine only guessed (below
`LINK_CONFIDENCE`) and claims with no source found take no part in flags.

Editors overrule it in overlays (`core/controls.py`): a claim matching a
`ledger_split` quote of its briefing is kept out of the ledger; a
`ledger_merge` item joins the claims of its briefing matching `quote` to
every claim matching `with` (at most `MAX_CONTAINERS` statements), as one
entry, whatever their words.

Cost: one pass over the claims; containment is found through an index of
each statement's first `MIN_WORDS` words, looked up at every position of
every statement, so the work is linear in the words of all claims (plus
one comparison per hit). A run of words that starts more than
`MAX_CONTAINERS` different statements is a stock phrase, not a statement
travelling: it links nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date

from .controls import norm
from .duplicates import Duplicates, words
from .model import LINK_CONFIDENCE, Briefing, Claim

#: Words a statement needs to be compared at all (shorter ones are too common to mean anything).
MIN_WORDS = 6
#: A statement contained in more distinct statements than this is a stock phrase and joins none of them.
MAX_CONTAINERS = 50

#: How an appearance credits the statement.
NAMED, UNNAMED, GUESSED, NO_SOURCE = "named", "unnamed", "guessed", "none"

#: Why an entry is flagged, and how the site says it.
FLAGS: Mapping[str, str] = {
    "speakers": "credited to different speakers",
    "named-unnamed": "credited to a named speaker in one briefing and an unnamed source in another",
}


@dataclass(frozen=True, slots=True)
class Appearance:
    """One printing of a statement: where, when, from which outlet, credited to whom."""

    slug: str
    claim: str  # the claim's id in its briefing
    text: str  # the claim's content as written there
    date: Date | None
    source: str | None  # the outlets of the briefing's seeds, joined
    speaker: str  # as written at the claim ("he", "a senior official"), or ""
    entity: str | None  # the speaker's entity id when named with confidence
    credit: str  # NAMED, UNNAMED, GUESSED or NO_SOURCE


@dataclass(frozen=True, slots=True)
class Entry:
    """One statement and every appearance of it."""

    id: str  # stable: a hash of the statement's words ("s-" + 10 hex digits)
    text: str  # the longest wording, as written in its first appearance
    appearances: tuple[Appearance, ...]  # newest first, then by slug and claim
    stories: int  # different stories it appears in (copies of one story count once)
    flags: tuple[str, ...]  # keys of FLAGS

    @property
    def briefings(self) -> tuple[str, ...]:
        """The slugs it appears in, each once, in the order of the appearances."""
        return tuple(dict.fromkeys(a.slug for a in self.appearances))


@dataclass(frozen=True, slots=True)
class Ledger:
    """Every entry (flagged ones first, then the most widely printed), and each claim's entry."""

    entries: tuple[Entry, ...] = ()
    of: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (slug, claim id) -> entry id

    def entry_of(self, slug: str, claim_id: str) -> str | None:
        """The id of the entry a claim of a briefing belongs to, if any."""
        return self.of.get((slug, claim_id))


def statement_key(text: str) -> tuple[str, ...]:
    """A claim's words as the ledger compares them: lower-cased word tokens."""
    return tuple(words(text))


def _entry_id(key: Sequence[str]) -> str:
    return "s-" + hashlib.blake2b(" ".join(key).encode("utf-8"), digest_size=5).hexdigest()


def _credit(claim: Claim, known: Mapping[str, str]) -> tuple[str, str | None]:
    """How a claim credits its statement: (NAMED / UNNAMED / GUESSED / NO_SOURCE, entity id if named)."""
    sp = claim.speaker
    if sp is None:
        return NO_SOURCE, None
    if sp.entity is None:
        return UNNAMED, None
    if sp.confidence < LINK_CONFIDENCE or sp.entity not in known:
        return GUESSED, None
    return NAMED, sp.entity


def _groups(keys: Sequence[tuple[str, ...]], joined: Iterable[tuple[int, int]] = ()) -> list[list[int]]:
    """Indexes of `keys` (distinct statements) joined by containment, through an index of opening words,
    and by `joined`: pairs of indexes an editor says are one statement (`ledger_merge`)."""
    openings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        openings[key[:MIN_WORDS]].append(i)
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    containers: dict[int, set[int]] = defaultdict(set)
    for j, outer in enumerate(keys):
        for p in range(len(outer) - MIN_WORDS + 1):
            for i in openings.get(outer[p : p + MIN_WORDS], ()):
                if i != j and len(keys[i]) <= len(outer) - p and outer[p : p + len(keys[i])] == keys[i]:
                    containers[i].add(j)
    pairs = [(i, j) for i in sorted(containers) if len(containers[i]) <= MAX_CONTAINERS for j in sorted(containers[i])]
    for i, j in (*pairs, *sorted(joined)):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        groups[find(i)].append(i)
    return [g for _, g in sorted(groups.items())]


def build_ledger(briefings: Iterable[Briefing], duplicates: Duplicates, names: Mapping[str, str]) -> Ledger:
    """The ledger of `briefings`; `names` maps the ids of entities with a record to their names."""
    found: dict[tuple[str, ...], list[tuple[Briefing, Claim]]] = defaultdict(list)
    ordered = sorted(briefings, key=lambda b: b.slug)
    merges = [(b, norm(q), norm(w)) for b in ordered for q, w, _ in b.controls.ledger_merge]
    withs = {w for _, _, w in merges}
    with_keys: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # a merge's "with" -> the statements it matches
    for b in ordered:
        split = [norm(q) for q, _ in b.controls.ledger_split]
        for claim in b.annotation.claims:
            content = norm(claim.content.text) if split or merges else ""
            if split and any(q in content for q in split):
                continue  # an editor keeps this claim out of the ledger
            key = statement_key(claim.content.text)
            if not key:
                continue
            matched = [w for w in sorted(withs) if w in content]
            for w in matched:
                with_keys[w].append(key)
            if len(key) >= MIN_WORDS or matched or any(mb is b and q in content for mb, q, _ in merges):
                found[key].append((b, claim))
    keys = sorted(found)
    index = {k: i for i, k in enumerate(keys)}
    joined: set[tuple[int, int]] = set()
    for b, q, w in merges:
        mine = [index[statement_key(c.content.text)] for c in b.annotation.claims
                if q in norm(c.content.text) and statement_key(c.content.text) in index]
        theirs = sorted({index[k] for k in with_keys.get(w, ())[:MAX_CONTAINERS]})
        joined.update((min(i, j), max(i, j)) for i in mine for j in theirs if i != j)
    story_of = {s: g[0] for g in duplicates.groups for s in g}
    entries: list[Entry] = []
    for group in _groups(keys, joined):
        printed = [(b, c) for i in group for b, c in found[keys[i]]]
        stories = {story_of.get(b.slug, b.slug) for b, _ in printed}
        if len(stories) < 2:
            continue
        apps = tuple(sorted((_appearance(b, c, names) for b, c in printed),
                            key=lambda a: (-(a.date.toordinal() if a.date else 0), a.slug, _number(a.claim))))
        longest = max((keys[i] for i in group), key=lambda k: (len(k), k))
        text = next(a.text for a in reversed(apps) if statement_key(a.text) == longest)
        entries.append(Entry(_entry_id(longest), text, apps, len(stories), _flags(apps)))
    entries = _unique_ids(entries)
    entries.sort(key=lambda e: (not e.flags, -e.stories, -len(e.appearances), e.id))
    of = {(a.slug, a.claim): e.id for e in entries for a in e.appearances}
    return Ledger(tuple(entries), dict(sorted(of.items())))


def _unique_ids(entries: list[Entry]) -> list[Entry]:
    """Entries whose ids are unique anchors: two statements whose hashes collide get "-2", "-3"... by wording."""
    by_id: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_id[e.id].append(e)
    out: list[Entry] = []
    for same in by_id.values():
        same.sort(key=lambda e: e.text)
        out.extend(replace(e, id=e.id if n == 1 else f"{e.id}-{n}") for n, e in enumerate(same, 1))
    return out


def _number(claim_id: str) -> tuple[int, str]:
    tail = claim_id.rsplit("-", 1)[-1]
    return (int(tail), claim_id) if tail.isdigit() else (1 << 30, claim_id)


def _appearance(b: Briefing, claim: Claim, names: Mapping[str, str]) -> Appearance:
    credit, entity = _credit(claim, names)
    outlets = [s.source for s in b.sources if s.source]
    return Appearance(
        slug=b.slug, claim=claim.id, text=claim.content.text, date=b.date,
        source="; ".join(dict.fromkeys(outlets)) or None,
        speaker=claim.speaker.span.text if claim.speaker else "", entity=entity, credit=credit,
    )


def _flags(apps: Sequence[Appearance]) -> tuple[str, ...]:
    named = {a.entity for a in apps if a.credit == NAMED}
    flags = []
    if len(named) > 1:
        flags.append("speakers")
    if named and any(a.credit == UNNAMED for a in apps):
        flags.append("named-unnamed")
    return tuple(flags)
