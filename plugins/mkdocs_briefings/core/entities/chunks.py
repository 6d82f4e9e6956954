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
from typing import NamedTuple

#: Every upper-case letter of the first 8,192 code points (Latin, Greek, Cyrillic...).
_UPPER_CHARS = "".join(c for c in map(chr, range(0x2000)) if c.isupper())
_UP = "[" + re.escape(_UPPER_CHARS) + "]"
_TOKEN_REST = rf"(?:\.(?:{_UP}\.)+|\w*(?:['\u2019]{_UP}\w*|-(?:[a-z]{{1,5}}-)?(?:{_UP}|\d)\w*|&{_UP}\w*)*)"
_TOKEN = _UP + _TOKEN_REST

#: Lower-case words allowed inside a name.
CONNECTORS: frozenset[str] = frozenset(
    "of the de du des del della la le van von der den da di dos das y for and & al bin ibn on upon in".split()
)
_CONN = "(?:" + "|".join(sorted((re.escape(c) for c in CONNECTORS), key=len, reverse=True)) + ")"
# The first character class comes first so that the regex engine can skip ahead to
# capitals quickly; the look-behind (after it) rejects "pro-Russian", "U.S"-internal capitals.
# The most frequent capitalised words of all ("The", "He", "It", "But"...) are never
# names and are rejected right after their capital, so they cost no Python work.
_END = r"(?![\w.'\u2019\-])"
_FUNCTION_WORD = (
    rf"(?!(?<=T)(?:he|hey|his|here|hat|hese|hose){_END}|(?<=[HWM])e{_END}|(?<=S)he{_END}|(?<=I)[tfn]?{_END}"
    rf"|(?<=B)ut{_END}|(?<=A)(?:nd|s|n)?{_END}|(?<=O)n{_END})"
)
#: Lower-case particles glued to the next name word: "Ziad al-Sharabi", "Cote d'Ivoire".
_GLUED = r"(?:al|el|ad|ash|as|at|ul|bin|ibn|abu|d|l)['\u2019\-]"
CHUNK = re.compile(
    rf"{_UP}(?<![\w'\u2019\-.].){_FUNCTION_WORD}{_TOKEN_REST}(?:\.?[ ](?:{_CONN}[ ])*(?:{_GLUED})?(?:{_TOKEN}))*"
)

_WORD = re.compile(r"\S+")
_NOT_LOWER = re.compile(r"[^a-z]+")
_NOT_UPPER = re.compile(r"[^A-Z]+")

#: Characters skipped when looking back for the start of a sentence.
_OPENERS = frozenset(" \t\"\u201c\u2018'([\u00ab")
_ENDERS = frozenset(".!?\n\r:;-\u2013\u2014|*#>")
_CLOSERS = frozenset("\"\u201d\u2019')]\u00bb")


class Word(NamedTuple):
    """One token of a chunk with its offsets (a named tuple: made by the thousand, cheaply)."""

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
    """Tells headline lines IN CAPITALS from prose, looking only near a position."""

    def __init__(self, text: str) -> None:
        self._text = text

    def shouting(self, pos: int, end: int) -> bool:
        """Whether the line around `text[pos:end]` is written mostly in capitals (a headline, a dateline).

        Only the 80 characters on either side within the same line are looked
        at, so a long paragraph costs no more than a short one.
        """
        text = self._text
        left = text.rfind("\n", max(0, pos - 80), pos) + 1 or max(0, pos - 80)
        right = text.find("\n", end, end + 80)
        if right < 0:
            right = min(len(text), end + 80)
        window = text[left:right]
        lower = len(_NOT_LOWER.sub("", window))
        upper = len(_NOT_UPPER.sub("", window))
        return upper >= 2 and lower <= upper * 0.25
