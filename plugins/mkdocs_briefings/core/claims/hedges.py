"""Hedges: the words around a claim that mark it as unproven.

The phrases live in `data/hedges.tsv` (normalised phrase, then a regular
expression) so the list can grow without code changes. They are normalised
("allegedly" and "alleges" both give "alleged") so that a reader, or the
claims index, can group claims by how they were hedged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "hedges.tsv"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """One alternation with a group per hedge, so a scope is scanned once."""
    names: list[str] = []
    parts: list[str] = []
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, pattern = line.partition("\t")
        names.append(name.strip())
        parts.append(f"(?P<h{len(parts)}>{pattern.strip()})")
    return tuple(names), re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


def find_hedges(text: str, start: int, end: int) -> tuple[str, ...]:
    """The normalised hedges in `text[start:end]`, each once, in order of first appearance."""
    names, pattern = _patterns()
    found: list[str] = []
    for m in pattern.finditer(text, start, end):
        name = names[int(m.lastgroup[1:])] if m.lastgroup else ""
        if name and name not in found:
            found.append(name)
    return tuple(found)


def hedge_index(text: str) -> list[tuple[int, str]]:
    """Every hedge in the text as (offset, normalised phrase): one scan serves all claims."""
    names, pattern = _patterns()
    return [(m.start(), names[int(m.lastgroup[1:])]) for m in pattern.finditer(text) if m.lastgroup]


def hedges_between(index: list[tuple[int, str]], starts: list[int], start: int, end: int) -> tuple[str, ...]:
    """The normalised hedges of `index` (offsets in `starts`) that begin in [start, end), each once."""
    found: list[str] = []
    for i in range(bisect_left(starts, start), bisect_left(starts, end)):
        name = index[i][1]
        if name not in found:
            found.append(name)
    return tuple(found)
