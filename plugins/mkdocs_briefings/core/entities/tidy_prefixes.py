"""What is written before a person's name without being part of it (see `tidy.py`).

An office before "of" ("Governor of Tyumen Oblast"), a place or an office before a given name
("Hong Kong Carrie Lam", "National Intelligence John Ratcliffe"), and a given name with a place
word that is also a surname ("Tom Hall said").
"""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .resolved import Resolved
from .tidy_words import PARTICLES

_SAID = (" said", " says", " told", " added")
#: Lower-case words before a person's name that are not in the lexicon's role nouns.
_PERSON_NOUNS = frozenset(("nominee", "rapper", "singer", "actor", "actress", "author", "writer", "wife", "husband"))
#: Offices named before "of" that are no body themselves ("Office of President" names nothing).
_OFFICE_HEADS = frozenset(("Office", "Post", "Role", "Position", "Rank", "Title"))
#: Words that make a leading title part of a body's name ("Secretary of State", "Head of State").
_OF_STATE = frozenset(("State", "States", "Staff", "Government", "Public"))


def office_of(words: list[str], lex: Lexicon) -> int | None:
    """Index of the name after "<office> of (the)", when the words before "of" are only an office."""
    if "of" not in words[1:-1]:
        return None
    i = words.index("of")
    head = words[:i]
    if head[-1] in _OFFICE_HEADS and len(head) == 1:
        rest = [w for w in words[i + 1:] if w != "the"]
        return len(words) if all(w in lex.titles for w in rest) else None
    if head[-1] not in lex.titles or not all(w in lex.titles or w.lower() in lex.common_words for w in head):
        return None
    if words[i + 1] in _OF_STATE:
        return None
    j = i + 2 if words[i + 1] == "the" else i + 1
    if all(w in lex.titles for w in words[j:]):
        return len(words)
    return j


def place_prefix(words: list[str], lex: Lexicon, after_of: bool = False) -> int:
    """How many first words name a country or region before a person's full name ("Scotland | Nicola
    Sturgeon", "Prime Minister of India | Narendra Modi"); 0 when the first word is also a given name
    ("Georgia May ...") unless an office "of" comes before ("Chief Executive of Hong Kong Carrie Lam")."""
    for i in (1, 2):
        if len(words) - i < 2 or (words[0] in lex.first_names and not after_of):
            return 0
        if lex.places.get(" ".join(words[:i])) in ("country", "region") and words[i].lower() not in PARTICLES:
            return i
    return 0


def before_given_name(words: list[str], lex: Lexicon) -> int:
    """Where a person's name starts after a place or an office ("India | Narendra Modi",
    "National Intelligence | John Ratcliffe"); 0 when it starts at the first word."""
    if len(words) < 3 or words[0] in lex.first_names:
        return 0
    for i in range(1, len(words) - 1):
        if words[i] in lex.first_names and words[i + 1][:1].isupper():
            if words[i].lower() in PARTICLES or words[-1] in lex.titles:
                return 0
            prefix = words[:i]
            joined = " ".join(prefix)
            if lex.places.get(joined) in ("country", "region") or (len(prefix) >= 2 and all(
                    w.lower() in lex.common_words and w not in lex.honorifics and w.lower() not in lex.function_words
                    for w in prefix)):
                return i
            return 0
    return 0


def personal_place(text: str, m: Resolved, words: list[str], lex: Lexicon) -> bool:
    """A given name and a place word that is also a surname, used of a person ("Tom Hall said",
    "nominee Darrell Castle"), or a name no gazetteer knows after a word for a person ("rapper Kanye
    West"); "the Albert Hall" stays a place."""
    if 2 <= len(words) <= 3 and " ".join(words) not in lex.places and words[-1] not in lex.place_suffixes:
        before = text[max(0, m.start - 30):m.start].split()
        return bool(before) and before[-1] in _PERSON_NOUNS
    if len(words) == 3 and words[2] in _SURNAME_SUFFIXES and " ".join(words) not in lex.places and (
            words[0] in lex.titles or (words[0] not in lex.places and words[1] in lex.first_names
                                       and words[1] not in lex.places)):
        before = text[max(0, m.start - 12):m.start].split()
        return not (before and before[-1].lower() == "the")  # "Judge Durham Hall QC", "Tynice Nichole Hall"
    if len(words) != 2 or words[1] not in lex.place_suffixes:
        return False
    first = words[0]
    if first not in lex.first_names or first in lex.places:
        return False
    if text.startswith(_SAID, m.end):
        return True
    before = text[max(0, m.start - 30):m.start].split()
    if before and before[-1].lower() == "the":
        return False  # "the Albert Hall was packed"
    if _PERSON_NEXT.match(text, m.end) is not None:
        return True  # "Darrell Castle for president", "Nichole Hall was convicted"
    return bool(before) and (before[-1] in lex.role_nouns or before[-1] in _PERSON_NOUNS or before[-1] in lex.titles)


#: Words after a name that say a person: an office run for, a relative clause of a person, a
#: passive of what is done to people.
_PERSON_NEXT = re.compile(r"(?: for (?:president|vice[ -]president|governor|senator|mayor)\b|,? who\b"
                          r"| (?:was|is|has been) (?:convicted|sentenced|arrested|charged|born|elected|appointed)\b)")

#: Place words that are common surnames too ("Tom Hall", "Darrell Castle").
_SURNAME_SUFFIXES: frozenset[str] = frozenset("Hall Castle Hill Wood Field Ford Brook Park".split())
