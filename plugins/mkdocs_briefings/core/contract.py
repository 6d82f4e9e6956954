"""The annotation JSON contract (`shared/eval/README.md`), in both directions (`briefings.json` around it: `export.py`).

Everything that turns the model into JSON, or JSON back into the model,
lives here: the engine's output as the CLI and the exports print it, and
the annotation cache's entries read back. Reading is strict because cached
JSON is outside input (CI restores caches from earlier runs): every field's
type, every id against the slug rule, every span against its text.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, TypeGuard

from .model import CLAIM_KINDS, KINDS, STATUSES, Annotation, Claim, Entity, Span, Speaker
from .text import is_slug

# -- writing ---------------------------------------------------------------------------------


def span_to_json(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def entity_to_json(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "roles": list(entity.roles),
        "mentions": [span_to_json(m) for m in entity.mentions],
        "confidence": entity.confidence,
    }


def speaker_to_json(speaker: Speaker) -> dict[str, Any]:
    return {"entity": speaker.entity, **span_to_json(speaker.span), "confidence": speaker.confidence}


def claim_to_json(claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": claim.id,
        "kind": claim.kind,
        "content": span_to_json(claim.content),
        "cue": span_to_json(claim.cue) if claim.cue else None,
        "speaker": speaker_to_json(claim.speaker) if claim.speaker else None,
        "hedges": list(claim.hedges),
    }
    if claim.status:
        out["status"] = claim.status
    if claim.note:
        out["note"] = claim.note
    if claim.status_source:
        out["status_source"] = claim.status_source
    return out


def annotation_to_json(annotation: Annotation, doc_id: str) -> dict[str, Any]:
    """One document's annotation, as `briefings annotate` prints it."""
    return {
        "id": doc_id,
        "entities": [entity_to_json(e) for e in annotation.entities],
        "claims": [claim_to_json(c) for c in annotation.claims],
    }


# -- reading ---------------------------------------------------------------------------------


class CorruptEntry(ValueError):
    """JSON that is not a valid annotation of its text."""


def _span(data: Any, text: str) -> Span:
    if not isinstance(data, dict):
        raise CorruptEntry("span is not an object")
    start, end, got = data.get("start"), data.get("end"), data.get("text")
    if not (_integer(start) and _integer(end) and 0 <= start <= end <= len(text)):
        raise CorruptEntry("span offsets out of range")
    if text[start:end] != got:
        raise CorruptEntry("span text does not match the seed")
    return Span(start, end, got)


def _integer(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CorruptEntry(f"{what} is not an object")
    return value


def expect_list(value: Any, what: str) -> list[Any]:
    """`value` if it is a list, else CorruptEntry (a ValueError) naming `what`: for any JSON read back."""
    if not isinstance(value, list):
        raise CorruptEntry(f"{what} is not a list")
    return value


def expect_text(value: Any, what: str) -> str:
    """`value` if it is text, else CorruptEntry (a ValueError) naming `what`: for any JSON read back."""
    if not isinstance(value, str):
        raise CorruptEntry(f"{what} is not text")
    return value


def _optional_text(value: Any, what: str) -> str | None:
    return None if value is None else expect_text(value, what)


def _texts(value: Any, what: str) -> tuple[str, ...]:
    return tuple(expect_text(v, what) for v in expect_list(value, what))


def _id(value: Any, what: str) -> str:
    """An id read back from the cache: it becomes a file name and a URL, so it must be a slug."""
    if not is_slug(value):
        raise CorruptEntry(f"{what} {str(value)[:40]!r} is not a slug")
    return str(value)


def _entity(data: Any, text: str) -> Entity:
    e = _object(data, "entity")
    return Entity(
        _id(e.get("id"), "entity id"),
        expect_text(e.get("name"), "entity name"),
        _one_of(e.get("kind"), KINDS, "entity kind"),
        _texts(e.get("roles", []), "entity roles"),
        tuple(_span(m, text) for m in expect_list(e.get("mentions"), "entity mentions")),
        _confidence(e.get("confidence", 1.0)),
    )


def _claim(data: Any, text: str, ids: set[str]) -> Claim:
    c = _object(data, "claim")
    claim_id = expect_text(c.get("id"), "claim id")
    if _CLAIM_ID.fullmatch(claim_id) is None:
        raise CorruptEntry(f"claim id {claim_id[:40]!r} is not claim-<n>")
    speaker = None
    if c.get("speaker") is not None:
        s = _object(c["speaker"], "speaker")
        entity = s.get("entity")
        if entity is not None and _id(entity, "speaker entity") not in ids:
            raise CorruptEntry(f"speaker entity {entity!r} is not an entity of the briefing")
        speaker = Speaker(_span(s, text), entity, _confidence(s.get("confidence", 1.0)))
    status = c.get("status")
    return Claim(
        claim_id,
        _one_of(c.get("kind"), CLAIM_KINDS, "claim kind"),
        _span(c.get("content"), text),
        _span(c["cue"], text) if c.get("cue") is not None else None,
        speaker,
        _texts(c.get("hedges", []), "claim hedges"),
        status if status in STATUSES else None if status is None else _bad("claim status"),
        _optional_text(c.get("note"), "claim note"),
        _optional_text(c.get("status_source"), "claim status source"),
    )


def annotation_from_json(data: Any, text: str) -> Annotation:
    """Rebuild an Annotation from `annotation_to_json`'s form, checking every field's type, every id
    against the slug rule and every span against `text`: an entry is outside input (CI
    restores caches), and one that would not be the engine's output is never used."""
    a = _object(data, "annotation")
    entities = tuple(_entity(e, text) for e in expect_list(a.get("entities"), "entities"))
    ids = {e.id for e in entities}
    claims = tuple(_claim(c, text, ids) for c in expect_list(a.get("claims"), "claims"))
    return Annotation(entities, claims)


#: Claim ids, as the engine numbers them.
_CLAIM_ID = re.compile(r"claim-[1-9][0-9]{0,8}")


def _confidence(value: Any) -> float:
    """A confidence read back from the cache: a number from 0 to 1, or the entry is corrupt."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise CorruptEntry("bad confidence")
    return float(value)


def _one_of(value: Any, allowed: Collection[str], what: str) -> str:
    """`value` when it is one of `allowed` (all text), else the entry is corrupt."""
    if value not in allowed:
        raise CorruptEntry(f"unknown {what}")
    return str(value)


def _bad(what: str) -> Any:
    raise CorruptEntry(f"unknown {what}")


