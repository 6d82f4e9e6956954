"""The page store: what keys it, what it keeps, and what it refuses to trust.

A rebuild whose inputs are unchanged serves the last complete build's pages
from `<cache>/pages/` instead of making them. A key that misses an input
serves stale pages; a key that moves without its inputs throws the speed-up
away; a half-written or damaged store that is trusted serves broken pages.
These tests drive `PageStore` directly with hand-made pages (no mkdocs):

* `fingerprint` moves with every input (seed bytes, names, overlays, the
  register, settings, the name of a FIFO or device link the loader refuses) and
  with nothing else (hidden files, version control folders, files that are not
  inputs, modification times, a repeated call), and never opens a FIFO or a
  device;
* make -> commit -> replay returns every page exactly: its spec and its four
  HTML parts, non-ASCII and empty parts included, also pages nobody read;
* a missing store or another key's is ignored quietly, a corrupt one is
  reported once and rebuilt, and a build that never commits (aborted or
  abandoned) leaves nothing a later build trusts;
* commit prunes the bodies and exports of earlier keys;
* the forked child makes the same pages as the in-process path, and its
  failure reaches the reader as a `StoreError` with the child's traceback.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from mkdocs_briefings.core import files, processes
from mkdocs_briefings.core.processes import alive
from mkdocs_briefings.render import pagecache, pagemaker, pagestore
from mkdocs_briefings.render.pagecache import INDEX, fingerprint
from mkdocs_briefings.render.pagemaker import Ahead, StoreError
from mkdocs_briefings.render.pagestore import PageStore
from mkdocs_briefings.render.renderer import PageSpec, Parts
from mkdocs_briefings.search.document import Claim, Facts, facts, generated_document, without_quotes

KEY = "a" * 64
OTHER = "b" * 64
EXPORT = '{"briefings":[{"slug":"talks","title":"Zelenskyy’s “quote” — Ł"}]}\n'.encode()
DIAGNOSTICS = ["briefings/talks.md:3: unknown key 'titel' — did you mean 'title'?"]
SUMMARY = "3 briefings, 2 entity pages, 7 claims"


# -- hand-made pages ----------------------------------------------------------


def parts_for(i: int) -> Parts:
    """Distinct parts for page `i`: non-ASCII throughout, some parts (and page 1 entirely) empty;
    even pages with a date, a tag and a claim for search."""
    if i == 1:
        return Parts("", "", "", "")
    head = f'<p class="bf-meta"><time datetime="2022-03-0{i % 10}">d</time> <span class="bf-tag">Ł &amp; {i}</span></p>'
    claim = (f'<aside class="bf-claim" data-claim="claim-{i}"><header><b>Direct quote</b></header>'
             f"<blockquote>“Ł” {i} 🇺🇦</blockquote><footer>Speaker {i}, role <i>said</i></footer></aside>")
    return Parts(
        f"<h1>Page {i}: Zelenskyy’s “quote” — Ł</h1>" + (head if i % 2 == 0 else ""),
        "" if i % 3 == 0 else f"<p>after {i} 🇺🇦 Kyiv\n\tend</p>" + (claim if i % 2 == 0 else ""),
        f'<h2 id="p{i}">Ł {i}</h2>' if i % 2 == 0 else "",
        "" if i % 4 == 0 else f'<h2 id="article">Article</h2><p>search {i} ½ — “Ł” {i} 🇺🇦 “x”</p>',
    )


def with_facts(parts: Parts) -> Parts:
    """A page as the store hands it back: its parts, the search facts read from them (test pages are
    briefings) and, where it has claims, its search text with their words cut."""
    found = facts(parts.before + parts.after, "briefing")
    cut = found.claims and parts.search_after
    return replace(parts, facts=found, quoteless=without_quotes(parts.search_after, found.claims) if cut else None)


def counted(calls: list[int], i: int) -> Parts:
    """`parts_for(i)`, noting the call in `calls` (of this process only)."""
    calls.append(i)
    return parts_for(i)


def make_specs(n: int, make: Callable[[int], Parts] = parts_for) -> list[PageSpec]:
    """`n` pages whose spec fields all vary (and hold non-ASCII) and whose make() is `make(i)`."""
    return [
        PageSpec(
            f"briefings/page-{i}.md",
            f"Page {i} — Ł “t” & <co>",
            {"title": f"Page {i} — Ł “t” &amp; &lt;co&gt;", "hide": ["toc"], **({"search": {"exclude": True}} if i % 2 else {})},
            partial(make, i),
            frozenset({"article", f"claim-{i}"} if i % 3 else set()),
            markdown=f"Editor’s **summary** {i}" if i % 2 else "",
            index=i == 0,
        )
        for i in range(n)
    ]


def described(spec: PageSpec) -> tuple[Any, ...]:
    """Everything of a spec but its make()."""
    return (spec.src_uri, spec.title, spec.meta, spec.anchors, spec.markdown, spec.index)


def committed(directory: Path, key: str, specs: list[PageSpec], read: list[int] | None = None) -> PageStore:
    """A complete build: make the pages, read `read` (default all, in order), commit."""
    store = PageStore(directory, key, _no_warnings)
    store.make(specs, DIAGNOSTICS, SUMMARY)
    for i in range(len(specs)) if read is None else read:
        assert store.specs[i].make() == with_facts(specs[i].make())
    store.commit(EXPORT)
    store.close()  # as the plugin does after copying the export
    return store


def _no_warnings(message: str) -> None:
    raise AssertionError(f"unexpected warning: {message}")


def replayed(directory: Path, key: str = KEY) -> tuple[PageStore, list[str]]:
    warnings: list[str] = []
    store = PageStore(directory, key, warnings.append)
    store.replay()
    return store, warnings


def assert_replays(directory: Path, specs: list[PageSpec], key: str = KEY) -> PageStore:
    """A new store for `key` replays exactly `specs`, their parts, diagnostics, summary and export."""
    store, warnings = replayed(directory, key)
    assert store.replaying and warnings == []
    assert [described(s) for s in store.specs] == [described(s) for s in specs]
    for i in reversed(range(len(specs))):  # any order, any number of times
        assert store.specs[i].make() == with_facts(specs[i].make()), i
        assert store.specs[i].make() == with_facts(specs[i].make()), i
    assert (store.diagnostics, store.summary) == (DIAGNOSTICS, SUMMARY)
    assert store.export.read_bytes() == EXPORT
    store.close()
    return store


# -- fingerprint --------------------------------------------------------------

SETTINGS: dict[str, Any] = {"plugin": {"seeds_dir": "seeds", "per_page": 50, "min_briefings": 2}, "directory_urls": True}


def _inputs(root: Path) -> None:
    files = {
        "seeds/2020-01-01-a.txt": "Alpha Bravo said the plan works.\n",
        "seeds/2020/2020-01-02-b.md": "---\ntitle: B\n---\nCharlie said “yes”.\n",
        "briefings/a.md": "---\nseed: 2020-01-01-a.txt\ntitle: A\n---\nSummary.\n",
        "briefings/entities.yml": "- name: Alpha Bravo\n  kind: person\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        path = root / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return run


def _write(name: str, text: str = "x\n") -> Callable[[Path], None]:
    def run(root: Path) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return run


def _rename(old: str, new: str) -> Callable[[Path], None]:
    return lambda root: os.replace(root / old, root / new)


def _touch(name: str) -> Callable[[Path], None]:
    return lambda root: os.utime(root / name, (time.time() + 1000, time.time() + 1000))


def _nothing(root: Path) -> None:
    pass


@pytest.mark.parametrize(
    ("change", "settings", "moves"),
    [
        (_edit("seeds/2020-01-01-a.txt", "works", "worms"), SETTINGS, True),  # same size, other bytes
        (_edit("seeds/2020/2020-01-02-b.md", "yes", "no"), SETTINGS, True),
        (_write("seeds/2020-01-03-c.txt"), SETTINGS, True),
        (lambda root: (root / "seeds/2020-01-01-a.txt").unlink(), SETTINGS, True),
        (_rename("seeds/2020-01-01-a.txt", "seeds/2020-01-01-z.txt"), SETTINGS, True),
        (_rename("seeds/2020-01-01-a.txt", "briefings/2020-01-01-a.txt"), SETTINGS, True),
        (_edit("briefings/a.md", "title: A", "title: Ä"), SETTINGS, True),
        (_edit("briefings/entities.yml", "person", "organisation"), SETTINGS, True),
        (_nothing, {**SETTINGS, "plugin": {**SETTINGS["plugin"], "per_page": 49}}, True),
        (_nothing, {**SETTINGS, "directory_urls": False}, True),
        (_write(".cache/briefings/anything.json"), SETTINGS, False),  # not an input folder
        (_write("seeds/.draft.txt"), SETTINGS, False),  # hidden files are never inputs (no overlay may name one)
        (_write("seeds/photo.jpg"), SETTINGS, False),  # nor files without an input suffix
        (lambda root: os.mkfifo(root / "seeds/pipe.txt"), SETTINGS, True),  # counted by name, never opened
        (lambda root: os.symlink("/dev/zero", root / "seeds/zero.txt"), SETTINGS, True),
        (_write("seeds/.git/HEAD"), SETTINGS, False),  # version control is never an input
        (_write("briefings/.hg/store"), SETTINGS, False),
        (lambda root: (root / "seeds/empty").mkdir(), SETTINGS, False),
        (_touch("seeds/2020-01-01-a.txt"), SETTINGS, False),  # a new mtime, the same bytes
        (_nothing, SETTINGS, False),  # the same call again
        (_nothing, dict(reversed(SETTINGS.items())), False),  # the same settings in another order
    ],
    ids=[
        "seed-bytes", "seed-in-subfolder", "seed-added", "seed-removed", "seed-renamed", "seed-moved-to-briefings",
        "overlay", "register", "setting", "directory-urls",
        "other-folder", "hidden-file", "other-suffix", "fifo", "device-link", "git-folder", "hg-folder", "empty-folder", "mtime", "repeat",
        "settings-order",
    ],
)
def test_fingerprint_moves_with_inputs_only(
    tmp_path: Path, change: Callable[[Path], None], settings: dict[str, Any], moves: bool
) -> None:
    _inputs(tmp_path)
    folders = [tmp_path / "seeds", tmp_path / "briefings"]
    before = fingerprint(folders, SETTINGS)
    change(tmp_path)
    assert (fingerprint(folders, settings) != before) is moves


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda root: os.mkfifo(root / "seeds/pipe.txt"), id="fifo"),
        pytest.param(lambda root: os.mkfifo(root / "briefings/pipe.md"), id="fifo-overlay"),
        pytest.param(lambda root: os.symlink("/dev/zero", root / "seeds/zero.txt"), id="link-to-dev-zero"),
        pytest.param(lambda root: os.symlink("/dev/zero", root / "briefings/entities.yml.new") or
                     os.replace(root / "briefings/entities.yml.new", root / "briefings/entities.yml"), id="register-dev-zero"),
    ],
)
def test_fingerprint_never_opens_fifos_or_devices(tmp_path: Path, make: Callable[[Path], None]) -> None:
    """A FIFO blocked the fingerprint forever and /dev/zero filled memory; now both are seen by name only.

    Run in a child process with a time limit, so that the old behaviour fails the test instead of hanging it.
    """
    _inputs(tmp_path)
    make(tmp_path)
    code = (
        "import sys; from pathlib import Path; from mkdocs_briefings.render.pagecache import fingerprint;"
        "root = Path(sys.argv[1]); print(fingerprint([root / 'seeds', root / 'briefings'], {}))"
    )
    import resource
    import subprocess
    import sys

    def limit() -> None:  # /dev/zero must not take the machine's memory down with the test
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    try:
        proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                              timeout=20, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        pytest.fail("fingerprint() did not return within 20 s: it opened a FIFO or read a device")
    assert proc.returncode == 0 and len(proc.stdout.strip()) == 64, proc.stderr[-2000:]


# -- make, commit, replay -----------------------------------------------------


def test_commit_then_replay_returns_the_same_pages(tmp_path: Path) -> None:
    specs = make_specs(7)
    store = committed(tmp_path, KEY, specs)
    assert not store.replaying
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([INDEX, f"body-{KEY}.bin", f"export-{KEY}.json"])
    assert_replays(tmp_path, specs)


def test_each_page_keeps_the_search_facts_read_from_its_html(tmp_path: Path) -> None:
    """Search takes a briefing's date, tags and claims, and its text with the claims cut, from the store,
    not from parsing the page again."""
    committed(tmp_path, KEY, make_specs(3))
    store, warnings = replayed(tmp_path)
    assert warnings == [] and store.replaying
    assert store.specs[2].make().facts == Facts(
        "2022-03-02", ("Ł & 2",), 0, (Claim("claim-2", "Direct quote", "Speaker 2, role", "“Ł” 2 🇺🇦"),)
    )
    assert store.specs[2].make().quoteless == '<h2 id="article">Article</h2><p>search 2 ½ — … “x”</p>'
    assert store.specs[1].make().facts == Facts()  # a page without any: empty, not unknown
    assert store.specs[1].make().quoteless is None
    store.close()


def test_commit_makes_the_pages_nobody_read(tmp_path: Path) -> None:
    """Another plugin may drop a page: the store still holds every page, each made once."""
    calls: list[int] = []
    specs = make_specs(6, partial(counted, calls))
    store = PageStore(tmp_path, KEY, _no_warnings)
    store.make(specs, DIAGNOSTICS, SUMMARY)
    assert store.specs[4].make() == with_facts(parts_for(4)) and store.specs[1].make() == with_facts(parts_for(1))
    store.commit(EXPORT)
    assert sorted(calls) == list(range(6))
    assert_replays(tmp_path, make_specs(6))


@pytest.mark.parametrize(
    ("stored", "key"),
    [(None, KEY), (KEY, OTHER), ("old-format", KEY)],
    ids=["no-store", "other-key", "other-format"],
)
def test_nothing_to_replay_is_not_a_warning(tmp_path: Path, stored: str | None, key: str) -> None:
    directory = tmp_path / "pages"
    if stored is not None:
        committed(directory, KEY, make_specs(3))
    if stored == "old-format":
        index = json.loads((directory / INDEX).read_text(encoding="utf-8"))
        (directory / INDEX).write_text(json.dumps({**index, "format": pagecache.FORMAT + 1}), encoding="utf-8")
    store, warnings = replayed(directory, key)
    assert (store.replaying, store.specs, warnings) == (False, [], [])
    assert directory.exists() is (stored is not None)  # looking does not create the store


def _index(directory: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads((directory / INDEX).read_text(encoding="utf-8"))
    change(data)
    (directory / INDEX).write_text(json.dumps(data), encoding="utf-8")


def _garble(directory: Path) -> None:
    """Same size, other bytes (invalid UTF-8 among them): only the checksum can tell."""
    body = directory / f"body-{KEY}.bin"
    data = bytearray(body.read_bytes())
    data[0:2] = b"\xff\xfe"
    body.write_bytes(bytes(data))


def _truncate(directory: Path) -> None:
    body = directory / f"body-{KEY}.bin"
    body.write_bytes(body.read_bytes()[:-1])


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: (d / INDEX).write_bytes(b'{"format": 1, "key": '),
        lambda d: (d / INDEX).write_bytes(b"\xff\xfe{}"),
        _truncate,
        lambda d: (d / f"body-{KEY}.bin").write_bytes((d / f"body-{KEY}.bin").read_bytes() + b"x"),
        lambda d: (d / f"body-{KEY}.bin").unlink(),
        lambda d: (d / f"export-{KEY}.json").unlink(),
        lambda d: _index(d, lambda data: data.pop("pages")),
        lambda d: _index(d, lambda data: data.pop("diagnostics")),
        lambda d: _index(d, lambda data: data["pages"][0].pop("src_uri")),
        lambda d: _index(d, lambda data: data["pages"][2].update(extent=[0, 1, 2, 3])),
        lambda d: _index(d, lambda data: data["pages"][2].update(extent=[0, -1, 2, 3, 4, 5, 6])),
        lambda d: _index(d, lambda data: data["pages"][2].update(extent=None)),
        lambda d: _index(d, lambda data: data.update(pages=None)),
        _garble,
        lambda d: (d / INDEX).write_bytes(b"[1, 2]"),
        # A store is outside input (CI restores caches): what no build of ours writes is refused.
        lambda d: _index(d, lambda data: data["pages"][0].update(src_uri="../../../../tmp/x.md")),
        lambda d: _index(d, lambda data: data["pages"][0].update(src_uri="/tmp/x.md")),
        lambda d: _index(d, lambda data: data["pages"][0].update(src_uri="briefings/x.html")),
        lambda d: _index(d, lambda data: data["pages"][0].update(src_uri=["briefings/x.md"])),
        lambda d: _index(d, lambda data: data["pages"][0].update(title=5)),
        lambda d: _index(d, lambda data: data["pages"][0].update(meta={"title": "x", "template": "../x.html"})),
        lambda d: _index(d, lambda data: data["pages"][0].update(meta={"hide": ["navigation"]})),
        lambda d: _index(d, lambda data: data["pages"][0].update(meta=[["title", "x"]])),
        lambda d: _index(d, lambda data: data["pages"][0].update(markdown=None)),
        lambda d: _index(d, lambda data: data["pages"][0].update(anchors=[1])),
        lambda d: _index(d, lambda data: data["pages"][0].update(index="yes")),
        lambda d: _index(d, lambda data: data["pages"][0].update(extent=[0, 1.5, 0, 0, 0, 0, 0])),
        lambda d: _index(d, lambda data: data.update(diagnostics="abc")),
        lambda d: _index(d, lambda data: data.update(summary=["x"])),
        lambda d: (d / INDEX).write_bytes(b'{"format": 1, "key": "' + KEY.encode() + b'", "pages": '
                                          + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        lambda d: (d / f"export-{KEY}.json").write_bytes(b"garbage, not the export"),
    ],
    ids=[
        "invalid-json", "not-utf8", "truncated-body", "longer-body", "missing-body", "missing-export",
        "no-pages", "no-diagnostics", "page-without-uri", "short-extent", "negative-extent", "extent-null",
        "pages-null", "garbled-body", "index-not-an-object",
        "uri-traversal", "uri-absolute", "uri-not-md", "uri-not-text", "title-not-text", "meta-unknown-key",
        "meta-other-hide", "meta-not-object", "markdown-null", "anchor-not-text", "index-not-bool",
        "extent-float", "diagnostics-not-list", "summary-not-text", "deep-nesting", "garbage-export",
    ],
)
def test_corrupt_store_is_reported_once_and_rebuilt(tmp_path: Path, damage: Callable[[Path], None]) -> None:
    specs = make_specs(5)
    committed(tmp_path, KEY, specs)
    damage(tmp_path)
    store, warnings = replayed(tmp_path)
    assert not store.replaying and store.specs == [] and store.extents == {}
    assert len(warnings) == 1 and str(tmp_path / INDEX) in warnings[0], warnings
    # The same store makes the pages again, and the next build replays them.
    store.make(specs, DIAGNOSTICS, SUMMARY)
    assert [s.make() for s in store.specs] == [with_facts(parts_for(i)) for i in range(5)]
    store.commit(EXPORT)
    assert_replays(tmp_path, specs)


def test_replay_escapes_and_sanitises_what_it_reads(tmp_path: Path) -> None:
    """A stored title, editor markdown or diagnostic is never used as written: the title is
    escaped again, raw HTML in markdown turned into text, control characters dropped."""
    committed(tmp_path, KEY, make_specs(2))
    payload = "<img src=x onerror=alert(1)>"

    def tamper(data: dict[str, Any]) -> None:
        data["pages"][0].update(title=payload, meta={"title": payload}, markdown=payload + "{: onclick=x }")
        data.update(diagnostics=[b"seeds/\x1b[31mred.txt: x".decode("unicode_escape")], summary="\x1b[2J")
    _index(tmp_path, tamper)
    store, warnings = replayed(tmp_path)
    assert store.replaying and warnings == []
    assert store.specs[0].meta == {"title": "&lt;img src=x onerror=alert(1)&gt;"}
    assert "<" not in store.specs[0].markdown and "{" not in store.specs[0].markdown
    assert store.diagnostics == ["seeds/[31mred.txt: x"] and store.summary == "[2J"
    store.close()


@pytest.mark.parametrize("earlier", [False, True], ids=["no-earlier-build", "earlier-build"])
@pytest.mark.parametrize("ending", ["abort", "abandon"])
def test_a_build_that_never_commits_leaves_nothing_to_trust(tmp_path: Path, earlier: bool, ending: str) -> None:
    """Aborted (a failed build) or abandoned (a killed one): the earlier index, if any, stays in charge."""
    if earlier:
        committed(tmp_path, KEY, make_specs(3))
    store = PageStore(tmp_path, OTHER, _no_warnings)
    store.make(make_specs(4), [], "")
    assert [store.specs[i].make() for i in (3, 0)] == [with_facts(parts_for(3)), with_facts(parts_for(0))]
    if ending == "abort":
        store.abort()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]  # the temp body is gone
    else:
        store.close()
    assert not (tmp_path / f"body-{OTHER}.bin").exists() and not (tmp_path / f"export-{OTHER}.json").exists()
    later, warnings = replayed(tmp_path, OTHER)
    assert (later.replaying, warnings) == (False, [])
    assert (tmp_path / INDEX).exists() is earlier
    if earlier:
        assert_replays(tmp_path, make_specs(3))


def test_commit_prunes_earlier_keys_and_stale_temp_files(tmp_path: Path) -> None:
    committed(tmp_path, KEY, make_specs(3))
    stale, young = tmp_path / ".tmp-body-killed.bin", tmp_path / ".tmp-body-running.bin"
    for path in (stale, young):
        path.write_bytes(b"half a page")
    old = time.time() - files.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    committed(tmp_path, OTHER, make_specs(4))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [INDEX, young.name, f"body-{OTHER}.bin", f"export-{OTHER}.json"]
    )
    assert replayed(tmp_path, KEY)[0].replaying is False
    assert_replays(tmp_path, make_specs(4), OTHER)


def test_failed_index_write_never_pairs_an_old_index_with_a_new_body(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs = make_specs(4)
    committed(tmp_path, KEY, specs, read=[3, 2, 1, 0])  # in-process: the body holds pages in reading order
    (tmp_path / f"export-{KEY}.json").unlink()  # the store is damaged: the next build of KEY makes its pages
    warnings: list[str] = []
    store = PageStore(tmp_path, KEY, warnings.append)
    assert not store.replay()
    store.make(specs, DIAGNOSTICS, SUMMARY)
    assert [s.make() for s in store.specs] == [with_facts(parts_for(i)) for i in range(4)]  # this time in page order
    real = pagestore.atomic_write

    def full_disk(path: Path, data: bytes) -> None:
        if path.name == INDEX:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(pagestore, "atomic_write", full_disk)
    store.commit(EXPORT)
    monkeypatch.undo()
    later, _ = replayed(tmp_path)
    assert not later.replaying or [s.make() for s in later.specs] == [with_facts(parts_for(i)) for i in range(4)]


# -- the forked child ---------------------------------------------------------


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every site is 'large': make() forks a child (skipped where the platform cannot fork).

    The single-thread rule is lifted: it keeps `mkdocs serve`'s busy server
    threads from being forked, but in a full test run the browser tests leave
    an idle web server thread in this process, and the forked path must be
    tested all the same.
    """
    if not processes.fork_available():
        pytest.skip("this machine cannot fork (one CPU, or no fork)")
    monkeypatch.setattr(processes, "can_fork", processes.fork_available)
    monkeypatch.setattr(pagemaker, "PARALLEL_PAGES", 1)


