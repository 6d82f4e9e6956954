"""The annotation cache: keys, atomic writes, corrupt entries, and hits that skip the engine."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from projectfiles import write_project

from mkdocs_briefings.core.annotate import annotate, engine_version
from mkdocs_briefings.core.cache import ENTRY_NAME, AnnotationCache, cache_key, cache_size, prune
from mkdocs_briefings.core.contract import CorruptEntry, annotation_from_json, annotation_to_json
from mkdocs_briefings.core.model import Annotation, Claim, Entity, RegisterEntry, Span, Speaker
from mkdocs_briefings.core.project import load_project

TEXT = 'Ada Lovelace said: "It works." The board said it was late.'


def _sample() -> Annotation:
    ada = Entity("ada-lovelace", "Ada Lovelace", "person", ("mathematician",), (Span.of(TEXT, 0, 12),))
    q = TEXT.index("It works")
    claim = Claim("claim-1", "direct", Span.of(TEXT, q, q + 9), Span.of(TEXT, 13, 17),
                  Speaker(Span.of(TEXT, 0, 12), "ada-lovelace"), ("reportedly",))
    return Annotation((ada,), (claim,))


def test_round_trip() -> None:
    annotation = _sample()
    assert annotation_from_json(json.loads(json.dumps(annotation_to_json(annotation, "x"))), TEXT) == annotation


@pytest.mark.parametrize(
    "change",
    [
        lambda t, r, i: (t + " ", r, i),
        lambda t, r, i: (t, (RegisterEntry("Ada", "person"),), i),
        lambda t, r, i: (t, (RegisterEntry("Ada Lovelace", "person", ("Ada",)),), i),
        lambda t, r, i: (t, r, ("Ada",)),
    ],
)
def test_key_covers_every_input(change) -> None:
    base = (TEXT, (RegisterEntry("Ada Lovelace", "person"),), ())
    assert cache_key(*base, "v1") != cache_key(*change(*base), "v1")
    assert cache_key(*base, "v1") != cache_key(*base, "v2")


def test_key_ignores_descriptions_and_order_of_ignore() -> None:
    a = (RegisterEntry("Ada Lovelace", "person", description="x", links=("https://a.org",), line=3),)
    b = (RegisterEntry("Ada Lovelace", "person"),)
    assert cache_key(TEXT, a, ("B", "A"), "v") == cache_key(TEXT, b, ("A", "B"), "v")


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    cache = AnnotationCache(tmp_path / "c")
    cache.put("k1", _sample())
    cache.put("k1", _sample())
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["k1.json"]
    assert cache.get("k1", TEXT) == _sample()


def test_failed_write_keeps_old_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = AnnotationCache(tmp_path)
    cache.put("k", _sample())
    before = cache.path("k").read_bytes()

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    cache.put("k", Annotation())  # a cache that cannot be written only costs speed
    assert cache.path("k").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["k.json"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe",
        b'{"key": "other", "annotation": {"entities": [], "claims": []}}',
        b'{"key": "k", "annotation": {"entities": [{"id": "a"}], "claims": []}}',
        b'{"key": "k", "annotation": {"entities": [], "claims": [{"id": "c", "kind": "direct",'
        b' "content": {"start": 0, "end": 3, "text": "xyz"}}]}}',
        b'{"key": "k", "annotation": {"entities": [], "claims": [{"id": "c", "kind": "direct",'
        b' "content": {"start": 0, "end": 999, "text": "Ada"}}]}}',
        b'[1, 2]',
    ],
)
def test_corrupt_entries_are_refused(tmp_path: Path, content: bytes) -> None:
    cache = AnnotationCache(tmp_path)
    cache.path("k").write_bytes(content)
    with pytest.raises(CorruptEntry):
        cache.get("k", TEXT)


def _key(text: str) -> str:
    return cache_key(text, (), (), engine_version())


def test_cache_hit_skips_annotation(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"ada.txt": TEXT})
    cache_dir = root / ".cache" / "briefings"
    # An entry the engine would never produce: if it comes back, the engine did not run.
    planted = _sample()
    AnnotationCache(cache_dir).put(_key(TEXT), planted)
    messages: list[str] = []
    project = load_project(root, cache_dir=cache_dir, progress=messages.append)
    assert project.briefings[0].annotation == planted
    assert messages == ["annotated 0 seeds, 1 from cache"]


def test_miss_is_annotated_and_stored(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"ada.txt": TEXT})
    cache_dir = root / ".cache" / "briefings"
    messages: list[str] = []
    project = load_project(root, cache_dir=cache_dir, progress=messages.append)
    assert project.briefings[0].annotation == annotate(TEXT)
    assert messages[-1] == "annotated 1 seeds, 0 from cache"
    assert [p.name for p in cache_dir.iterdir()] == [f"{_key(TEXT)}.json"]
    again: list[str] = []
    assert load_project(root, cache_dir=cache_dir, progress=again.append) == project
    assert again == ["annotated 0 seeds, 1 from cache"]


def test_corrupt_entry_is_a_warning_and_recomputed(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"ada.txt": TEXT})
    cache_dir = root / ".cache" / "briefings"
    cache_dir.mkdir(parents=True)
    key = _key(TEXT)
    (cache_dir / f"{key}.json").write_text('{"key": "', encoding="utf-8")
    project = load_project(root, cache_dir=cache_dir)
    assert project.briefings[0].annotation == annotate(TEXT)
    assert [(d.path, d.severity) for d in project.diagnostics] == [(f".cache/briefings/{key}.json", "warning")]
    assert "corrupt cache entry ignored and recomputed" in project.diagnostics[0].message
    assert load_project(root, cache_dir=cache_dir).diagnostics == ()  # rewritten good


def test_register_change_invalidates(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"ada.txt": TEXT})
    cache_dir = root / ".cache" / "briefings"
    load_project(root, cache_dir=cache_dir)
    (root / "briefings" / "entities.yml").write_text("- name: Ada Lovelace\n  kind: person\n  aliases: [Ada]\n")
    messages: list[str] = []
    load_project(root, cache_dir=cache_dir, progress=messages.append)
    assert messages[-1] == "annotated 1 seeds, 0 from cache"


@pytest.mark.parametrize("seeds", [5, 40])  # 40 > PARALLEL_THRESHOLD: the process pool reports too
def test_long_runs_report_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: int) -> None:
    from mkdocs_briefings.core import annotating

    monkeypatch.setattr(annotating, "PROGRESS_EVERY", 4)
    root = write_project(tmp_path, {f"s{i:02d}.txt": f"Story {i}. {TEXT}" for i in range(seeds)})
    messages: list[str] = []
    load_project(root, cache_dir=root / ".cache", progress=messages.append)
    steps = [f"annotated {n} of {seeds} seeds" for n in range(4, seeds, 4)]
    assert messages == [f"annotating {seeds} seeds (0 from cache)", *steps, f"annotated {seeds} seeds, 0 from cache"]


def _entry_with(change) -> dict:
    """The sample annotation's JSON with one field changed, as a tampered cache would hold it."""
    data = json.loads(json.dumps(annotation_to_json(_sample(), "x")))
    change(data)
    return data


