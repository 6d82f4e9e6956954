"""The Pagefind client and the stable bundle, against the real Pagefind binary."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from mkdocs_briefings.search.canonical import _decode, _encode, _stable, canonicalize
from mkdocs_briefings.search.service import PIPE_BYTES, WRITE_BYTES, PagefindError, PagefindService, executable
from mkdocs_briefings.search.service import _encode as _message

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # the module or None

BINARY = executable()
needs_pagefind = pytest.mark.skipif(BINARY is None, reason="no Pagefind binary (pip install 'pagefind[bin]')")


@pytest.mark.parametrize(
    "value",
    [0, 23, 24, 255, 256, 65_536, 2**32, -1, -500, "", "tag", "é" * 30, b"\x00\x01", [], [1, [2, "x"]], {"a": [1, 2]}],
)
def test_cbor_round_trip(value: object) -> None:
    raw = _encode(value)
    assert _decode(raw, 0) == (value, len(raw))


@pytest.mark.parametrize(
    ("value", "stable"),
    [
        (["tag", [["b", [1]], ["a", [0, 2]]]], ["tag", [["a", [0, 2]], ["b", [1]]]]),
        ([[3, "x"], [1, "y"]], [[3, "x"], [1, "y"]]),  # pairs not named by a string keep their order
        ([5, 3, 4], [5, 3, 4]),  # page numbers keep theirs
    ],
)
def test_named_pairs_are_sorted(value: object, stable: object) -> None:
    assert _stable(value) == stable


def _bundle(out: Path, order: list[int]) -> dict[str, str]:
    assert BINARY is not None
    service = PagefindService(BINARY)
    try:
        for i in order:
            tag = f"t{i % 3}"
            service.add_html(
                f"/p{i}/",
                f'<html lang="en"><body><main data-pagefind-body><div data-pagefind-ignore>'
                f'<span data-pagefind-filter="tag">{tag}</span><span data-pagefind-sort="date">2020-01-0{1 + i % 3}</span>'
                f"</div><h1>Page {i}</h1><p>word{i} shared text</p></main></body></html>",
            )
        service.write(out)
    finally:
        service.close()
    assert service.pages == len(order) and service.cpu_seconds > 0
    assert canonicalize(out)
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.rglob("*")) if p.is_file()}


@needs_pagefind
def test_the_same_pages_give_the_same_bundle(tmp_path: Path) -> None:
    first = _bundle(tmp_path / "a", list(range(40)))
    assert first == _bundle(tmp_path / "b", list(range(40)))
    entry = json.loads((tmp_path / "a" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 40
    assert any(name.startswith("filter/") for name in first)


@needs_pagefind
def test_canonicalize_leaves_an_unknown_bundle_alone(tmp_path: Path) -> None:
    _bundle(tmp_path, [0, 1])
    meta = next(tmp_path.glob("*.pf_meta"))
    meta.write_bytes(b"not gzip")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert canonicalize(tmp_path) is False
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_binary_that_is_not_pagefind_fails_clearly(tmp_path: Path) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    with pytest.raises(PagefindError, match="stopped"):
        PagefindService(fake)


@needs_pagefind
def test_pages_beyond_one_write_all_reach_the_index(tmp_path: Path) -> None:
    """Pages are written to Pagefind in batches (`WRITE_BYTES`): more than fit in one, and the last
    batch's tail that only `write` sends, are all indexed."""
    assert BINARY is not None
    filler = " ".join(f"word{j}" for j in range(150))
    pages = [f'<html lang="en"><body><main data-pagefind-body><h1>P{i}</h1><p>{filler}</p></main></body></html>'
             for i in range(500)]
    assert sum(len(page) for page in pages) > 2 * WRITE_BYTES  # (base64 makes them a third more again)
    service = PagefindService(BINARY)
    try:
        for i, page in enumerate(pages):
            service.add_html(f"/p{i}/", page)
        service.write(tmp_path)
    finally:
        service.close()
    assert json.loads((tmp_path / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"] == 500


@needs_pagefind
@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="pipe sizes are Linux's")  # (False for None too)
def test_the_pipe_to_pagefind_holds_many_pages() -> None:
    assert BINARY is not None
    service = PagefindService(BINARY)
    try:
        assert service._proc.stdin is not None
        assert fcntl.fcntl(service._proc.stdin.fileno(), fcntl.F_GETPIPE_SZ) >= min(PIPE_BYTES, _pipe_max())
    finally:
        service.close()


def _pipe_max() -> int:
    try:
        return int(Path("/proc/sys/fs/pipe-max-size").read_text())
    except (OSError, ValueError):
        return 1 << 16


@pytest.mark.parametrize("text", ["café", "🇺🇦 “quoted” — Ł", "<p>a,b</p>", ""])
def test_a_message_carries_its_text_exactly(text: str) -> None:
    raw = _message({"type": "AddFile", "file_contents": text})
    assert raw.endswith(b",") and raw.count(b",") == 1 and raw.isascii()
    assert json.loads(base64.b64decode(raw[:-1])) == {"type": "AddFile", "file_contents": text}


@needs_pagefind
def test_a_url_that_is_not_text_is_refused_clearly(tmp_path: Path) -> None:
    """A lone surrogate (a file name that is not UTF-8) is Pagefind's refusal, not an encoding traceback."""
    assert BINARY is not None
    service = PagefindService(BINARY)
    try:
        service.add_html("/caf\udcc3/", '<html lang="en"><body><main data-pagefind-body><h1>x</h1></main></body></html>')
        with pytest.raises(PagefindError, match="refused"):
            service.write(tmp_path)
    finally:
        service.close()
