"""The page cache on disk: what a complete build keeps for the next build of the same inputs.

Under `.cache/briefings/pages/`: `body-<key>.bin` (every page's four HTML
Parts and its search facts, back to back), `export-<key>.json` (the site's
`briefings.json`) and `index.json` (which pages the body holds and where,
written last and atomically). The key is `fingerprint` of every input, so a build whose
inputs are byte-identical to the last complete build's reads that build's
pages back instead of making them.

The cache is outside input (CI restores caches): every page read back is
validated here (`page_from_json`) so that nothing in it chooses a path,
skips escaping or costs more than reading it.

Pure Python (no mkdocs import), like the core.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be removed there anyway
    fcntl = None  # type: ignore[assignment]  # the module or None; callers check

from ..core.contract import expect_list, expect_text
from ..core.files import TEMP, stale_temp, tree_digest
from ..core.inputs import SEED_SUFFIXES, list_files, read_regular, refusal
from ..core.seeds import MAX_SEED_BYTES
from ..search.document import facts_from_json, facts_to_json
from .pages import Outline, PageSpec, Parts
from .safety import html_text, markdown_source

#: Bumped when the index or body layout changes (2: each page's search facts and quoteless search text
#: after its four HTML parts).
FORMAT = 2
INDEX = "index.json"
_PACKAGE = Path(__file__).resolve().parent.parent
#: The files under the input folders that the build reads: seeds, overlays, the register.
INPUT_SUFFIXES: tuple[str, ...] = (*SEED_SUFFIXES, ".yml", ".html")  # .html: a site's template overrides
_CODE_SUFFIXES = frozenset({".py", ".html", ".css", ".js", ".txt", ".tsv", ".gz", ".json", ".yml"})

#: A page's place in the body: its start and the byte lengths of its four HTML Parts, its search facts
#: and its quoteless search text.
Extent = tuple[int, int, int, int, int, int, int]


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


def page_from_json(i: int, p: Any, make: Callable[[], Parts]) -> tuple[PageSpec, Extent]:
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
    if len(extent) != 7 or min(extent) < 0:
        raise ValueError(f"bad extent for page {i}")
    src_uri = expect_text(p["src_uri"], "src_uri")
    if _SRC_URI.fullmatch(src_uri) is None:
        raise ValueError(f"page {i} has a path that no generated page has")
    title = expect_text(p["title"], "title")
    stored = p["meta"]
    if not isinstance(stored, dict) or not set(stored) <= _META:
        raise ValueError(f"page {i} has meta that no generated page has")
    # Only where the made page had one (the home page has none: its heading names it, as mkdocs does).
    meta: dict[str, Any] = {"title": html_text(title)} if "title" in stored else {}
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
    spec = PageSpec(
        src_uri, title, meta, make,
        frozenset(expect_text(a, "anchor") for a in expect_list(p["anchors"], "anchors")),
        markdown=markdown_source(expect_text(p["markdown"], "markdown")), index=p["index"],
        outline=_outline(p["outline"], i),
    )
    return spec, extent


def page_to_json(spec: PageSpec, extent: Extent) -> dict[str, Any]:
    """One page of the index a complete build writes (read back by `page_from_json`)."""
    return {
        "src_uri": spec.src_uri, "title": spec.title, "meta": spec.meta, "anchors": sorted(spec.anchors),
        "markdown": spec.markdown, "index": spec.index, "extent": extent, "outline": spec.outline.to_json(),
    }


def write_parts(out: BinaryIO, position: int, parts: Parts) -> Extent:
    """Append a page's Parts to a body at `position`; its extent there.

    The search facts and quoteless text are kept with the page, so that a
    build that reads its pages back from the store does not make them again
    either. None is kept as an empty chunk (a made quoteless text is never
    empty: it keeps the headings).
    """
    facts = "" if parts.facts is None else facts_to_json(parts.facts)
    texts = (parts.before, parts.after, parts.search_before, parts.search_after, facts, parts.quoteless or "")
    chunks = [s.encode("utf-8") for s in texts]
    for chunk in chunks:
        out.write(chunk)
    before, after, search_before, search_after, facts_length, quoteless = (len(chunk) for chunk in chunks)
    return (position, before, after, search_before, search_after, facts_length, quoteless)


def read_parts(body: BinaryIO, extent: Extent) -> Parts:
    """A page's Parts read back from a body at its extent (facts that are not well-formed: None)."""
    start, *lengths = extent
    body.seek(start)
    data = body.read(sum(lengths))
    out, at = [], 0
    for n in lengths:
        out.append(data[at:at + n].decode("utf-8"))
        at += n
    before, after, search_before, search_after, facts, quoteless = out
    return Parts(before, after, search_before, search_after, facts_from_json(facts) if facts else None, quoteless or None)


def file_digest(path: Path | BinaryIO) -> str:
    """A checksum of a body or export file (a path, or an open file read from its start):
    a damaged file is rebuilt, never served."""
    digest = hashlib.blake2b(digest_size=16)
    if isinstance(path, Path):
        with open(path, "rb") as f:
            return file_digest(f)
    path.seek(0)
    while chunk := path.read(1 << 20):
        digest.update(chunk)
    path.seek(0)
    return digest.hexdigest()


def open_shared(path: Path) -> BinaryIO | None:
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


def drop_index_of_key(directory: Path, key: str) -> None:
    """Remove the index when it describes `key` (or cannot be read): a new body of that key is about to replace the old."""
    index = directory / INDEX
    try:
        if json.loads(index.read_bytes().decode("utf-8")).get("key") != key:
            return
    except (OSError, ValueError, UnicodeDecodeError, AttributeError, RecursionError):
        pass  # unreadable: of no use to anyone
    index.unlink(missing_ok=True)


def prune(directory: Path, keep: Sequence[str]) -> None:
    """Delete earlier builds' bodies and exports (unless a running build reads them), and
    the temp files of builds that were killed."""
    try:
        paths = list(directory.iterdir())
    except OSError:
        return
    for path in paths:
        name = path.name
        if name in keep:
            continue
        if name.startswith(("body-", "export-")):
            _remove_unless_in_use(path)
        elif name.startswith(TEMP) and stale_temp(path):
            with contextlib.suppress(OSError):
                path.unlink()
