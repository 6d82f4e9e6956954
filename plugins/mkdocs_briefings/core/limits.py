"""How much of one briefing the site shows: caps on claims and names, and the notes that say so.

A real article has tens of claims and names: over the demo's 294 seeds and
the 2,225 BBC articles the most are 205 names (a month of campaign-trail
notes) and 222 claims (a long interview). Text made to be dense can have
thousands per kilobyte: 3.9 MB of `he said "she said 'it said "...` gave
415,000 claims, a 2.7 GB site and 8 GB of memory. Everything after the
engine (the corpus index, entity pages, claims index, page store,
`briefings.json`) grows with claims and names, so the annotation of one
briefing is cut to MAX_CLAIMS claims and MAX_NAMES names before anything
else sees it, and the build warns, naming the seed, so that an editor knows
the page is incomplete.

What is kept is what a reader needs most: the first claims in text order
(their ids stay `claim-1`...`claim-N`), the speakers of those claims, then
the most-mentioned names (ties by first mention, then id: deterministic).
"""

from __future__ import annotations

import heapq
from dataclasses import replace

from .model import Annotation, Entity

#: Claims one briefing shows at most (four times the most of any real article).
MAX_CLAIMS = 1000
#: Names (entities) one briefing shows at most, besides the speakers of its claims (2.4 times
#: the most of any real article). With `min_briefings: 1` each can become a page, and a theme
#: render costs some 20 ms a page: 500 keep one briefing's pages to about ten seconds.
MAX_NAMES = 500


def _rank(entity: Entity) -> tuple[int, int, str]:
    first = min((m.start for m in entity.mentions), default=0)
    return (-len(entity.mentions), first, entity.id)


def cap_annotation(annotation: Annotation) -> Annotation:
    """The annotation with at most MAX_CLAIMS claims and MAX_NAMES (+ their speakers) entities.

    Linear in the annotation (a bounded heap picks the names), and the
    identity when nothing is over a cap, so ordinary articles are untouched.
    """
    claims = annotation.claims
    entities = annotation.entities
    if len(claims) <= MAX_CLAIMS and len(entities) <= MAX_NAMES:
        return annotation
    claims = claims[:MAX_CLAIMS]
    if len(entities) > MAX_NAMES:
        speakers = {c.speaker.entity for c in claims if c.speaker is not None and c.speaker.entity}
        others = heapq.nsmallest(MAX_NAMES, (e for e in entities if e.id not in speakers), key=_rank)
        keep = speakers | {e.id for e in others}
        entities = tuple(e for e in entities if e.id in keep)  # the engine's order
    return replace(annotation, entities=entities, claims=claims)


def cap_notes(annotation: Annotation) -> list[str]:
    """What a reader and an editor must be told about a capped annotation (empty when none applied).

    An annotation at a cap may have been cut there (a cached one cannot say
    which), so the note says "at least".
    """
    notes = []
    if len(annotation.claims) >= MAX_CLAIMS:
        notes.append(f"this briefing has {MAX_CLAIMS:,} claims or more: only the first {MAX_CLAIMS:,} are shown")
    names = len(annotation.entities)
    if names >= MAX_NAMES:
        notes.append(f"this briefing names {MAX_NAMES:,} people, organisations and places or more: only the {MAX_NAMES:,} "
                     "named most often (and every speaker) are linked")
    return notes
