"""Where a build's generated HTML comes from, and where it is kept for the next build.

Making our pages' HTML is a third of a large build, and loading the
annotations and indexing the corpus another tenth. Both are pure functions
of the inputs, so a build whose inputs are byte-identical to the last
complete build's (seeds, overlays, register, plugin options, this package's
code) reads that build's pages back instead: the common rebuild while
editing `docs/` or the theme, or a CI run that restored its cache.

When the pages must be made, a large site on a machine with several cores
makes them in a forked child process, in page order, while mkdocs renders the
theme around the pages already made; a small site (or a process that must
not fork) makes each page on demand. Either way the pages are written to the
store's body file as they are made, and the store's index is written last,
atomically, and only after a complete build: a killed or failed build leaves
the previous index (and its body) in place or none at all, never a partial
one that a later build trusts. A store that cannot be read is reported and
rebuilt.

Pure Python (no mkdocs import), like the core.
"""

from __future__ import annotations

import atexit
import hashlib
import html
import io
import json
import multiprocessing
import os
import re
import tempfile
import threading
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, BinaryIO

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be removed there anyway
    fcntl = None  # type: ignore[assignment]  # the module or None; callers check

import contextlib

from ..core.contract import expect_list, expect_text
from ..core.files import TEMP, atomic_write, remove_stale_temps, stale_temp, temp_prefix, tree_digest
from ..core.inputs import SEED_SUFFIXES, list_files, read_regular, refusal
from ..core.processes import die_with_parent
from ..core.seeds import MAX_SEED_BYTES
from .pages import Outline
from .renderer import PageSpec, Parts
from .safety import clean, html_text, markdown_source

#: Bumped when the index or body layout changes.
FORMAT = 1
INDEX = "index.json"
#: From this many pages on, a forked child makes the pages while mkdocs renders the theme.
PARALLEL_PAGES = 400
#: The child reports made pages in batches of this many (one pipe message each).
BATCH = 16
_PACKAGE = Path(__file__).resolve().parent.parent
#: The files under the input folders that the build reads: seeds, overlays, the register.
INPUT_SUFFIXES: tuple[str, ...] = (*SEED_SUFFIXES, ".yml", ".html")  # .html: a site's template overrides
_CODE_SUFFIXES = frozenset({".py", ".html", ".css", ".js", ".txt", ".tsv", ".gz", ".json", ".yml"})

#: A page's place in the body: its start and the byte lengths of its four Parts.
Extent = tuple[int, int, int, int, int]
Warn = Callable[[str], None]


class StoreError(RuntimeError):
    """The page-making child failed; the message holds its traceback."""


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of this package's code, templates and data: new code never reuses old pages."""
    return tree_digest(_PACKAGE, _CODE_SUFFIXES)


def fingerprint(folders: Sequence[Path], settings: Mapping[str, Any]) -> str:
    """sha256 over every input of the generated pages.

    Every file the build may read under the input folders (by relative path
    and bytes, and where a link points), the settings that shape the pages,
    and the code. The files are chosen by the loader's own rule
    (`core/inputs.py`): hidden files and folders (version control among
    them) are never inputs, and FIFOs, devices and links leading outside
    count by name only, never opened, so that the loader (which refuses
    them) runs. Reading a few megabytes of seeds costs a fraction of a second.
    """
    digest = hashlib.sha256()
    digest.update(json.dumps({"format": FORMAT, "code": code_version(), "settings": settings}, sort_keys=True).encode())
    for folder in folders:
        digest.update(b"\0folder\0" + str(folder).encode("utf-8", "surrogateescape"))
        if not folder.is_dir():
            digest.update(b"\0missing")
            continue
        listing = list_files(folder)
        for where, reason in listing.unreadable:
            digest.update(b"\0unreadable\0" + f"{where.relative_to(folder).as_posix()}: {reason}".encode("utf-8", "surrogateescape"))
        for path in listing.files:
            if path.suffix.lower() not in INPUT_SUFFIXES:
                continue
            rel = path.relative_to(folder)
            digest.update(b"\0file\0" + rel.as_posix().encode("utf-8", "surrogateescape"))
            if path.is_symlink():
                digest.update(b"\0link\0" + os.path.realpath(path).encode("utf-8", "surrogateescape"))
            why = refusal(path, folder, INPUT_SUFFIXES)
            if why is not None:
                digest.update(b"\0refused\0" + why.encode("utf-8", "surrogateescape"))
                continue
            try:
                data = read_regular(path, MAX_SEED_BYTES)
            except OSError as exc:
                data = f"\0unreadable {exc.errno}".encode()
            digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


