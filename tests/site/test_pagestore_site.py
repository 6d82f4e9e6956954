"""The page store in real builds: a rebuild of unchanged inputs replays, any change rebuilds.

`mkdocs build` keeps the generated pages of its last complete build under
`<cache_dir>/pages/` and, when seeds, overlays, register and options are all
unchanged, serves them again without loading the project. That is only
safe if the replayed site is the made site byte for byte, if every input
the pages come from invalidates the store, and if the project's warnings
(which the replayed build never computes) are still raised, so that
`--strict` fails every time, not just the first. The forked page-making
child, used by large sites, must build the same site as the in-process
path. Builds run in this process via `tests/conftest.py`'s helpers.
"""

from __future__ import annotations

import gc
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_briefings.core import processes
from mkdocs_briefings.plugin import BriefingsPlugin
from mkdocs_briefings.render import pagemaker
from mkdocs_briefings.render.pagecache import INDEX
from mkdocs_briefings.render.pagestore import PageStore
from mkdocs_briefings.search.integration import SearchIntegration

REPO = Path(__file__).resolve().parents[2]
REPLAYED = "inputs unchanged since the last build"
EXEMPT = {"sitemap.xml.gz"}  # gzip stores a modification time
CACHE = Path(".cache/briefings")
SPEC_SLUG = "zelenskyy-challenges-putin-to-talks"
OTHER_SEED = "2020-01-18-ukrainian-president-rejects-prime-minister-s-resignation.txt"
SEEDS = (f"2022-03-04-{SPEC_SLUG}.txt", OTHER_SEED, "2020-01-13-iran-admits-downing-ukrainian-jet-cites-human-error.txt")


@pytest.fixture
def spec_project(project_writer: Callable[..., Path]) -> Path:
    """conftest's `write_spec_project` in tmp_path: the spec article with its overlay, the demo register,
    two more seeds; `per_page: 2` (3 briefings, so two index pages), `min_briefings: 2`; a home page of
    the demo's kind (its text and heading, then the generated latest briefings)."""
    return _spec_project(project_writer)


def _spec_project(project_writer: Callable[..., Path], **plugin: object) -> Path:
    read = lambda path: path.read_text(encoding="utf-8")  # noqa: E731 - a one-line reader local to the dict below
    return project_writer(
        seeds={name: read(REPO / "seeds" / name) for name in SEEDS},
        overlays={f"{SPEC_SLUG}.md": read(REPO / "briefings" / f"{SPEC_SLUG}.md")},
        register=read(REPO / "briefings" / "entities.yml"),
        plugin={"per_page": 2, "min_briefings": 2, **plugin},
        # Its heading, not the nav's "Home", names the home page: a replay must name it the same.
        docs={"index.md": "# Briefings\n\nThe desk's briefings.\n\n<!-- briefings: home -->\n"},
    )


def build_into(config_file: Path, site: str, caplog: pytest.LogCaptureFixture, strict: bool = True) -> tuple[Path, bool]:
    """A real build into `<root>/<site>`; returns the site and whether it replayed the page store."""
    caplog.clear()
    config = load_config(config_file=str(config_file), site_dir=str(config_file.parent / site), strict=strict)
    mkdocs_build(config)
    return Path(config.site_dir), replayed(caplog)


def replayed(caplog: pytest.LogCaptureFixture) -> bool:
    return any(REPLAYED in r.getMessage() for r in caplog.records)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file() and p.name not in EXEMPT}


