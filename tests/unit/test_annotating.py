"""Annotating a project's briefings as they are planned: worker processes, their failures, the fallbacks.

Every case builds a real project and compares what `load_project` made
with the engine run on each briefing's text in this process: wherever an
annotation was made (a worker, this process, the cache), it must be the
same, every briefing must have one, and a text that makes the engine fail
costs only its own briefing.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from projectfiles import write_project

from mkdocs_briefings.core import annotating, processes
from mkdocs_briefings.core.annotate import annotate
from mkdocs_briefings.core.diagnostics import BriefingsError
from mkdocs_briefings.core.model import Annotation, RegisterEntry
from mkdocs_briefings.core.project import check_project, load_project

POOL = annotating.PARALLEL_THRESHOLD + 9  # enough uncached texts for the workers (and a last, smaller chunk)
FEW = 5  # too few: annotated in this process
MAIN = os.getpid()


@pytest.fixture(autouse=True)
def _forking_as_in_a_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the workers a build forks: a full test run keeps idle threads (the browser
    tests' web server), which would make `can_fork` refuse and the workers come from a fork server, where
    the engines patched in here do not reach."""
    monkeypatch.setattr(processes, "can_fork", processes.fork_available)


def _seeds(count: int) -> dict[str, str]:
    """Seeds whose names sort in another order than they are read in (sub-folders come last)."""
    names = [f"s{i:03d}.txt" if i % 3 else f"zz/a{i:03d}.txt" for i in range(count)]
    return {name: f"Ada Lovelace number {i} met Charles Babbage in London, the BBC said." for i, name in enumerate(names)}


def _annotations(root: Path) -> dict[str, Annotation]:
    project = load_project(root, cache_dir=root / ".cache")
    return {b.slug: b.annotation for b in project.briefings}


@pytest.mark.parametrize("count", [FEW, POOL, 3 * POOL])
@pytest.mark.parametrize("overlay", [False, True])
def test_every_briefing_gets_the_annotation_the_engine_makes(tmp_path: Path, count: int, overlay: bool) -> None:
    seeds = _seeds(count)
    overlays = {"joined.md": "---\nseeds: [s001.txt, zz/a003.txt]\nentities:\n  ignore: [London]\n---\n"} if overlay else {}
    root = write_project(tmp_path, seeds, overlays)
    made = _annotations(root)
    assert made == {slug: annotate(text, (), ignore) for slug, text, ignore in _texts(root)}
    assert len(made) == count - (1 if overlay else 0)
    again = load_project(root, cache_dir=root / ".cache")  # every one of them was cached
    assert {b.slug: b.annotation for b in again.briefings} == made


