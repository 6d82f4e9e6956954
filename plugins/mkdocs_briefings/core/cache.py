"""Annotation cache under `.cache/briefings/`: one JSON file per annotated text.

Keyed by everything the engine's output depends on (text, the register as
the engine sees it, the ignore list, `engine_version()`), so a hit is always
as good as a fresh run. Entries are written atomically (temp file in the
same directory, fsync, `os.replace`) so an interrupted build or two builds at
once can never leave a half-written entry; an unreadable or corrupt entry is
reported and recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .model import CLAIM_KINDS, KINDS, STATUSES, Annotation, Claim, Entity, RegisterEntry, Span, Speaker

#: Bumped when the entry layout itself changes.
FORMAT = 1


def engine_register(register: Sequence[RegisterEntry]) -> tuple[RegisterEntry, ...]:
    """The register as the engine sees it: names, kinds and aliases only.

    Descriptions, links and line numbers do not change an annotation, so
    they are left out of both the engine's input and the cache key: editing
    a description does not re-annotate every seed.
    """
    return tuple(RegisterEntry(e.name, e.kind, e.aliases) for e in register)


def cache_key(text: str, register: Sequence[RegisterEntry], ignore: Sequence[str], engine: str) -> str:
    """sha256 over every input of the annotation."""
    payload = json.dumps(
        {
            "format": FORMAT,
            "engine": engine,
            "text": text,
            "register": [[e.name, e.kind, list(e.aliases)] for e in engine_register(register)],
            "ignore": sorted(ignore),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class CorruptEntry(ValueError):
    """A cache entry that is not a valid annotation of its text."""


def _span(data: Any, text: str) -> Span:
    if not isinstance(data, dict):
        raise CorruptEntry("span is not an object")
    start, end, got = data.get("start"), data.get("end"), data.get("text")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise CorruptEntry("span offsets out of range")
    if text[start:end] != got:
        raise CorruptEntry("span text does not match the seed")
    return Span(start, end, got)


def annotation_from_json(data: Any, text: str) -> Annotation:
    """Rebuild an Annotation from its `to_json` form, checking every span against `text`."""
    try:
        entities = tuple(
            Entity(
                str(e["id"]),
                str(e["name"]),
                e["kind"] if e["kind"] in KINDS else _bad("entity kind"),
                tuple(str(r) for r in e.get("roles", ())),
                tuple(_span(m, text) for m in e["mentions"]),
                _confidence(e.get("confidence", 1.0)),
            )
            for e in data["entities"]
        )
        claims = tuple(
            Claim(
                str(c["id"]),
                c["kind"] if c["kind"] in CLAIM_KINDS else _bad("claim kind"),
                _span(c["content"], text),
                _span(c["cue"], text) if c.get("cue") else None,
                Speaker(_span(c["speaker"], text), c["speaker"].get("entity"), _confidence(c["speaker"].get("confidence", 1.0)))
                if c.get("speaker") else None,
                tuple(str(h) for h in c.get("hedges", ())),
                c.get("status") if c.get("status") in STATUSES else None,
                c.get("note"),
                c.get("status_source"),
            )
            for c in data["claims"]
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise CorruptEntry(f"malformed entry ({exc.__class__.__name__}: {exc})") from None
    return Annotation(entities, claims)


def _confidence(value: Any) -> float:
    """A confidence read back from the cache: a number from 0 to 1, or the entry is corrupt."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise CorruptEntry("bad confidence")
    return float(value)


def _bad(what: str) -> Any:
    raise CorruptEntry(f"unknown {what}")


class AnnotationCache:
    """Read and write cache entries in one directory (created on first write)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def get(self, key: str, text: str) -> Annotation | None:
        """The cached annotation, None on a miss; CorruptEntry if the entry is unusable."""
        path = self.path(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CorruptEntry(f"cannot read: {exc.strerror or exc}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise CorruptEntry(f"not valid JSON ({exc})") from None
        if not isinstance(data, dict) or data.get("key") != key:
            raise CorruptEntry("entry does not belong to its key")
        return annotation_from_json(data.get("annotation"), text)

    def put(self, key: str, annotation: Annotation) -> None:
        """Write atomically; a cache that cannot be written only costs speed, so OSError is ignored."""
        payload = json.dumps(
            {"key": key, "annotation": annotation.to_json(key)}, ensure_ascii=False, sort_keys=True
        ).encode("utf-8")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path(key), payload)
        except OSError:
            return


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that no reader ever sees part of it: a temp file
    in the same folder, fsync, `os.replace`. Raises OSError; leaves no temp file."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
