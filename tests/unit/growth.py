"""Measuring how a cost grows with its input: time ratios, not absolute times.

A test of "no input costs more than linear time" runs the same work on an
input and on one FACTOR times larger, and asserts that the time grew by less
than LIMIT (quadratic growth would give FACTOR**2). Each size is timed as the
best of a few runs, so a busy machine inflates neither side much, and a small
allowance keeps timer noise on very fast work from deciding the outcome.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

FACTOR = 4
#: 4x the input may cost at most 8x the time: linear with room for noise, well under quadratic's 16x.
LIMIT = 8.0
#: Seconds of timer and scheduling noise forgiven on top of the ratio.
NOISE = 0.02


def best_time(work: Callable[[T], object], arg: T, repeats: int = 3) -> float:
    """The fastest of `repeats` runs of work(arg), in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work(arg)
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(work: Callable[[T], object], make: Callable[[int], T], n: int, repeats: int = 3) -> None:
    """work(make(FACTOR * n)) costs less than LIMIT times work(make(n))."""
    small, large = make(n), make(FACTOR * n)
    t_small = best_time(work, small, repeats)
    t_large = best_time(work, large, repeats)
    assert t_large <= LIMIT * t_small + NOISE, (
        f"{FACTOR}x the input took {t_large / max(t_small, 1e-9):.1f}x the time "
        f"({t_small:.3f}s -> {t_large:.3f}s): super-linear"
    )
