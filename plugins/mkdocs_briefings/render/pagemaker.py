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

import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from ..core.processes import die_with_parent
from .pagecache import write_parts
from .pages import PageSpec

#: From this many pages on, a forked child makes the pages while mkdocs renders the theme.
PARALLEL_PAGES = 400
#: The child reports made pages in batches of this many (one pipe message each).
BATCH = 16
#: What the child sends when the store cannot be written (a full disk): the parent makes
#: the remaining pages itself and keeps nothing, instead of failing the build.
UNWRITABLE = "unwritable"


class StoreError(RuntimeError):
    """The page-making child failed; the message holds its traceback."""


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
                extent = write_parts(out, position, spec.make())
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
