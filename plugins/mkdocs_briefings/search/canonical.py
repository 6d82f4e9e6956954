"""Make Pagefind's bundle the same bytes for the same site.

Pagefind writes each filter chunk from a hash map, so the order of a
filter's values (`tag`: `ukraine`, `diplomacy`, ...) changes from run to
run, and with it the chunk's name and the page-list file (`*.pf_meta`) that
names it. Everything else it writes is already stable. This module re-writes
every filter chunk with its values sorted by name, names it from its content the
way Pagefind does (language, underscore, 7 hex digits), puts the new names in
the page-list file, renames that too, and points `pagefind-entry.json` at it.

The chunks are gzip-compressed CBOR after a `pagefind_dcd` signature; the
decoder below reads the subset Pagefind writes (integers, strings, arrays,
maps) and refuses anything else, in which case the bundle is left as it is.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


class _Unsupported(ValueError):
    """A CBOR item outside the subset Pagefind's filter chunks use."""


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    initial = data[pos]
    major, info = initial >> 5, initial & 31
    pos += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise _Unsupported(f"CBOR additional info {info}")
    if major == 0:
        return value, pos
    if major == 1:
        return -1 - value, pos
    if major == 2:
        return bytes(data[pos : pos + value]), pos + value
    if major == 3:
        return data[pos : pos + value].decode("utf-8"), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        pairs = []
        for _ in range(value):
            key, pos = _decode(data, pos)
            item, pos = _decode(data, pos)
            pairs.append((key, item))
        return dict(pairs), pos
    raise _Unsupported(f"CBOR major type {major}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, value)
    raise _Unsupported("integer too large")


def _encode(value: Any) -> bytes:
    """CBOR with every map's keys sorted (strings, then by their text)."""
    if isinstance(value, bool) or value is None:
        raise _Unsupported("simple value")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (not isinstance(k, str), str(k)))
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(value[k]) for k in keys)
    raise _Unsupported(type(value).__name__)


def _stable(value: Any) -> Any:
    """Sort every list of `[name, ...]` pairs by name (a filter's values), recursively."""
    if isinstance(value, list):
        items = [_stable(v) for v in value]
        if items and all(isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) for v in items):
            items.sort(key=lambda v: v[0])
        return items
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    return value


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _read(path: Path) -> Any:
    """A chunk's CBOR value, if this module can write it back byte for byte; else `_Unsupported`."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise _Unsupported("no signature")
    value, end = _decode(raw, len(SIGNATURE))
    if end != len(raw) or SIGNATURE + _encode(value) != raw:
        raise _Unsupported("not in the form this module writes")
    return value


def _named(pairs: Any) -> bool:
    return isinstance(pairs, list) and all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) for p in pairs)


def canonicalize(bundle: Path) -> bool:
    """Re-write the bundle's filter chunks and page-list file in a stable form; False if left as is.

    The page-list file is `[version, pages, index chunks, filters, sorts, meta keys]`;
    its filters (`[name, chunk]`) and sorts (`[name, pages]`) come from hash maps too.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    try:
        chunks = {path: _read(path) for path in sorted((bundle / "filter").glob("*.pf_filter"))}
        metas = {lang: _read(bundle / f"pagefind.{info['hash']}.pf_meta") for lang, info in entry["languages"].items()}
    except (_Unsupported, OSError, IndexError, KeyError, UnicodeDecodeError):
        return False
    if not all(isinstance(m, list) and len(m) == 6 and _named(m[3]) and _named(m[4]) for m in metas.values()):
        return False
    renames: dict[str, str] = {}
    for path, value in chunks.items():
        stable = SIGNATURE + _encode(_stable(value))
        old = path.name.split(".")[0]
        new = f"{old.split('_')[0]}_{hashlib.sha256(stable).hexdigest()[:7]}"
        renames[old] = new
        path.unlink()
        path.with_name(f"{new}.pf_filter").write_bytes(_gzip(stable))
    for language, meta in sorted(metas.items()):
        info = entry["languages"][language]
        meta[3] = sorted(([name, renames.get(chunk, chunk)] for name, chunk in meta[3]), key=lambda p: p[0])
        meta[4] = sorted(meta[4], key=lambda p: p[0])
        raw = SIGNATURE + _encode(meta)
        (bundle / f"pagefind.{info['hash']}.pf_meta").unlink()
        info["hash"] = f"{language}_{hashlib.sha256(raw).hexdigest()[:10]}"
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(_gzip(raw))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