#: The source path of every generated page: slugs in folders, ending in `.md` (see corpus.py).
_SRC_URI = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)*\.md")
#: The meta keys generated pages set besides the title and tags, with the one value each ever has.
_META_VALUES: dict[str, Any] = {"hide": ["toc"], "search": {"exclude": True}}
_META = frozenset({"title", "tags", *_META_VALUES})


def _outline(value: Any, i: int) -> Outline:
    """A stored page outline, or ValueError: its ids become anchors and its titles headings (escaped by the TOC)."""
    try:
        outline = Outline.from_json(value)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"page {i} has a bad outline ({exc.__class__.__name__})") from None
    return outline


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("extent is not whole numbers")
    return value


def _file_digest(path: Path | BinaryIO) -> str:
    """A checksum of a body or export file (a path, or an open file read from its start):
    a damaged file is rebuilt, never served."""
    digest = hashlib.blake2b(digest_size=16)
    if isinstance(path, Path):
        with open(path, "rb") as f:
            return _file_digest(f)
    path.seek(0)
    while chunk := path.read(1 << 20):
        digest.update(chunk)
    path.seek(0)
    return digest.hexdigest()


def _open_shared(path: Path) -> BinaryIO | None:
    """Open a body or export for reading, marked in use (a shared lock) so that a concurrent
    build with other settings does not prune it; None when it is missing. The open file
    stays readable even if it is removed later."""
    try:
        f = open(path, "rb")  # noqa: SIM115 - returned to the caller, who holds it open while reading pages
    except OSError:
        return None
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(f.fileno(), fcntl.LOCK_SH)
    return f


def _remove_unless_in_use(path: Path) -> None:
    """Remove an earlier build's body or export unless a running build reads it."""
    try:
        with open(path, "rb") as f:
            if fcntl is not None:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            path.unlink()
    except OSError:
        pass  # in use (BlockingIOError), already gone, or not ours to remove


def _write_parts(out: BinaryIO, position: int, parts: Parts) -> Extent:
    chunks = [s.encode("utf-8") for s in (parts.before, parts.after, parts.search_before, parts.search_after)]
    for chunk in chunks:
        out.write(chunk)
    return (position, len(chunks[0]), len(chunks[1]), len(chunks[2]), len(chunks[3]))


#: What the child sends when the store cannot be written (a full disk): the parent makes
#: the remaining pages itself and keeps nothing, instead of failing the build.
UNWRITABLE = "unwritable"


def _make_all(
    specs: Sequence[PageSpec], body: Path, export: Callable[[], bytes] | None, export_path: Path, conn: Connection,
    parent: int,
) -> None:
    """The child: make every page in order into `body`, reporting extents in batches; then the export."""
    die_with_parent(parent)  # a killed build takes its child along
    try:
        position, batch = 0, []
        with open(body, "wb") as out:
            for i, spec in enumerate(specs):
                extent = _write_parts(out, position, spec.make())
                position += sum(extent[1:])
                batch.append((i, extent))
                if len(batch) >= BATCH:
                    out.flush()
                    conn.send(batch)
                    batch = []
            out.flush()
        conn.send(batch)
        if export is not None:
            export_path.write_bytes(export())
        conn.send(None)
    except OSError as exc:
        conn.send((UNWRITABLE, exc.strerror or str(exc)))
    except BaseException:  # sent to the parent, which reports it
        conn.send(traceback.format_exc())
    finally:
        conn.close()


def _fork_available() -> bool:
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def _can_fork() -> bool:
    # Like the annotation pool: fork only from a single-threaded process (not `mkdocs serve`).
    return _fork_available() and threading.active_count() == 1


