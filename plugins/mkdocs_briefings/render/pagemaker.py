"""Making a build's pages into a body file: in forked children for a large site, else on demand here.

A large site makes its pages in forked child processes (one per core, up to
`MAX_CHILDREN`; child k makes every k-th page, in page order) while mkdocs
renders the theme around the pages already made; each child reports its
pages' extents in its own body in batches, and the bodies are joined into
one when the build ends. A small site (or a process that must not fork)
makes each page on demand. Either way the pages land in the body in the
cache's layout (`pagecache.write_parts`).

Search documents ahead (`Ahead`): when the site's search is Pagefind, the
children also make the search document of every page that needs nothing
from mkdocs (`document.generated_document`), and this process hands them to
a sink in page order as soon as they are made, not when mkdocs reaches the
page. Pagefind then has every document, and can write its index, while the
theme is still being rendered around the last pages: measured on the BBC
corpus, that index is the last few seconds of a build otherwise.

Pure Python (no mkdocs import), like the core.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import BinaryIO

from ..core import processes
from ..core.files import TEMP, temp_prefix
from ..core.processes import die_with_parent
from ..search.document import facts, generated_document, kind_of, without_quotes
from .pagecache import Extent, read_parts, write_parts
from .pages import PageSpec, Parts

#: From this many pages on, forked children make the pages while mkdocs renders the theme.
PARALLEL_PAGES = 400
#: Children that make a large site's pages, at most (one per core up to this). Measured on the BBC
#: corpus (2 cores): with two, the last page is made seconds earlier than with one, which competes
#: with this process (the theme) and Pagefind for its core.
MAX_CHILDREN = 2
#: The child reports made pages in batches of this many (one pipe message each).
BATCH = 16
#: Bytes a child's pipe holds: its reports of a whole site (about 60 bytes a page) fit, so that a child
#: never waits for this process, which reads them only as it renders the pages (the theme).
PIPE_BYTES = 1 << 20
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


@dataclass(frozen=True)
class Ahead:
    """Which pages' search documents the children make (their indexes among the specs), in the site's
    language (`document.generated_document`)."""

    pages: frozenset[int]
    language: str


#: Where a page's search document lies in its child's documents file: (start, length).
DocAt = tuple[int, int]
#: Takes each search document made ahead, in page order: (page index, document).
Sink = Callable[[int, str], None]


def _document(spec: PageSpec, parts: Parts, ahead: Ahead | None, i: int) -> str | None:
    """Page `i`'s search document, when it is made ahead (see `Ahead`)."""
    if ahead is None or i not in ahead.pages or spec.markdown or parts.facts is None:
        return None
    return generated_document(src_uri=spec.src_uri, search_before=parts.search_before, search_after=parts.search_after,
                              found=parts.facts, quoteless_after=parts.quoteless, language=ahead.language)


