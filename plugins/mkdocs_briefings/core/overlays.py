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

from .controls import CONTROL_KEYS, parse_controls
from .diagnostics import Diagnostic, quoted, unknown_key
from .model import NO_CONTROLS, STATUSES, Annotation, Claim, Controls, Entity, RegisterEntry, Span, Speaker
from .seeds import is_web_url, read_text, split_front_matter, string_list
from .text import slugify
from .yamldoc import YamlDoc, YamlError, parse_date, parse_yaml

#: Top-level keys of an overlay's front matter.
OVERLAY_KEYS: tuple[str, ...] = ("seed", "seeds", "title", "date", "tags", "entities", "claims", *CONTROL_KEYS)
#: Keys under `entities:`.
ENTITY_KEYS: tuple[str, ...] = ("ignore",)
#: Keys of one correction under `claims:`.
CORRECTION_KEYS: tuple[str, ...] = ("quote", "speaker", "status", "note", "source", "drop")


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


def read_overlay(file: Path, shown: str) -> tuple[Overlay | None, list[Diagnostic]]:
    """Read and validate one overlay file; None (with an error) if unusable."""
    text, err = read_text(file, shown, "overlay")
    if text is None:
        return None, [err] if err else []
    return parse_overlay(text, shown, slugify(file.stem))


def parse_overlay(text: str, shown: str, slug: str) -> tuple[Overlay | None, list[Diagnostic]]:
    """Parse overlay text (front matter + markdown summary)."""
    diags: list[Diagnostic] = []
    fm, fm_line, body, err = split_front_matter(text, shown)
    if err:
        return None, [err]
    if fm is None:
        return None, [Diagnostic(shown, 1, "an overlay starts with front matter: a line '---', 'seed: <file>', then '---'", "error")]
    try:
        doc = parse_yaml(fm, shown, fm_line)
    except YamlError as exc:
        return None, [exc.diagnostic]
    meta = doc.data if doc.data is not None else {}
    if not isinstance(meta, dict):
        return None, [Diagnostic(shown, fm_line, "front matter must be a mapping of 'key: value' lines", "error")]
    for key in meta:
        if key not in OVERLAY_KEYS:
            diags.append(unknown_key(shown, doc.line(key), key, OVERLAY_KEYS, "overlay front matter"))

    seeds: list[tuple[str, int]] = []
    if "seed" in meta and "seeds" in meta:
        diags.append(Diagnostic(shown, doc.line("seeds"), "give either 'seed:' or 'seeds:', not both", "error"))
    if "seed" in meta:
        value = meta["seed"]
        if isinstance(value, str) and value.strip():
            seeds.append((value.strip(), doc.line("seed")))
        else:
            message = "'seed' must be a file name under seeds/, e.g. 'seed: my-article.txt'"
            diags.append(Diagnostic(shown, doc.line("seed"), message, "error"))
    elif "seeds" in meta:
        value = meta["seeds"]
        if not isinstance(value, list) or not value:
            diags.append(Diagnostic(shown, doc.line("seeds"), "'seeds' must be a list of file names under seeds/", "error"))
        else:
            for i, item in enumerate(value):
                if isinstance(item, str) and item.strip():
                    seeds.append((item.strip(), doc.line("seeds", i)))
                else:
                    diags.append(Diagnostic(shown, doc.line("seeds", i), "each of 'seeds' must be a file name under seeds/", "error"))

    title = meta.get("title")
    if title is not None and not (isinstance(title, (str, int, float)) and str(title).strip()):
        diags.append(Diagnostic(shown, doc.line("title"), "'title' must be text"))
        title = None
    date = parse_date(meta.get("date"))
    if meta.get("date") is not None and date is None:
        diags.append(Diagnostic(shown, doc.line("date"), f"bad date {quoted(meta.get('date'))}: write it as YYYY-MM-DD"))
    tags: tuple[str, ...] | None = None
    if "tags" in meta:
        tags = string_list(meta["tags"])
        if tags is None:
            diags.append(Diagnostic(shown, doc.line("tags"), "'tags' must be a list of words, e.g. [ukraine, diplomacy]"))

    ignore: tuple[str, ...] = ()
    ents = meta.get("entities")
    if ents is not None:
        if not isinstance(ents, dict):
            diags.append(Diagnostic(shown, doc.line("entities"), "'entities' must be a mapping, e.g. 'entities: {ignore: [NZT]}'"))
        else:
            for key in ents:
                if key not in ENTITY_KEYS:
                    diags.append(unknown_key(shown, doc.line("entities", key), key, ENTITY_KEYS, "'entities'"))
            got = string_list(ents.get("ignore"))
            if got is None:
                diags.append(Diagnostic(shown, doc.line("entities", "ignore"), "'ignore' must be a list of names, e.g. [NZT]"))
            else:
                ignore = tuple(sorted(got))

    corrections = _corrections(doc, meta.get("claims"), shown, diags)
    summary = body.strip("\n")
    overlay = Overlay(
        shown,
        slug,
        tuple(seeds),
        " ".join(str(title).split()) if title is not None else None,
        date,
        tags,
        ignore,
        corrections,
        summary,
        parse_controls(doc, meta, shown, diags),
    )
    return overlay, diags


