"""The `search_backend` option in real builds: which index is written, and what Pagefind holds."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from mkdocs_briefings.search.integration import AUTO_PAGES, WORKER_URI


def _helpers():
    """tests/conftest.py's `build` and `write_project`, by path: `import conftest` can find
    another directory's conftest.py when the whole suite runs."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_search_tests_conftest", Path(__file__).resolve().parents[1] / "conftest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build, module.write_project

SEEDS = {
    "2022-03-04-talks.txt": "---\ntitle: Zelenskyy dares Putin to talk\ndate: 2022-03-04\ntags: [ukraine, diplomacy]\n---\n"
    "Ukrainian President Volodymyr Zelenskyy said on Thursday: \"I don't bite. What are you afraid of?\"\n"
    "Russian President Vladimir Putin said the talks would go on.\n",
    "2022-03-05-aid.txt": "---\ntitle: Aid reaches Kyiv\ndate: 2022-03-05\n---\n"
    "The United Nations said aid had reached Kyiv. Zelenskyy thanked the agency.\n",
}

_WORKER_IN_CONFIG = re.compile(r'<script id="__config" type="application/json">.*?"search":\s*"([^"]+)"', re.S)


def _fragments(site: Path) -> list[dict]:
    """Every page Pagefind indexed, as its fragment JSON (gzip, after a `pagefind_dcd` signature)."""
    out = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        out.append(json.loads(raw[len(b"pagefind_dcd"):]))
    return out


