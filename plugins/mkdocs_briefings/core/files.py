"""Files the build writes and checks: atomic writes, owner-named temp files, digests of folders.

One home for file handling shared by the annotation cache (`cache.py`), the
page store (`render/pagestore.py`) and the engine's version (`annotate.py`):
a write is never seen half done, a killed build's temp files are found and
removed, and a folder's content has one digest however it is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import tempfile
import time
from collections.abc import Collection
from pathlib import Path

from .processes import alive


def tree_digest(root: Path, suffixes: Collection[str]) -> str:
    """sha256 over the paths and bytes of every file under `root` with one of `suffixes`."""
    digest = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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
            with contextlib.suppress(OSError):
                path.unlink()


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` so that no reader ever sees part of it: a temp file
    in the same folder, fsync, `os.replace`. Raises OSError; leaves no temp file.

    `durable=False` skips the fsync: the rename still keeps a killed process
    from leaving part of a file, and only a power cut can leave an empty or
    torn one. Right for entries a reader validates and recomputes anyway
    (the annotation cache), where an fsync per entry was a third of a cold
    build's wall time (2,225 entries, ~5 ms each, measured on the BBC corpus).
    """
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix("write"), dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
