"""Forked computations (core/forked.py): the same result in a child as here, and here whenever the child fails."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import pytest

from mkdocs_briefings.core import corpus, processes
from mkdocs_briefings.core.forked import Forked
from mkdocs_briefings.core.model import Annotation, Briefing


@pytest.fixture(autouse=True)
def _forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork whenever the platform can (a test runner may hold helper threads)."""
    monkeypatch.setattr(processes, "can_fork", processes.fork_available)


def _pid() -> int:
    return os.getpid()


def _raises() -> int:
    raise ValueError("no")


def _unpicklable() -> object:
    return threading.Lock()


needs_fork = pytest.mark.skipif(not processes.fork_available(), reason="needs fork and two cores")


@needs_fork
def test_a_forked_result_comes_from_the_child() -> None:
    assert Forked(_pid, fork=True).result() != os.getpid()


@pytest.mark.parametrize(
    ("fn", "fork", "expected"),
    [
        (lambda: 42, True, 42),
        (lambda: 42, False, 42),
        (lambda: {"a": (1, 2)}, True, {"a": (1, 2)}),
        (_pid, False, os.getpid()),  # not forked: computed here
    ],
)
def test_results(fn: Callable[[], object], fork: bool, expected: object) -> None:
    assert Forked(fn, fork=fork).result() == expected


@needs_fork
def test_a_child_that_raises_is_computed_again_here_and_raises_here() -> None:
    with pytest.raises(ValueError, match="no"):
        Forked(_raises, fork=True).result()


@needs_fork
def test_a_result_that_does_not_pickle_is_computed_here() -> None:
    assert isinstance(Forked(_unpicklable, fork=True).result(), type(threading.Lock()))


@needs_fork
def test_a_child_that_dies_before_sending_is_computed_here() -> None:
    parent = os.getpid()

    def dies_in_a_child() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return 7

    assert Forked(dies_in_a_child, fork=True).result() == 7


@needs_fork
def test_cancel_ends_the_child() -> None:
    job = Forked(lambda: [0] * 10, fork=True)
    child = job._child
    assert child is not None
    job.cancel()
    assert not child.is_alive()
    assert job.result() == [0] * 10  # computed here after a cancel


def _briefing(slug: str, text: str) -> Briefing:
    return Briefing(slug=slug, title=slug, text=text, annotation=Annotation(entities=(), claims=()))


@needs_fork
def test_build_corpus_forked_and_not_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    story = " ".join(f"The council said on Monday that {n} homes were flooded in the north." for n in range(30, 90))
    briefings = [_briefing(f"b{i}", story if i % 3 else f"Another story number {i}. " * 20) for i in range(12)]
    monkeypatch.setattr(corpus, "FORK_BRIEFINGS", 10**9)
    here = corpus.build_corpus(briefings)
    monkeypatch.setattr(corpus, "FORK_BRIEFINGS", 1)
    forked = corpus.build_corpus(briefings)
    assert forked == here
    assert here.duplicates.groups  # the test means something: copies were found, and figures
    assert any(here.figures.values())


@pytest.mark.parametrize("nice", [0, 19])
def test_a_child_runs_at_the_niceness_asked_for(nice: int, monkeypatch: pytest.MonkeyPatch) -> None:
    if not processes.fork_available():
        pytest.skip("this machine cannot fork")
    monkeypatch.setattr(processes, "can_fork", processes.fork_available)
    mine = os.nice(0)
    job = Forked(lambda: (os.getpid(), os.nice(0)), fork=True, nice=nice)
    pid, niceness = job.result()
    assert pid != os.getpid() and niceness == min(19, mine + nice)
    assert os.nice(0) == mine  # this process keeps its own