def _set(path: tuple, value) -> object:
    def run(data: dict) -> None:
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
    return run


@pytest.mark.parametrize(
    "change",
    [
        # Ids become file names and URLs: none but a slug is accepted.
        _set(("entities", 0, "id"), "../../../../tmp/x"),
        _set(("entities", 0, "id"), "/etc/x"),
        _set(("entities", 0, "id"), "Ada"),
        _set(("entities", 0, "id"), "a" * 200),
        _set(("entities", 0, "id"), ""),
        _set(("entities", 0, "id"), 5),
        _set(("claims", 0, "speaker", "entity"), "../x"),
        _set(("claims", 0, "speaker", "entity"), "someone-else"),  # not an entity of the briefing
        _set(("claims", 0, "id"), "../claim"),
        _set(("claims", 0, "id"), 1),
        # Wrong types that later code would trip over (TypeError on every build).
        _set(("entities", 0, "name"), 5),
        _set(("entities", 0, "name"), ["Ada"]),
        _set(("entities", 0, "roles"), "mathematician"),
        _set(("entities", 0, "roles"), [{"x": 1}]),
        _set(("entities", 0, "mentions"), {"start": 0}),
        _set(("entities", 0, "mentions", 0, "start"), True),
        _set(("entities", 0, "mentions", 0, "start"), 0.0),
        _set(("claims", 0, "hedges"), [1]),
        _set(("claims", 0, "note"), 5),
        _set(("claims", 0, "note"), {"a": 1}),
        _set(("claims", 0, "status_source"), [1]),
        _set(("claims", 0, "status"), "maybe"),
        _set(("claims", 0, "speaker"), "Ada"),
        _set(("claims", 0, "cue"), "said"),
        _set(("claims",), {"claim-1": {}}),
        _set(("entities",), None),
    ],
)
def test_tampered_entries_are_refused(change) -> None:
    with pytest.raises(CorruptEntry):
        annotation_from_json(_entry_with(change), TEXT)


