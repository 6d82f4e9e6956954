"""The cross-briefing index: who appears where, who said what, what is related.

Each briefing is annotated on its own; this module joins them. Entity ids
are the same slug in every briefing (the engine's contract), so an entity's
page is the union of its appearances. Everything is computed once, in one
pass over the briefings plus inverted indexes (entity -> briefings), so the
cost grows with the number of mentions, never with pairs of briefings.

Ordering is explicit everywhere (counts, then names, then slugs) so that two
builds of the same inputs give the same site byte for byte.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date

from .controls import kept_figures, not_duplicate_pairs
from .duplicates import Duplicates, find_duplicates
from .figures import Figure
from .figures_ledger import FiguresLedger, build_figures_ledger
from .kinds import KINDS, MIN_BRIEFINGS, PAGE_DIRS
from .ledger import Ledger, build_ledger
from .model import LINK_CONFIDENCE, Briefing, Claim, Entity, RegisterEntry, Span
from .text import paragraphs, sentences, slugify, transliterate

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


#: `min_briefings` as a site gives it: one number for every kind, or a number per kind.
Thresholds = int | Mapping[str, int]


def threshold(min_briefings: Thresholds, kind: str) -> int:
    """How many briefings an entity of `kind` needs for a page (a kind missing from a mapping takes the default)."""
    if isinstance(min_briefings, int):
        return min_briefings
    return int(min_briefings.get(kind, MIN_BRIEFINGS.get(kind, 1)))


#: The archive size the defaults (`kinds.MIN_BRIEFINGS`: a person from 10 briefings, an
#: organisation or a place from 20) were chosen for: the BBC archive has 2,225 articles.
FULL_SIZE = 2000


def fitted_thresholds(briefing_count: int, chosen: Thresholds | None = None) -> dict[str, int]:
    """`min_briefings` for a site of `briefing_count` briefings, one number per kind with pages.

    What the site chose wins (one number, or a number per kind). A kind it
    left out keeps the same share of briefings the defaults ask of an archive
    of `FULL_SIZE`: a person earns a page when named in 1 briefing in 200, an
    organisation or a place in 1 in 100 (at least 1 briefing, at most the
    default). Fixed defaults gave a 3-article site no entity page at all and
    no hint why; this way a small site gives every name a page (up to 200
    briefings for people, 100 for the others), the demo's 294 briefings give
    people named twice a page, and an archive of 2,000 or more keeps the
    defaults that keep it fast and small.
    """
    if isinstance(chosen, int):
        return dict.fromkeys(PAGE_DIRS, chosen)
    given = chosen or {}
    out: dict[str, int] = {}
    for kind in PAGE_DIRS:
        if kind in given:
            out[kind] = int(given[kind])
            continue
        default = MIN_BRIEFINGS[kind]
        out[kind] = max(1, min(default, -(-default * max(0, briefing_count) // FULL_SIZE)))
    return out


def earns_page(kind: str, briefings: int, registered: bool, min_briefings: Thresholds = MIN_BRIEFINGS) -> bool:
    """Whether an entity earns a page of its own, or its entry on the A-Z listing serves it.

    The one place that decides which entities earn a page. A page gathers
    what one briefing cannot show: many appearances with their sentences,
    what the entity said across them, who it appears with. Most names in a
    news archive are mentioned once or twice; their entry on the A-Z listing
    names every briefing they appear in and links what they said, and a
    page each would multiply the pages of a large site, and with them its
    build time and size. Entities in the editors' register always get a
    page: someone cared to describe them. Only kinds with a folder
    (`kinds.PAGE_DIRS`) have pages or listings at all.
    """
    return kind in PAGE_DIRS and (registered or briefings >= threshold(min_briefings, kind))


def letter_of(name: str) -> str:
    """The A-Z heading a name files under, as its slug spells it ("Łukasz" and "Людмила" under L);
    digits and symbols go under '#'."""
    first = transliterate(name.strip()[:1])[0][:1].upper()
    return first if first.isalpha() else "#"


@dataclass(frozen=True, slots=True)
class Appearance:
    """An entity in one briefing: how often, and the sentence of its first mention."""

    slug: str
    count: int
    sentence: str
    mention: Span  # offsets into `sentence`


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim together with the briefing it belongs to."""

    slug: str
    claim: Claim


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


