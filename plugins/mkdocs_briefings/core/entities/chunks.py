"""Finding runs of capitalised words: the raw material of every name.

One compiled regular expression walks the whole text and yields maximal runs
of capitalised tokens, joined by single spaces and name-internal connectors
("Bank of England", "Charles de Gaulle"). Everything later works on these
runs, so the per-character work stays inside the regex engine; the pattern
has no nested ambiguity (connectors are lower case, tokens start upper case),
so it cannot backtrack catastrophically.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

#: Every upper-case letter of the first 8,192 code points (Latin, Greek, Cyrillic...).
_UPPER_CHARS = "".join(c for c in map(chr, range(0x2000)) if c.isupper())
_UP = "[" + re.escape(_UPPER_CHARS) + "]"
_TOKEN = rf"(?:{_UP}\.){{2,}}|{_UP}\w*(?:['\u2019]{_UP}\w*|-(?:{_UP}|\d)\w*|&{_UP}\w*)*"

#: Lower-case words allowed inside a name.
CONNECTORS: frozenset[str] = frozenset(
    "of the de du des del della la le van von der den da di dos das y for and & al bin ibn on upon".split()
)
_CONN = "(?:" + "|".join(sorted((re.escape(c) for c in CONNECTORS), key=len, reverse=True)) + ")"
CHUNK = re.compile(rf"(?<![\w'\u2019\-.]){_TOKEN}(?:\.?[ ](?:{_CONN}[ ])*(?:{_TOKEN}))*")

_WORD = re.compile(r"\S+")
_NEWLINE = re.compile(r"\n")
_NOT_LOWER = re.compile(r"[^a-z]+")
_NOT_UPPER = re.compile(r"[^A-Z]+")

#: Characters skipped when looking back for the start of a sentence.
_OPENERS = frozenset(" \t\"\u201c\u2018'([\u00ab")
_ENDERS = frozenset(".!?\n\r:;-\u2013\u2014|*#>")
_CLOSERS = frozenset("\"\u201d\u2019')]\u00bb")


@dataclass(frozen=True)
class Word:
    """One token of a chunk with its offsets."""

    start: int
    end: int
    text: str


def words(text: str, start: int, end: int) -> list[Word]:
    """The space-separated words of `text[start:end]`."""
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def sentence_initial(text: str, start: int) -> bool:
    """Whether a word at `start` opens a sentence, a line or a quotation.

    A capitalised word there tells us nothing: it may be "The" or "Police".
    """
    j = start - 1
    while j >= 0 and text[j] in _OPENERS:
        if text[j] in "\"\u201c\u2018(" and j == start - 1:
            return True  # a quotation or bracket opens here
        j -= 1
    if j < 0:
        return True
    ch = text[j]
    if ch in _ENDERS:
        return True
    if ch in _CLOSERS:
        return j > 0 and text[j - 1] in ".!?"
    return False


class Lines:
    """Line boundaries of a text, to tell headline lines IN CAPITALS from prose."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self._shouting: dict[int, bool] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        """Start and end of the line holding `pos`."""
        i = bisect_right(self._starts, pos) - 1
        start = self._starts[i]
        end = self._starts[i + 1] - 1 if i + 1 < len(self._starts) else len(self._text)
        return start, end

    def shouting(self, pos: int) -> bool:
        """Whether the line holding `pos` is written mostly in capitals (a headline, a dateline)."""
        start, end = self.bounds(pos)
        cached = self._shouting.get(start)
        if cached is None:
            line = self._text[start:end]
            lower = len(_NOT_LOWER.sub("", line))
            upper = len(_NOT_UPPER.sub("", line))
            cached = upper >= 2 and lower <= upper * 0.25
            self._shouting[start] = cached
        return cached
