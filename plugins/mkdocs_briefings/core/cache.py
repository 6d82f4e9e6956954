"""Annotation cache under `.cache/briefings/`: one JSON file per annotated text.

Keyed by everything the engine's output depends on (text, the register as
the engine sees it, the ignore list, `engine_version()`), so a hit is always
as good as a fresh run. Entries are written atomically (temp file in the
same directory, `os.replace`) so an interrupted build or two builds at once
can never leave a half-written entry; they are not fsynced (a power cut may
leave an empty one), because an unreadable or corrupt entry is reported and
recomputed, never trusted.

Entries no build uses any more (an edited seed's, an older engine's) are
removed after each complete build (`prune`): only an entry neither used by
that build nor read or written since it started goes, so a build running
at the same time keeps what it reads or writes meanwhile (at worst it
annotates again an entry removed just before it read it). The cache is input from
outside (restored from CI): pruning never follows a symbolic link, never
leaves the cache's folder, and only ever removes files named like entries.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .contract import CorruptEntry, annotation_from_json, annotation_to_json
from .files import atomic_write
from .model import Annotation, Briefing, RegisterEntry

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


def used_keys(briefings: Iterable[Briefing], register: Sequence[RegisterEntry], engine: str) -> frozenset[str]:
    """The keys of the entries a build of these briefings reads: a briefing's text and
    ignore list are the ones its annotation was keyed on (`project.py`)."""
    return frozenset(cache_key(b.text, register, b.ignore, engine) for b in briefings)


#: An entry's file name: its key (a sha256 in hex) and `.json`. Nothing else is ever pruned.
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.json")


class CacheUnreadable(OSError):
    """The cache cannot be read at all (its folder is a file, unreadable, on a failing disk)."""


def _read_entry(path: Path) -> bytes | None:
    """An entry's bytes, None when there is none; never through a symbolic link, never from a FIFO.

    The cache may be restored from elsewhere: an entry that is a link (to a
    file outside the cache) or not a regular file is corrupt, not followed.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CorruptEntry("a symbolic link, not an entry") from None
        raise CacheUnreadable(exc.strerror or str(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CorruptEntry("not a regular file")
        with os.fdopen(os.dup(fd), "rb") as f:
            return f.read()
    except OSError as exc:
        raise CacheUnreadable(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


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
        raw = _read_entry(path)
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise CorruptEntry(f"not valid JSON ({exc})") from None
        except RecursionError:
            raise CorruptEntry("nested too deeply") from None
        if not isinstance(data, dict) or data.get("key") != key:
            raise CorruptEntry("entry does not belong to its key")
        annotation = annotation_from_json(data.get("annotation"), text)
        with contextlib.suppress(OSError, NotImplementedError):  # read by a build running now: `prune` keeps it
            os.utime(path, follow_symlinks=False)
        return annotation

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


@dataclass(frozen=True)
class Pruned:
    """What `prune` did: entries removed (and their bytes), entries kept, and why it stopped, if it did."""

    removed: int = 0
    freed: int = 0
    kept: int = 0
    problem: str | None = None


def _open_folder(directory: Path, anchor: Path | None) -> int:
    """A descriptor of `directory`, reached without following a symbolic link.

    Below `anchor` (the project's root, which the site owner chose), every
    folder on the way is opened with O_NOFOLLOW, so a cache restored with
    `.cache` or `briefings` as a link to elsewhere is refused, not pruned.
    Raises OSError (ELOOP or ENOTDIR for a link).
    """
    flags = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_NOFOLLOW", 0)
    parts: tuple[str, ...] = ()
    if anchor is not None:
        with contextlib.suppress(ValueError):
            parts = directory.relative_to(anchor).parts
    if anchor is None or not parts or ".." in parts:
        return os.open(directory, flags)
    fd = os.open(anchor, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in parts:
            inner = os.open(part, flags, dir_fd=fd)
            os.close(fd)
            fd = inner
    except BaseException:
        os.close(fd)
        raise
    return fd


def prune(directory: Path, keep: Collection[str], before: float, anchor: Path | None = None) -> Pruned:
    """Remove the entries not in `keep` that nothing has read or written since `before`.

    `before` is when the build that used `keep` started: an entry read or
    written since then (`get` touches what it reads) belongs to a build
    running now. Only regular files and symbolic links named like entries,
    directly in `directory`, are removed (a link is removed, never what it
    points to); everything is done relative to one descriptor of the folder.
    """
    try:
        fd = _open_folder(Path(directory), anchor)
    except FileNotFoundError:
        return Pruned()
    except OSError as exc:
        return Pruned(problem=f"{directory}: not pruned ({exc.strerror or exc})")
    removed = freed = kept = 0
    try:
        with os.scandir(fd) as entries:
            for entry in entries:
                if not ENTRY_NAME.fullmatch(entry.name):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                link = stat.S_ISLNK(info.st_mode)
                if not link and not stat.S_ISREG(info.st_mode):
                    continue  # a folder named like an entry: not ours to remove
                if not link and (entry.name[:-5] in keep or info.st_mtime >= before):
                    kept += 1
                    continue
                try:
                    os.unlink(entry.name, dir_fd=fd)
                except FileNotFoundError:
                    continue  # another build pruned it first
                except OSError as exc:
                    return Pruned(removed, freed, kept, f"{directory}: pruning stopped ({exc.strerror or exc})")
                removed += 1
                freed += 0 if link else info.st_size
    except OSError as exc:
        return Pruned(removed, freed, kept, f"{directory}: pruning stopped ({exc.strerror or exc})")
    finally:
        os.close(fd)
    return Pruned(removed, freed, kept)


@dataclass(frozen=True)
class CacheSize:
    """How much the cache holds: its annotation entries, and every file under it (the page store too)."""

    entries: int = 0
    entry_bytes: int = 0
    files: int = 0
    total_bytes: int = 0


def cache_size(directory: Path) -> CacheSize:
    """Count the cache's files without following a symbolic link (a link counts, not its target)."""
    entries = entry_bytes = files = total = 0
    for folder, dirnames, filenames in os.walk(directory, followlinks=False):
        top = Path(folder) == Path(directory)
        for name in [*filenames, *dirnames]:
            try:
                info = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                continue
            files += 1
            total += info.st_size
            if top and stat.S_ISREG(info.st_mode) and ENTRY_NAME.fullmatch(name):
                entries += 1
                entry_bytes += info.st_size
    return CacheSize(entries, entry_bytes, files, total)


def now() -> float:
    """When a build starts, as `prune` compares it with entries' times (a second earlier: file
    systems that keep times to the second or two must not make a fresh entry look old)."""
    return time.time() - 2.0
