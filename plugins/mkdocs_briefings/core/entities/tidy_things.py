"""Names guessed to be a person's that name a thing (see `tidy.py`).

A country or a known body ("Iraq", "CIA"), a name ending in a thing's word ("Northern Arapaho
Tribe"), a town and a plural ("Charlotte Hornets"), people of a place ("New Yorkers"), or a
name with a verb glued to it ("Modi Announced").
"""

from __future__ import annotations

from .candidate import PERSON, PLACE
from .lexicon import Lexicon
from .tidy_words import all_ordinary, ordinary_word

#: Things' last words that are nobody's surname: after a given name too they end a thing's name
#: ("NASA's James Webb Telescope", "Marvel Universe"); "Show", "Parish" or "Nation" may be a
#: surname ("Terry Nation"), and end a thing's name after a given name only after "the"
#: ("the Wyatt Family", "the Doris Day Show").
_NEVER_SURNAMES: frozenset[str] = frozenset(
    "Telescope Universe Tribe Tribes Olympiad Linux Wars Comics Headquarters Facility Commissioners Doctors "
    "License Licence Construction Aviation Publicity Market".split()
)


def thing_kind(words: list[str], lex: Lexicon, strict: bool = False, after_the: bool = False) -> str:
    """The kind of a name guessed to be a person that names a thing: a country or region, a known
    body or place ("Iraq", "CIA"), or a name ending in a thing's word ("Northern Arapaho Tribe");
    "" when nothing says so or a given name starts it ("Jordan", "Bill Show"; not "Marvel Comics",
    "Florida Highway Patrol": a word or a place first is no given name). `strict` for a name judged
    by its short forms (an entity keyed "John Peel Show" whose mentions say "Peel"): any given name first."""
    first = words[0]
    never_surname = len(words) > 1 and (words[-1] in _NEVER_SURNAMES or (after_the and len(words) == 2))
    if first in lex.first_names and not never_surname and (
            strict or (first.lower() not in lex.common_words and first not in lex.places)) and (
            strict or len(words) < 3 or not (after_the or len(words) >= 4) or not all_ordinary(words[-2:-1], lex)):
        return ""  # but "the Doris Day Show", "James Webb Space Telescope": a word before the thing's word
    name = " ".join(words)
    known = lex.known.get(name)
    if known is not None and known.kind != PERSON:
        return known.kind
    if lex.places.get(name) in ("country", "region") or (len(words) > 1 and name in lex.places):
        return PLACE  # "Iraq"; "New York", "Los Angeles": no given name first
    return lex.thing_heads.get(words[-1], "") if len(words) > 1 else ""


def country_first(words: list[str], lex: Lexicon) -> bool:
    """A person's name that is a country ("Captain | America") or a country and an ordinary word
    ("America First"): a character or a slogan, nobody's name (no given name first)."""
    known = lex.known.get(words[0])
    if known is not None and known.kind == PLACE:
        pass  # "America", a known name of the United States, though also a given name
    elif lex.places.get(words[0]) != "country" or words[0] in lex.first_names:
        return False
    return len(words) == 1 or (len(words) == 2 and ordinary_word(words[1], lex))


def place_team(words: list[str], lex: Lexicon) -> bool:
    """A town's name and a plural word or an acronym ("Charlotte Hornets", "Kamloops RCMP"): a team or
    a body of the town, not a person ("Tyra Banks": no town first)."""
    if len(words) != 2 or words[0] not in lex.places:
        return False
    last = words[1]
    if last.isupper() and len(last) >= 3 and last.isalpha():
        return True
    low = last.lower()
    return low.endswith("s") and not low.endswith("ss") and low[:-1] in lex.common_words and last not in lex.first_names


def demonym(words: list[str], lex: Lexicon) -> bool:
    """People of a place named after it ("Hong Kongers", "New Yorkers"): a group, not a person."""
    last = words[-1]
    return any(last.endswith(end) and " ".join([*words[:-1], last[:-len(end)]]) in lex.places for end in ("ers", "er"))


def glued_verb(words: list[str], lex: Lexicon) -> bool:
    """Whether a name of two or more words ends in a verb's past form written with a capital
    ("Modi Announced", "Johnson Confirmed"): an ordinary word in "-ed" whose stem is a word too, so
    that "Reed", "Ahmed" or "Kindred" stay surnames."""
    last = words[-1]
    low = last.lower()
    if len(words) < 2 or len(low) < 6 or not low.endswith("ed") or last in lex.first_names:
        return False
    return low in lex.common_words and (low[:-1] in lex.common_words or low[:-2] in lex.common_words or (
        low[-3] == low[-4] and low[:-3] in lex.common_words))
