"""Editorial overlays `briefings/<slug>.md`: parsing, and applying corrections.

An overlay gives a briefing its title, date, tags and summary, chooses its
seeds, and corrects the machine annotation (fix a speaker, drop a non-claim,
give a claim an editorial status). Corrections are applied after annotation
on every build and are never cached into it, so they survive re-annotation
and engine upgrades; a correction that no longer matches anything is a
warning on the line of its `quote:` so it cannot silently rot.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Any

from . import schema as sc
from .controls import CONTROL_KEYS, parse_controls
from .diagnostics import Diagnostic, quoted
from .model import NO_CONTROLS, STATUSES, Annotation, Claim, Controls, Entity, RegisterEntry, Span, Speaker
from .seeds import read_text, split_front_matter
from .text import slugify
from .yamldoc import YamlError, parse_yaml


@dataclass(frozen=True)
class Correction:
    """One editor's correction, found by a snippet of a claim's content."""

    quote: str
    line: int  # line of the `quote:` key, for "matches no claim" warnings
    speaker: str | None = None
    status: str | None = None
    note: str | None = None
    source: str | None = None
    drop: bool = False


@dataclass(frozen=True)
class Overlay:
    """A parsed overlay file."""

    path: str  # as shown in messages, e.g. "briefings/zelenskyy-talks.md"
    slug: str
    seeds: tuple[tuple[str, int], ...]  # (seed path under seeds/, line of its mention)
    title: str | None = None
    date: Date | None = None
    tags: tuple[str, ...] | None = None  # None: take the seeds' tags
    ignore: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    summary: str = ""
    controls: Controls = NO_CONTROLS  # figures dropped, not duplicates, ledger split / merge (core/controls.py)


def _quote(value: sc.Value) -> str:
    """A few words of a claim: text with something left to compare once quotes and punctuation go."""
    quote: str = sc.text(collapse=True)(value)
    if not _norm(quote):
        raise sc.Invalid
    return quote


def _seed(value: sc.Value) -> tuple[tuple[str, int], ...]:
    """`seed:` one file name, and the line it is on."""
    name: str = sc.text()(value)
    return ((name, value.line),)


def _seeds(value: sc.Value) -> tuple[tuple[str, int], ...]:
    """`seeds:` file names, each with its line; each bad item is an error on its own line."""
    if not isinstance(value.data, list) or not value.data:
        raise sc.Invalid
    out: list[tuple[str, int]] = []
    for i, data in enumerate(value.data):
        item = value.item(i, data)
        if isinstance(data, str) and data.strip():
            out.append((data.strip(), item.line))
        else:
            value.report.add(item.path, "each of 'seeds' must be a file name under seeds/", "error")
    return tuple(out)


#: Keys of one correction under `claims:`.
CORRECTION = sc.Schema(
    (
        sc.Field("quote", _quote, "correction has no 'quote': add 'quote: <a few words of the claim>'",
                 missing="correction has no 'quote': add 'quote: <a few words of the claim>'", essential=True),
        sc.Field("speaker", sc.text(collapse=True), "'speaker' must be a name, e.g. 'speaker: Volodymyr Zelenskyy'"),
        sc.Field("status", sc.one_of(STATUSES), "bad status {value}: use one of " + ", ".join(STATUSES)),
        sc.Field("note", sc.text(collapse=True, empty=True), "'note' must be text"),
        sc.Field("source", sc.web_url, sc.bad_url("source")),
        sc.Field("drop", sc.boolean, "'drop' must be true or false", default=False),
    ),
    where="a claim correction",
    not_mapping="each correction must be a mapping starting with '- quote: <words of the claim>'",
)
#: Keys under `entities:`.
ENTITIES = sc.Schema(
    (sc.Field("ignore", sc.words(), "'ignore' must be a list of names, e.g. [NZT]", default=()),),
    where="'entities'",
    not_mapping="'entities' must be a mapping, e.g. 'entities: {ignore: [NZT]}'",
)
#: An overlay's front matter.
OVERLAY = sc.Schema(
    (
        sc.Field("seed", _seed, "'seed' must be a file name under seeds/, e.g. 'seed: my-article.txt'", severity="error"),
        sc.Field("seeds", _seeds, "'seeds' must be a list of file names under seeds/", severity="error"),
        sc.Field("title", sc.text(collapse=True)),
        sc.Field("date", sc.date, sc.DATE_MESSAGE),
        sc.Field("tags", sc.words(), sc.TAGS_MESSAGE),
        sc.Field("entities", sc.mapping(ENTITIES), default={"ignore": ()}),
        sc.Field("claims", sc.entries(CORRECTION, "'claims' must be a list of corrections, each starting with '- quote: ...'"),
                 default=()),
    ),
    where="overlay front matter",
    not_mapping="front matter must be a mapping of 'key: value' lines",
    not_mapping_severity="error",
    elsewhere=CONTROL_KEYS,  # figures, duplicates and the ledger: read and checked by core/controls.py
)
#: Top-level keys of an overlay's front matter.
OVERLAY_KEYS: tuple[str, ...] = OVERLAY.keys
ENTITY_KEYS: tuple[str, ...] = ENTITIES.keys
CORRECTION_KEYS: tuple[str, ...] = CORRECTION.keys


def read_overlay(file: Path, shown: str) -> tuple[Overlay | None, list[Diagnostic]]:
    """Read and validate one overlay file; None (with an error) if unusable."""
    text, err = read_text(file, shown, "overlay")
    if text is None:
        return None, [err] if err else []
    return parse_overlay(text, shown, slugify(file.stem))


def parse_overlay(text: str, shown: str, slug: str) -> tuple[Overlay | None, list[Diagnostic]]:
    """Parse overlay text (front matter + markdown summary)."""
    fm, fm_line, body, err = split_front_matter(text, shown)
    if err:
        return None, [err]
    if fm is None:
        return None, [Diagnostic(shown, 1, "an overlay starts with front matter: a line '---', 'seed: <file>', then '---'", "error")]
    try:
        doc = parse_yaml(fm, shown, fm_line)
    except YamlError as exc:
        return None, [exc.diagnostic]
    report = sc.Report(shown, doc)
    got = sc.read(OVERLAY, {} if doc.data is None else doc.data, report)
    if got is None:
        return None, report.diagnostics
    meta: dict[str, Any] = got[0]
    if meta["seed"] is not None and meta["seeds"] is not None:
        report.add(("seeds",), "give either 'seed:' or 'seeds:', not both", "error")
    corrections = tuple(
        Correction(
            c["quote"], report.line(("claims", i, "quote")), c["speaker"], c["status"], c["note"], c["source"], c["drop"]
        )
        for i, c in meta["claims"]
    )
    overlay = Overlay(
        shown,
        slug,
        meta["seed"] or meta["seeds"] or (),
        meta["title"],
        meta["date"],
        meta["tags"],
        tuple(sorted(meta["entities"]["ignore"])),
        corrections,
        body.strip("\n"),
        parse_controls(doc, doc.data if isinstance(doc.data, dict) else {}, shown, report.diagnostics),
    )
    return overlay, report.diagnostics


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u2013": "-", "\u2014": "-"})


def _norm(text: str) -> str:
    """Compare snippets ignoring case, spacing, curly vs straight quotes and outer punctuation."""
    return " ".join(text.translate(_QUOTES).casefold().split()).strip(" \"'.,;:!?")


def matches(correction: Correction, claim: Claim) -> bool:
    """Whether the correction's snippet is part of the claim's content."""
    return _norm(correction.quote) in _norm(claim.content.text)


def _speaker_entity(name: str, annotation: Annotation, register: tuple[RegisterEntry, ...]) -> Entity:
    """The entity an editor's speaker name means: in the briefing, in the register, or new."""
    key = " ".join(name.casefold().split())
    for ent in annotation.entities:
        if ent.name.casefold() == key or ent.id == slugify(name):
            return ent
    for ent in annotation.entities:  # a spelling the briefing itself uses ("Zelensky")
        if any(" ".join(m.text.casefold().split()) == key for m in ent.mentions):
            return ent
    for entry in register:
        names = (entry.name, *entry.aliases)
        if any(" ".join(n.casefold().split()) == key for n in names):
            eid = slugify(entry.name)
            return annotation.entity(eid) or Entity(eid, entry.name, entry.kind)
    return Entity(slugify(name), name, "person")


