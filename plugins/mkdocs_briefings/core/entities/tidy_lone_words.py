"""One-word names the rest of the document explains (the second pass of `tidy.py`).

A town's name that is a surname of someone named in full is that person; a word the text uses
as a place is a place; an ordinary word, a species' name or a body's kind alone is shown but
never linked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import LINK_CONFIDENCE
from .candidate import ORG, PERSON, PLACE
from .lexicon import Lexicon
from .resolved import CLUE_CONF, Resolved
from .tidy_words import LINKED, REGISTER, WEAK, ordinary_word, person_title

_PLACE_WORDS = frozenset(("in", "at", "from", "near", "to", "into", "outside", "inside", "of", "across", "via"))


def lone_words(text: str, mentions: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """One-word names the rest of the document explains.

    A town's name that is also the surname of a person named in full is that person ("Barack Obama
    ... after Obama was elected"), unless a place word comes before it ("in Obama"); a town's name that
    is a given name next to another given name is a person ("his children Elizabeth and Susan"); a
    town's name or a person's that is an ordinary word ("Vote Gold", "Central European Time", "Week")
    is shown but never linked, unless a person's title comes before it ("President Bush"); so is a
    body named by its kind alone ("Commission", "University").
    """
    surnames: dict[str, str] = {}
    for m in mentions:
        if m.kind == PERSON and " " in m.key:
            last = m.key.rsplit(" ", 1)[1]
            surnames[last] = m.key if surnames.get(last, m.key) == m.key else ""
    placed = _placed(text, mentions, lex)
    out: list[Resolved] = []
    for m in mentions:
        key = m.key
        if " " in key or m.kind not in LINKED or m.conf < LINK_CONFIDENCE or m.conf >= REGISTER:
            out.append(m)
            continue
        if m.kind == PERSON and key in placed and key not in surnames and key not in lex.first_names:
            out.append(replace(m, kind=PLACE, role=""))  # "received his PhD in Melbourne ... leading Melbourne"
            continue
        if m.role:
            if m.kind == PERSON and ordinary_word(key, lex) and not person_title(m.role, lex):
                m = replace(m, conf=WEAK)  # "Health Care", "Speaker of the House", "Energy Forum"
            out.append(m)
            continue
        if m.kind == PLACE and _binomial(text, m.end, lex):
            m = replace(m, conf=WEAK)  # "Homo sapiens", "(Emerita talpoida)": a species, not the town
        elif m.kind == PLACE and lex.places.get(key) == "city" and not _after_place_word(text, m.start):
            full = surnames.get(key)
            if full:
                m = replace(m, kind=PERSON, key=full)
            elif key in lex.first_names and _beside_given_name(text, m, lex):
                m = replace(m, kind=PERSON, conf=WEAK)
            elif key.lower() in lex.common_words or (key in lex.first_names and key not in placed):
                m = replace(m, conf=WEAK)  # "Vote Gold"; "his wife Mary said" where no text places "Mary"
            elif text.startswith(_POLL_AFTER, m.end) and key not in placed:
                m = replace(m, kind=ORG, conf=CLUE_CONF)  # "a Gallup poll": the pollster, not the town
            elif text.startswith(" administration", m.end) and key not in placed:
                m = replace(m, conf=WEAK)  # "the Obama administration": a president's, not the Japanese town
        elif m.kind == PERSON and ordinary_word(key, lex):
            m = replace(m, conf=WEAK)
        elif m.kind == ORG and (key in lex.org_suffixes or key in lex.org_heads) and key not in lex.known:
            m = replace(m, conf=WEAK)  # "the Commission", "University": which one, the text says elsewhere
        elif m.kind == ORG and key not in lex.known and key not in lex.companies and ordinary_word(key, lex) and (
                _label(text, m.end) or m.conf < _GUESS):
            m = replace(m, conf=WEAK)  # "Round 4", "the French Chess websites": a word, guessed a body
        out.append(m)
    return out


_POLL_AFTER = (" poll", " Poll", " survey", " Survey")
_IN_PLACE = frozenset(("in", "at", "near", "outside", "inside", "across", "via", "of", "from", "to"))
_BESIDE_PLACE = re.compile(r", ([A-Z][\w.]*(?: [A-Z][\w.]*)?)")
_PLACE_BEFORE = re.compile(r"([A-Z][\w.]*), $")


def _placed(text: str, mentions: list[Resolved], lex: Lexicon) -> frozenset[str]:
    """One-word gazetteer names the text uses as places somewhere: after a place word ("in
    Melbourne"), or beside another place with a comma ("Charlotte, North Carolina", "Maine, Mary")."""
    out: set[str] = set()
    for m in mentions:
        key = m.key
        if " " in key or key in out or key not in lex.places:
            continue
        before = text[max(0, m.start - 12):m.start].split()
        if before and before[-1].lower() in _IN_PLACE:
            out.add(key)
            continue
        after = _BESIDE_PLACE.match(text, m.end)
        if after and (after.group(1) in lex.places or after.group(1).split()[0] in lex.places):
            out.add(key)
            continue
        prev = _PLACE_BEFORE.search(text[max(0, m.start - 30):m.start])
        if prev and prev.group(1) in lex.places and prev.group(1) not in lex.first_names:
            out.add(key)
    return frozenset(out)


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def _binomial(text: str, end: int, lex: Lexicon) -> bool:
    """Whether a lower-case word no dictionary holds follows: a species' name ("Homo sapiens")."""
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and len(nxt.group(1)) >= 4 and nxt.group(1) not in lex.common_words and (
        nxt.group(1) not in lex.function_words)


_GUESS = 0.7  # below this a body's kind came from a word around the name, not from the name
_LABEL = re.compile(r" (?:\d+|[A-Z])\b(?![.'\w])")


def _label(text: str, end: int) -> bool:
    """Whether a number or a lone capital letter follows: the word is a label ("Round 4", "Group D")."""
    return _LABEL.match(text, end) is not None


def _after_place_word(text: str, start: int) -> bool:
    """Whether a place preposition comes just before `start` ("in Obama", "near Gold")."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in _PLACE_WORDS


_GIVEN_BESIDE = re.compile(r"(?:,| and| or) ([A-Z][a-z]+)\b")
_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]+)(?:,| and| or) $")


def _beside_given_name(text: str, m: Resolved, lex: Lexicon) -> bool:
    """Whether a given name that is no place is listed next to the mention ("Wyatt and Zachary")."""
    after = _GIVEN_BESIDE.match(text, m.end)
    if after and after.group(1) in lex.first_names and after.group(1) not in lex.places:
        return True
    before = _GIVEN_BEFORE.search(text[max(0, m.start - 30):m.start])
    return before is not None and before.group(1) in lex.first_names and before.group(1) not in lex.places