def _texts(root: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """Each briefing's slug, text and ignore list as built (the cache off)."""
    return [(b.slug, b.text, b.ignore) for b in load_project(root).briefings]


def test_the_same_text_twice_is_annotated_once(tmp_path: Path) -> None:
    seeds = _seeds(POOL)
    seeds["copy.txt"] = seeds["s001.txt"]
    root = write_project(tmp_path, seeds)
    project = load_project(root, cache_dir=root / ".cache")
    by_slug = {b.slug: b for b in project.briefings}
    assert by_slug["copy"].annotation == by_slug["s001"].annotation == annotate(seeds["s001.txt"])
    assert len(list((root / ".cache").glob("*.json"))) == POOL  # one entry for both copies


def _fails_on_boom(original: Callable[..., Annotation]) -> Callable[..., Annotation]:
    def engine(text: str, register: tuple[RegisterEntry, ...] = (), ignore: tuple[str, ...] = ()) -> Annotation:
        if "BOOM" in text:
            raise ValueError("the engine tripped")
        return original(text, register, ignore)
    return engine


def _dies_in_a_worker(original: Callable[..., Annotation]) -> Callable[..., Annotation]:
    def engine(text: str, register: tuple[RegisterEntry, ...] = (), ignore: tuple[str, ...] = ()) -> Annotation:
        if "BOOM" in text and os.getpid() != MAIN:
            os._exit(1)  # a worker lost mid-run (the OOM killer): the pool breaks
        return original(text, register, ignore)
    return engine


class _NoProcesses:
    """A pool the platform refuses (a sandbox without semaphores)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")


def _no_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(annotating, "ProcessPoolExecutor", _NoProcesses)


def _one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(processes, "worker_context", lambda: None)


def _nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pass


@pytest.mark.parametrize("count", [FEW, POOL])
@pytest.mark.parametrize("platform", [_nothing, _no_pool, _one_core], ids=["processes", "refused", "one-core"])
def test_an_engine_failure_costs_its_briefing_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int, platform: Callable[[pytest.MonkeyPatch], None]
) -> None:
    seeds = _seeds(count)
    seeds["s002.txt"] = "BOOM said Ada Lovelace."
    root = write_project(tmp_path, seeds)
    expected = {slug: annotate(text) for slug, text, _ in _texts(root) if slug != "s002"}
    monkeypatch.setattr(annotating, "annotate", _fails_on_boom(annotate))
    platform(monkeypatch)
    project = load_project(root, cache_dir=root / ".cache")
    assert {b.slug: b.annotation for b in project.briefings} == expected
    failed = [d for d in project.diagnostics if "annotation engine failed" in d.message]
    assert [(d.path, d.severity) for d in failed] == [("seeds/s002.txt", "warning")]
    assert "ValueError: the engine tripped" in failed[0].message


@pytest.mark.skipif(not processes.fork_available(), reason="needs fork and two cores")
def test_a_lost_worker_leaves_the_rest_to_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _seeds(3 * POOL)
    seeds["s050.txt"] = "BOOM said Ada Lovelace."  # sent to a worker, which dies on it
    root = write_project(tmp_path, seeds)
    expected = {slug: annotate(text) for slug, text, _ in _texts(root)}
    monkeypatch.setattr(annotating, "annotate", _dies_in_a_worker(annotate))
    project = load_project(root, cache_dir=root / ".cache")
    assert {b.slug: b.annotation for b in project.briefings} == expected
    assert not [d for d in project.diagnostics if "annotation engine failed" in d.message]
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("count", [FEW, POOL])
def test_an_error_among_the_seeds_stops_the_workers(tmp_path: Path, count: int) -> None:
    overlays = {"bad.md": "---\nseed: missing.txt\n---\n"}  # an error, found while the seeds are read
    root = write_project(tmp_path, _seeds(count), overlays)
    with pytest.raises(BriefingsError, match=r"missing\.txt"):
        load_project(root, cache_dir=root / ".cache")
    assert multiprocessing.active_children() == []
    project, problems = check_project(root, cache_dir=root / ".cache")  # `briefings check` goes on
    assert len(project.briefings) == count and [p.path for p in problems if p.is_error] == ["briefings/bad.md"]


@pytest.mark.parametrize("count", [FEW, POOL])
def test_progress_counts_the_seeds_not_the_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    monkeypatch.setattr(annotating, "PROGRESS_EVERY", 10)
    seeds = _seeds(count)
    seeds["copy.txt"] = seeds["s001.txt"]  # annotated once, counted as two seeds
    root = write_project(tmp_path, seeds)
    messages: list[str] = []
    load_project(root, cache_dir=root / ".cache", progress=messages.append)
    total = count + 1
    steps = [f"annotated {n} of {total} seeds" for n in range(10, total, 10)]
    assert messages == [f"annotating {total} seeds (0 from cache)", *steps, f"annotated {total} seeds, 0 from cache"]


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2,
                    reason="needs a fork server and two cores")
def test_workers_from_a_fork_server_make_the_same_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` has threads: its workers come from a fork server, and nothing is annotated before they start."""
    root = write_project(tmp_path, _seeds(POOL))
    expected = {slug: annotate(text, (), ignore) for slug, text, ignore in _texts(root)}
    monkeypatch.setattr(processes, "worker_context", lambda: (multiprocessing.get_context("forkserver"), None))
    assert _annotations(root) == expected
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("count", [FEW, POOL])
def test_a_site_build_caches_its_annotations_once_annotation_is_over(tmp_path: Path, count: int,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`cache_later`: the cache is written after annotation (a forked, low-priority child from POOL texts up),
    complete once `cache_writes.wait()` returns; what it holds is what the engine made."""
    root = write_project(tmp_path, _seeds(count))
    project = load_project(root, cache_dir=root / ".cache", cache_later=True)
    assert project.cache_writes is not None
    assert project.cache_writes.wait() is None
    assert len(list((root / ".cache").glob("*.json"))) == count
    again = load_project(root, cache_dir=root / ".cache", cache_later=True)
    assert again.cache_writes is None  # every text came from the cache
    assert {b.slug: b.annotation for b in again.briefings} == {b.slug: b.annotation for b in project.briefings}


def test_a_cache_that_cannot_be_written_later_is_one_warning(tmp_path: Path, full_disk: Path) -> None:
    """A full cache disk: annotation goes on, and waiting for the writes says so once."""
    root = write_project(tmp_path, _seeds(POOL))
    project = load_project(root, cache_dir=full_disk / "briefings", cache_later=True)
    assert project.cache_writes is not None
    problem = project.cache_writes.wait()
    assert problem is not None and problem.transient and "annotation cache cannot be used" in problem.message
    assert len(project.briefings) == POOL
