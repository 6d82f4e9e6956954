"""Mentions for hand-built entities in table tests: every occurrence of each surface form, in text order."""

from __future__ import annotations

from mkdocs_briefings.core.model import Span


def mentions_of(text: str, surfaces: tuple[str, ...]) -> tuple[Span, ...]:
    """A span at every (non-overlapping) occurrence of each surface form, sorted by start."""
    found = []
    for surface in surfaces:
        start = text.find(surface)
        while start >= 0:
            found.append(Span.of(text, start, start + len(surface)))
            start = text.find(surface, start + len(surface))
    return tuple(sorted(found, key=lambda m: m.start))