def _tree(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build, write_project = _helpers()

    root = tmp_path_factory.mktemp("pagefind")
    return build(write_project(root, seeds=SEEDS, plugin={"search_backend": "pagefind", "min_briefings": 1}))


def test_pagefind_bundle_is_written_and_lunr_holds_no_documents(pagefind_site: Path) -> None:
    entry = json.loads((pagefind_site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] >= len(SEEDS)
    assert (pagefind_site / "pagefind" / "pagefind.js").is_file()
    assert not (pagefind_site / "pagefind" / "pagefind-ui.js").exists()  # Pagefind's own UI is not shipped
    index = json.loads((pagefind_site / "search" / "search_index.json").read_text())
    assert index["docs"] == [] and index["config"]["lang"] == ["en"]
    for asset in ("worker.js", "search.js", "search.css"):
        assert (pagefind_site / "assets" / "briefings-search" / asset).is_file()


def test_every_page_points_search_at_the_pagefind_worker(pagefind_site: Path) -> None:
    pages = sorted(pagefind_site.rglob("*.html"))
    assert pages
    for page in pages:
        match = _WORKER_IN_CONFIG.search(page.read_text(encoding="utf-8"))
        assert match, page
        assert match.group(1).endswith(WORKER_URI), (page, match.group(1))
        if not match.group(1).startswith("/"):  # 404.html links from the site root (site_url is set)
            assert (page.parent / match.group(1)).resolve() == (pagefind_site / WORKER_URI).resolve(), page


def test_indexed_pages_say_what_they_are(pagefind_site: Path) -> None:
    by_url = {f["url"]: f for f in _fragments(pagefind_site)}
    talks = by_url["/briefings/2022-03-04-talks/"]
    assert talks["meta"]["kind"] == "briefing" and talks["meta"]["date"] == "2022-03-04"
    assert sorted(talks["filters"]["tag"]) == ["diplomacy", "ukraine"]
    assert talks["filters"]["year"] == ["2022"] and talks["filters"]["month"] == ["2022-03"]
    claims = [a for a in talks["anchors"] if a["id"].startswith("claim-")]
    assert claims and any("Zelenskyy" in a["text"] for a in claims)
    assert "I don't bite" in talks["content"]
    person = by_url["/people/volodymyr-zelenskyy/"]
    page = (pagefind_site / "people" / "volodymyr-zelenskyy" / "index.html").read_text(encoding="utf-8")
    count = re.search(r"in (\d+) briefings?", page)
    assert person["meta"]["kind"] == "person" and count and person["meta"]["mentions"] == count.group(1)
    assert by_url["/"]["meta"]["kind"] == "page"
    # Index pages marked `search: exclude` are not indexed; the theme's nav and sidebars are not text.
    assert "/briefings/" not in by_url and "/claims/" not in by_url
    assert "In this briefing" not in talks["content"]


def test_pagefind_build_is_deterministic(tmp_path: Path, pagefind_site: Path) -> None:
    build, write_project = _helpers()

    again = build(write_project(tmp_path, seeds=SEEDS, plugin={"search_backend": "pagefind", "min_briefings": 1}))
    assert _tree(again / "pagefind") == _tree(pagefind_site / "pagefind")


@pytest.mark.parametrize("option", ["material", "auto"])
def test_material_backend_and_auto_on_a_small_site(tmp_path: Path, option: str) -> None:
    build, write_project = _helpers()

    site = build(write_project(tmp_path, seeds=SEEDS, plugin={"search_backend": option}))
    assert len(list(site.rglob("*.html"))) < AUTO_PAGES  # small: auto keeps material's search
    assert not (site / "pagefind").exists()
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert any("bite" in d["text"] for d in index["docs"])
    match = _WORKER_IN_CONFIG.search((site / "index.html").read_text(encoding="utf-8"))
    assert match and "assets/javascripts/workers/search." in match.group(1)


@pytest.mark.parametrize("value", ["lunr", "", 3])
def test_unknown_backend_is_refused(project_writer, value: object) -> None:
    config_file = project_writer(seeds=SEEDS, plugin={"search_backend": value})
    with pytest.raises((Abort, ConfigurationError)):
        load_config(config_file=str(config_file))


def test_pagefind_needs_material_search(project_writer) -> None:
    build, _ = _helpers()

    config_file = project_writer(seeds=SEEDS, plugin={"search_backend": "pagefind"}, config={"plugins": []})
    text = config_file.read_text().replace("plugins: []", "plugins:\n- briefings:\n    search_backend: pagefind")
    config_file.write_text(text)
    with pytest.raises(Abort):
        build(config_file)


def test_a_dirty_build_keeps_the_last_index(tmp_path: Path) -> None:
    """`--dirty` renders only changed pages: their index alone must not replace the whole one."""
    from mkdocs.commands.build import build as mkdocs_build

    _, write_project = _helpers()

    config_file = write_project(tmp_path, seeds=SEEDS, plugin={"search_backend": "pagefind", "min_briefings": 1})

    def run(dirty: bool) -> Path:
        config = load_config(config_file=str(config_file))
        config.plugins.on_startup(command="build", dirty=dirty)
        mkdocs_build(config, dirty=dirty)
        return Path(config.site_dir)

    site = run(dirty=False)
    before = _tree(site / "pagefind")
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nChanged.\n", encoding="utf-8")
    run(dirty=True)
    assert _tree(site / "pagefind") == before


def test_pagefind_without_its_binary_is_a_clear_error(project_writer, monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    build, _ = _helpers()

    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")
    config_file = project_writer(seeds=SEEDS, plugin={"search_backend": "pagefind"})
    with pytest.raises(Abort):
        build(config_file)
    assert any("pip install 'pagefind[bin]'" in r.getMessage() for r in caplog.records)


#: A site's own claim callout that keeps the plugin's markers (class, data-claim) and says it its own way.
_OWN_CLAIM = (
    '<aside class="bf-claim"{% if full %} data-claim="{{ claim.id }}"{% endif %}>'
    "<header><b>On the record</b></header><blockquote>{{ claim.content.text }}</blockquote>"
    "<footer>{{ speaker.name or 'someone' }} (as this site puts it)</footer></aside>"
)


@pytest.mark.parametrize("store", ["made", "read back"])
def test_a_site_claim_callout_is_indexed_as_it_shows(tmp_path: Path, store: str) -> None:
    """Search reads a claim from the page as the site's own claim.html renders it (in the
    page-making process, or from the page store), not from the plugin's idea of it."""
    build, write_project = _helpers()
    config = write_project(tmp_path, seeds=SEEDS, plugin={"search_backend": "pagefind", "min_briefings": 1},
                           config={"theme": {"name": "material", "custom_dir": "overrides"}})
    own = tmp_path / "overrides" / "fragments" / "briefings" / "claim.html"
    own.parent.mkdir(parents=True)
    own.write_text(_OWN_CLAIM, encoding="utf-8")
    site = build(config)
    if store == "read back":
        import shutil

        shutil.rmtree(site)
        site = build(config)
    talks = {f["url"]: f for f in _fragments(site)}["/briefings/2022-03-04-talks/"]
    claims = [a["text"] for a in talks["anchors"] if a["id"].startswith("claim-")]
    assert claims and all(text.startswith("On the record · ") for text in claims), claims
    assert any(text.endswith("(as this site puts it)") for text in claims), claims
    assert talks["content"].count("I don't bite") == 1  # under its claim, cut from the article


@pytest.mark.parametrize("backend", ["pagefind", "material"])
def test_material_search_attributes_are_still_stripped(tmp_path: Path, backend: str) -> None:
    """Material's search strips `data-search-*` attributes an editor sets (attr_list) from the page; with
    Pagefind its handler runs only for the pages that hold one, and still strips them there."""
    build, write_project = _helpers()
    docs = {"index.md": "# Home\n\nA test site.\n", "notes.md": '# Notes\n\nInternal only.\n{ data-search-exclude="yes" }\n'}
    site = build(write_project(tmp_path, seeds=SEEDS, docs=docs, plugin={"search_backend": backend, "min_briefings": 1}))
    notes = (site / "notes" / "index.html").read_text(encoding="utf-8")
    assert "<p>Internal only.</p>" in notes and "data-search-" not in notes
