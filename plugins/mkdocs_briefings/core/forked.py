"""A computation started now in a forked child and collected later: two cores for one build step.

Indexing a large corpus (`corpus.py`) runs in the main process while the
second core would sit idle: the duplicate-story search and the figures of
every briefing need nothing the rest of the index makes, so they run in
forked children while this process builds the entity records, and are
collected when they are needed.

The result must come out the same wherever it is computed: when forking
does not pay (one core, a small corpus, `mkdocs serve`'s threads: see
`processes.can_fork`) or the child fails in any way (killed, an exception,
a result that does not pickle), the function simply runs here, so a child
can never change what the build makes, only when.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

from . import processes

T = TypeVar("T")

#: The message a child sends when its function raised (the parent then runs it itself).
_FAILED = "forked: failed"


def _child(fn: Callable[[], object], conn: Connection, parent: int, nice: int) -> None:
    processes.die_with_parent(parent)
    if nice:
        with contextlib.suppress(OSError):  # a priority the system refuses: the child runs as it is
            os.nice(nice)
    try:
        result = fn()
    except BaseException:  # the parent computes it again and meets the same error there, with its traceback
        result = _FAILED
    try:
        conn.send(result)
    except Exception:  # a result that does not pickle: the parent computes it instead
        conn.send(_FAILED)
    finally:
        conn.close()


class Forked(Generic[T]):
    """`fn()` computed in a forked child from now on (when `fork` and forking is possible), else here on demand.

    `nice`: the child's niceness (`os.nice`): at 19 it takes a core only while nothing else wants it.
    """

    def __init__(self, fn: Callable[[], T], *, fork: bool, nice: int = 0) -> None:
        self._fn = fn
        self._conn: Connection | None = None
        self._child: BaseProcess | None = None
        if fork and processes.can_fork():
            context = multiprocessing.get_context("fork")
            ours, theirs = context.Pipe(duplex=False)
            child = context.Process(target=_child, args=(fn, theirs, os.getpid(), nice), daemon=True)
            try:
                child.start()
            except OSError:  # no more processes allowed: compute here
                ours.close()
                theirs.close()
                return
            theirs.close()
            self._conn, self._child = ours, child

    def result(self) -> T:
        """The function's result: the child's, or computed here if there is no child or it failed."""
        conn, child = self._conn, self._child
        self._conn = self._child = None
        if conn is None or child is None:
            return self._fn()
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the child died before sending
            message = _FAILED
        finally:
            conn.close()
            child.join()
        if isinstance(message, str) and message == _FAILED:
            return self._fn()
        return message  # type: ignore[no-any-return]  # what `fn` returned, unpickled

    def cancel(self) -> None:
        """Stop the child if it still runs (a build that failed before collecting the result)."""
        if self._child is not None:
            self._child.kill()
            self._child.join()
        if self._conn is not None:
            self._conn.close()
        self._conn = self._child = None
