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
import re
import socket
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .model import CLAIM_KINDS, KINDS, STATUSES, Annotation, Claim, Entity, RegisterEntry, Span, Speaker
from .processes import alive
from .text import is_slug

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


class CacheUnreadable(OSError):
    """The cache cannot be read at all (its folder is a file, unreadable, on a failing disk)."""


def _span(data: Any, text: str) -> Span:
    if not isinstance(data, dict):
        raise CorruptEntry("span is not an object")
    start, end, got = data.get("start"), data.get("end"), data.get("text")
    if not (_integer(start) and _integer(end) and 0 <= start <= end <= len(text)):
        raise CorruptEntry("span offsets out of range")
    if text[start:end] != got:
        raise CorruptEntry("span text does not match the seed")
    return Span(start, end, got)


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CorruptEntry(f"{what} is not an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise CorruptEntry(f"{what} is not a list")
    return value


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise CorruptEntry(f"{what} is not text")
    return value


def _optional_text(value: Any, what: str) -> str | None:
    return None if value is None else _text(value, what)


def _texts(value: Any, what: str) -> tuple[str, ...]:
    return tuple(_text(v, what) for v in _list(value, what))


def _id(value: Any, what: str) -> str:
    """An id read back from the cache: it becomes a file name and a URL, so it must be a slug."""
    if not is_slug(value):
        raise CorruptEntry(f"{what} {str(value)[:40]!r} is not a slug")
    return value  # type: ignore[no-any-return]


def _entity(data: Any, text: str) -> Entity:
    e = _object(data, "entity")
    return Entity(
        _id(e.get("id"), "entity id"),
        _text(e.get("name"), "entity name"),
        e.get("kind") if e.get("kind") in KINDS else _bad("entity kind"),
        _texts(e.get("roles", []), "entity roles"),
        tuple(_span(m, text) for m in _list(e.get("mentions"), "entity mentions")),
        _confidence(e.get("confidence", 1.0)),
    )


def _claim(data: Any, text: str, ids: set[str]) -> Claim:
    c = _object(data, "claim")
    claim_id = _text(c.get("id"), "claim id")
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
        c.get("kind") if c.get("kind") in CLAIM_KINDS else _bad("claim kind"),
        _span(c.get("content"), text),
        _span(c["cue"], text) if c.get("cue") is not None else None,
        speaker,
        _texts(c.get("hedges", []), "claim hedges"),
        status if status in STATUSES else None if status is None else _bad("claim status"),
        _optional_text(c.get("note"), "claim note"),
        _optional_text(c.get("status_source"), "claim status source"),
    )


def annotation_from_json(data: Any, text: str) -> Annotation:
    """Rebuild an Annotation from its `to_json` form, checking every field's type, every id
    against the slug rule and every span against `text`: an entry is outside input (CI
    restores caches), and one that would not be the engine's output is never used."""
    a = _object(data, "annotation")
    entities = tuple(_entity(e, text) for e in _list(a.get("entities"), "entities"))
    ids = {e.id for e in entities}
    claims = tuple(_claim(c, text, ids) for c in _list(a.get("claims"), "claims"))
    return Annotation(entities, claims)


#: Claim ids, as the engine numbers them.
_CLAIM_ID = re.compile(r"claim-[1-9][0-9]{0,8}")


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
        """The cached annotation, None on a miss; CorruptEntry if the entry is unusable,
        CacheUnreadable if the cache cannot be read."""
        path = self.path(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CacheUnreadable(exc.strerror or str(exc)) from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise CorruptEntry(f"not valid JSON ({exc})") from None
        except RecursionError:
            raise CorruptEntry("nested too deeply") from None
        if not isinstance(data, dict) or data.get("key") != key:
            raise CorruptEntry("entry does not belong to its key")
        return annotation_from_json(data.get("annotation"), text)

    def put(self, key: str, annotation: Annotation) -> str | None:
        """Write atomically. A cache that cannot be written (a full disk) only costs speed:
        the problem is returned, not raised, for the caller to report once."""
        payload = json.dumps(
            {"key": key, "annotation": annotation.to_json(key)}, ensure_ascii=False, sort_keys=True
        ).encode("utf-8")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path(key), payload)
        except OSError as exc:
            return exc.strerror or str(exc)
        return None


#: Temp files (a page body under construction is tens of megabytes) are named for their
#: owner: `.tmp-<what>-<host>-<pid>-<random>`, so that the next build can tell those of a
#: killed build (owner gone) from those of one still running, and remove them at once.
TEMP = ".tmp-"
#: A temp file whose owner cannot be checked (another machine sharing the cache, an older
#: build's name) is removed once it is this old: no build runs for an hour.
STALE_SECONDS = 3600
_HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "surrogateescape")).hexdigest()[:8]
_OWNED = re.compile(r"\.tmp-[a-z]+-([0-9a-f]{8})-([0-9]+)-")


def temp_prefix(what: str) -> str:
    """The name start of a temp file this process makes (`what`: a lower-case word)."""
    return f"{TEMP}{what}-{_HOST}-{os.getpid()}-"


def stale_temp(path: Path, now: float | None = None) -> bool:
    """Whether a temp file was left by a build that no longer runs.

    Ours (this machine) when its owner process is gone; anyone else's when it
    is older than STALE_SECONDS.
    """
    owned = _OWNED.match(path.name)
    if owned and owned.group(1) == _HOST:
        pid = int(owned.group(2))
        return pid != os.getpid() and not alive(pid)
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except OSError:
        return False
    return age > STALE_SECONDS


def remove_stale_temps(directory: Path) -> None:
    """Remove the temp files killed builds left in `directory` (missing folder: nothing to do)."""
    try:
        names = [p for p in directory.iterdir() if p.name.startswith(TEMP)]
    except OSError:
        return
    for path in names:
        if stale_temp(path):
            try:
                path.unlink()
            except OSError:
                pass


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that no reader ever sees part of it: a temp file
    in the same folder, fsync, `os.replace`. Raises OSError; leaves no temp file."""
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix("write"), dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
