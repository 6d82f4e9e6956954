"""The data model shared by every layer: plain frozen dataclasses.

Annotations are character offsets into one exact input string (end
exclusive), plus a label and an id, as in spaCy's data model. Everything here
is immutable so that cached, parallel and re-used results can never be
changed behind a renderer's back. `contract.py` turns them into the
annotation JSON of `shared/eval/README.md` and back.

Annotations cross processes by the thousand (pool workers to the build,
forked children back to it). A frozen slotted dataclass pickles by default
through `dataclasses.fields()` on every object, both ways, so the classes
pickled in bulk (spans, speakers, entities, claims, annotations) reduce to
themselves and their fields as a tuple: a third of the time to dump, and
less to load (tests/unit/test_model_pickle.py checks no field is left out).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from .kinds import KINDS as KINDS  # re-exported: entity kinds, in the order the site groups them

#: Claim kinds of the annotation contract.
CLAIM_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")

#: Below this confidence the site shows a name or a speaker as plain text, never as a link to a
#: page, and `briefings review` lists it for an editor. Confidence is the engine's estimate
#: (0..1) that an entity is a real person, organisation or place of the kind given, or that a
#: claim's speaker is the one named; editors' register entries and corrections are 1.0.
LINK_CONFIDENCE: float = 0.5

#: Editorial statuses an overlay may give a claim.
STATUSES: tuple[str, ...] = ("verified", "disputed", "unverified", "false")


@dataclass(frozen=True, slots=True)
class Span:
    """A range of the input text; `text == input[start:end]` always holds."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Build a span whose text is taken from `source`, so it cannot drift."""
        return cls(start, end, source[start:end])

    def __reduce__(self) -> tuple[type[Span], tuple[int, int, str]]:
        return (Span, (self.start, self.end, self.text))



@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing named in a document, with all of its mentions."""

    id: str  # canonical slug: the same person has the same id in every briefing
    name: str  # canonical name
    kind: str  # one of KINDS
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    confidence: float = 1.0  # how sure the engine is of the entity and its kind (see LINK_CONFIDENCE)

    def __reduce__(self) -> tuple[type[Entity], tuple[str, str, str, tuple[str, ...], tuple[Span, ...], float]]:
        return (Entity, (self.id, self.name, self.kind, self.roles, self.mentions, self.confidence))



@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a claim is attributed to: the source as written, and what it resolves to.

    `span` is the words where the attribution is made ("he", "a senior
    Pentagon official"); `entity` is the id of the entity it resolves to, or
    None for an unnamed source.
    """

    span: Span
    entity: str | None = None
    confidence: float = 1.0  # how sure the engine is that `entity` (or "unnamed") is right

    def __reduce__(self) -> tuple[type[Speaker], tuple[Span, str | None, float]]:
        return (Speaker, (self.span, self.entity, self.confidence))



@dataclass(frozen=True, slots=True)
class Claim:
    """A sourced statement: direct quote, reported speech, or a mix of both.

    `status`, `note` and `status_source` are editorial: only overlays set them.
    """

    id: str  # stable within a briefing: "claim-1", "claim-2", ... in text order
    kind: str  # one of CLAIM_KINDS
    content: Span
    cue: Span | None = None
    speaker: Speaker | None = None
    hedges: tuple[str, ...] = ()
    status: str | None = None
    note: str | None = None
    status_source: str | None = None

    def __reduce__(self) -> tuple[type[Claim], tuple[object, ...]]:
        return (
            Claim,
            (self.id, self.kind, self.content, self.cue, self.speaker, self.hedges, self.status, self.note, self.status_source),
        )



@dataclass(frozen=True, slots=True)
class Annotation:
    """What the engine found in one text."""

    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()

    def __reduce__(self) -> tuple[type[Annotation], tuple[tuple[Entity, ...], tuple[Claim, ...]]]:
        return (Annotation, (self.entities, self.claims))

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None



@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One entry of the editor's entity register (`briefings/entities.yml`).

    The register takes precedence over detection: its aliases map any surface
    form, in any briefing, to this entry.
    """

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""  # markdown, written by editors
    links: tuple[str, ...] = ()
    line: int = 0  # where the entry starts in the register file, for messages


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where one seed article came from, for attribution on the page."""

    seed: str  # path relative to seeds/, with forward slashes
    title: str | None = None
    date: Date | None = None
    source: str | None = None
    url: str | None = None
    license: str | None = None


@dataclass(frozen=True, slots=True)
class Controls:
    """An editor's say over what is found across briefings (overlay keys; `core/controls.py` reads them).

    Each item keeps the overlay line it was written on, so a control that no
    longer matches anything is reported there. Matching is by words, never by
    position or generated id, so controls survive re-annotation.
    """

    drop_figures: tuple[tuple[str, int], ...] = ()  # (a figure as written, e.g. "$17.5bn", line)
    not_duplicates: tuple[tuple[str, int], ...] = ()  # (the slug of a briefing that is not the same story, line)
    ledger_split: tuple[tuple[str, int], ...] = ()  # (words of a claim of this briefing kept out of the ledger, line)
    ledger_merge: tuple[tuple[str, str, int], ...] = ()  # (words of a claim here, words of a claim elsewhere, line)


NO_CONTROLS = Controls()


@dataclass(frozen=True, slots=True)
class Briefing:
    """One briefing page: seed text, editorial metadata and its annotation.

    `text` is the article body (the seeds' bodies joined by a newline for a
    briefing built from several seeds); every offset in `annotation` and
    `caption` points into it.
    """

    slug: str
    title: str
    text: str
    annotation: Annotation
    date: Date | None = None
    sources: tuple[SourceInfo, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str = ""  # the overlay's markdown body, written by editors
    caption: Span | None = None  # a leading photo caption with its credit
    overlay: str | None = None  # path of the overlay file, if any
    ignore: tuple[str, ...] = field(default=())  # surface forms never annotated
    controls: Controls = NO_CONTROLS  # the overlay's say over figures, duplicates and the ledger
