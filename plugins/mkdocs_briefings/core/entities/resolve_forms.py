"""How companies and teams are written throughout a document (steps of `resolve.py`).

"Amazon.com", "the Tata group", "the Whitbread prize"; "Eton" for the only "Eton Corporation";
a town that is a team once in a sports report is the team wherever it is not plainly the town.
"""

from __future__ import annotations

import re

from .candidate import GAZETTEER, GUESS, ORG, OTHER, PERSON, PLACE, STRONG
from .lexicon import Lexicon
from .resolved import CLUE_CONF, KNOWN_CONF, STRENGTH_CONF, Resolved

_DOMAIN = re.compile(r"\.(?:com|net|org|co\.uk)(?![\w.])")
_PRIZE_AFTER = re.compile(r" (?:prize|prizes|award|awards|trophy)\b")


def company_forms(text: str, mentions: list[Resolved]) -> None:
    """How companies are written around their names: "Amazon.com", "the Tata group", "the Whitbread prize".

    A web domain after a name is part of it (a company); "the X group" names
    the group X (the mention takes the word, so readers see the whole name);
    a company's name before "prize" or "award" names the prize, a work.
    """
    for m in mentions:
        if m.conf >= 1.0 or m.kind == PERSON:
            continue  # the editor's register, and people, stay as they are
        d = _DOMAIN.match(text, m.end)
        if d is not None:
            m.end, m.kind, m.conf = d.end(), ORG, max(m.conf, STRENGTH_CONF[STRONG])
            continue
        if (text.startswith(" group", m.end) and not text[m.end + 6:m.end + 7].isalnum()
                and text[max(0, m.start - 4):m.start].lower() == "the "):
            m.end = m.end + 6
            if m.conf <= STRENGTH_CONF[GUESS]:
                m.kind, m.conf = ORG, CLUE_CONF
            continue
        if m.kind == ORG and _PRIZE_AFTER.match(text, m.end) is not None:
            m.kind = OTHER


def teams_throughout(mentions: list[Resolved]) -> None:
    """A town that is a team once in a sports report is the team wherever it is not plainly the town.

    "Bath faced with ... ultimatum", "warned Bath they have until next week":
    mentions decided on weak evidence follow the team; "in Bath" (strong,
    located) stays the town.
    """
    teams = {m.key for m in mentions if m.sense == "team"}
    if not teams:
        return
    for m in mentions:
        if m.key in teams and not m.sense and m.kind in (PLACE, OTHER) and m.conf < STRENGTH_CONF[GAZETTEER] and not m.shout:
            m.kind, m.sense, m.conf = ORG, "team", CLUE_CONF


#: Endings a company's short name drops ("Eton Corporation" is "Eton").
_LEGAL_ENDINGS = frozenset("Corporation Corp Inc Incorporated Ltd Limited Plc PLC plc Group Holdings Company Co AG SA NV".split())


def short_company_names(mentions: list[Resolved], lex: Lexicon) -> None:
    """A lone word that is the only company of the document named "<word> Corporation" is that company."""
    full: dict[str, str] = {}
    ambiguous: set[str] = set()
    for m in mentions:
        if m.kind == ORG and " " in m.key:
            head, _, tail = m.key.partition(" ")
            if tail in _LEGAL_ENDINGS:
                if full.get(head, m.key) != m.key:
                    ambiguous.add(head)
                full[head] = m.key
    if not full:
        return
    for m in mentions:
        if " " not in m.key and m.key in full and m.key not in ambiguous and m.kind in (ORG, OTHER, PLACE) and m.conf < KNOWN_CONF:
            m.kind, m.key, m.conf = ORG, full[m.key], max(m.conf, CLUE_CONF)
