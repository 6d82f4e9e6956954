"""A restored cache is outside input: real builds over a tampered `.cache/briefings`.

CI restores the cache from earlier runs, which may be another branch's or an
attacker's. Whatever it holds, a build never writes outside `site_dir`, never
prints a cached string as HTML, never crashes, and never publishes a damaged
export; what fails the checks is made again, with a warning.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from mkdocs_briefings.render.pagecache import INDEX

SEED = 'Ada Lovelace said: "It works." Charles Babbage agreed with Ada Lovelace in London.\n'
PAYLOAD = "<img src=x onerror=alert(1)>"


def _build(config_file: Path, caplog: pytest.LogCaptureFixture) -> Path:
    caplog.clear()
    config = load_config(config_file=str(config_file), site_dir=str(config_file.parent / "site"), strict=False)
    with caplog.at_level(logging.WARNING):
        mkdocs_build(config)
    return Path(config.site_dir)


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.fixture
def built(project_writer: Callable[..., Path], caplog: pytest.LogCaptureFixture) -> Path:
    """A one-seed project (every name gets a page), built once so that its cache exists; returns mkdocs.yml."""
    config_file = project_writer(seeds={"2020-01-01-ada.txt": SEED}, plugin={"min_briefings": 1})
    _build(config_file, caplog)
    return config_file


def _annotation_entry(root: Path) -> Path:
    entries = sorted((root / ".cache" / "briefings").glob("*.json"))
    assert len(entries) == 1
    return entries[0]


def _tamper_json(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _all_files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() and ".cache" not in p.parts}


@pytest.mark.parametrize("bad_id", ["../../../outside", "../../..", "Ada/../../x"])
def test_cached_entity_id_never_chooses_a_path(built: Path, caplog: pytest.LogCaptureFixture, bad_id: str) -> None:
    root = built.parent
    entry = _annotation_entry(root)

    def change(data: dict) -> None:
        ada = next(e for e in data["annotation"]["entities"] if e["name"] == "Ada Lovelace")
        old, ada["id"] = ada["id"], bad_id
        for claim in data["annotation"]["claims"]:
            if claim.get("speaker") and claim["speaker"].get("entity") == old:
                claim["speaker"]["entity"] = bad_id
    _tamper_json(entry, change)
    shutil.rmtree(root / ".cache" / "briefings" / "pages")  # so the annotation is read, not the pages
    before = _all_files(root)
    site = _build(built, caplog)
    written = {p for p in _all_files(root) - before if site not in p.parents}
    assert written == set() and not (root.parent / "outside").exists(), written
    assert (site / "people" / "ada-lovelace" / "index.html").is_file()
    assert any("corrupt cache entry ignored and recomputed" in w and "not a slug" in w for w in _warnings(caplog))


@pytest.mark.parametrize(
    "field, value",
    [("speaker", ["ada-lovelace"]), ("speaker", {"a": 1}), ("note", {"deep": [1, 2]}), ("name", 5), ("roles", 5),
     ("mentions", 5)],
)
def test_wrong_typed_cached_field_is_recomputed(built: Path, caplog: pytest.LogCaptureFixture, field: str, value: object) -> None:
    root = built.parent
    entry = _annotation_entry(root)

    def change(data: dict) -> None:
        claim = data["annotation"]["claims"][0]
        if field == "speaker":
            claim["speaker"]["entity"] = value
        elif field == "note":
            claim["note"] = value
        else:
            data["annotation"]["entities"][0][field] = value
    _tamper_json(entry, change)
    shutil.rmtree(root / ".cache" / "briefings" / "pages")
    site = _build(built, caplog)
    assert (site / "people" / "ada-lovelace" / "index.html").is_file()
    assert any("corrupt cache entry ignored and recomputed" in w for w in _warnings(caplog))
    caplog.clear()
    _build(built, caplog)  # the entry was rewritten: the next build is clean
    assert _warnings(caplog) == []


def test_stored_page_title_is_escaped(built: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = built.parent / ".cache" / "briefings" / "pages"

    def change(data: dict) -> None:
        for page in data["pages"]:
            if page["src_uri"] == "people/ada-lovelace.md":
                page["title"] = page["meta"]["title"] = PAYLOAD
    _tamper_json(store / INDEX, change)
    site = _build(built, caplog)
    html = (site / "people" / "ada-lovelace" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;img src=x onerror=alert(1)&gt;" in html
    assert PAYLOAD not in html


@pytest.mark.parametrize("uri", ["../../../outside.md", "../outside.md"])
def test_stored_page_path_is_refused(built: Path, caplog: pytest.LogCaptureFixture, uri: str) -> None:
    root = built.parent
    _tamper_json(root / ".cache" / "briefings" / "pages" / INDEX,
                 lambda data: data["pages"][-1].update(src_uri=uri))
    before = _all_files(root)
    site = _build(built, caplog)
    assert {p for p in _all_files(root) - before if site not in p.parents} == set()
    assert any("is corrupt" in w for w in _warnings(caplog))


def test_garbage_export_is_not_replayed(built: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = built.parent / ".cache" / "briefings" / "pages"
    made = (built.parent / "site" / "briefings.json").read_bytes()
    (export,) = store.glob("export-*.json")
    export.write_bytes(b"<script>garbage</script>")
    site = _build(built, caplog)
    assert (site / "briefings.json").read_bytes() == made
    assert any("export does not match its checksum" in w for w in _warnings(caplog))


@pytest.mark.parametrize("tags", [[PAYLOAD], ["fine", "<b>"], [], "not-a-list", [1]])
def test_stored_tags_must_be_escaped_text(project_writer: Callable[..., Path], caplog: pytest.LogCaptureFixture,
                                          tags: object) -> None:
    """Themes print a page's `meta.tags` as they are: a stored tag that is not escaped text makes the store corrupt."""
    seed = "---\ntags: [fine]\n---\n" + SEED
    config = project_writer(seeds={"2020-01-01-ada.txt": seed}, config={"plugins": ["search", "tags", "briefings"]})
    _build(config, caplog)
    store = config.parent / ".cache" / "briefings" / "pages"

    def change(data: dict) -> None:
        (page,) = [p for p in data["pages"] if "tags" in p["meta"]]
        page["meta"]["tags"] = tags
    _tamper_json(store / INDEX, change)
    site = _build(config, caplog)
    assert any("is corrupt" in w for w in _warnings(caplog))
    assert PAYLOAD not in (site / "briefings" / "2020-01-01-ada" / "index.html").read_text(encoding="utf-8")
