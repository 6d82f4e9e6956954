"""The build's garbage-collector settings (core/collector.py): raised for a build, the process's own after it."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mkdocs_briefings.core import collector
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


@pytest.mark.parametrize("left", [False, True])
def test_what_is_left_is_never_freed_one_by_one(left: bool) -> None:
    """`leave` at the end of a `mkdocs build` process: what it holds is not freed as the process exits
    (no finaliser runs), and the process exits as it would have."""
    driver = (
        "import sys\n"
        "from mkdocs_briefings.core.collector import leave\n"
        "class Held:\n"
        "    def __del__(self):\n"
        "        print('freed', flush=True)\n"
        "held = [Held(), {'corpus': [Held()]}]\n"
        f"if {left}:\n"
        "    leave(held)\n"
        "del held\n"
        "print('end', flush=True)\n"
        "sys.exit(3)\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{Path(collector.__file__).parents[2]}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run([sys.executable, "-c", driver], env=env, capture_output=True, text=True)
    assert done.returncode == 3
    assert done.stdout.split() == (["end"] if left else ["freed", "freed", "end"])
