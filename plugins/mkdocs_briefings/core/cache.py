"""Annotation cache under `.cache/briefings/`: one JSON file per annotated text.

Keyed by everything the engine's output depends on (text, the register as
the engine sees it, the ignore list, `engine_version()`), so a hit is always
as good as a fresh run. Entries are written atomically (temp file in the
same directory, `os.replace`) so an interrupted build or two builds at once
can never leave a half-written entry; they are not fsynced (a power cut may
leave an empty one), because an unreadable or corrupt entry is reported and
recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from .contract import CorruptEntry, annotation_from_json, annotation_to_json
from .files import atomic_write
from .model import Annotation, RegisterEntry

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


class CacheUnreadable(OSError):
    """The cache cannot be read at all (its folder is a file, unreadable, on a failing disk)."""


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
            {"key": key, "annotation": annotation_to_json(annotation, key)}, ensure_ascii=False, sort_keys=True
        ).encode("utf-8")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path(key), payload, durable=False)
        except OSError as exc:
            return exc.strerror or str(exc)
        return None
