"""An entity's record across briefings: its appearances, name and kind by majority, merged roles.

Each briefing is annotated on its own; `build_corpus` gathers what every
briefing says of one entity id into one `EntityRecord`, with the helpers
here: the sentence of each first mention, the majority vote over names
and kinds, and the entity's roles with their variants merged.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .kinds import PAGE_DIRS
from .model import Briefing, Entity, RegisterEntry, Span
from .speaker_groups import ClaimRef
from .text import paragraphs, sentences


@dataclass(frozen=True, slots=True)
class Appearance:
    """An entity in one briefing: how often, and the sentence of its first mention."""

    slug: str
    count: int
    sentence: str
    mention: Span  # offsets into `sentence`


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """Everything the site shows about one entity across all briefings."""

    id: str
    name: str
    kind: str
    has_page: bool  # a page of its own; else (for a kind with pages) its entry on the A-Z listing serves it
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    appearances: tuple[Appearance, ...] = ()
    said: tuple[ClaimRef, ...] = ()
    companions: tuple[tuple[str, int], ...] = ()  # (entity id, briefings shared), most first
    register: RegisterEntry | None = None
    companions_sampled: bool = False  # counted over a sample of a crowded briefing's names (COMPANION_SAMPLE)

    @property
    def briefing_count(self) -> int:
        return len(self.appearances)

    @property
    def linked(self) -> bool:
        """Whether mentions link anywhere: to its page, or to its entry on its kind's A-Z listing."""
        return self.kind in PAGE_DIRS


def vote(counter: Counter[str], order: Sequence[str] = ()) -> str:
    """The most common value; ties go to the earlier one in `order`, then alphabetically."""
    if len(counter) == 1:  # most names and kinds are never contested
        return next(iter(counter))
    rank = {v: i for i, v in enumerate(order)}
    return min(counter, key=lambda v: (-counter[v], rank.get(v, len(rank)), v))


#: Roles an entity page considers: the most frequent ones (a hostile seed can give one name
#: thousands of "roles"; comparing them is quadratic, and no reader needs more than a few).
ROLE_LIMIT = 100


def merged_roles(counts: Counter[str]) -> tuple[str, ...]:
    """An entity's roles across briefings, one per role, the most used first.

    Spellings that differ only in case are one role (the commoner spelling
    is shown); a role whose words all appear, in order, inside a longer role
    of the same entity is part of it ("President" in "Ukrainian President",
    "coach" in "England coach") and adds its count there. What is left reads
    as one main role and a few other descriptions, not a list of variants.
    """
    by_case: dict[str, Counter[str]] = defaultdict(Counter)
    for role, n in counts.items():
        by_case[role.casefold()][role] += n
    totals = Counter({min(spellings, key=lambda r: (-spellings[r], r)): sum(spellings.values())
                      for spellings in by_case.values()})
    ranked = sorted(totals, key=lambda r: (-totals[r], r))[:ROLE_LIMIT]
    words = {r: r.casefold().split() for r in ranked}
    kept: Counter[str] = Counter()
    for role in sorted(ranked, key=lambda r: (-len(words[r]), -totals[r], r)):  # longest first
        host = next((k for k in sorted(kept, key=lambda k: (-kept[k], k)) if _within(words[role], words[k])), None)
        kept[host or role] += totals[role]
    return tuple(sorted(kept, key=lambda r: (-kept[r], r)))


def _within(part: list[str], whole: list[str]) -> bool:
    """Whether `part` is a run of consecutive words of a longer `whole`."""
    n = len(part)
    return 0 < n < len(whole) and any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """Every sentence of every paragraph, in order (computed once per briefing)."""
    return [r for p_start, p_end in paragraphs(text) for r in sentences(text, p_start, p_end)]


def _first_mention_sentence(text: str, ranges: Sequence[tuple[int, int]], mention: Span) -> tuple[str, Span]:
    """The sentence holding a mention, with the mention's offsets inside it."""
    i = bisect_right(ranges, (mention.start, len(text) + 1)) - 1
    if i >= 0:
        s, e = ranges[i]
        if s <= mention.start < e:
            end = min(mention.end, e)
            return text[s:e], Span(mention.start - s, end - s, text[mention.start:end])
    return mention.text, Span(0, len(mention.text), mention.text)


def appearance(b: Briefing, ranges: Sequence[tuple[int, int]], ent: Entity) -> Appearance:
    if not ent.mentions:
        return Appearance(b.slug, 0, "", Span(0, 0, ""))
    first = min(ent.mentions, key=lambda m: (m.start, m.end))
    sentence, where = _first_mention_sentence(b.text, ranges, first)
    return Appearance(b.slug, len(ent.mentions), sentence, where)
