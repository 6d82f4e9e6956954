"""Numbers as written: digits and spelt-out numbers, their values, multipliers and qualifiers.

The patterns `figures.py` matches a number with ("$17.5bn", "15.1%", "two million", "a dozen"),
what each is worth (17.5bn is 17,500,000,000), and the one canonical wording of each qualifier
("over" and "more than" are both "more than").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

#: Characters either side of a number that decide whether it is a figure (bounds the work per number).
WINDOW = 60

#: Each canonical qualifier and the wordings that mean it (longest are tried first).
QUALIFIERS: Mapping[str, tuple[str, ...]] = {
    "at least": ("at least", "no fewer than", "no less than", "a minimum of"),
    "more than": ("more than", "over", "above", "in excess of", "upwards of", "just over", "well over",
                  "more then", "exceeding", "higher than", "greater than", "larger than", "bigger than"),
    "nearly": ("nearly", "almost", "close to", "just under", "approaching", "just shy of"),
    "about": ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "circa",
              "an approximate", "approx."),
    "up to": ("up to", "as many as", "as much as", "at most", "no more than", "a maximum of", "a maximum"),
    "fewer than": ("fewer than", "less than", "under", "below", "lower than", "smaller than"),
}
_QUALIFIER_OF = {w: k for k, ws in QUALIFIERS.items() for w in ws}
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(" + "|".join(re.escape(w) for w in sorted(_QUALIFIER_OF, key=len, reverse=True))
    + r")\s+(?:an?\s+)?$", re.IGNORECASE)

MULTIPLIERS: Mapping[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
CURRENCY = r"(?:US|A|AU|C|CA|NZ|HK|S)?[$£€¥₹]"
_PERCENT = r"(?:\s?%|\s(?:per\s?cent|percent)\b)"
DIGITS = re.compile(
    r"(?P<cur>" + CURRENCY + r")?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<mult>(?:\s(?:hundred|thousand|million|billion|trillion)|(?:bn|mn|mln|tn|trn|m|k|b))(?![\w$£€%]))?"
    r"(?P<pct>" + _PERCENT + r")?",
)

SMALL = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n >= 2}
_WORDNUM = (r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(w for w in SMALL if 2 <= SMALL[w] < 10) + r"))?"
            r"|" + "|".join(sorted((w for w in SMALL if SMALL[w] >= 2), key=len, reverse=True)) + r"|a\sdozen)")
_SCALE = r"\s(?:hundred|thousand|million|billion|trillion)"
WORDS = re.compile(
    r"\b(?:(?P<num>" + _WORDNUM + r")(?P<mult>" + _SCALE + r")?|(?P<anum>a|one|half\sa)(?P<amult>" + _SCALE + r"))"
    r"(?P<pct>" + _PERCENT + r")?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """A number read as a figure, before its source and what it is about are known (offsets in the text)."""

    start: int
    end: int
    q_start: int
    value: float
    unit: str
    qualifier: str
    counts: str


def qualifier_before(text: str, start: int, s: int) -> tuple[str, int]:
    """The canonical qualifier just before `start`, and where its words begin (or "", start)."""
    before = text[max(s, start - 30):start]
    m = _QUALIFIER_RE.search(before)
    if not m:
        return "", start
    return _QUALIFIER_OF[m.group(1).lower()], start - len(before) + m.start(1)


def spelt_value(num: str) -> float:
    """The value of a spelt-out number as matched ("twenty-five", "a dozen", "half a")."""
    if num == "a dozen":
        return 12.0
    if num == "half a":
        return 0.5
    if num in ("a", "one"):
        return 1.0
    total = 0
    for part in re.split(r"[-\s]", num):
        total += SMALL.get(part, TENS.get(part, 0))
    return float(total)
