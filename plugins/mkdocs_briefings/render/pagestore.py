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
import contextlib
import io
import json
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, BinaryIO

from ..core import processes
from ..core.contract import expect_list, expect_text
from ..core.files import TEMP, atomic_write, remove_stale_temps, temp_prefix
from . import pagemaker
from .pagecache import (
    FORMAT,
    INDEX,
    Extent,
    code_version,
    drop_index_of_key,
    file_digest,
    fingerprint,
    open_shared,
    page_from_json,
    page_to_json,
    prune,
    read_parts,
    write_parts,
)
from .pagemaker import UNWRITABLE, StoreError, make_all
from .pages import PageSpec, Parts
from .safety import clean

__all__ = ["FORMAT", "INDEX", "PageStore", "StoreError", "code_version", "fingerprint"]

Warn = Callable[[str], None]


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
        body, export = open_shared(self.body), open_shared(self.export)
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
            if file_digest(body) != data["digest"]:
                raise ValueError("its body does not match its checksum")
            if file_digest(export) != data["export_digest"]:
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
        spec, self.extents[i] = page_from_json(i, p, self._reader_for(i))
        return spec

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
        if len(specs) >= pagemaker.PARALLEL_PAGES and processes.can_fork():
            os.close(fd)
            self._export_tmp = self._body_tmp.with_name(self._body_tmp.name.replace(f"{TEMP}body-", f"{TEMP}export-"))
            context = multiprocessing.get_context("fork")
            ours, theirs = context.Pipe(duplex=False)
            self._child = context.Process(
                target=make_all, args=(self._makers, self._body_tmp, export, self._export_tmp, theirs, os.getpid()),
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
        return read_parts(self._reader, self.extents[i])

    def _make_here(self, i: int) -> Parts:
        parts = self._makers[i].make()
        if self._writer is not None and i not in self.extents:
            try:
                extent = write_parts(self._writer, self._position, parts)
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
            digest = file_digest(self._body_tmp)
            # The files below keep their names from build to build of the same inputs: an index
            # of this key left in place would describe the new body until the new index is written.
            drop_index_of_key(self.directory, self.key)
            if export is None and self._export_tmp is not None and self._export_tmp.is_file():
                made = open_shared(self._export_tmp)
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
                self._export_file = open_shared(self._export_tmp)
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
                "export_digest": file_digest(self._export_file) if self._export_file else "",
                "pages": [page_to_json(s, self.extents[i]) for i, s in enumerate(self.specs)],
            }
            atomic_write(self.directory / INDEX, json.dumps(index, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            self.warn(f"page store {self.directory} cannot be written ({exc.strerror or exc}); pages are not kept for the next build")
            self.abort()
            if export is not None:
                return io.BytesIO(export)
            return None
        prune(self.directory, (self.body.name, self.export.name))
        return self._export_file

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