@pytest.mark.parametrize("change", [_set(("claims", 0, "note"), None), _set(("claims", 0, "cue"), None),
                                    _set(("claims", 0, "speaker", "entity"), None)])
def test_valid_variants_are_accepted(change) -> None:
    annotation_from_json(_entry_with(change), TEXT)


def test_deep_nesting_is_a_corrupt_entry(tmp_path: Path) -> None:
    cache = AnnotationCache(tmp_path)
    cache.path("k").write_bytes(b'{"key": "k", "annotation": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    with pytest.raises(CorruptEntry, match="nested"):
        cache.get("k", TEXT)


def test_tampered_entry_is_recomputed_with_a_warning(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"ada.txt": TEXT})
    cache_dir = root / ".cache" / "briefings"
    key = _key(TEXT)
    cache_dir.mkdir(parents=True)
    planted = {"key": key, "annotation": _entry_with(_set(("entities", 0, "id"), "../../../../tmp/x"))}
    (cache_dir / f"{key}.json").write_text(json.dumps(planted), encoding="utf-8")
    project = load_project(root, cache_dir=cache_dir)
    assert project.briefings[0].annotation == annotate(TEXT)
    assert [d.path for d in project.diagnostics] == [f".cache/briefings/{key}.json"]
    assert "is not a slug" in project.diagnostics[0].message


@pytest.mark.parametrize("where", ["file", "file-parent"])
def test_unusable_cache_is_one_warning_not_one_per_seed(tmp_path: Path, where: str) -> None:
    """A file where the cache folder should be: every read and write fails. The build needs no
    cache, so it goes on without it, and says so once."""
    root = write_project(tmp_path, {f"s{i}.txt": f"Ada Lovelace wrote note {i}." for i in range(3)})
    blocker = root / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    cache_dir = blocker if where == "file" else blocker / "briefings"
    project = load_project(root, cache_dir=cache_dir)
    assert len(project.briefings) == 3
    assert [(d.path, d.message.split(" (")[0]) for d in project.diagnostics] == [
        ("blocker" if where == "file" else "blocker/briefings", "the annotation cache cannot be used")
    ]


# --- pruning: only entries, only unused and old ones, never through a link ------------------------

USED, UNUSED, FRESH = "a" * 64, "b" * 64, "c" * 64
OLD, BEFORE, NEW = 1_000_000.0, 2_000_000.0, 3_000_000.0


def _entry(folder: Path, key: str, mtime: float, data: bytes = b"{}") -> Path:
    path = folder / f"{key}.json"
    path.write_bytes(data)
    os.utime(path, (mtime, mtime))
    return path


@pytest.mark.parametrize(
    ("name", "make", "removed"),
    [
        (f"{USED}.json", "old file", False),  # used by the build: kept however old
        (f"{UNUSED}.json", "old file", True),  # unused and not touched since the build started
        (f"{FRESH}.json", "new file", False),  # unused, but read or written by a build running now
        (f"{UNUSED}.json", "link", True),  # a link named like an entry: the link goes, never its target
        (f"{USED}.json", "link", True),  # even when its name is a used key: it is no entry
        (f"{UNUSED}.json", "folder", False),  # a folder named like an entry: not ours to remove
        ("notes.json", "old file", False),  # not an entry's name
        (f"{UNUSED.upper()}.json", "old file", False),
        (f"{UNUSED}.json.bak", "old file", False),
        (".tmp-write-0000-1-x", "old file", False),  # temp files are `files.remove_stale_temps`' business
        ("pages", "folder", False),  # the page store
    ],
)
def test_prune_removes_only_old_unused_entries(tmp_path: Path, name: str, make: str, removed: bool) -> None:
    cache, outside = tmp_path / "cache", tmp_path / "outside.json"
    cache.mkdir()
    outside.write_bytes(b"keep")
    os.utime(outside, (OLD, OLD))
    path = cache / name
    if make == "link":
        path.symlink_to(outside)
    elif make == "folder":
        path.mkdir()
        (path / "inside.json").write_bytes(b"x")
    else:
        path.write_bytes(b"{}")
        os.utime(path, (NEW, NEW) if make == "new file" else (OLD, OLD))
    done = prune(cache, {USED}, BEFORE)
    assert done.problem is None
    assert (not os.path.lexists(path)) is removed
    assert (done.removed, done.freed) == ((1, 0 if make == "link" else 2) if removed else (0, 0))
    assert outside.read_bytes() == b"keep"
    if make == "folder":
        assert (path / "inside.json").read_bytes() == b"x"


