"""The kept Pagefind bundle (`search/bundlecache.py`): a round trip, and a cache that is input too."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from mkdocs_briefings.search.bundlecache import MANIFEST, BundleCache, doc_digest

KEY = "k" * 8
FILES = {"pagefind.js": b"js", "pagefind-entry.json": b"{}", "fragment/en_1.pf_fragment": b"\x00\x01frag", "index/en_2.pf_index": b""}


def _bundle(root: Path) -> Path:
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def kept(tmp_path: Path) -> BundleCache:
    cache = BundleCache(tmp_path / "cache", KEY)
    assert cache.store(_bundle(tmp_path / "made"), [doc_digest("/a/", "<p>a</p>")]) is None
    return cache


def test_a_kept_bundle_comes_back_byte_for_byte(kept: BundleCache, tmp_path: Path) -> None:
    manifest = kept.kept()
    assert manifest is not None and manifest.docs == [doc_digest("/a/", "<p>a</p>")]
    out = tmp_path / "site" / "pagefind"
    (out / "stale").mkdir(parents=True)  # whatever was there is replaced
    assert kept.restore(manifest, out)
    assert _tree(out) == FILES


def test_a_second_store_leaves_one_body(kept: BundleCache, tmp_path: Path) -> None:
    (tmp_path / "made" / "pagefind.js").write_bytes(b"changed")
    assert kept.store(tmp_path / "made", []) is None
    assert len(list(kept.directory.glob("body-*.bin"))) == 1


def test_another_key_is_not_a_fault(kept: BundleCache) -> None:
    other = BundleCache(kept.directory, "other")
    assert other.kept() is None and other.problem is None


def test_no_cache_is_not_a_fault(tmp_path: Path) -> None:
    cache = BundleCache(tmp_path / "none", KEY)
    assert cache.kept() is None and cache.problem is None


def _rewrite(cache: BundleCache, **changes: Any) -> None:
    path = cache.directory / MANIFEST
    data = json.loads(path.read_text())
    data.update(changes)
    path.write_text(json.dumps(data))


@pytest.mark.parametrize("changes", [
    {"files": [["../escape", 2], ["pagefind-entry.json", 2], ["fragment/en_1.pf_fragment", 6], ["index/en_2.pf_index", 0]]},
    {"files": [["/etc/passwd", 10]]},
    {"files": [[".hidden", 10]]},
    {"files": [["a/b/c", 10]]},
    {"files": [["fragment/..", 10]]},
    {"files": [["a", 5], ["a", 5]]},
    {"files": [["a", 5], ["a/b", 5]]},  # a name that is also a folder
    {"files": [["a", -1], ["b", 11]]},
    {"files": [["a", "10"]]},
    {"body_size": 11},
    {"body_sha256": "../../etc"},
    {"docs": ["not-a-digest"]},
    {"docs": "x"},
])
def test_a_malformed_manifest_is_refused(kept: BundleCache, changes: dict[str, Any]) -> None:
    _rewrite(kept, **changes)
    assert kept.kept() is None
    assert kept.problem in (f"{MANIFEST} is malformed", f"{MANIFEST} names a file twice")


@pytest.mark.parametrize("raw", [b"\xff\xfe", b"[" * 100_000, b"not json", b"[]"])
def test_an_unreadable_manifest_is_not_used(kept: BundleCache, raw: bytes) -> None:
    (kept.directory / MANIFEST).write_bytes(raw)
    assert kept.kept() is None


def _body(cache: BundleCache) -> Path:
    [body] = cache.directory.glob("body-*.bin")
    return body


@pytest.mark.parametrize("damage", ["flip", "truncate", "grow", "symlink", "missing"])
def test_a_damaged_body_is_never_written_to_the_site(kept: BundleCache, tmp_path: Path, damage: str) -> None:
    manifest = kept.kept()
    assert manifest is not None
    body = _body(kept)
    data = body.read_bytes()
    if damage == "flip":
        body.write_bytes(bytes([data[0] ^ 1]) + data[1:])
    elif damage == "truncate":
        body.write_bytes(data[:-1])
    elif damage == "grow":
        body.write_bytes(data + b"<script>")
    elif damage == "symlink":
        target = tmp_path / "elsewhere"
        target.write_bytes(data)
        body.unlink()
        os.symlink(target, body)
    else:
        body.unlink()
    (tmp_path / "site").mkdir()
    out = tmp_path / "site" / "pagefind"
    assert not kept.restore(manifest, out)
    assert kept.problem
    assert not out.exists()
    assert not list((tmp_path / "site").iterdir())  # no temp folder left behind


def test_a_bundle_with_names_it_cannot_keep_is_not_kept(tmp_path: Path) -> None:
    made = _bundle(tmp_path / "made")
    (made / "a" / "b").mkdir(parents=True)
    (made / "a" / "b" / "deep").write_bytes(b"x")
    cache = BundleCache(tmp_path / "cache", KEY)
    assert cache.store(made, []) is not None
    assert cache.kept() is None


@pytest.mark.parametrize(("one", "two"), [
    (("/a/", "x"), ("/a/", "y")),
    (("/a/", "x"), ("/b/", "x")),
    (("/a/", "bx"), ("/a/b", "x")),  # the separator keeps url and document apart
])
def test_document_digests_differ(one: tuple[str, str], two: tuple[str, str]) -> None:
    assert doc_digest(*one) != doc_digest(*two)
