"""The garbage collector during a build: rarer collections, and the corpus kept out of them.

A build allocates millions of small objects that live until it ends (the
annotations, the corpus, the page specs): with Python's default thresholds
(a young collection every 700 allocations) the collector ran about 1,800
times in the main process of a cold BBC build and walked the corpus on every
older collection, over a second of a 16 s build. So a build raises the
young threshold, and once the corpus is built moves everything alive into
the permanent generation (`gc.freeze`, which also spares forked children
the copy-on-write of the objects a collection would touch). Reference
counting still frees everything that is not in a cycle at once; cycles are
still collected, just in larger batches.

The settings are the process's, and `mkdocs serve` runs many builds in one:
`end` puts them back and returns the frozen objects to the collector, after
every build, failed ones too.

A `mkdocs build` process ends right after its build: freeing the corpus and
the site's pages object by object as the interpreter exits took 0.3-0.7 s
of a cold BBC build on one core. `leave` hands them to the operating system
instead, which takes the process's memory back at once (only for a build
that ends the process: never under `mkdocs serve`, nor in a process that
goes on, such as the test suite's).
"""

from __future__ import annotations

import gc
from typing import Any

#: What `leave` keeps from being freed one by one at exit: a list that holds itself, in the
#: permanent generation, so that neither reference counting nor the collector ever frees it.
_LEFT: list[Any] = []

#: Allocations between young collections during a build (Python's default is 700), and the
#: young and middle collections between older ones (default 10 and 10).
BUILD_THRESHOLDS = (20_000, 50, 100)


class BuildCollector:
    """Collector settings for one build: `start`, `keep` once the long-lived data is built, `end`."""

    def __init__(self) -> None:
        self._saved: tuple[int, int, int] | None = None
        self._frozen = False

    def start(self) -> None:
        """Rarer collections from now on (the previous settings are restored by `end`)."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            gc.set_threshold(*BUILD_THRESHOLDS)

    def keep(self) -> None:
        """Everything alive now lives until the build ends: no collection walks it again."""
        gc.freeze()
        self._frozen = True

    def end(self) -> None:
        """The process's own settings again; the frozen objects collectable again."""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None


def leave(*objects: Any) -> None:
    """Leave `objects` (and all they hold) to the operating system: the process ends now, and they are
    never freed one by one. Every file they hold must be closed already (nothing is flushed for them)."""
    if not _LEFT:
        _LEFT.append(_LEFT)
    _LEFT.extend(objects)
    gc.freeze()
