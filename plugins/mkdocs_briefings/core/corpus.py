"""The cross-briefing index: who appears where, who said what, what is related.

Each briefing is annotated on its own; this module joins them. Entity ids
are the same slug in every briefing (the engine's contract), so an entity's
page is the union of its appearances. Everything is computed once, in one
pass over the briefings plus inverted indexes (entity -> briefings), so the
cost grows with the number of mentions, never with pairs of briefings.
Its parts: which entities earn a page (`entity_pages.py`), an entity's
record (`entity_records.py`), related briefings and companions
(`related.py`), claims by speaker (`speaker_groups.py`). On a large corpus
duplicate stories and figures are found in forked children meanwhile
(`forked.py`): the same result, on the second core.

Ordering is explicit everywhere (counts, then names, then slugs) so that two
builds of the same inputs give the same site byte for byte.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date
from functools import partial

from .controls import kept_figures, not_duplicate_pairs
from .duplicates import Duplicates, find_duplicates
from .entity_pages import Thresholds, earns_page
from .entity_records import Appearance, EntityRecord, appearance, merged_roles, sentence_ranges, vote
from .figures import Figure
from .figures_ledger import FiguresLedger, build_figures_ledger
from .forked import Forked
from .kinds import KINDS, MIN_BRIEFINGS
from .ledger import Ledger, build_ledger
from .model import LINK_CONFIDENCE, Briefing, RegisterEntry
from .related import Related, count_companions, related_briefings
from .said_about import said_about
from .speaker_groups import ClaimRef, SpeakerGroup, claim_number, group_by_speaker
from .text import slugify

#: From this many briefings on, duplicates and figures are found in forked children (`forked.py`)
#: while the entity records are built; below it a fork costs more than it saves.
FORK_BRIEFINGS = 400


@dataclass(frozen=True, slots=True)
class Corpus:
    """The index the renderer reads; build it with `build_corpus`."""

    briefings: tuple[Briefing, ...]  # newest first, undated last
    by_slug: dict[str, Briefing]
    entities: dict[str, EntityRecord]  # by id, in id order
    related: dict[str, tuple[Related, ...]]
    speakers: tuple[SpeakerGroup, ...]
    postings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entity id -> briefing slugs
    duplicates: Duplicates = field(default_factory=lambda: Duplicates((), {}))  # briefings that are one story
    ledger: Ledger = field(default_factory=Ledger)  # statements in two stories or more
    figures: Mapping[str, tuple[Figure, ...]] = field(default_factory=dict)  # slug -> its figures (core/figures.py)
    figures_ledger: FiguresLedger = field(default_factory=FiguresLedger)  # figures of one thing across stories
    #: entity id (with a page) -> the claims that name it, newest first: its page's "Said about" and the export's
    said_about: Mapping[str, tuple[ClaimRef, ...]] = field(default_factory=dict)

    def record(self, entity_id: str | None) -> EntityRecord | None:
        """The corpus record of an entity id, or None."""
        return self.entities.get(entity_id) if entity_id else None

    def by_kind(self, kind: str) -> tuple[EntityRecord, ...]:
        """Entities of one kind, A-Z by name (case-insensitively, then by id)."""
        return tuple(
            sorted((r for r in self.entities.values() if r.kind == kind), key=lambda r: (r.name.casefold(), r.id))
        )

    def claim_count(self) -> int:
        return sum(len(g.claims) for g in self.speakers)


def newest_first(briefings: Iterable[Briefing]) -> tuple[Briefing, ...]:
    """Newest first, undated last; slug breaks ties so the order is total."""
    dated = sorted((b for b in briefings if b.date), key=lambda b: (-_ordinal(b.date), b.slug))
    undated = sorted((b for b in briefings if not b.date), key=lambda b: b.slug)
    return tuple(dated) + tuple(undated)


def _ordinal(d: Date | None) -> int:
    return d.toordinal() if d else 0


def build_corpus(
    briefings: Iterable[Briefing], register: Sequence[RegisterEntry] = (), min_briefings: Thresholds = MIN_BRIEFINGS
) -> Corpus:
    """Index the briefings: entity records, related briefings and claims by speaker.

    An entity's kind and name are decided by majority over the briefings
    that mention it (a register entry wins outright), so one id always maps
    to one page even when the engine hesitates between kinds.
    """
    ordered = newest_first(briefings)
    by_slug = {b.slug: b for b in sorted(ordered, key=lambda b: b.slug)}
    # Neither needs the entity records: on a large corpus they run on the second core meanwhile.
    fork = len(by_slug) >= FORK_BRIEFINGS
    found_duplicates = Forked(partial(_duplicates, by_slug), fork=fork)
    found_figures = Forked(partial(_figures, by_slug), fork=fork)
    try:
        return _index(ordered, by_slug, register, min_briefings, found_duplicates, found_figures)
    finally:
        found_duplicates.cancel()
        found_figures.cancel()


def _duplicates(by_slug: Mapping[str, Briefing]) -> Duplicates:
    return find_duplicates(((slug, b.title, b.text) for slug, b in by_slug.items()), apart=not_duplicate_pairs(by_slug.values()))


def _figures(by_slug: Mapping[str, Briefing]) -> dict[str, tuple[Figure, ...]]:
    return {slug: kept_figures(b) for slug, b in by_slug.items()}


def _index(
    ordered: tuple[Briefing, ...], by_slug: dict[str, Briefing], register: Sequence[RegisterEntry],
    min_briefings: Thresholds, found_duplicates: Forked[Duplicates], found_figures: Forked[dict[str, tuple[Figure, ...]]],
) -> Corpus:
    """The index proper; duplicates and figures are collected where they are first needed."""
    reg_by_id: dict[str, RegisterEntry] = {}
    for entry in register:
        reg_by_id.setdefault(slugify(entry.name), entry)

    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    said: dict[str, list[ClaimRef]] = defaultdict(list)
    postings: dict[str, list[str]] = defaultdict(list)
    speaker_groups: dict[str, list[ClaimRef]] = defaultdict(list)

    for b in by_slug.values():
        ranges = sentence_ranges(b.text)
        seen: set[str] = set()
        for ent in b.annotation.entities:
            if ent.id in seen:  # the engine promises unique ids; a repeat must not count twice
                continue
            if ent.confidence < LINK_CONFIDENCE and ent.id not in reg_by_id:
                continue  # typed on weak evidence: shown in the text, never given a page or a link
            seen.add(ent.id)
            kinds[ent.id][ent.kind] += 1
            names[ent.id][ent.name] += 1
            roles[ent.id].update(ent.roles)
            aliases[ent.id].update(m.text for m in ent.mentions)
            postings[ent.id].append(b.slug)
            appearances[ent.id].append(appearance(b, ranges, ent))
        for claim in b.annotation.claims:
            ref = ClaimRef(b.slug, claim)
            if claim.speaker is None:
                speaker_groups["~unattributed"].append(ref)
            elif (claim.speaker.entity is None or claim.speaker.entity not in seen
                  or claim.speaker.confidence < LINK_CONFIDENCE):  # a guessed speaker is not credited
                speaker_groups["~unnamed"].append(ref)
            else:
                speaker_groups[claim.speaker.entity].append(ref)
                said[claim.speaker.entity].append(ref)

    date_rank = {b.slug: i for i, b in enumerate(ordered)}
    records: dict[str, EntityRecord] = {}
    for ent_id in sorted(kinds):
        reg = reg_by_id.get(ent_id)
        kind = reg.kind if reg and reg.kind in KINDS else vote(kinds[ent_id], KINDS)
        name = reg.name if reg else vote(names[ent_id])
        role_counter = roles[ent_id]
        records[ent_id] = EntityRecord(
            id=ent_id,
            name=name,
            kind=kind,
            has_page=earns_page(kind, len(appearances[ent_id]), reg is not None, min_briefings),
            roles=merged_roles(role_counter),
            aliases=tuple(sorted(aliases[ent_id] - {name}, key=lambda a: (a.casefold(), a))),
            appearances=tuple(sorted(appearances[ent_id], key=lambda a: date_rank[a.slug])),
            said=tuple(sorted(said[ent_id], key=lambda r: (date_rank[r.slug], claim_number(r.claim)))),
            register=reg,
        )
    # Only an entity page shows "Appears with": count companions for those alone.
    with_page = {i for i, r in records.items() if r.has_page}
    companions, sampled = count_companions(by_slug.values(), with_page)
    for ent_id, found in companions.items():
        records[ent_id] = replace(records[ent_id], companions=found)
    for ent_id in sampled:
        records[ent_id] = replace(records[ent_id], companions_sampled=True)

    frozen_postings = {k: tuple(v) for k, v in sorted(postings.items())}
    duplicates = found_duplicates.result()
    related = {slug: related_briefings(b, frozen_postings, records, date_rank, duplicates.others(slug))
               for slug, b in by_slug.items()}
    ledger = build_ledger(by_slug.values(), duplicates, {i: r.name for i, r in records.items()})
    about = said_about(ordered, with_page, date_rank)
    figures = found_figures.result()
    return Corpus(
        briefings=ordered,
        by_slug=by_slug,
        entities=records,
        related=related,
        speakers=group_by_speaker(speaker_groups, records, date_rank),
        postings=frozen_postings,
        duplicates=duplicates,
        ledger=ledger,
        figures=figures,
        figures_ledger=build_figures_ledger(figures, by_slug.values(), duplicates),
        said_about=about,
    )