@dataclass(frozen=True, slots=True)
class Related:
    """A briefing related to another one, and the entities they share."""

    slug: str
    shared: tuple[str, ...]  # entity ids, by name


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    """The claims of one speaker (or of unnamed / unattributed sources)."""

    key: str  # the entity id, or "~unnamed" / "~unattributed"
    label: str
    entity: str | None
    claims: tuple[ClaimRef, ...]


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


def _vote(counter: Counter[str], order: Sequence[str] = ()) -> str:
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


def _sentence_ranges(text: str) -> list[tuple[int, int]]:
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
        ranges = _sentence_ranges(b.text)
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
            appearances[ent.id].append(_appearance(b, ranges, ent))
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
        kind = reg.kind if reg and reg.kind in KINDS else _vote(kinds[ent_id], KINDS)
        name = reg.name if reg else _vote(names[ent_id])
        role_counter = roles[ent_id]
        records[ent_id] = EntityRecord(
            id=ent_id,
            name=name,
            kind=kind,
            has_page=earns_page(kind, len(appearances[ent_id]), reg is not None, min_briefings),
            roles=merged_roles(role_counter),
            aliases=tuple(sorted(aliases[ent_id] - {name}, key=lambda a: (a.casefold(), a))),
            appearances=tuple(sorted(appearances[ent_id], key=lambda a: date_rank[a.slug])),
            said=tuple(sorted(said[ent_id], key=lambda r: (date_rank[r.slug], _claim_number(r.claim)))),
            register=reg,
        )
    # Only an entity page shows "Appears with": count companions for those alone.
    companions, sampled = _companions(by_slug.values(), {i for i, r in records.items() if r.has_page})
    for ent_id, found in companions.items():
        records[ent_id] = replace(records[ent_id], companions=found)
    for ent_id in sampled:
        records[ent_id] = replace(records[ent_id], companions_sampled=True)

    frozen_postings = {k: tuple(v) for k, v in sorted(postings.items())}
    duplicates = find_duplicates(((slug, b.text) for slug, b in by_slug.items()),
                                 apart=not_duplicate_pairs(by_slug.values()))
    figures = {slug: kept_figures(b) for slug, b in by_slug.items()}
    related = {slug: _related(b, frozen_postings, records, date_rank, duplicates.others(slug))
               for slug, b in by_slug.items()}
    return Corpus(
        briefings=ordered,
        by_slug=by_slug,
        entities=records,
        related=related,
        speakers=_speaker_groups(speaker_groups, records, date_rank),
        postings=frozen_postings,
        duplicates=duplicates,
        ledger=build_ledger(by_slug.values(), duplicates, {i: r.name for i, r in records.items()}),
        figures=figures,
        figures_ledger=build_figures_ledger(figures, by_slug.values(), duplicates),
    )


def _appearance(b: Briefing, ranges: Sequence[tuple[int, int]], ent: Entity) -> Appearance:
    if not ent.mentions:
        return Appearance(b.slug, 0, "", Span(0, 0, ""))
    first = min(ent.mentions, key=lambda m: (m.start, m.end))
    sentence, where = _first_mention_sentence(b.text, ranges, first)
    return Appearance(b.slug, len(ent.mentions), sentence, where)


def _claim_number(claim: Claim) -> tuple[int, str]:
    """'claim-12' sorts after 'claim-2'."""
    tail = claim.id.rsplit("-", 1)[-1]
    return (int(tail), claim.id) if tail.isdigit() else (1 << 30, claim.id)


def _companions(briefings: Iterable[Briefing], wanted: set[str]) -> tuple[dict[str, tuple[tuple[str, int], ...]], set[str]]:
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


def _related(
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


def _speaker_groups(
    groups: dict[str, list[ClaimRef]], records: dict[str, EntityRecord], date_rank: dict[str, int]
) -> tuple[SpeakerGroup, ...]:
    """Named speakers A-Z, then unnamed sources, then claims with no source found."""

    def order(refs: list[ClaimRef]) -> tuple[ClaimRef, ...]:
        return tuple(sorted(refs, key=lambda r: (date_rank.get(r.slug, 0), _claim_number(r.claim))))

    named = sorted(
        (k for k in groups if not k.startswith("~") and k in records),
        key=lambda k: (records[k].name.casefold(), k),
    )
    out = [SpeakerGroup(k, records[k].name, k, order(groups[k])) for k in named]
    if groups.get("~unnamed"):
        out.append(SpeakerGroup("~unnamed", "Unnamed sources", None, order(groups["~unnamed"])))
    if groups.get("~unattributed"):
        out.append(SpeakerGroup("~unattributed", "No source given", None, order(groups["~unattributed"])))
    return tuple(out)
