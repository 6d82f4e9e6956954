"""The build's garbage-collector settings (core/collector.py): raised for a build, the process's own after it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from mkdocs_briefings.core.collector import BUILD_THRESHOLDS, BuildCollector


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*saved)


@pytest.mark.parametrize(
    ("steps", "threshold", "frozen"),
    [
        ((), None, False),
        (("start",), BUILD_THRESHOLDS, False),
        (("start", "keep"), BUILD_THRESHOLDS, True),
        (("start", "keep", "end"), None, False),
        (("start", "start", "end"), None, False),  # a second start does not save the build's own settings
        (("end",), None, False),  # a build that failed before it started
        (("keep", "end"), None, False),
    ],
)
def test_steps(steps: tuple[str, ...], threshold: tuple[int, int, int] | None, frozen: bool) -> None:
    gc.set_threshold(700, 10, 10)
    collector = BuildCollector()
    for step in steps:
        getattr(collector, step)()
    assert gc.get_threshold() == (threshold or (700, 10, 10))
    assert (gc.get_freeze_count() > 0) is frozen