def test_prune_counts(tmp_path: Path) -> None:
    for key in (USED, UNUSED):
        _entry(tmp_path, key, OLD, b"12345")
    _entry(tmp_path, FRESH, NEW)
    done = prune(tmp_path, {USED}, BEFORE)
    assert (done.removed, done.freed, done.kept, done.problem) == (1, 5, 2, None)
    assert sorted(p.name[:1] for p in tmp_path.iterdir()) == ["a", "c"]


def test_prune_a_missing_cache_is_nothing_to_do(tmp_path: Path) -> None:
    assert prune(tmp_path / "none", set(), BEFORE) == prune(tmp_path / "none", set(), BEFORE)
    assert prune(tmp_path / "none", set(), BEFORE).removed == 0


@pytest.mark.parametrize("linked", ["cache", "parent"])
def test_prune_refuses_a_cache_reached_through_a_link(tmp_path: Path, linked: str) -> None:
    """A restored `.cache` or `.cache/briefings` that is a link to elsewhere is not pruned."""
    root, elsewhere = tmp_path / "root", tmp_path / "elsewhere"
    (elsewhere / "briefings").mkdir(parents=True)
    victim = _entry(elsewhere / "briefings", UNUSED, OLD)
    (root / ".cache").parent.mkdir(parents=True)
    if linked == "parent":
        (root / ".cache").symlink_to(elsewhere)
    else:
        (root / ".cache").mkdir()
        (root / ".cache" / "briefings").symlink_to(elsewhere / "briefings")
    done = prune(root / ".cache" / "briefings", set(), BEFORE, anchor=root)
    assert done.removed == 0 and done.problem is not None and "not pruned" in done.problem
    assert victim.exists()


def test_prune_follows_no_link_even_without_an_anchor(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    victim = _entry(tmp_path / "real", UNUSED, OLD)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert prune(tmp_path / "link", set(), BEFORE).problem is not None
    assert victim.exists()


def test_a_read_touches_the_entry_so_a_running_build_keeps_it(tmp_path: Path) -> None:
    cache = AnnotationCache(tmp_path)
    key = cache_key(TEXT, (), (), "v")
    cache.put(key, _sample())
    os.utime(cache.path(key), (OLD, OLD))
    assert cache.get(key, TEXT) == _sample()
    assert cache.path(key).stat().st_mtime > BEFORE
    assert prune(tmp_path, set(), BEFORE).removed == 0


@pytest.mark.parametrize("target", ["entry elsewhere", "device", "missing"])
def test_an_entry_that_is_a_link_is_corrupt_not_followed(tmp_path: Path, target: str) -> None:
    cache = AnnotationCache(tmp_path / "c")
    key = cache_key(TEXT, (), (), "v")
    elsewhere = AnnotationCache(tmp_path / "elsewhere")
    elsewhere.put(key, _sample())  # a valid entry outside the cache: still not read through a link
    os.utime(elsewhere.path(key), (OLD, OLD))
    (tmp_path / "c").mkdir()
    source = {"entry elsewhere": elsewhere.path(key), "device": Path("/dev/zero"), "missing": tmp_path / "none"}[target]
    cache.path(key).symlink_to(source)
    with pytest.raises(CorruptEntry, match="symbolic link"):
        cache.get(key, TEXT)
    assert elsewhere.path(key).stat().st_mtime == OLD  # not touched through the link


def test_a_fifo_entry_is_corrupt_and_never_blocks(tmp_path: Path) -> None:
    cache = AnnotationCache(tmp_path)
    os.mkfifo(cache.path("k"))
    with pytest.raises(CorruptEntry, match="not a regular file"):
        cache.get("k", TEXT)


def test_cache_size(tmp_path: Path) -> None:
    _entry(tmp_path, USED, OLD, b"123")
    _entry(tmp_path, UNUSED, OLD, b"45")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "body").write_bytes(b"x" * 10)
    (tmp_path / "other.txt").write_bytes(b"y")
    (tmp_path / "link").symlink_to("/dev/zero")  # counted as the link it is, never read
    size = cache_size(tmp_path)
    assert (size.entries, size.entry_bytes, size.files) == (2, 5, 5)
    assert size.total_bytes == 5 + 10 + 1 + len("/dev/zero")
    assert cache_size(tmp_path / "none") == type(size)()
    assert ENTRY_NAME.fullmatch(f"{USED}.json") and not ENTRY_NAME.fullmatch(f"{USED}.json.tmp")
