"""The last build's Pagefind bundle, kept in the cache for a build that would make the same one.

Pagefind builds its index from scratch every time (it has no incremental
mode), which costs a BBC-sized site ~6 CPU-seconds and ends every build
with seconds of waiting for the index files. A rebuild whose search
documents are the same as the last build's (edits to the theme or to
`docs/` pages outside search, a CI run that restored its cache, `mkdocs
serve` after a template change) would make the same bundle again. So the
bundle is kept here with a digest of every document that made it, in page
order; a build compares its documents with that list as it makes them and
copies the kept bundle into the site when every one matched.

Layout under `<cache_dir>/search/`: `manifest.json` (written last,
atomically: the key, the documents' digests, each file's name and size, the
body's sha256) and `body-<sha>.bin` (the files' bytes, one after another).

The cache is untrusted input (CI restores it): the manifest is checked field
by field (file names are one or two plain path segments, no `..`, no hidden
names; sizes add up to the body's), the body must be a regular file of the
stated size whose sha256 matches before a byte of it is written, and the
files are written into a fresh folder that replaces the site's. As with the
page store, a checksum catches damage, not a forger who rewrites both.

Pure Python (no mkdocs import).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..core.files import atomic_write, remove_stale_temps, temp_prefix

#: Bumped when the manifest or body layout changes.
FORMAT = 1
MANIFEST = "manifest.json"
_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}")
_DIGEST = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1 << 20


def doc_digest(url: str, html: str) -> str:
    """The digest of one search document as it is sent to Pagefind."""
    return hashlib.sha256(url.encode("utf-8", "surrogateescape") + b"\0" + html.encode("utf-8", "surrogateescape")).hexdigest()


class Kept:
    """A validated manifest: what a restore may copy."""

    def __init__(self, docs: list[str], files: list[tuple[str, int]], body: Path, body_sha: str, body_size: int) -> None:
        self.docs = docs
        self.files = files
        self.body = body
        self.body_sha = body_sha
        self.body_size = body_size


def _valid_name(name: Any) -> bool:
    if not isinstance(name, str):
        return False
    parts = name.split("/")
    return 1 <= len(parts) <= 2 and all(_NAME.fullmatch(p) and p not in (".", "..") for p in parts)


class BundleCache:
    """`<cache_dir>/search/`: one kept bundle, for builds whose key (engine, binary, language) is the same."""

    def __init__(self, directory: Path, key: str) -> None:
        self.directory = directory
        self.key = key
        self.problem: str | None = None  # why the kept bundle was not usable, for the log

    def kept(self) -> Kept | None:
        """The kept bundle's manifest, if there is one for this key and it is well formed."""
        path = self.directory / MANIFEST
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                self.problem = f"{MANIFEST} is not a regular file"
                return None
            data = json.loads(path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            self.problem = f"{MANIFEST} cannot be read ({exc.__class__.__name__})"
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != self.key:
            return None  # another engine, binary or language: not a fault
        docs, files, sha, size = data.get("docs"), data.get("files"), data.get("body_sha256"), data.get("body_size")
        if not (
            isinstance(docs, list) and all(isinstance(d, str) and _DIGEST.fullmatch(d) for d in docs)
            and isinstance(files, list) and all(
                isinstance(f, list) and len(f) == 2 and _valid_name(f[0]) and isinstance(f[1], int) and f[1] >= 0
                for f in files)
            and isinstance(sha, str) and _DIGEST.fullmatch(sha) is not None
            and isinstance(size, int) and size == sum(f[1] for f in files)
        ):
            self.problem = f"{MANIFEST} is malformed"
            return None
        names = [f[0] for f in files]
        folders = {n.split("/")[0] for n in names if "/" in n}
        if len(set(names)) != len(names) or folders & set(names):
            self.problem = f"{MANIFEST} names a file twice"
            return None
        return Kept(list(docs), [(f[0], f[1]) for f in files], self.directory / f"body-{sha[:16]}.bin", sha, size)

    def restore(self, kept: Kept, out: Path) -> bool:
        """Write the kept bundle to `out` (replacing it) once its body's checksum matches; False if it does not."""
        try:
            fd = os.open(kept.body, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            self.problem = f"its body cannot be opened ({exc.strerror})"
            return False
        with os.fdopen(fd, "rb") as body:
            st = os.fstat(body.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size != kept.body_size:
                self.problem = "its body is not the size its manifest states"
                return False
            digest = hashlib.sha256()
            while chunk := body.read(_CHUNK):
                digest.update(chunk)
            if digest.hexdigest() != kept.body_sha:
                self.problem = "its body does not match its checksum"
                return False
            body.seek(0)
            tmp = out.with_name(temp_prefix("bundle") + out.name)
            try:
                tmp.mkdir(parents=True)
                for name, size in kept.files:
                    target = tmp / name
                    target.parent.mkdir(exist_ok=True)
                    with open(target, "xb") as f:
                        left = size
                        while left:
                            chunk = body.read(min(_CHUNK, left))
                            if not chunk:
                                raise OSError(0, "body ended early")
                            f.write(chunk)
                            left -= len(chunk)
                shutil.rmtree(out, ignore_errors=True)
                os.replace(tmp, out)
            except OSError as exc:
                shutil.rmtree(tmp, ignore_errors=True)
                self.problem = f"it could not be written to the site ({exc.strerror or exc})"
                return False
        return True

    def store(self, bundle: Path, docs: Sequence[str]) -> str | None:
        """Keep `bundle` (as written to the site) for the next build; the problem, if the cache cannot be written."""
        names = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
        if not all(_valid_name(n) for n in names):
            return "Pagefind wrote a file this cache does not know how to keep"
        tmp = self.directory / (temp_prefix("bundle") + "body")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(self.directory)
            digest = hashlib.sha256()
            files: list[list[Any]] = []
            with open(tmp, "wb") as out:
                for name in names:
                    data = (bundle / name).read_bytes()
                    digest.update(data)
                    out.write(data)
                    files.append([name, len(data)])
            sha = digest.hexdigest()
            body = self.directory / f"body-{sha[:16]}.bin"
            os.replace(tmp, body)
            manifest = {"format": FORMAT, "key": self.key, "docs": list(docs), "files": files,
                        "body_sha256": sha, "body_size": sum(f[1] for f in files)}
            atomic_write(self.directory / MANIFEST, json.dumps(manifest).encode("utf-8"))
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            return exc.strerror or str(exc)
        for old in self.directory.glob("body-*.bin"):
            if old != body:
                with contextlib.suppress(OSError):
                    old.unlink()
        return None

