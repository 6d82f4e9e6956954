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
"""

from __future__ import annotations

import gc

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
