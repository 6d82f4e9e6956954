"""Which files on disk are inputs, and reading them without trusting them.

Seeds are often a checkout or a scrape, overlays come in pull requests, and
a folder can hold anything: a `.git/` with a CI token in its config, a link
to `/etc/passwd` or `/dev/zero`, a FIFO that blocks whoever opens it. One rule
decides what is read, for every build, `briefings check` and the page
store's fingerprint alike:

- only regular files are read; FIFOs, sockets and device files are refused
  by name without being opened (opening a FIFO blocks, reading a device
  never ends);
- a file, or a link to one, must lie inside its folder once links are
  resolved;
- hidden files and folders (a name starting with '.') are never inputs,
  which takes in version-control internals (`.git/`, `.hg/`, `.svn/`) and
  editors' swap files;
- a folder that cannot be listed is an error, never silently an empty one
  (an empty site would deploy).

Pure Python, no mkdocs.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

#: Seed file extensions.
SEED_SUFFIXES: tuple[str, ...] = (".txt", ".md")


@dataclass(frozen=True)
class Listing:
    """The candidate files under a folder, and the folders that could not be listed."""

    files: tuple[Path, ...]  # sorted; not hidden; links not yet checked
    unreadable: tuple[tuple[Path, str], ...] = ()  # (folder, reason)


def is_hidden(rel: Path | str) -> bool:
    """Whether any part of a relative path starts with '.' (hidden files, `.git/` and the like)."""
    return any(part.startswith(".") for part in Path(rel).parts if part not in (".", ""))


def within(path: Path, folder: Path) -> bool:
    """Whether `path`, links resolved, lies inside `folder` (also resolved)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def list_files(folder: Path, recursive: bool = True) -> Listing:
    """Every non-hidden file (or link) under `folder`, without opening any of them.

    Links to folders are not followed (no loops, nothing outside reached by
    walking). `folder` itself must exist; one that cannot be listed, or a
    sub-folder that cannot, is reported in `unreadable`.
    """
    files: list[Path] = []
    unreadable: list[tuple[Path, str]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                found = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            unreadable.append((current, _reason(exc)))
            continue
        for entry in found:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if recursive:
                    pending.append(path)
            else:
                files.append(path)
    return Listing(tuple(sorted(files)), tuple(sorted(unreadable)))


def file_kind(mode: int) -> str:
    """A word for what a non-regular file is, for messages."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def refusal(path: Path, folder: Path, suffixes: tuple[str, ...], resolved: Path | None = None) -> str | None:
    """Why `path` may not be read as an input of `folder`, or None when it may.

    A link is judged by where it leads as well as by its own name: inside
    the folder, not hidden, with one of `suffixes` (so `leak.txt -> .git/config`
    is refused). Checked without opening the file: `os.stat` follows links
    but never blocks on a FIFO or reads a device. `resolved` is `folder.resolve()`,
    when the caller judges many files of one folder (resolving it again for each
    was a third of the time a large project took to be read).
    """
    try:
        target = path.resolve().relative_to(folder.resolve() if resolved is None else resolved)
    except (ValueError, OSError, RuntimeError):
        return "is a link to a file outside its folder"
    if path.is_symlink() and (is_hidden(target) or target.suffix.lower() not in suffixes):
        return "is a link to a hidden file or to a file that is not an input"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot be read: {_reason(exc)}"
    if not stat.S_ISREG(mode):
        return f"is {file_kind(mode)}, not a regular file"
    return None


class NotReadable(OSError):
    """An input that is not a regular file, or is larger than allowed; never opened for reading."""


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most `limit` + 1 of them.

    Opened non-blocking and checked with fstat before any read, so a file
    swapped for a FIFO or a device after it was listed still cannot block
    the build or fill its memory. Raises OSError (NotReadable for the cases
    above) for the caller to report.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        st = os.stat(path)
    except OSError:
        raise
    if not stat.S_ISREG(st.st_mode):
        raise NotReadable(0, f"it is {file_kind(st.st_mode)}, not a regular file")
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotReadable(0, f"it is {file_kind(st.st_mode)}, not a regular file")
        chunks: list[bytes] = []
        size = 0
        cap = None if limit is None else limit + 1
        while cap is None or size < cap:
            chunk = os.read(fd, 1 << 20 if cap is None else min(1 << 20, cap - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


#: Invisible characters that can hide text or reorder it on screen (Trojan
#: Source style): zero-width spaces/joiners, directional marks, embeddings,
#: overrides and isolates, and the byte-order mark. C0 controls other than
#: tab and newline have no place in article text either.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Normalise line ends to '\\n' and remove invisible control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text)
