"""Where a build's generated HTML comes from, and where it is kept for the next build.

Making our pages' HTML is a third of a large build, and loading the
annotations and indexing the corpus another tenth. Both are pure functions
of the inputs, so a build whose inputs are byte-identical to the last
complete build's (seeds, overlays, register, plugin options, this package's
code) reads that build's pages back instead: the common rebuild while
editing `docs/` or the theme, or a CI run that restored its cache.

When the pages must be made, `pagemaker.PageMaker` makes them (in a forked
child for a large site) into a temporary body; after a complete build the
body and export take their place in the cache (`pagecache.py`: the layout,
the fingerprint, the validation of what is read back) and the index is
written last, atomically: a killed or failed build leaves the previous index
(and its body) in place or none at all, never a partial one that a later
build trusts. A store that cannot be read is reported and rebuilt.

Pure Python (no mkdocs import), like the core.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from ..core.contract import expect_list, expect_text
from ..core.files import TEMP, atomic_write, remove_stale_temps
from .pagecache import (
    FORMAT,
    INDEX,
    Extent,
    drop_index_of_key,
    file_digest,
    open_shared,
    page_from_json,
    page_to_json,
    prune,
    read_parts,
)
from .pagemaker import Ahead, PageMaker, Sink
from .pages import PageSpec, Parts
from .safety import clean

Warn = Callable[[str], None]


class PageStore:
    """One build's view of the store in `directory`, for the inputs `key`: its pages replayed, or made."""

    def __init__(self, directory: Path, key: str, warn: Warn) -> None:
        self.directory = Path(directory)
        self.key = key
        self.warn = warn
        self.specs: list[PageSpec] = []
        self.diagnostics: list[str] = []
        self.summary = ""
        self.replaying = False
        #: Where each replayed page lies in the stored body.
        self.extents: dict[int, Extent] = {}
        self._reader: BinaryIO | None = None
        self._export_file: BinaryIO | None = None
        self._maker: PageMaker | None = None

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
        spec, self.extents[i] = page_from_json(i, p, lambda: self._replayed(i))
        return spec

    def _replayed(self, i: int) -> Parts:
        if self._reader is None:
            self._reader = open(self.body, "rb")  # noqa: SIM115 - kept open across pages, closed by _close
        return read_parts(self._reader, self.extents[i])

    # -- making ---------------------------------------------------------------

    def make(
        self, specs: Sequence[PageSpec], diagnostics: Sequence[str], summary: str, export: Callable[[], bytes] | None = None,
        ahead: Ahead | None = None,
    ) -> None:
        """Make the pages from now on (in a child when the site is large), recording them in the store.

        `export` makes the site's data export, kept next to the pages (the
        child makes it too, after the pages, while the parent is still busy).
        A store that cannot be written (a full disk) is reported once; the
        pages are then made without it. `ahead`: the pages whose search
        documents are made with them (`pagemaker.Ahead`, handed on by `send_ahead`).
        """
        self.diagnostics, self.summary = list(diagnostics), summary
        remove_stale_temps(self.directory)
        maker = self._maker = PageMaker(specs, self.directory, export, self._unwritable, ahead)
        self.specs = [replace(spec, make=partial(maker.parts, i)) for i, spec in enumerate(specs)]

    def send_ahead(self, sink: Sink, done: Callable[[], None]) -> None:
        """Hand the search documents made with the pages to `sink`, in page order, as they are made;
        then call `done` (at once when no page is being made)."""
        if self._maker is not None:
            self._maker.send_ahead(sink, done)
        else:
            done()

    def made_all(self) -> None:
        """Wait until every page is made (and every search document made ahead handed on)."""
        if self._maker is not None:
            self._maker.made_all()

    def _unwritable(self, problem: str) -> None:
        self.warn(f"page store {self.directory} cannot be written ({problem}); pages are not kept for the next build")

    # -- end of build ---------------------------------------------------------

    def commit(self, export: bytes | None = None) -> BinaryIO | None:
        """After a complete build: keep its pages and export for the next build of the same inputs.

        Returns the kept export, open (it stays readable whatever a concurrent
        build prunes), or None when nothing could be kept.
        """
        if self.replaying:
            return self._export_file
        maker = self._maker
        if maker is None:
            return None
        body_tmp = maker.finish()
        if body_tmp is None:  # the store cannot be written (reported when that was found)
            return None
        try:
            with open(body_tmp, "rb+") as body:
                os.fsync(body.fileno())
            digest = file_digest(body_tmp)
            # The files below keep their names from build to build of the same inputs: an index
            # of this key left in place would describe the new body until the new index is written.
            drop_index_of_key(self.directory, self.key)
            export_tmp = maker.export_path
            if export is None and export_tmp is not None and export_tmp.is_file():
                made = open_shared(export_tmp)
                if made is None:
                    raise FileNotFoundError(2, "the export went missing", str(export_tmp))
                self._export_file = made
                os.fsync(made.fileno())
            else:
                if export is None:
                    export = maker.export() if maker.export else b""
                if export_tmp is None:
                    export_tmp = maker.export_path = body_tmp.with_name(body_tmp.name.replace(f"{TEMP}body-", f"{TEMP}export-"))
                with open(export_tmp, "wb") as out:
                    out.write(export)
                    out.flush()
                    os.fsync(out.fileno())
                self._export_file = open_shared(export_tmp)
            os.replace(export_tmp, self.export)  # the open file follows its new name
            maker.export_path = None
            os.replace(body_tmp, self.body)
            maker.kept()
            index = {
                "format": FORMAT,
                "key": self.key,
                "diagnostics": self.diagnostics,
                "summary": self.summary,
                "digest": digest,
                "export_digest": file_digest(self._export_file) if self._export_file else "",
                "pages": [page_to_json(s, maker.extents[i]) for i, s in enumerate(self.specs)],
            }
            atomic_write(self.directory / INDEX, json.dumps(index, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            self._unwritable(exc.strerror or str(exc))
            self.abort()
            if export is not None:
                return io.BytesIO(export)
            return None
        prune(self.directory, (self.body.name, self.export.name))
        return self._export_file

    def abort(self) -> None:
        """A failed build: stop the child and forget what it made."""
        if self._maker is not None:
            self._maker.abort()
        self._close()

    def close(self) -> None:
        self._close()
        if self._export_file is not None:
            self._export_file.close()
            self._export_file = None

    def _close(self) -> None:
        if self._maker is not None:
            self._maker.close()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