def apply_corrections(
    annotation: Annotation,
    corrections: tuple[Correction, ...],
    register: tuple[RegisterEntry, ...],
    shown: str,
) -> tuple[Annotation, list[Diagnostic]]:
    """The annotation with the overlay's corrections applied, plus unmatched-correction warnings.

    Claim ids are never renumbered (they are page anchors editors and readers
    link to); a dropped claim just leaves a gap.
    """
    diags: list[Diagnostic] = []
    claims = list(annotation.claims)
    entities = list(annotation.entities)
    dropped: set[str] = set()
    for corr in corrections:
        hits = [i for i, c in enumerate(claims) if matches(corr, c)]
        if not hits:
            diags.append(
                Diagnostic(
                    shown,
                    corr.line,
                    f"correction quote {quoted(corr.quote)} matches no claim in this briefing: "
                    "copy a few words exactly from the claim, or remove the correction",
                )
            )
            continue
        for i in hits:
            claim = claims[i]
            if corr.drop:
                dropped.add(claim.id)
                continue
            if corr.speaker:
                current = Annotation(tuple(entities), ())
                ent = _speaker_entity(corr.speaker, current, register)
                if current.entity(ent.id) is None:
                    entities.append(ent)
                span = claim.speaker.span if claim.speaker else Span(claim.content.end, claim.content.end, "")
                claim = replace(claim, speaker=Speaker(span, ent.id))
            if corr.status:
                claim = replace(claim, status=corr.status)
            if corr.note is not None:
                claim = replace(claim, note=corr.note)
            if corr.source:
                claim = replace(claim, status_source=corr.source)
            claims[i] = claim
    kept = tuple(c for c in claims if c.id not in dropped)
    return Annotation(tuple(entities), kept), diags
