"""Hedges: the words around a claim that mark it as unproven.

The rules live in `data/hedges.tsv` (normalised phrase, keyword forms, and
what must come right before the keyword) so the list can grow without code
changes. Hedges are normalised ("allegedly" and "alleges" both give
"alleged") so that a reader, or the claims index, can group claims by how
they were hedged. Matching looks for the keywords only (one prefix-tree
regex) and checks a rule's context only where a keyword was found: far
cheaper than trying every phrase at every position.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from ..patterns import trie_regex

_DATA = Path(__file__).parent / "data" / "hedges.tsv"
#: How far back a rule's context may reach (characters).
_CONTEXT = 60


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], dict[str, list[tuple[str, re.Pattern[str] | None]]]]:
    """The keyword pattern, and for each keyword its rules in file order."""
    by_keyword: dict[str, list[tuple[str, re.Pattern[str] | None]]] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        name, forms = parts[0].strip(), parts[1].split()
        context = re.compile(parts[2].strip(), re.IGNORECASE) if len(parts) > 2 and parts[2].strip() else None
        for form in forms:
            by_keyword.setdefault(form, []).append((name, context))
    keywords = re.compile(r"(?<![\w'\u2019-])(?:" + trie_regex(list(by_keyword)) + r")(?![\w'\u2019-])")
    return keywords, by_keyword


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def hedge_index(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Every hedge within the ranges, as (offset, normalised phrase), in text order.

    Ranges are merged first, so text shared by several claims' scopes is
    scanned once, and text outside every scope is not scanned at all.
    """
    keywords, by_keyword = _rules()
    out: list[tuple[int, str]] = []
    for start, end in _merge(ranges):
        for m in keywords.finditer(text, start, end):
            for name, context in by_keyword[m.group()]:
                if context is None or context.search(text, max(0, m.start() - _CONTEXT), m.start()):
                    out.append((m.start(), name))
                    break
    return out


def hedges_between(index: list[tuple[int, str]], starts: list[int], start: int, end: int) -> tuple[str, ...]:
    """The normalised hedges of `index` (offsets in `starts`) that begin in [start, end), each once."""
    found: list[str] = []
    for i in range(bisect_left(starts, start), bisect_left(starts, end)):
        name = index[i][1]
        if name not in found:
            found.append(name)
    return tuple(found)


def find_hedges(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """The normalised hedges in `text[start:end]`, each once, in order of first appearance."""
    end = len(text) if end is None else end
    index = hedge_index(text, [(start, end)])
    return hedges_between(index, [h[0] for h in index], start, end)