def _corrections(doc: YamlDoc, value: object, shown: str, diags: list[Diagnostic]) -> tuple[Correction, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        diags.append(Diagnostic(shown, doc.line("claims"), "'claims' must be a list of corrections, each starting with '- quote: ...'"))
        return ()
    out: list[Correction] = []
    for i, item in enumerate(value):
        line = doc.line("claims", i)
        if not isinstance(item, dict):
            diags.append(Diagnostic(shown, line, "each correction must be a mapping starting with '- quote: <words of the claim>'"))
            continue
        for key in item:
            if key not in CORRECTION_KEYS:
                diags.append(unknown_key(shown, doc.line("claims", i, key), key, CORRECTION_KEYS, "a claim correction"))
        quote = item.get("quote")
        if not isinstance(quote, (str, int, float)) or isinstance(quote, bool) or not _norm(str(quote)):
            diags.append(Diagnostic(shown, line, "correction has no 'quote': add 'quote: <a few words of the claim>'"))
            continue
        qline = doc.line("claims", i, "quote")
        speaker = item.get("speaker")
        if speaker is not None and not (isinstance(speaker, str) and speaker.strip()):
            message = "'speaker' must be a name, e.g. 'speaker: Volodymyr Zelenskyy'"
            diags.append(Diagnostic(shown, doc.line("claims", i, "speaker"), message))
            speaker = None
        status = item.get("status")
        if status is not None and status not in STATUSES:
            diags.append(
                Diagnostic(shown, doc.line("claims", i, "status"), f"bad status {quoted(status)}: use one of {', '.join(STATUSES)}")
            )
            status = None
        note = item.get("note")
        if note is not None and not isinstance(note, (str, int, float)):
            diags.append(Diagnostic(shown, doc.line("claims", i, "note"), "'note' must be text"))
            note = None
        source = item.get("source")
        if source is not None and not (isinstance(source, str) and is_web_url(source.strip())):
            diags.append(
                Diagnostic(
                    shown, doc.line("claims", i, "source"), f"bad source {quoted(source)}: only http:// and https:// links are allowed"
                )
            )
            source = None
        drop = item.get("drop", False)
        if not isinstance(drop, bool):
            diags.append(Diagnostic(shown, doc.line("claims", i, "drop"), "'drop' must be true or false"))
            drop = False
        out.append(
            Correction(
                " ".join(str(quote).split()),
                qline,
                " ".join(speaker.split()) if speaker else None,
                status,
                " ".join(str(note).split()) if note is not None else None,
                source.strip() if source else None,
                drop,
            )
        )
    return tuple(out)


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