def test_no_fork_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` builds next to its server threads: there the pages are made in-process."""
    if not processes.fork_available():
        pytest.skip("this machine cannot fork (one CPU, or no fork)")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert processes.can_fork() is False
    finally:
        stop.set()
        thread.join()


def test_forked_child_makes_the_in_process_pages(tmp_path: Path, forked: None) -> None:
    n = 2 * pagemaker.BATCH + 5  # several batches and a remainder
    with pytest.MonkeyPatch.context() as small:
        small.setattr(pagemaker, "PARALLEL_PAGES", n + 1)
        here = committed(tmp_path / "here", KEY, make_specs(n))
        assert here._maker._children == []
    reference = assert_replays(tmp_path / "here", make_specs(n))

    calls: list[int] = []
    store = PageStore(tmp_path / "forked", KEY, _no_warnings)
    store.make(make_specs(n, partial(counted, calls)), DIAGNOSTICS, SUMMARY)
    assert store._maker._children, "make() did not fork"
    order = list(range(n))
    random.Random(4).shuffle(order)
    for i in order:
        assert store.specs[i].make() == with_facts(parts_for(i)), i
    store.commit(EXPORT)
    assert calls == [], "pages were made in this process, not (only) by the child"
    again = assert_replays(tmp_path / "forked", make_specs(n))
    assert [described(s) for s in again.specs] == [described(s) for s in reference.specs]


def test_forked_children_send_search_documents_ahead_in_page_order(tmp_path: Path, forked: None) -> None:
    """The children make the search document of each page marked ahead (`Ahead`): each reaches the sink
    once, in page order, as `generated_document` makes it from the page; pages with editor markdown, none
    marked, or no h1 (page 8) get none; `done` comes once, after the last."""
    n = 3 * pagemaker.BATCH + 3
    specs = make_specs(n, _titled)
    wanted = frozenset(i for i in range(n) if i % 5 != 4)
    store = PageStore(tmp_path, KEY, _no_warnings)
    store.make(specs, DIAGNOSTICS, SUMMARY, lambda: EXPORT, Ahead(wanted, "uk"))
    sent: list[tuple[int, str]] = []
    done: list[int] = []
    store.send_ahead(lambda i, doc: sent.append((i, doc)), lambda: done.append(len(sent)))
    order = list(range(n))
    random.Random(7).shuffle(order)
    for i in order:
        assert store.specs[i].make() == with_facts(_titled(i)), i
    store.made_all()
    expected = []
    for i, spec in enumerate(specs):
        parts = with_facts(_titled(i))
        doc = None if spec.markdown or i not in wanted else generated_document(
            src_uri=spec.src_uri, search_before=parts.search_before, search_after=parts.search_after,
            found=parts.facts or Facts(), quoteless_after=parts.quoteless, language="uk")
        if doc is not None:
            expected.append((i, doc))
    assert sent == expected and len(expected) > pagemaker.BATCH  # over several batches
    assert done == [len(expected)]
    store.commit()
    store.close()
    assert_replays(tmp_path, specs)


def _titled(i: int) -> Parts:
    """`parts_for(i)` whose search text starts with the page’s title heading (but page 8’s)."""
    parts = parts_for(i)
    return parts if i == 8 else replace(parts, search_before=f"<h1>Page {i} — Ł</h1>" + parts.search_before)


def test_pages_made_here_send_nothing_ahead(tmp_path: Path) -> None:
    """A small site's pages are made on demand: no document comes ahead, and `done` comes at once."""
    store = PageStore(tmp_path, KEY, _no_warnings)
    store.make(make_specs(4), DIAGNOSTICS, SUMMARY, lambda: EXPORT, Ahead(frozenset(range(4)), "en"))
    sent: list[int] = []
    done: list[bool] = []
    store.send_ahead(lambda i, doc: sent.append(i), lambda: done.append(True))
    assert done == [True]
    for spec in store.specs:
        spec.make()
    store.made_all()
    assert sent == [] and done == [True]
    store.abort()


def _fails_at_3(i: int) -> Parts:
    if i == 3:
        raise ValueError("page 3 cannot be made: Zelenskyy’s “quote”")
    return parts_for(i)


def _dies_at_3(i: int) -> Parts:
    if i == 3:
        os._exit(3)  # the child is killed: no traceback, the pipe just closes
    return parts_for(i)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_fails_at_3, ["Traceback", "ValueError: page 3 cannot be made: Zelenskyy’s “quote”", "_fails_at_3"]),
        (_dies_at_3, ["the page-making process ended without finishing"]),
    ],
    ids=["raises", "dies"],
)
def test_forked_failure_reaches_the_reader(
    tmp_path: Path, forked: None, make: Callable[[int], Parts], expected: list[str]
) -> None:
    store = PageStore(tmp_path, KEY, _no_warnings)
    store.make(make_specs(8, make), DIAGNOSTICS, SUMMARY)
    with pytest.raises(StoreError) as failure:
        store.specs[5].make()
    for text in expected:
        assert text in str(failure.value)
    store.abort()
    assert store._maker._children == []
    assert list(tmp_path.iterdir()) == []  # no temp body, no index
    assert replayed(tmp_path)[0].replaying is False


def _stalls_after_first_batch(i: int) -> Parts:
    if i == pagemaker.BATCH + 1:
        time.sleep(120)
    return parts_for(i)


def test_abort_stops_a_running_child(tmp_path: Path, forked: None) -> None:
    """A failed build does not wait for the child to finish the site."""
    store = PageStore(tmp_path, KEY, _no_warnings)
    store.make(make_specs(3 * pagemaker.BATCH, _stalls_after_first_batch), [], "")
    assert store.specs[0].make() == with_facts(parts_for(0))  # the first batch arrived; the child is now stuck
    children = list(store._maker._children)
    started = time.monotonic()
    store.abort()
    assert time.monotonic() - started < 10 and children and not any(child.is_alive() for child in children)
    assert list(tmp_path.iterdir()) == []


# -- concurrent builds, killed builds ------------------------------------------


def test_a_concurrent_build_cannot_take_a_replayed_store_away(tmp_path: Path) -> None:
    """Two builds with different settings share one cache: the one that commits prunes the other's
    files, which the other is still reading (it replayed them) and copying (its export)."""
    specs = make_specs(5)
    committed(tmp_path, KEY, specs)
    reading = PageStore(tmp_path, KEY, _no_warnings)
    assert reading.replay()
    committed(tmp_path, OTHER, make_specs(3))  # the other build finishes first and prunes
    assert [s.make() for s in reading.specs] == [with_facts(parts_for(i)) for i in range(5)]
    kept = reading.commit()
    assert kept is not None and kept.read() == EXPORT
    reading.close()
    committed(tmp_path, OTHER, make_specs(3))  # now nobody reads KEY's files: they go
    assert not (tmp_path / f"body-{KEY}.bin").exists() and not (tmp_path / f"export-{KEY}.json").exists()


def test_a_concurrent_build_cannot_take_a_made_export_away(tmp_path: Path) -> None:
    making = PageStore(tmp_path, KEY, _no_warnings)
    making.make(make_specs(4), DIAGNOSTICS, SUMMARY)
    for spec in making.specs:
        spec.make()
    kept = making.commit(EXPORT)
    committed(tmp_path, OTHER, make_specs(3))  # commits between our commit and our copy
    assert kept is not None and kept.read() == EXPORT
    making.close()


def test_temp_files_of_dead_builds_go_at_once(tmp_path: Path) -> None:
    """A killed build's temp body (tens of megabytes) is removed by the next build at its start,
    not an hour later; a running build's stays."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    mine = files.temp_prefix("body")
    left = tmp_path / (mine.replace(f"-{os.getpid()}-", f"-{dead_pid}-") + "x.bin")
    running = tmp_path / (mine + "y.bin")
    for path in (left, running):
        path.write_bytes(b"half a page")
    store = PageStore(tmp_path, KEY, _no_warnings)
    assert store.replay() is False
    assert sorted(p.name for p in tmp_path.iterdir()) == [running.name]


def test_interrupted_build_removes_its_temp_files_on_exit(tmp_path: Path) -> None:
    """Ctrl-C in the middle of a build: the temp body is removed when Python exits."""
    driver = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mkdocs_briefings.render.pagestore import PageStore\n"
        "from mkdocs_briefings.render.renderer import PageSpec, Parts\n"
        "spec = PageSpec('briefings/a.md', 'A', {'title': 'A'}, lambda: Parts('x', '', ''))\n"
        "store = PageStore(Path(sys.argv[1]), 'k', print)\n"
        "store.make([spec], [], '')\n"
        "store.specs[0].make()\n"
        "raise KeyboardInterrupt\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{Path(pagestore.__file__).parents[2]}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    subprocess.run([sys.executable, "-c", driver, str(tmp_path)], env=env, capture_output=True)
    assert list(tmp_path.iterdir()) == []


def test_child_dies_with_its_parent(tmp_path: Path) -> None:
    """The forked page-making child of a build killed with SIGKILL does not live on."""
    driver = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from mkdocs_briefings.core import processes\nfrom mkdocs_briefings.render import pagemaker\n"
        "from mkdocs_briefings.render.pagestore import PageStore\n"
        "from mkdocs_briefings.render.renderer import PageSpec, Parts\n"
        "processes.can_fork = lambda: True\n"
        "def slow():\n"
        "    time.sleep(60)\n"
        "    return Parts('x', '', '')\n"
        "specs = [PageSpec(f'briefings/p{i}.md', 'P', {'title': 'P'}, slow) for i in range(pagemaker.PARALLEL_PAGES)]\n"
        "store = PageStore(Path(sys.argv[1]), 'k', print)\n"
        "store.make(specs, [], '')\n"
        "print(store._maker._children[0].pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{Path(pagestore.__file__).parents[2]}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    parent = subprocess.Popen([sys.executable, "-c", driver, str(tmp_path)], env=env, stdout=subprocess.PIPE, text=True)
    child = 0
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and alive(child):
            time.sleep(0.05)
        assert not alive(child), "the page-making child outlived its killed parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        if child and alive(child):
            os.kill(child, signal.SIGKILL)


def _big(i: int) -> Parts:
    return Parts(f"<p>{i}</p>" + "x" * 20_000, "after", "search")


@pytest.mark.parametrize("fork", [False, True], ids=["in-process", "forked"])
def test_full_disk_is_one_warning_and_every_page_is_made(
    full_disk: Path, fork: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fork:
        if not processes.fork_available():
            pytest.skip("this machine cannot fork")
        monkeypatch.setattr(processes, "can_fork", processes.fork_available)
        monkeypatch.setattr(pagemaker, "PARALLEL_PAGES", 1)
    warnings: list[str] = []
    store = PageStore(full_disk / "pages", KEY, warnings.append)
    assert store.replay() is False
    store.make(make_specs(8, _big), DIAGNOSTICS, SUMMARY, lambda: EXPORT)
    assert [s.make() for s in store.specs] == [with_facts(_big(i)) for i in range(8)]
    kept = store.commit()
    assert kept is None or kept.read() == EXPORT
    store.close()
    assert len(warnings) == 1 and "cannot be written" in warnings[0], warnings
    assert not list((full_disk / "pages").iterdir()) if (full_disk / "pages").is_dir() else True
