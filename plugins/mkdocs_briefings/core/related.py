"""What is related: briefings that share entities, and the entities an entity appears with.

Both are counted through inverted indexes (entity -> briefings) and capped
per briefing (RELATED_MAX_POSTINGS, COMPANION_SAMPLE), so the cost grows
with the number of mentions, never with pairs of briefings.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .entity_records import EntityRecord
from .model import Briefing

#: How many related briefings and companion entities a page lists.
RELATED_LIMIT = 3
COMPANION_LIMIT = 10

#: "Appears with" is counted over at most this many names of each briefing (its most
#: mentioned ones): counting every pair of a briefing's names is quadratic, and one seed
#: of 20,000 names took four minutes and 8 GB. A real article names far fewer (the most
#: over the demo's seeds and the BBC archive is 205), so only text made to be dense is
#: sampled, and the pages it touches say so.
COMPANION_SAMPLE = 250

#: Entities named in more briefings than this do not make briefings related:
#: "United States" links half an archive, and following it from every
#: briefing would make finding related briefings quadratic in the archive.
RELATED_MAX_POSTINGS = 100


@dataclass(frozen=True, slots=True)
class Related:
    """A briefing related to another one, and the entities they share."""

    slug: str
    shared: tuple[str, ...]  # entity ids, by name


def count_companions(briefings: Iterable[Briefing], wanted: set[str]) -> tuple[dict[str, tuple[tuple[str, int], ...]], set[str]]:
    """For each wanted entity, the entities it shares the most briefings with; and who was sampled.

    Counted per briefing over its own entity list, at most COMPANION_SAMPLE
    names of it (the most mentioned, ties by id), so the work per briefing
    is bounded and the whole stays linear in the number of briefings. The
    second result holds the wanted entities of briefings that were sampled.
    """
    together: dict[str, Counter[str]] = defaultdict(Counter)
    sampled: set[str] = set()
    for b in briefings:
        mentions: dict[str, int] = {}
        for e in b.annotation.entities:
            mentions[e.id] = max(mentions.get(e.id, 0), len(e.mentions))
        if len(mentions) > COMPANION_SAMPLE:
            sampled.update(i for i in mentions if i in wanted)
            ids = sorted(heapq.nsmallest(COMPANION_SAMPLE, mentions, key=lambda i: (-mentions[i], i)))
        else:
            ids = sorted(mentions)
        for a in ids:
            if a not in wanted:
                continue
            for other in ids:
                if other != a:
                    together[a][other] += 1
    found = {
        ent_id: tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:COMPANION_LIMIT])
        for ent_id, counter in together.items()
    }
    return found, sampled


def related_briefings(
    b: Briefing,
    postings: dict[str, tuple[str, ...]],
    records: dict[str, EntityRecord],
    date_rank: dict[str, int],
    copies: Sequence[str] = (),
) -> tuple[Related, ...]:
    """Briefings ranked by how many entities they share with `b`, via the inverted index.

    Copies of the same story (`copies`, from `duplicates.py`) are never related:
    the page says "same story as" instead, and they would crowd out the rest.

    Only entities in at most RELATED_MAX_POSTINGS briefings count, so the
    work per briefing is bounded whatever the size of the archive.
    """
    shared: dict[str, list[str]] = defaultdict(list)
    for ent_id in sorted({e.id for e in b.annotation.entities}):
        posting = postings.get(ent_id, ())
        if len(posting) > RELATED_MAX_POSTINGS:
            continue
        for other in posting:
            if other != b.slug and other not in copies:
                shared[other].append(ent_id)
    # The same as sorted(...)[:RELATED_LIMIT] (keys are unique), without sorting every candidate.
    ranked = heapq.nsmallest(RELATED_LIMIT, shared.items(), key=lambda kv: (-len(kv[1]), date_rank.get(kv[0], 0), kv[0]))
    return tuple(
        Related(slug, tuple(sorted(ids, key=lambda i: (records[i].name.casefold(), i))))
        for slug, ids in ranked
    )
