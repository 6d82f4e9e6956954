"""A claim while it is being found: offsets only, resolved and numbered at the end.

Every extraction step returns drafts; only `assemble` turns them into the
model's immutable `Claim`s, once speakers can be resolved in text order.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

#: A range of the text, (start, end).
Range = tuple[int, int]
#: A sentence, as (paragraph index, sentence index within the paragraph).
SentenceKey = tuple[int, int]


@dataclass
class Draft:
    """A claim being assembled (mutable: a later quotation may extend its content)."""

    kind: str
    content: Range
    cue: Range | None
    speaker: Range | None
    sentence: SentenceKey


def inside(ranges: list[Range], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted ranges (touching the end counts)."""
    i = bisect_right(ranges, (start, 1 << 62)) - 1
    for j in range(i, max(i - 16, -1), -1):  # claims nest shallowly: a few steps back suffice
        a, b = ranges[j]
        if a <= start and end <= b + 1:
            return True
    return False


def covered(ranges: list[Range], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted ranges, not merely touching its end."""
    i = bisect_right(ranges, (start, 1 << 62)) - 1
    for j in range(i, max(i - 16, -1), -1):
        a, b = ranges[j]
        if a <= start and end <= b:
            return True
    return False