class PageStore:
    """One build's view of the store in `directory`, for the inputs `key`."""

    def __init__(self, directory: Path, key: str, warn: Warn) -> None:
        self.directory = Path(directory)
        self.key = key
        self.warn = warn
        self.specs: list[PageSpec] = []
        self.extents: dict[int, Extent] = {}
        self.diagnostics: list[str] = []
        self.summary = ""
        self.replaying = False
        self._reader: BinaryIO | None = None
        self._writer: BinaryIO | None = None
        self._export_file: BinaryIO | None = None
        self._position = 0
        self._body_tmp: Path | None = None
        self._export_tmp: Path | None = None
        self._makers: list[PageSpec] = []
        self._export_fn: Callable[[], bytes] | None = None
        self._child: Any = None
        self._conn: Connection | None = None
        self._forked = False

    @property
    def body(self) -> Path:
        return self.directory / f"body-{self.key}.bin"

    @property
    def export(self) -> Path:
        return self.directory / f"export-{self.key}.json"

    # -- replay ---------------------------------------------------------------

    def replay(self) -> bool:
        """Load the pages of an earlier build of the same inputs; False when there is none.

        The body and export are opened (and marked in use) before the index is
        read: a concurrent build with other settings that commits meanwhile
        then either leaves them alone or has already replaced the index.
        """
        remove_stale_temps(self.directory)  # what killed builds left
        body, export = _open_shared(self.body), _open_shared(self.export)
        if not self._replay(body, export):
            for f in (body, export):
                if f is not None:
                    f.close()
            return False
        self._reader, self._export_file = body, export
        return True

    def _replay(self, body: BinaryIO | None, export: BinaryIO | None) -> bool:
        try:
            raw = (self.directory / INDEX).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return False  # no store yet (a cache folder that is a file is reported when pages are made)
        except OSError as exc:
            self.warn(f"page store {self.directory / INDEX} cannot be read ({exc.strerror or exc}); making the pages again")
            return False
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            if data.get("format") != FORMAT or data.get("key") != self.key:
                return False  # another version's store, or another build's inputs: not an error
            specs = [self._spec(i, p) for i, p in enumerate(expect_list(data["pages"], "pages"))]
            size = sum(sum(e[1:]) for e in self.extents.values())
            if body is None or export is None or os.fstat(body.fileno()).st_size != size:
                raise ValueError("its body or export is missing or truncated")
            if _file_digest(body) != data["digest"]:
                raise ValueError("its body does not match its checksum")
            if _file_digest(export) != data["export_digest"]:
                raise ValueError("its export does not match its checksum")
            # Shown in the log: no control characters (a terminal escape) from a file we did not write.
            self.diagnostics = [clean(expect_text(d, "diagnostic")) for d in expect_list(data["diagnostics"], "diagnostics")]
            self.summary = clean(expect_text(data["summary"], "summary"))
        except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError, RecursionError) as exc:
            self.extents.clear()
            reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
            self.warn(f"page store {self.directory / INDEX} is corrupt ({reason}); making the pages again")
            return False
        self.specs = specs
        self.replaying = True
        return True

    def _spec(self, i: int, p: Any) -> PageSpec:
        """One page of a stored index, validated: the index is outside input (CI restores caches).

        Nothing read back chooses a path or skips escaping: the source path must
        have the shape of a generated page's, the title is escaped again here
        (the theme prints `meta.title` as it is), the meta holds only the keys
        our pages set, and the editor's markdown is sanitised again (a no-op on
        markdown that already was).
        """
        if not isinstance(p, dict):
            raise ValueError(f"page {i} is not an object")
        extent = tuple(_integer(x) for x in expect_list(p["extent"], "extent"))
        if len(extent) != 5 or min(extent) < 0:
            raise ValueError(f"bad extent for page {i}")
        src_uri = expect_text(p["src_uri"], "src_uri")
        if _SRC_URI.fullmatch(src_uri) is None:
            raise ValueError(f"page {i} has a path that no generated page has")
        title = expect_text(p["title"], "title")
        meta: dict[str, Any] = {"title": html_text(title)}
        stored = p["meta"]
        if not isinstance(stored, dict) or not set(stored) <= _META:
            raise ValueError(f"page {i} has meta that no generated page has")
        for key, allowed in _META_VALUES.items():
            if key in stored:
                if stored[key] != allowed:
                    raise ValueError(f"page {i} has a {key!r} that no generated page has")
                meta[key] = allowed
        if "tags" in stored:  # a briefing's tags, escaped (themes print them as they are): kept only if still so
            tags = [expect_text(t, "tag") for t in expect_list(stored["tags"], "tags")]
            if not tags or any(html_text(html.unescape(t)) != t for t in tags):
                raise ValueError(f"page {i} has tags that no generated page has")
            meta["tags"] = tags
        if not isinstance(p["index"], bool):
            raise ValueError(f"page {i} has a non-boolean 'index'")
        self.extents[i] = extent
        return PageSpec(
            src_uri, title, meta, self._reader_for(i),
            frozenset(expect_text(a, "anchor") for a in expect_list(p["anchors"], "anchors")),
            markdown=markdown_source(expect_text(p["markdown"], "markdown")), index=p["index"],
            outline=_outline(p["outline"], i),
        )

    # -- making ---------------------------------------------------------------

    def make(
        self, specs: Sequence[PageSpec], diagnostics: Sequence[str], summary: str, export: Callable[[], bytes] | None = None
    ) -> None:
        """Make the pages from now on (in a child when the site is large), recording them in the store.

        `export` makes the site's data export, kept next to the pages (the
        child makes it too, after the pages, while the parent is still busy).
        A store that cannot be written (a full disk) is reported once; the
        pages are then made without it.
        """
        self.specs = [replace(spec, make=self._reader_for(i)) for i, spec in enumerate(specs)]
        self.diagnostics, self.summary = list(diagnostics), summary
        self._makers, self._export_fn = list(specs), export
        remove_stale_temps(self.directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=temp_prefix("body"), suffix=".bin", dir=self.directory)
        except OSError as exc:
            self._unwritable(exc.strerror or str(exc))
            return
        self._body_tmp = Path(tmp)
        atexit.register(self._remove_temps)  # an interrupted build (Ctrl-C) leaves no temp file
        if len(specs) >= PARALLEL_PAGES and _can_fork():
            os.close(fd)
            self._export_tmp = self._body_tmp.with_name(self._body_tmp.name.replace(f"{TEMP}body-", f"{TEMP}export-"))
            context = multiprocessing.get_context("fork")
            ours, theirs = context.Pipe(duplex=False)
            self._child = context.Process(
                target=_make_all, args=(self._makers, self._body_tmp, export, self._export_tmp, theirs, os.getpid()),
                daemon=True,
            )
            self._child.start()
            theirs.close()
            self._conn, self._forked = ours, True
        else:
            self._writer = os.fdopen(fd, "wb")

    def _unwritable(self, problem: str) -> None:
        """The store cannot be written: say so once, keep nothing, make the remaining pages here."""
        self.warn(f"page store {self.directory} cannot be written ({problem}); pages are not kept for the next build")
        self.abort()
        self.extents.clear()

    def _reader_for(self, i: int) -> Callable[[], Parts]:
        return lambda: self._parts(i)

    def _parts(self, i: int) -> Parts:
        while self._forked and i not in self.extents:
            self._receive()
        if not (self.replaying or self._forked):
            return self._make_here(i)
        if self._reader is None:
            path = self.body if self.replaying else self._body_tmp
            assert path is not None  # a forked store has its temporary body until `abort`, which also ends the fork
            self._reader = open(path, "rb")  # noqa: SIM115 - kept open across pages, closed by _close
        start, *lengths = self.extents[i]
        self._reader.seek(start)
        data = self._reader.read(sum(lengths))
        out, at = [], 0
        for n in lengths:
            out.append(data[at:at + n].decode("utf-8"))
            at += n
        return Parts(*out)

    def _make_here(self, i: int) -> Parts:
        parts = self._makers[i].make()
        if self._writer is not None and i not in self.extents:
            try:
                extent = _write_parts(self._writer, self._position, parts)
            except OSError as exc:
                self._unwritable(exc.strerror or str(exc))
                return parts
            self.extents[i] = extent
            self._position += sum(extent[1:])
        return parts

    def _receive(self) -> None:
        assert self._conn is not None
        try:
            message = self._conn.recv()
        except EOFError:
            raise StoreError("the page-making process ended without finishing") from None
        if isinstance(message, tuple) and message[:1] == (UNWRITABLE,):
            self._unwritable(str(message[1]))
            return
        if isinstance(message, str):
            raise StoreError(message)
        if message is None:
            self._conn.close()
            self._conn = None
            if len(self.extents) != len(self.specs):
                raise StoreError("the page-making process skipped pages")
            return
        for i, extent in message:
            self.extents[i] = tuple(extent)

    # -- end of build ---------------------------------------------------------

    def commit(self, export: bytes | None = None) -> BinaryIO | None:
        """After a complete build: keep its pages and export for the next build of the same inputs.

        Returns the kept export, open (it stays readable whatever a concurrent
        build prunes), or None when nothing could be kept.
        """
        if self.replaying:
            return self._export_file
        if self._body_tmp is None:
            return None
        while self._conn is not None:
            self._receive()
        if self._child is not None:
            self._child.join()
            self._child = None
        for i in range(len(self.specs)):
            if i not in self.extents and self._body_tmp is not None:
                self._make_here(i)  # a page mkdocs did not build (another plugin dropped it)
        if self._writer is not None:
            try:
                self._writer.flush()
            except OSError as exc:
                self._unwritable(exc.strerror or str(exc))
        if self._body_tmp is None:  # the store became unwritable on the way (`_unwritable` above)
            return None  # type: ignore[unreachable]  # mypy keeps the narrowing from the top of the method
        self._close()
        try:
            with open(self._body_tmp, "rb+") as body:
                os.fsync(body.fileno())
            digest = _file_digest(self._body_tmp)
            # The files below keep their names from build to build of the same inputs: an index
            # of this key left in place would describe the new body until the new index is written.
            self._drop_index_of_key()
            if export is None and self._export_tmp is not None and self._export_tmp.is_file():
                made = _open_shared(self._export_tmp)
                if made is None:
                    raise FileNotFoundError(2, "the export went missing", str(self._export_tmp))
                self._export_file = made
                os.fsync(made.fileno())
            else:
                if export is None:
                    export = self._export_fn() if self._export_fn else b""
                if self._export_tmp is None:
                    self._export_tmp = self._body_tmp.with_name(self._body_tmp.name.replace(f"{TEMP}body-", f"{TEMP}export-"))
                with open(self._export_tmp, "wb") as out:
                    out.write(export)
                    out.flush()
                    os.fsync(out.fileno())
                self._export_file = _open_shared(self._export_tmp)
            os.replace(self._export_tmp, self.export)  # the open file follows its new name
            self._export_tmp = None
            os.replace(self._body_tmp, self.body)
            self._body_tmp = None
            atexit.unregister(self._remove_temps)
            index = {
                "format": FORMAT,
                "key": self.key,
                "diagnostics": self.diagnostics,
                "summary": self.summary,
                "digest": digest,
                "export_digest": _file_digest(self._export_file) if self._export_file else "",
                "pages": [
                    {
                        "src_uri": s.src_uri, "title": s.title, "meta": s.meta, "anchors": sorted(s.anchors),
                        "markdown": s.markdown, "index": s.index, "extent": self.extents[i], "outline": s.outline.to_json(),
                    }
                    for i, s in enumerate(self.specs)
                ],
            }
            atomic_write(self.directory / INDEX, json.dumps(index, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            self.warn(f"page store {self.directory} cannot be written ({exc.strerror or exc}); pages are not kept for the next build")
            self.abort()
            if export is not None:
                return io.BytesIO(export)
            return None
        self._prune()
        return self._export_file

    def _drop_index_of_key(self) -> None:
        index = self.directory / INDEX
        try:
            if json.loads(index.read_bytes().decode("utf-8")).get("key") != self.key:
                return
        except (OSError, ValueError, UnicodeDecodeError, AttributeError, RecursionError):
            pass  # unreadable: of no use to anyone
        index.unlink(missing_ok=True)

    def _prune(self) -> None:
        """Delete earlier builds' bodies and exports (unless a running build reads them), and
        the temp files of builds that were killed."""
        try:
            paths = list(self.directory.iterdir())
        except OSError:
            return
        for path in paths:
            name = path.name
            if name in (self.body.name, self.export.name):
                continue
            if name.startswith(("body-", "export-")):
                _remove_unless_in_use(path)
            elif name.startswith(TEMP) and stale_temp(path):
                with contextlib.suppress(OSError):
                    path.unlink()

    def abort(self) -> None:
        """A failed build: stop the child and forget what it made."""
        if self._child is not None:
            self._child.kill()
            self._child.join()
            self._child = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._forked = False
        self._close()
        self._remove_temps()
        atexit.unregister(self._remove_temps)

    def _remove_temps(self) -> None:
        for tmp in (self._body_tmp, self._export_tmp):
            if tmp is not None:
                tmp.unlink(missing_ok=True)
        self._body_tmp = self._export_tmp = None

    def close(self) -> None:
        self._close()
        if self._export_file is not None:
            self._export_file.close()
            self._export_file = None

    def _close(self) -> None:
        for handle in (self._reader, self._writer):
            if handle is not None:
                # The writer's last flush may fail on a full disk: the store is dropped anyway.
                with contextlib.suppress(OSError):
                    handle.close()
        self._reader = self._writer = None