def assert_identical(a: Path, b: Path) -> None:
    """Every file byte for byte (like tests/site/test_determinism.py), naming the files that differ."""
    fa, fb = files(a), files(b)
    assert sorted(fa) == sorted(fb), f"only in {a.name}: {sorted(set(fa) - set(fb))[:10]}; only in {b.name}: {sorted(set(fb) - set(fa))[:10]}"
    assert [name for name in fa if fa[name] != fb[name]] == []


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_unchanged_rebuild_replays_the_same_site(tmp_path: Path, spec_project: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    config_file = spec_project
    first, reused = build_into(config_file, "site-a", caplog)
    assert not reused
    assert (tmp_path / CACHE / "pages" / INDEX).is_file()
    annotations = sorted((tmp_path / CACHE).glob("*.json"))
    assert annotations, "the first build cached no annotations"
    for path in annotations:  # a replay must not even load the project (nor annotate it)
        path.unlink()
    second, reused = build_into(config_file, "site-b", caplog)
    assert reused
    assert list((tmp_path / CACHE).glob("*.json")) == []
    assert len(files(first)) > 40
    assert_identical(first, second)


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return run


@pytest.mark.parametrize(
    ("change", "page", "shown"),
    [
        (_edit(f"seeds/{OTHER_SEED}", "leaked the recording.", "leaked the recording. A xylophone recital was cancelled."),
         f"briefings/{OTHER_SEED[:-4]}", "xylophone recital"),
        (_edit(f"briefings/{SPEC_SLUG}.md", "title: Zelenskyy dares Putin", "title: Zelenskyy defies Putin"),
         f"briefings/{SPEC_SLUG}", "Zelenskyy defies Putin"),
        (_edit("briefings/entities.yml", "description: President of Russia.", "description: Head of the Kremlin."),
         "people/vladimir-putin", "Head of the Kremlin."),
        (_edit("mkdocs.yml", "per_page: 2", "per_page: 1"), "briefings/page/3", "Briefings, page 3"),
    ],
    ids=["seed", "overlay", "register", "per_page"],
)
def test_a_changed_input_is_rebuilt(
    tmp_path: Path, spec_project: Path, caplog: pytest.LogCaptureFixture, change: Callable[[Path], None], page: str,
    shown: str,
) -> None:
    caplog.set_level(logging.INFO)
    config_file = spec_project
    before, _ = build_into(config_file, "site", caplog)
    assert (tmp_path / CACHE / "pages" / INDEX).is_file()
    assert not (before / page / "index.html").exists() or shown not in html(before, page)
    change(tmp_path)
    after, reused = build_into(config_file, "site", caplog)
    assert not reused
    assert shown in html(after, page)


#: An overlay with a misspelt key: a warning from the project (not from mkdocs), so a replay must repeat it.
TYPO_OVERLAY = "---\nseed: 2020-01-01-a.txt\ntitel: Typo\n---\n"
TYPO_WARNING = "unknown key 'titel'"


def test_project_warnings_are_repeated_when_replaying(
    project_writer: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    config_file = project_writer(seeds={"2020-01-01-a.txt": "Hello.\n"}, overlays={"a.md": TYPO_OVERLAY})
    for attempt, reused in enumerate([False, True]):
        caplog.clear()
        with pytest.raises(Abort):
            mkdocs_build(load_config(config_file=str(config_file), strict=True))
        assert replayed(caplog) is reused, attempt
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert any(TYPO_WARNING in w and "briefings/a.md:3" in w for w in warnings), (attempt, warnings)
    # Without --strict the warning is still shown, and the build succeeds.
    site, reused = build_into(config_file, "site", caplog, strict=False)
    assert reused and (site / "briefings.json").is_file()
    assert any(TYPO_WARNING in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


@pytest.mark.parametrize("backend", ["material", "pagefind"])
def test_forked_page_making_builds_the_in_process_site(
    tmp_path: Path, project_writer: Callable[..., Path], caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch, backend: str,
) -> None:
    """Pages made by forked children build the site made in this process, byte for byte, and so does
    its replay. With Pagefind, the children make the generated pages' search documents too and they go
    to Pagefind ahead of the theme (`pagemaker.Ahead`): the index is the same all the same."""
    if not processes.fork_available():
        pytest.skip("this machine cannot fork (one CPU, or no fork)")
    # Lift the single-thread rule (kept for `mkdocs serve`): a full test run holds the browser tests' idle web server thread.
    monkeypatch.setattr(processes, "can_fork", processes.fork_available)
    caplog.set_level(logging.INFO)
    config_file = _spec_project(project_writer, search_backend=backend)
    here, _ = build_into(config_file, "site-here", caplog)
    shutil.rmtree(tmp_path / CACHE / "pages")

    forks: list[bool] = []
    ahead: list[bool] = []
    make = PageStore.make

    def spy(store: PageStore, *args: object) -> None:
        make(store, *args)  # type: ignore[arg-type]  # passes through whatever the build gave
        forks.append(bool(store._maker._children))
        ahead.append(store._maker._ahead is not None)

    monkeypatch.setattr(PageStore, "make", spy)
    monkeypatch.setattr(pagemaker, "PARALLEL_PAGES", 1)
    forked, reused = build_into(config_file, "site-forked", caplog)
    assert (reused, forks, ahead) == (False, [True], [backend == "pagefind"])
    assert (forked / "pagefind" / "pagefind-entry.json").is_file() is (backend == "pagefind")
    assert_identical(here, forked)
    # ...and the store the child wrote replays to the same site.
    again, reused = build_into(config_file, "site-again", caplog)
    assert (reused, forks) == (True, [True])
    assert_identical(here, again)


def test_pagefind_writes_once_every_document_is_in(
    tmp_path: Path, project_writer: Callable[..., Path], caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the documents made ahead, Pagefind is asked to write its index in the page loop, once the last
    page that may have a document is in (here the children have made every page before mkdocs renders the
    first), not after the build's last page; the site is the one made in this process."""
    if not processes.fork_available():
        pytest.skip("this machine cannot fork (one CPU, or no fork)")
    monkeypatch.setattr(processes, "can_fork", processes.fork_available)
    caplog.set_level(logging.INFO)
    config_file = _spec_project(project_writer, search_backend="pagefind")
    here, _ = build_into(config_file, "site-here", caplog)
    shutil.rmtree(tmp_path / CACHE / "pages")

    asked: list[str] = []
    phase = ["pages"]
    on_nav, on_post_build, start_write = BriefingsPlugin.on_nav, BriefingsPlugin.on_post_build, SearchIntegration.start_write

    def made_first(plugin: BriefingsPlugin, nav: Any, **kwargs: Any) -> Any:
        store = plugin.store
        out = on_nav(plugin, nav, **kwargs)
        assert store is not None
        store.made_all()
        return out

    def post_build(plugin: BriefingsPlugin, **kwargs: Any) -> None:
        phase[0] = "post_build"
        on_post_build(plugin, **kwargs)

    def asking(search: SearchIntegration, site_dir: str) -> None:
        asked.append(phase[0])
        start_write(search, site_dir)

    monkeypatch.setattr(BriefingsPlugin, "on_nav", made_first)
    monkeypatch.setattr(BriefingsPlugin, "on_post_build", post_build)
    monkeypatch.setattr(SearchIntegration, "start_write", asking)
    monkeypatch.setattr(pagemaker, "PARALLEL_PAGES", 1)
    forked, _ = build_into(config_file, "site-forked", caplog)
    assert asked[:1] == ["pages"]
    assert_identical(here, forked)


def test_a_hidden_seed_is_never_an_input(
    tmp_path: Path, project_writer: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    """Hidden files are never seeds (issue 13: `seed: .git/config` published a CI token).

    Editing one leaves the page store valid; an overlay naming one fails the build on its line.
    """
    caplog.set_level(logging.INFO)
    config_file = project_writer(seeds={"a.txt": "Alpha Bravo said the plan works.\n", ".draft.txt": "Secret draft.\n"})
    before, _ = build_into(config_file, "site", caplog)
    assert not (before / "briefings" / "draft").exists() and not (before / "briefings" / "-draft").exists()
    (tmp_path / "seeds" / ".draft.txt").write_text("Charlie Delta said the plan fails.\n", encoding="utf-8")
    _, reused = build_into(config_file, "site", caplog)
    assert reused
    (tmp_path / "briefings" / "draft.md").write_text("---\nseed: .draft.txt\ntitle: Draft\n---\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_into(config_file, "site", caplog)
    assert "briefings/draft.md:2: seed '.draft.txt' is a hidden file" in caplog.text




def test_a_build_gives_the_process_its_collector_settings_back(spec_project: Path, caplog: pytest.LogCaptureFixture) -> None:
    """`mkdocs serve` runs build after build in one process: each puts the collector back (core/collector.py)."""
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        for site in ("site-a", "site-b"):  # made, then replayed from the store
            build_into(spec_project, site, caplog)
            assert gc.get_threshold() == (700, 10, 10)
            assert gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*saved)
