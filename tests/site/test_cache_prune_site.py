"""The annotation cache is pruned after a complete build, and only then (issue 18).

Real builds of a three-seed project: an edited seed's old entry goes, the
entries the build read stay; a build whose pages came back from the page
store, a dirty build and a failed build remove nothing; a cache reached
through a symbolic link is left alone.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_briefings.core.annotate import engine_version
from mkdocs_briefings.core.cache import used_keys
from mkdocs_briefings.core.project import load_project

SEEDS = {
    f"2020-01-0{d}-story-{d}.txt": f"---\ntitle: Story {d}\n---\nJane Doe met reporters in Paris on day {d}. \"We are ready,\" Doe said.\n"
    for d in (1, 2, 3)
}
OLD = 1_000_000.0
PLANTED = "f" * 64


def _build(config_file: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.INFO):
        mkdocs_build(load_config(config_file=str(config_file), strict=True))
    return [r.getMessage() for r in caplog.records]


def _dirty_build(config_file: Path) -> None:
    """`mkdocs build --dirty`, in its own process: plugins that keep state between builds of one
    process (material's search keeps a dirty build's index) must not carry it into other tests."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty"], cwd=config_file.parent, env=env,
                   check=True, capture_output=True, timeout=600)


def _entries(cache: Path) -> set[str]:
    return {p.name[:-5] for p in cache.glob("*.json")}


def _age(cache: Path) -> None:
    """Make every entry look written long ago (a build in a test follows the last one within a second)."""
    for path in cache.glob("*.json"):
        os.utime(path, (OLD, OLD), follow_symlinks=False)


def _plant(cache: Path) -> Path:
    path = cache / f"{PLANTED}.json"
    path.write_text("{}", encoding="utf-8")
    os.utime(path, (OLD, OLD))
    return path


def _edit(root: Path, day: int = 1) -> None:
    seed = root / "seeds" / f"2020-01-0{day}-story-{day}.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "Doe left on Friday.\n", encoding="utf-8")


@pytest.fixture
def project(project_writer: Callable[..., Path]) -> Path:
    return project_writer(seeds=SEEDS, plugin={"min_briefings": 1})


def _used(root: Path) -> set[str]:
    p = load_project(root)
    return set(used_keys(p.briefings, p.register, engine_version()))


def test_a_complete_build_removes_what_it_did_not_use(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    root, cache = project.parent, project.parent / ".cache" / "briefings"
    _build(project, caplog)
    first = _entries(cache)
    assert first == _used(root) and len(first) == 3
    _age(cache)
    planted = _plant(cache)
    _edit(root)
    log = _build(project, caplog)
    now_used = _used(root)
    assert _entries(cache) == now_used  # the edited seed's old entry and the planted one are gone
    assert len(first & now_used) == 2 and not planted.exists()
    assert any("annotation cache: removed 2 entries no build uses any more" in m for m in log)
    assert (cache / "pages").is_dir()  # the page store is not the annotation cache's to prune


def test_a_replayed_build_removes_nothing(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = project.parent / ".cache" / "briefings"
    _build(project, caplog)
    planted = _plant(cache)
    log = _build(project, caplog)  # inputs unchanged: the pages come back from the page store
    assert any("inputs unchanged since the last build" in m for m in log)
    assert planted.exists()


def test_a_dirty_build_removes_nothing(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    root, cache = project.parent, project.parent / ".cache" / "briefings"
    _build(project, caplog)
    _age(cache)
    planted = _plant(cache)
    _edit(root)
    _dirty_build(project)
    assert planted.exists()
    _edit(root, 2)
    _build(project, caplog)  # the next complete build that reads the inputs prunes
    assert not planted.exists()


def test_a_failed_build_removes_nothing(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    root, cache = project.parent, project.parent / ".cache" / "briefings"
    _build(project, caplog)
    _age(cache)
    planted = _plant(cache)
    (root / "seeds" / "2020-01-09-broken.txt").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    with pytest.raises(Abort):
        _build(project, caplog)
    assert planted.exists() and len(_entries(cache)) == 4


def test_a_cache_reached_through_a_link_is_not_pruned(project: Path, caplog: pytest.LogCaptureFixture, tmp_path_factory) -> None:
    root = project.parent
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (root / ".cache").symlink_to(elsewhere, target_is_directory=True)
    _build(project, caplog)
    cache = elsewhere / "briefings"
    assert len(_entries(cache)) == 3  # the cache works through the link
    _age(cache)
    planted = _plant(cache)
    _edit(root)
    log = _build(project, caplog)
    assert planted.exists() and len(_entries(cache)) == 5
    assert any("not pruned" in m for m in log)