def make_share(
    specs: Sequence[PageSpec], k: int, ways: int, body: Path, docs: Path, ahead: Ahead | None,
    export: Callable[[], bytes] | None, export_path: Path, conn: Connection, parent: int,
) -> None:
    """Child k of `ways`: make pages k, k + ways, ... into `body` (and their search documents ahead into
    `docs`), reporting extents in batches; then the export, if it was given one."""
    die_with_parent(parent)  # a killed build takes its child along
    try:
        position, at = 0, 0
        batch: list[tuple[int, Extent, DocAt | None]] = []
        with open(body, "wb") as out, open(docs, "wb") as documents:
            for i in range(k, len(specs), ways):
                parts = made(specs[i])
                extent = write_parts(out, position, parts)
                position += sum(extent[1:])
                doc = _document(specs[i], parts, ahead, i)
                if doc is None:
                    batch.append((i, extent, None))
                else:
                    data = doc.encode("utf-8", "surrogateescape")
                    documents.write(data)
                    batch.append((i, extent, (at, len(data))))
                    at += len(data)
                if len(batch) >= BATCH:
                    out.flush()
                    documents.flush()
                    conn.send(batch)
                    batch = []
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
    """One build's pages, made into a temporary body in `directory`: by forked children, or each on demand here.

    `extents` says where each page made so far lies in the body (in its
    child's body until `finish` joins them). A body that cannot be written
    (a full disk) is reported once through `unwritable`; from then on the
    pages are made here and nothing is kept (`body` is None).
    """

    def __init__(
        self, specs: Sequence[PageSpec], directory: Path, export: Callable[[], bytes] | None,
        unwritable: Callable[[str], None], ahead: Ahead | None = None,
    ) -> None:
        self.specs = list(specs)
        self.export = export
        self.extents: dict[int, Extent] = {}
        #: The temporary body and export while they may still be kept.
        self.body: Path | None = None
        self.export_path: Path | None = None
        self._report = unwritable
        self._writer: BinaryIO | None = None
        self._position = 0
        self._children: list[BaseProcess] = []
        self._conns: list[Connection] = []  # of the children still sending
        self._bodies: list[Path] = []  # child k's body (the first is `body`)
        self._docs: list[Path] = []  # child k's search documents made ahead
        self._readers: dict[int, BinaryIO] = {}  # child k's body, opened once
        self._doc_readers: dict[int, BinaryIO] = {}  # child k's documents file, opened once
        self._child_index: dict[int, int] = {}  # id of child k's connection -> k
        self._child_of: dict[int, int] = {}  # page -> the child that made it
        self._made_ahead: dict[int, DocAt | None] = {}  # page -> its document made ahead, until handed on
        self._next = 0  # the first page whose document (or its absence) is not handed on yet
        self._sink: Sink | None = None
        self._done: Callable[[], None] | None = None
        self._ahead = ahead
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
            self._fork()
        else:
            self._writer = os.fdopen(fd, "wb")

    def _fork(self) -> None:
        assert self.body is not None
        ways = max(1, min(MAX_CHILDREN, os.cpu_count() or 1))
        self.export_path = self._sibling("export", ".json")
        self._bodies = [self.body] + [self._sibling(f"body{k}", ".bin") for k in range(1, ways)]
        self._docs = [self._sibling(f"docs{k}", ".bin") for k in range(ways)]
        context = multiprocessing.get_context("fork")
        for k in range(ways):
            ours, theirs = context.Pipe(duplex=False)
            processes.widen_pipe(ours.fileno(), PIPE_BYTES)
            child = context.Process(
                target=make_share,
                args=(self.specs, k, ways, self._bodies[k], self._docs[k], self._ahead, self.export if k == 0 else None,
                      self.export_path, theirs, os.getpid()),
                daemon=True,
            )
            child.start()
            theirs.close()
            self._children.append(child)
            self._conns.append(ours)
            self._child_index[id(ours)] = k
        self._forked = True

    def _sibling(self, kind: str, suffix: str) -> Path:
        """A temp file next to the body, named like it (removed by the next build if this one is killed)."""
        assert self.body is not None
        return self.body.with_name(self.body.name.replace(f"{TEMP}body-", f"{TEMP}{kind}-").removesuffix(".bin") + suffix)

    def send_ahead(self, sink: Sink, done: Callable[[], None]) -> None:
        """From now on, hand each search document made ahead to `sink`, in page order (those waiting at
        once); call `done` once the last is handed on, or when no more will come (`made_all`)."""
        self._sink, self._done = sink, done
        if self._forked:
            self._hand_on()
        else:  # pages made here, on demand: none comes with its document
            self._ahead_over()

    def parts(self, i: int) -> Parts:
        """Page `i`: made here, or read from its child's body once the child has made it."""
        while self._forked and i not in self.extents:
            self._receive()
        if self._forked:
            self._receive_waiting()  # documents made ahead go on while this process renders
        if not self._forked:
            return self._make_here(i)
        k = self._child_of[i]
        reader = self._readers.get(k)
        if reader is None:
            reader = self._readers[k] = open(self._bodies[k], "rb")  # noqa: SIM115 - closed by close()
        return read_parts(reader, self.extents[i])

    def made_all(self) -> None:
        """Wait until every page is made, so that every search document made ahead is handed on."""
        while self._forked and len(self.extents) < len(self.specs) and self._conns:
            self._receive()
        self._ahead_over()

    def _ahead_over(self) -> None:
        """No more documents will be handed on: say so, once."""
        done, self._sink, self._done = self._done, None, None
        if done is not None:
            done()

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

    def _receive_waiting(self) -> None:
        """Every message the children have sent so far, without waiting."""
        while self._forked and self._conns and wait(self._conns, 0):
            self._receive()

    def _receive(self) -> None:
        """One message from whichever child sends next (waiting for one)."""
        conn = wait(self._conns)[0]
        assert isinstance(conn, Connection)
        try:
            message = conn.recv()
        except EOFError:
            raise StoreError("the page-making process ended without finishing") from None
        if isinstance(message, tuple) and message[:1] == (UNWRITABLE,):
            self._unwritable(str(message[1]))
            return
        if isinstance(message, str):
            raise StoreError(message)
        if message is None:
            conn.close()
            self._conns.remove(conn)
            if not self._conns and len(self.extents) != len(self.specs):
                raise StoreError("the page-making process skipped pages")
            return
        k = self._child_index[id(conn)]
        for i, extent, doc in message:
            self.extents[i] = tuple(extent)
            self._child_of[i] = k
            self._made_ahead[i] = doc
        self._hand_on()

    def _hand_on(self) -> None:
        """Hand the documents made ahead on to the sink, in page order, as far as they are made."""
        if self._sink is None:
            return
        while self._next in self._made_ahead:
            at = self._made_ahead.pop(self._next)
            if at is not None:
                self._sink(self._next, self._read_doc(self._child_of[self._next], at))
            self._next += 1
        if self._next == len(self.specs):
            self._ahead_over()

    def _read_doc(self, k: int, at: DocAt) -> str:
        reader = self._doc_readers.get(k)
        if reader is None:
            reader = self._doc_readers[k] = open(self._docs[k], "rb")  # noqa: SIM115 - closed by close()
        start, length = at
        return os.pread(reader.fileno(), length, start).decode("utf-8", "surrogateescape")

    def finish(self) -> Path | None:
        """Every page in the body: the children waited for and their bodies joined, any page mkdocs did
        not build made here.

        Returns the complete body, closed, or None when it cannot be kept.
        """
        if self.body is None:
            return None
        while self._conns:
            self._receive()
        for child in self._children:
            child.join()
        self._children = []
        if self._forked and self.body is not None:
            try:
                self._join_bodies()
            except OSError as exc:
                self._unwritable(exc.strerror or str(exc))
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

    def _join_bodies(self) -> None:
        """Append the other children's bodies to the first's, and move their pages' extents along."""
        self.close()
        shift = {0: 0}
        with open(self._bodies[0], "ab") as out:
            end = out.seek(0, os.SEEK_END)
            for k, body in enumerate(self._bodies[1:], 1):
                shift[k] = end
                with open(body, "rb") as part:
                    shutil.copyfileobj(part, out, 1 << 20)
                end = out.tell()
        for i, extent in self.extents.items():
            moved = shift[self._child_of[i]]
            if moved:
                self.extents[i] = (extent[0] + moved, *extent[1:])
        for tmp in [*self._bodies[1:], *self._docs]:
            tmp.unlink(missing_ok=True)
        self._bodies, self._docs = self._bodies[:1], []

    def kept(self) -> None:
        """The body and export have been moved into the cache: they are no longer temporary."""
        self.body = self.export_path = None
        self._bodies, self._docs = [], []
        atexit.unregister(self.remove_temps)

    def abort(self) -> None:
        """A failed build: stop the children and forget what they made."""
        for child in self._children:
            child.kill()
            child.join()
        self._children = []
        for conn in self._conns:
            conn.close()
        self._conns = []
        self._forked = False
        self.close()
        self.remove_temps()
        atexit.unregister(self.remove_temps)

    def remove_temps(self) -> None:
        for tmp in (self.body, self.export_path, *self._bodies[1:], *self._docs):
            if tmp is not None:
                tmp.unlink(missing_ok=True)
        self.body = self.export_path = None
        self._bodies, self._docs = [], []

    def close(self) -> None:
        handles = [*self._readers.values(), *self._doc_readers.values(), self._writer]
        for handle in handles:
            if handle is not None:
                # The writer's last flush may fail on a full disk: the body is dropped anyway.
                with contextlib.suppress(OSError):
                    handle.close()
        self._readers, self._doc_readers, self._writer = {}, {}, None
