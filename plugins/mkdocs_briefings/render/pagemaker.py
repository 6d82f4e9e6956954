"""Making a build's pages into a body file: in a forked child for a large site, else on demand here.

A large site on a machine with several cores makes its pages in a forked
child process, in page order, while mkdocs renders the theme around the
pages already made; the child reports each page's extent in the body in
batches. A small site (or a process that must not fork) makes each page on
demand. Either way the pages land in the body in the cache's layout
(`pagecache.write_parts`).

Pure Python (no mkdocs import), like the core.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import BinaryIO

from ..core import processes
from ..core.files import TEMP, temp_prefix
from ..core.processes import die_with_parent
from ..search.document import facts, kind_of, without_quotes
from .pagecache import Extent, read_parts, write_parts
from .pages import PageSpec, Parts

#: From this many pages on, a forked child makes the pages while mkdocs renders the theme.
PARALLEL_PAGES = 400
#: The child reports made pages in batches of this many (one pipe message each).
BATCH = 16
#: What the child sends when the store cannot be written (a full disk): the parent makes
#: the remaining pages itself and keeps nothing, instead of failing the build.
UNWRITABLE = "unwritable"


class StoreError(RuntimeError):
    """The page-making child failed; the message holds its traceback."""


def made(spec: PageSpec) -> Parts:
    """A page made, with the facts its search document takes from its HTML and its claims cut from
    its search text (`Parts.facts`, `Parts.quoteless`).

    Made here, where the page is made (the forked child, on a large site),
    so that the build's main process, which renders the theme around every
    page, does not run the patterns over each page's full HTML, nor decode
    and re-encode every paragraph of every briefing, as well.
    """
    parts = spec.make()
    found = facts(parts.before + parts.after, kind_of(spec.src_uri, True))
    # None where there is nothing to cut (or nothing to cut from): as the page store reads an empty text back
    quoteless = without_quotes(parts.search_after, found.claims) if found.claims and parts.search_after else None
    return replace(parts, facts=found, quoteless=quoteless)


def make_all(
    specs: Sequence[PageSpec], body: Path, export: Callable[[], bytes] | None, export_path: Path, conn: Connection,
    parent: int,
) -> None:
    """The child: make every page in order into `body`, reporting extents in batches; then the export."""
    die_with_parent(parent)  # a killed build takes its child along
    try:
        position, batch = 0, []
        with open(body, "wb") as out:
            for i, spec in enumerate(specs):
                extent = write_parts(out, position, made(spec))
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


class PageMaker:
    """One build's pages, made into a temporary body in `directory`: by a forked child, or each on demand here.

    `extents` says where each page made so far lies in the body. A body that
    cannot be written (a full disk) is reported once through `unwritable`;
    from then on the pages are made here and nothing is kept (`body` is None).
    """

    def __init__(
        self, specs: Sequence[PageSpec], directory: Path, export: Callable[[], bytes] | None,
        unwritable: Callable[[str], None],
    ) -> None:
        self.specs = list(specs)
        self.export = export
        self.extents: dict[int, Extent] = {}
        #: The temporary body and export while they may still be kept.
        self.body: Path | None = None
        self.export_path: Path | None = None
        self._report = unwritable
        self._writer: BinaryIO | None = None
        self._reader: BinaryIO | None = None
        self._position = 0
        self._child: BaseProcess | None = None
        self._conn: Connection | None = None
        self._forked = False
        try:
            directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=temp_prefix("body"), suffix=".bin", dir=directory)
        except OSError as exc:
            self._unwritable(exc.strerror or str(exc))
            return
        self.body = Path(tmp)
        atexit.register(self.remove_temps)  # an interrupted build (Ctrl-C) leaves no temp file
        if len(self.specs) >= PARALLEL_PAGES and processes.can_fork():
            os.close(fd)
            self.export_path = self.body.with_name(self.body.name.replace(f"{TEMP}body-", f"{TEMP}export-"))
            context = multiprocessing.get_context("fork")
            ours, theirs = context.Pipe(duplex=False)
            self._child = context.Process(
                target=make_all, args=(self.specs, self.body, export, self.export_path, theirs, os.getpid()),
                daemon=True,
            )
            self._child.start()
            theirs.close()
            self._conn, self._forked = ours, True
        else:
            self._writer = os.fdopen(fd, "wb")

    def parts(self, i: int) -> Parts:
        """Page `i`: made here, or read from the body once the child has made it."""
        while self._forked and i not in self.extents:
            self._receive()
        if not self._forked:
            return self._make_here(i)
        if self._reader is None:
            assert self.body is not None  # a forked maker has its temporary body until `abort`, which also ends the fork
            self._reader = open(self.body, "rb")  # noqa: SIM115 - kept open across pages, closed by close()
        return read_parts(self._reader, self.extents[i])

    def _unwritable(self, problem: str) -> None:
        """The body cannot be written: say so once, keep nothing, make the remaining pages here."""
        self._report(problem)
        self.abort()
        self.extents.clear()

    def _make_here(self, i: int) -> Parts:
        parts = made(self.specs[i])
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

    def finish(self) -> Path | None:
        """Every page in the body: the child's waited for, any page mkdocs did not build made here.

        Returns the complete body, closed, or None when it cannot be kept.
        """
        if self.body is None:
            return None
        while self._conn is not None:
            self._receive()
        if self._child is not None:
            self._child.join()
            self._child = None
        for i in range(len(self.specs)):
            if i not in self.extents and self.body is not None:
                self._make_here(i)  # a page mkdocs did not build (another plugin dropped it)
        if self._writer is not None:
            try:
                self._writer.flush()
            except OSError as exc:
                self._unwritable(exc.strerror or str(exc))
        self.close()
        return self.body

    def kept(self) -> None:
        """The body and export have been moved into the cache: they are no longer temporary."""
        self.body = self.export_path = None
        atexit.unregister(self.remove_temps)

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
        self.close()
        self.remove_temps()
        atexit.unregister(self.remove_temps)

    def remove_temps(self) -> None:
        for tmp in (self.body, self.export_path):
            if tmp is not None:
                tmp.unlink(missing_ok=True)
        self.body = self.export_path = None

    def close(self) -> None:
        for handle in (self._reader, self._writer):
            if handle is not None:
                # The writer's last flush may fail on a full disk: the body is dropped anyway.
                with contextlib.suppress(OSError):
                    handle.close()
        self._reader = self._writer = None
