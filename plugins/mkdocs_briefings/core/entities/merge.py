"""Grouping resolved mentions into entities with stable ids, names and roles.

The id is the slug of the canonical name so that one person has one page
across briefings; within a document, mentions whose keys fold to the same
string ("NATO", "Nato") are one entity. Everything is sorted, so the same
text always gives the same list.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..model import Entity, Span
from ..text import slugify
from .names import fold_key
from .resolved import Resolved


def group(text: str, mentions: list[Resolved], fixed_names: dict[str, str] | None = None) -> list[Entity]:
    """Entities from mentions, ordered by their first mention.

    `fixed_names` maps an entity key (casefolded) to a name that must be used
    as is (register entries); other entities take the best-written form.
    """
    fixed = fixed_names or {}
    by_key: dict[tuple[str, str], list[Resolved]] = defaultdict(list)
    for m in sorted(mentions, key=_order):
        by_key[(fold_key(m.key), m.sense)].append(m)  # a town's team is not the town
    entities: list[tuple[int, Entity]] = []
    used_ids: set[str] = set()
    for (folded, _), ms in by_key.items():  # in order of first mention: mentions were sorted
        if len(ms) == 1:
            kind, name = ms[0].kind, fixed.get(folded) or ms[0].key
        else:
            kind, name = _kind(ms), fixed.get(folded) or _display_name(ms)
        ident = _slug(name)
        if ident in used_ids:
            ident = f"{ident}-{kind}"
        n = 2
        while ident in used_ids:
            ident = f"{_slug(name)}-{n}"
            n += 1
        used_ids.add(ident)
        if len(ms) == 1:
            m = ms[0]
            spans = [Span(m.start, m.end, text[m.start:m.end])]
            roles: tuple[str, ...] = (m.role,) if m.role else ()
        else:
            spans = []
            last_end = -1
            for m in ms:
                if m.start >= last_end:  # overlapping mentions of one entity: keep the first
                    spans.append(Span(m.start, m.end, text[m.start:m.end]))
                    last_end = m.end
            roles = distinct_roles([m.role for m in ms if m.role])
        # A role-only reference ("the mayor") adds no evidence: it has confidence 0.
        confidence = round(max(m.conf for m in ms if m.kind == kind or len(ms) == 1), 2)
        entities.append((ms[0].start, Entity(ident, name, kind, roles, tuple(spans), confidence)))
    return [e for _, e in entities]


def distinct_roles(roles: list[str]) -> tuple[str, ...]:
    """Roles without repeats: one per spelling ("Ukrainian president" = "Ukrainian President"), and none
    that a fuller role already says ("President" within "Ukrainian President"), in first-seen order."""
    seen: dict[str, str] = {}
    for r in roles:
        seen.setdefault(r.casefold(), r)
    folded = list(seen)
    keep = []
    for f in folded:
        words = f" {f} "
        if any(g != f and words in f" {g} " for g in folded):
            continue
        keep.append(seen[f])
    return tuple(keep)


def _kind(ms: list[Resolved]) -> str:
    """The kind most mentions agree on (ties: the first mention's)."""
    first = ms[0].kind
    if all(m.kind == first for m in ms):
        return first
    counts: dict[str, int] = defaultdict(int)
    for m in ms:
        counts[m.kind] += 1
    best = max(counts.values())
    return next(m.kind for m in ms if counts[m.kind] == best)


def _display_name(ms: list[Resolved]) -> str:
    """The key as best written: prefer a form from the body over one from a headline in capitals."""
    if len(ms) == 1:
        return ms[0].key
    keys = [m.key for m in ms if not m.shout] or [m.key for m in ms]
    if all(k == keys[0] for k in keys):
        return keys[0]
    counts: dict[str, int] = defaultdict(int)
    for k in keys:
        counts[k] += 1
    best = max(counts.values())
    return next(k for k in keys if counts[k] == best)


@lru_cache(maxsize=1 << 15)
def _slug(name: str) -> str:
    """`text.slugify`, cached: the same names recur across a corpus."""
    return slugify(name)


def _order(m: Resolved) -> tuple[int, int]:
    """Text order; of two mentions starting together, the longer first."""
    return (m.start, -m.end)
