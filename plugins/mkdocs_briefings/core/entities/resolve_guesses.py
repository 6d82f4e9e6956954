"""The kind of an undecided name from the words around its mentions (a step of `resolve.py`).

"in Crimea" makes a place, "champion Agassi" or "b Muralitharan" a person, "shares in Elan" an
organisation, "the film X" a work, "said Seagate" a source; a name without any clue gets a
default kind with the lowest confidence.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .candidate import GAZETTEER, GUESS, ORG, OTHER, PERSON, PLACE, STRONG, Candidate
from .context import is_sport, org_clue, title_clue, work_clue
from .lexicon import Lexicon
from .resolved import CLUE_CONF, NO_EVIDENCE_CONF, SOURCE_CONF, WEAK_CLUE_CONF

#: Words after which an undecided name is a place ("in Crimea", "from Kherson").
_PLACE_PREPOSITIONS = frozenset(
    "in at from near to into across outside inside towards toward via throughout around "
    "through between beyond within".split()
)
#: A lone name after or before these is a source of a statement ("said Seagate", "Hotseat said").
_SPEECH_BEFORE = frozenset(("said", "says", "told", "according"))
_SPEECH_AFTER = (" said", " says", " told", " announced", " added", " confirmed")
#: Words after which a lone name is a person: cricket's "c" (caught) and "b" (bowled).
_PERSON_BEFORE = frozenset(("b", "c", "st", "lbw"))
#: Bowling figures after a name: "Muralitharan 10-0-41-2".
_FIGURES = re.compile(r" \d+-\d+-\d+-\d+")
_SOURCE = "source"
_GIVEN = "given"


def guess_kinds(text: str, cands: list[Candidate], lex: Lexicon, default_kind: str,
             form_kind: dict[str, tuple[str, int]]) -> dict[str, tuple[str, float]]:
    """The kind of each undecided name, from the words around all of its mentions.

    Undecided are lone words nothing in the run proves, and longer runs whose
    kind is only guessed from their shape ("Twin Peaks", "Real Madrid").
    One mention after "in" makes a word a place, one after a role noun
    ("champion Agassi") or a cricket score line ("b Muralitharan") a person,
    "shares in X" or "X's chief executive" an organisation, "the film X" or
    quotation marks a work (kind "other"), for every mention of the name.
    Without any clue a lone word is `default_kind`, a guessed run keeps its
    guess; both with the lowest confidence.
    """
    clues: dict[str, dict[str, int]] = defaultdict(dict)
    guessed_kind: dict[str, str] = {}
    sport: bool | None = None
    for c in cands:
        if c.known is not None:
            continue
        if c.kind is None:
            guessed_kind.setdefault(c.name, _default_kind(c.name, lex, default_kind))
        elif (c.kind == PERSON and c.strength == GUESS and " " in c.name and org_clue(text, c.start, c.end, personal=True)
              and not _before_person_noun(text, c.end)):
            # "team Deportivo Coruna", "shares in Hutchison Whampoa": no given name, an organisation's context.
            clues[c.name][ORG] = clues[c.name].get(ORG, 0) + 1
            guessed_kind.setdefault(c.name, PERSON)
            continue
        elif c.kind == PERSON and c.strength in (GUESS, GAZETTEER) and " " in c.name:
            # "Harry Potter", "James Bond": a name that looks personal may be a title; only a work clue says so.
            if title_clue(text, c.start, c.end) and form_kind.get(c.name.casefold(), ("", 0))[1] < STRONG:
                clues[c.name][OTHER] = clues[c.name].get(OTHER, 0) + 1
                guessed_kind.setdefault(c.name, PERSON)
            continue
        elif c.strength == GUESS and c.kind in (ORG, PERSON, OTHER):
            if c.name not in guessed_kind:
                if sport is None:
                    sport = is_sport(text)
                guessed_kind[c.name] = (ORG if sport or _acronym_led(c.name) else default_kind) if c.kind == ORG else c.kind
        else:
            continue
        votes = clues[c.name]
        kind = _clue(text, c, lex)
        if kind is not None:
            votes[kind] = votes.get(kind, 0) + (2 if kind == _SOURCE else 1)  # "said X" outweighs "from X"
    out: dict[str, tuple[str, float]] = {}
    for name, v in clues.items():
        if not v:
            out[name] = (guessed_kind[name], NO_EVIDENCE_CONF)
            continue
        kind = max(sorted(v), key=lambda k: v[k])
        if kind == _SOURCE:
            out[name] = (ORG, SOURCE_CONF)
        elif kind in (PLACE, _GIVEN):
            out[name] = (PLACE if kind == PLACE else PERSON, WEAK_CLUE_CONF)  # "in X", a given name alone: shown, not linked
        else:
            out[name] = (kind, CLUE_CONF)
    return out


def _default_kind(name: str, lex: Lexicon, default_kind: str) -> str:
    """The kind of a lone word nothing around it explains.

    An acronym ("CBI", "LIFFE") is mostly a body; a given name alone ("Lucy")
    a person; anything else is `default_kind`.
    """
    if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
        return ORG
    if name in lex.first_names and name.lower() not in lex.common_words:
        return PERSON
    return default_kind


_LOWER_NEXT = re.compile(r" [a-z]")
_DATE_AFTER = re.compile(r" \d{4}-\d\d-\d\d| \d{1,2} [A-Z][a-z]+ \d{4}")


def is_located(text: str, start: int, end: int) -> bool:
    """Whether a town is named as a place: "in Leeds", "The Oval, London", a dateline "LONDON 1996-08-30"."""
    before_word = _previous_word(text, start)
    if before_word in _PLACE_PREPOSITIONS or before_word == "of":
        return True  # "in Leeds", "Espanyol of Barcelona"
    if before_word == "the" and _LOWER_NEXT.match(text, end) is not None:
        return True  # "the Moscow club", "the Berlin grand prix": the town as an adjective
    before = text[max(0, start - 3):start].rstrip(" ")
    return before.endswith((",", "(")) or _DATE_AFTER.match(text, end) is not None


_PERSON_NOUN_AFTER = re.compile(r"(?:['\u2019]s)? (?:wife|husband|son|daughter|mother|father|brother|sister|family)\b")


def _before_person_noun(text: str, end: int) -> bool:
    """Whether a name is followed by what only people have ("'s wife", " said he")."""
    return _PERSON_NOUN_AFTER.match(text[end:end + 20]) is not None


def team_place(name: str, lex: Lexicon) -> bool:
    """A town, city or county, which sports teams are named after (countries' teams are not)."""
    return lex.places.get(name) in ("city", "region") or (name.endswith("shire") and " " not in name)


def _acronym_led(name: str) -> bool:
    """"CITIC Pacific", "OFK Beograd": an acronym leads the name of an organisation."""
    first = name.split(" ", 1)[0]
    return len(first) > 1 and first.isupper() and first.isalpha()


def _clue(text: str, c: Candidate, lex: Lexicon) -> str | None:
    """The kind the words around one mention point to, if any."""
    if org_clue(text, c.start, c.end):
        return ORG
    if work_clue(text, c.start, c.end):
        return OTHER
    if c.kind is not None:  # a guessed run: only a company, a work or a source clue overrides its shape
        before = _previous_word(text, c.start)
        return _SOURCE if before in _SPEECH_BEFORE or text.startswith(_SPEECH_AFTER, c.end) else None
    if c.name in lex.first_names and c.name not in lex.places and c.name.lower() not in lex.common_words:
        return _GIVEN  # "speak to Tommy": a given name is a person whatever the preposition
    before = _previous_word(text, c.start)
    if before == "the":
        before = "the " + _previous_word(text, c.start - 4) if c.start >= 4 else before
        if before[4:] in _PLACE_PREPOSITIONS:
            return PLACE  # "at the Bernabeu"
    if before in _SPEECH_BEFORE or text.startswith(_SPEECH_AFTER, c.end):
        return _SOURCE  # "said Seagate", "Hotseat said": a source; a person would have been named in full
    if before in _PLACE_PREPOSITIONS:
        return PLACE
    if before in lex.role_nouns or before in _PERSON_BEFORE or _FIGURES.match(text, c.end):
        return PERSON
    return None


def _previous_word(text: str, start: int) -> str:
    """The lower-cased word before `start`, looking back a few characters only."""
    before = text[max(0, start - 16):start].split()
    return before[-1].lower() if before else ""
