"""The fork policy (core/processes.py), written once for the annotation pool and the page maker."""

from __future__ import annotations

import multiprocessing
import os
import threading

import pytest

from mkdocs_briefings.core import processes


@pytest.mark.parametrize(
    ("cores", "methods", "threads", "fork", "pool"),
    [
        (1, ["fork", "forkserver", "spawn"], 1, False, None),  # one core: no worker pays
        (2, ["fork", "forkserver", "spawn"], 1, True, "fork"),  # workers inherit the loaded engine
        (2, ["fork", "forkserver", "spawn"], 3, False, "forkserver"),  # `mkdocs serve`: its threads are never forked
        (2, ["spawn"], 1, False, "spawn"),  # no fork on this platform
        (8, ["fork", "spawn"], 2, False, "spawn"),
    ],
)
def test_fork_policy(monkeypatch: pytest.MonkeyPatch, cores: int, methods: list[str], threads: int, fork: bool,
                     pool: str | None) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: methods)
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: method)  # the method asked for, not a context
    assert processes.can_fork() is fork
    chosen = processes.worker_context()
    if pool is None:
        assert chosen is None
    else:
        assert chosen is not None
        context, parent = chosen
        # Forked workers end with this process's pid; a fork server's end with the server, which ends with us.
        assert (context, parent) == (pool, os.getpid() if pool == "fork" else None)
