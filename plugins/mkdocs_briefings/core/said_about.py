"""Said about: the claims whose content names an entity, for the entity's page (beside "Said").

A claim is about an entity when one of the entity's mentions lies inside
the claim's content span ("Putin" in "Putin is afraid of talks", said by
someone else). Claims the entity made itself are "Said", not "Said about".
Only entities the corpus keeps a record of (named with confidence) and
that are `wanted` (those with a page) are collected.

One pass over the briefings: each briefing's mentions are sorted once and
each claim looks its span up by bisection, so the cost is linear in the
mentions and claims (times a logarithm).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Set

from .model import Briefing
from .speaker_groups import ClaimRef


def said_about(briefings: Iterable[Briefing], wanted: Set[str],
               order: Mapping[str, int]) -> dict[str, tuple[ClaimRef, ...]]:
    """Entity id -> the claims about it, in `order` of their briefings (newest first), then in text order."""
    found: dict[str, list[tuple[int, int, ClaimRef]]] = defaultdict(list)
    for b in briefings:
        mentions = sorted((m.start, m.end, e.id) for e in b.annotation.entities if e.id in wanted for m in e.mentions)
        if not mentions:
            continue
        starts = [m[0] for m in mentions]
        for n, claim in enumerate(b.annotation.claims):
            own = claim.speaker.entity if claim.speaker else None
            seen: set[str] = set()
            i = bisect_left(starts, claim.content.start)
            while i < len(mentions) and mentions[i][0] < claim.content.end:
                _start, end, ent_id = mentions[i]
                if end <= claim.content.end and ent_id != own and ent_id not in seen:
                    seen.add(ent_id)
                    found[ent_id].append((order.get(b.slug, 0), n, ClaimRef(b.slug, claim)))
                i += 1
    return {k: tuple(ref for _, _, ref in sorted(v, key=lambda t: (t[0], t[2].slug, t[1]))) for k, v in sorted(found.items())}

