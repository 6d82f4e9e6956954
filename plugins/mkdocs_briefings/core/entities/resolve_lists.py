"""Undecided names in a list take the kind the list's decided names share (a step of `resolve.py`)."""

from __future__ import annotations

import itertools
import re

from .candidate import GAZETTEER, GUESS, ORG, PERSON, PLACE, STRONG
from .resolved import CLUE_CONF, STRENGTH_CONF, Resolved

_SEP = r"(?:, | and |, and | & | or |, or )"
#: What may stand between two names of one list: a separator, or ordinary capitalised words between separators
#: ("Bournemouth East, Wells, Canterbury": "Wells" is also a word, so recognition left it out).
_LIST_GAP = re.compile(rf"{_SEP}(?:[A-Z][a-z]+{_SEP}){{0,2}}")
_GAP_WORD = re.compile(r"[A-Z][a-z]+")


def kinds_from_lists(text: str, mentions: list[Resolved]) -> list[Resolved]:
    """Undecided names in a list take the kind the list's decided names share.

    "Modern Garments, TW Garments, Lesotho Hats and Vogue Landmark": names
    joined by commas and "and" are things of one kind; when at least two of
    them are decided on real evidence and agree, the undecided rest follow
    ("Cardiff Central, Cambridge, Manchester Gorton": constituencies), and so
    do capitalised words between them that recognition took for ordinary
    words ("Wells"). An "and" inside the list, not before its last item, joins
    one name ("Bristol West, Holborn and St Pancras, Wells"), and so does a
    last "and" between two names nothing else decides ("..., Westmorland and Lonsdale").
    """
    ms = sorted((m for m in mentions if not m.shout and m.conf > 0.0), key=lambda m: (m.start, -m.end))
    joined: dict[int, Resolved] = {}  # id of a mention folded into another -> the name it joined
    added: list[Resolved] = []
    run: list[Resolved] = []
    for m in ms:
        if run and _LIST_GAP.fullmatch(text, run[-1].end, m.start) is not None:
            run.append(m)
            continue
        added.extend(_settle_list(text, run, joined))
        run = [m]
    added.extend(_settle_list(text, run, joined))
    if not joined and not added:
        return mentions
    return [m for m in mentions if id(m) not in joined] + added


def _settle_list(text: str, run: list[Resolved], joined: dict[int, Resolved]) -> list[Resolved]:
    """Settle one list's undecided names; the mentions of words between its names, if any."""
    if len(run) < 3:
        return []
    decided = [m.kind for m in run if m.conf >= STRENGTH_CONF[GAZETTEER] and m.kind in (PERSON, ORG, PLACE)]
    if len(decided) < 2 or any(k != decided[0] for k in decided):
        return []
    kind = decided[0]
    gaps = [text[a.end:b.start] for a, b in itertools.pairwise(run)]
    for i, gap in enumerate(gaps):
        a, b = run[i], run[i + 1]
        strong_other = any(x.kind != PLACE and x.conf >= STRENGTH_CONF[STRONG] for x in (a, b))
        inside = i + 1 < len(gaps) and gaps[i + 1].startswith(",")  # "..., Holborn and St Pancras, ..."
        undecided = a.conf <= STRENGTH_CONF[GUESS] and b.conf <= STRENGTH_CONF[GUESS]  # "..., Westmorland and Lonsdale."
        if gap == " and " and (inside or undecided) and kind == PLACE and id(a) not in joined and not strong_other:
            name = text[a.start:b.end]  # "Holborn and St Pancras"
            a.end, a.key, a.name, a.role, a.kind = b.end, name, name, "", PLACE
            a.conf = min(a.conf, b.conf)
            joined[id(b)] = a
    for m in run:
        if m.conf <= STRENGTH_CONF[GUESS] and id(m) not in joined:  # no evidence, or a guess from the name's shape
            m.kind, m.conf = kind, CLUE_CONF
    added = []
    for a, b in itertools.pairwise(run):
        for w in _GAP_WORD.finditer(text, a.end, b.start):
            added.append(Resolved(w.start(), w.end(), kind, w.group(), "", w.group(), conf=CLUE_CONF))
    return added
