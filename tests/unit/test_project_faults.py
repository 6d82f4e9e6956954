"""Annotation under faults: a killed build leaves no process behind and keeps what it finished.

The kill test runs a real `load_project` in a child Python (its engine slowed
down by a sleep per text, so that there is time to kill it mid-run), kills
it with SIGKILL once its pool workers are busy, and looks at what is left:
no worker may outlive it, and the texts it finished must be in the cache.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from projectfiles import write_project

from mkdocs_briefings.core import annotating
from mkdocs_briefings.core.processes import alive
from mkdocs_briefings.core.project import load_project

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
SEEDS = {f"seed-{i:03d}.txt": f"Ada Lovelace number {i} said the engine worked.\n" for i in range(48)}


def _cached(cache_dir: Path) -> int:
    return len(list(cache_dir.glob("*.json"))) if cache_dir.is_dir() else 0


def test_results_are_cached_as_they_arrive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_project(tmp_path, dict(list(SEEDS.items())[:5]))
    cache_dir = root / ".cache" / "briefings"
    monkeypatch.setattr(annotating, "PROGRESS_EVERY", 1)
    seen: list[tuple[str, int]] = []
    load_project(root, cache_dir=cache_dir, progress=lambda m: seen.append((m, _cached(cache_dir))))
    during = [(m, n) for m, n in seen if " of " in m]
    assert during == [(f"annotated {k} of 5 seeds", k) for k in range(1, 5)]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            found.update(int(c) for c in (task / "children").read_text().split())
    return found


DRIVER = """
import sys, time
from mkdocs_briefings.core import annotating, project

engine = annotating._annotate_job

def slow(job):
    time.sleep(0.3)
    return engine(job)

annotating._annotate_job = slow
project.load_project(sys.argv[1], cache_dir=sys.argv[2])
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir() or (os.cpu_count() or 1) < 2, reason="needs Linux /proc and 2 cores")
def test_kill_9_leaves_no_worker_and_keeps_finished_work(tmp_path: Path) -> None:
    root = write_project(tmp_path, SEEDS)
    cache_dir = root / ".cache" / "briefings"
    env = {**os.environ, "PYTHONPATH": f"{PLUGINS}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(DRIVER), str(root), str(cache_dir)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 2:
            workers = _children(child.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the pool never started"
        # 48 texts of 0.3 s on two workers, in chunks of 6: kill once the first results are kept
        # (before the fix nothing was kept until the last text was done).
        while time.monotonic() < deadline and child.poll() is None and _cached(cache_dir) == 0:
            time.sleep(0.02)
        workers |= _children(child.pid)
        # Still annotating: the first results were kept while the workers ran (before the fix
        # they were kept only after the pool had finished and its workers had ended).
        assert _cached(cache_dir) >= 1 and all(alive(w) for w in workers), "nothing was kept during the run"
        child.send_signal(signal.SIGKILL)
        child.wait()
        kept = _cached(cache_dir)
        assert kept < len(SEEDS), "the run finished before the kill"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(alive(w) for w in workers):
            time.sleep(0.05)
        assert not [w for w in workers if alive(w)], "pool workers outlived their killed parent"
        assert kept >= 1  # what finished before the kill was kept
    finally:  # whatever happened, leave no process of this test behind
        if child.poll() is None:
            workers |= _children(child.pid)
            child.kill()
            child.wait()
        for w in workers:
            if alive(w):
                os.kill(w, signal.SIGKILL)
