"""What a figure is about: the place (else the organisation) its clause names, not its speaker.

"62% in Sheffield Hallam", "500 homes in Gaza", "Ukraine's 300 soldiers", "7000 employees from
Tesco": the nearest such name in the clause, read with the patterns below.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from .figures_numbers import SMALL, Found
from .model import Entity

_REPORTS_AFTER = re.compile(r"(?:['’]s)?,?\s+(?:(?:has|had|have|also|later|then|now)\s+)?(?:said|says|say|reported|reports|report|"
                            r"announced|announces|estimated|estimates|stated|states|confirmed|confirms|told|tweeted|"
                            r"wrote|added|claimed|claims|counted|recorded|data|figures|statistics|report)\b")
_REPORTS_BEFORE = re.compile(r"(?:according\s+to|citing|cited\s+by|reported\s+by|by)\s+(?:the\s+)?$", re.IGNORECASE)

#: What comes before a place a figure is about: "in Chernihiv", "across the city of Kherson", "in Ukraine's north".
_LOCATIVE = re.compile(r"\b(?:in|at|near|across|throughout|inside|outside|around|within|nationwide in)\s+(?:the\s+)?"
                       r"(?:(?:city|town|village|region|province|state|county|district|capital|port|country)\s+of\s+)?$",
                       re.IGNORECASE)
#: What may come between an organisation and a figure about it: a verb or two before it ("Apple made",
#: "Tesco's"), a preposition after what it counts ("7000 employees from Tesco"); never punctuation.
_ORG_BEFORE = re.compile(r"(?:['’]s)?\s+(?:(?!(?:and|or|but|with|while)\s)[a-z]+\s+){0,2}")
_ORG_AFTER = re.compile(r"[%\s\w'’-]{0,40}?\s(?:from|at|of|in|by|for)\s+(?:the\s+)?")
#: A place named right after a figure (and what it counts): "62% in Sheffield Hallam", "500 homes in Gaza".
_OWN_PLACE = re.compile(r"(?:\s*%)?(?:\s+[a-z][\w'’-]*){0,4}?\s+(?:in|at)\s+(?:the\s+)?(?=[A-Z])")
#: A number right before a name: the name is what that number counts.
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:" + "|".join(w for w in SMALL if SMALL[w] >= 2) + r"|dozen|hundred|thousand|million))\s+$",
                             re.IGNORECASE)
#: A place whose own figure follows it: "Ukraine's 300 soldiers", "Britain's almost four million".
_OWNER = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}")


def figure_about(text: str, f: Found, c_start: int, c_end: int, mentions: Sequence[tuple[int, int, Entity]],
           m_starts: Sequence[int], speaker_span: tuple[int, int]) -> str | None:
    """The nearest place named in the clause (else the nearest organisation), not the speaker themself."""
    lo = bisect_right(m_starts, c_start - 1)
    own = _OWN_PLACE.match(text, f.end, c_end)
    if own:  # "62% in Sheffield Hallam": the figure's own place; if the annotation did not find it, none
        k = bisect_left(m_starts, own.end())
        while k < len(mentions) and m_starts[k] == own.end():
            if mentions[k][2].kind == "place":
                return mentions[k][2].id
            k += 1
        return None
    best: tuple[int, int, str] | None = None
    for k in range(lo, len(mentions)):
        ms, me, ent = mentions[k]
        if ms >= c_end:
            break
        if me > c_end or (ms < f.end and me > f.q_start) or (speaker_span[0] <= ms < speaker_span[1]):
            continue
        if f.end <= ms < f.end + len(f.counts) + 8 and ent.name.split()[-1][:4] in f.counts:
            continue  # what is counted itself ("five Republicans"), not what the figure is about
        if _REPORTS_AFTER.match(text, me, min(len(text), me + 40)) or _REPORTS_BEFORE.search(text, max(0, ms - 20), ms):
            continue  # who gives the figure ("the WHO reported", "according to Reuters"), not what it is about
        distance = f.q_start - me if me <= f.q_start else ms - f.end - len(f.counts)
        if ent.kind != "place" and not (_ORG_BEFORE.fullmatch(text, me, f.q_start) if me <= f.q_start
                                        else _ORG_AFTER.fullmatch(text, f.end, ms)):
            continue  # only an organisation the figure is told of ("Apple made $17.5bn", "7000 staff at Tesco")
        if _COUNTED_BEFORE.search(text, max(0, ms - 20), ms):
            continue  # counted by another number ("231 Democrats and 194 Republicans")
        owner = me <= f.q_start and _OWNER.fullmatch(text, me, f.q_start)
        if ent.kind == "place" and not _LOCATIVE.search(text, max(0, ms - 40), ms) and not owner:
            continue  # a place the clause only mentions ("the column threatening Kyiv") is not where it happened
        rank = (0 if ent.kind == "place" else 1, distance, ent.id)
        if best is None or rank < best:
            best = rank
    return best[2] if best else None
