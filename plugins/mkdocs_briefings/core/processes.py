"""Child processes: when a build uses them, and how they end with the build that started them.

The fork policy is written here once, for the annotation pool
(`core/annotating.py`) and the page maker (`render/pagemaker.py`): worker
processes only pay on a machine with several cores; fork is fastest
(children inherit the loaded engine and the pages' closures) but is only
safe from a single-threaded process, and `mkdocs serve` runs builds next to
its server threads, so there a pool's workers come from a clean fork server
and the pages are made in this process.

A build killed with `kill -9` (an impatient CI runner, the OOM killer) runs
no clean-up code, so its children must notice on their own: forked pool
workers block forever on a queue whose writing end their siblings still
hold, keep the parent's stdout open (a CI step never ends) and hold memory.
On Linux the kernel sends them SIGKILL when their parent dies
(PR_SET_PDEATHSIG); elsewhere a daemon thread watches the parent's pid.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from multiprocessing.context import BaseContext

try:
    import fcntl
except ImportError:  # Windows: its pipes keep their size
    fcntl = None  # type: ignore[assignment]  # the module or None; callers check

#: prctl option: the signal this process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1
#: How often the watchdog (platforms without prctl) checks that the parent is alive.
WATCH_SECONDS = 1.0


def widen_pipe(fd: int, size: int) -> None:
    """Make the pipe behind `fd` hold `size` bytes where the system lets it (Linux: up to 1 MiB
    unprivileged); else it keeps its size (64 KiB on Linux), and its writer waits sooner."""
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setsize is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, setsize, size)


def fork_available() -> bool:
    """Whether forking could pay here at all: several cores, and a platform that forks."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def can_fork() -> bool:
    """Whether to fork now: it could pay, and this process is single-threaded (not `mkdocs serve`)."""
    return fork_available() and threading.active_count() == 1


def worker_context() -> tuple[BaseContext, int | None] | None:
    """How to start pool workers, and the pid they are forked from (to end with it); None on one core."""
    if (os.cpu_count() or 1) < 2:
        return None
    if can_fork():
        return multiprocessing.get_context("fork"), os.getpid()
    methods = multiprocessing.get_all_start_methods()
    # The workers' parent is then the fork server, which ends with this process.
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn"), None


def die_with_parent(parent: int | None = None) -> None:
    """Make this process end when its parent does.

    `parent` is the pid the caller forked from, if known: if the parent died
    before the request was made (the kernel would never signal), this
    process exits at once.
    """
    if not _pdeathsig():
        watched = os.getppid()
        threading.Thread(target=_watch, args=(watched,), name="die-with-parent", daemon=True).start()
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _pdeathsig() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def alive(pid: int) -> bool:
    """Whether a process with this pid exists on this machine (a zombie counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except OSError:
        return True
