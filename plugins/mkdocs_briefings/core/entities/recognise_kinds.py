"""The kind a name's own words prove, and how strongly (the last step of `recognise.py`).

A known name, a company, an organisation's or a place's last word, a given name first, a
constituency's compass points, a product's model code: each sets a kind and a strength; what
nothing proves is left to `resolve.py`.
"""

from __future__ import annotations

import re

from .candidate import GAZETTEER, GROUP, GUESS, ORG, OTHER, PERSON, PLACE, PLACE_OF_HEADS, STRONG, Candidate
from .chunks import CONNECTORS, Word
from .lexicon import Lexicon

_PLACE_PREFIX = frozenset("Lake Mount Mt Cape Gulf Isle".split())
_DIGIT = re.compile(r"\d")

#: Function words written with a capital inside a title ("Bold And The Beautiful"), never inside
#: the name of a person, an organisation or a place (those write them in lower case).
_TITLE_FUNCTION_WORDS = frozenset(
    "The A An And Of In On For With My Your Our His Her Its Their To From Is Are Was Be At By Me You It Who What "
    "When Where How Not No All This That".split()
)
#: Letters after a person's name, never a product's model code ("Philippe Sands QC").
_POST_NOMINALS = frozenset("QC KC MP MEP MSP AM OBE MBE CBE KBE DBE VC GC Jr Sr II III IV".split())
_COMPASS = frozenset("North South East West Central".split())

#: First words of place names, never of a person's ("St Pancras", "San Andreas", "Fort Worth").
_PLACE_FIRST = frozenset("St St. Saint San Santa Sao São Los Las Port Fort Lake Mount".split())


def _brand_led(toks: list[str], lex: Lexicon) -> bool:
    """A known company's name, then words that name no body: a product ("IBM Blue Gene")."""
    entry = lex.known.get(toks[0]) or lex.companies.get(toks[0])
    if entry is None or entry.kind != ORG or len(toks) < 3:
        return False
    return not any(t in lex.org_suffixes or t in lex.org_heads or t in lex.places for t in toks[1:])


def _model_code(token: str) -> bool:
    """A product's model code: "DS", "2", "A300s", "X5" (a name word has lower-case letters and no digit)."""
    core = token[:-1] if token.endswith("s") and len(token) > 2 else token
    return (core.isupper() and len(core) <= 3 and core.isalpha()) or (_DIGIT.search(core) is not None and len(core) <= 6)


def org_of(toks: list[Word] | list[str], lex: Lexicon) -> bool:
    """An organisation word followed by "of" or "for" anywhere: "National Union of Students",
    "London School of Economics", "Office for National Statistics"."""
    texts = [t if isinstance(t, str) else t.text for t in toks]
    return any(texts[k + 1] in ("of", "for") and (texts[k] in lex.org_heads or texts[k] in lex.org_suffixes) for k in range(len(texts) - 2))


def _constituency(toks: list[str], lex: Lexicon) -> bool:
    """A place and compass points ("Bristol West", "Surrey South West"): a UK constituency."""
    k = len(toks)
    while k > 0 and toks[k - 1] in _COMPASS:
        k -= 1
    if k == len(toks) or k == 0 or len(toks) - k > 2:
        return False
    head = " ".join(toks[:k])
    if head in lex.places or head.endswith("shire") or (head in lex.known and lex.known[head].kind == PLACE):
        return True
    # "Ealing North", "Newcastle-upon-Tyne Central"; but "Fred West", "Oliver North" are people.
    return k == 1 and head not in lex.first_names and head.lower() not in lex.common_words and head not in lex.known


def _personal(token: str, lex: Lexicon) -> bool:
    """Whether a word of an unknown name may belong to a person's name: no place, no ordinary word."""
    if token in lex.first_names or token in CONNECTORS or (len(token) == 2 and token.endswith(".")):
        return True
    if lex.places.get(token, "city") != "city" or token in lex.known or _DIGIT.search(token) is not None:
        return False  # a country or region: "Air France", "Chicago NAPM" are no people
    if "-" in token and all(p.lower() in lex.common_words and p not in lex.first_names and p not in lex.titles
                            for p in token.split("-")):
        return False  # "Computer-Implemented": ordinary words joined, no name
    return token.lower() not in lex.common_words or token.isupper()


def is_place(name: str, lex: Lexicon) -> bool:
    """Whether a name is a country, region or well-known place."""
    entry = lex.known.get(name)
    return lex.places.get(name, "city") != "city" or (entry is not None and entry.kind == PLACE)


def _demonym(name: str, lex: Lexicon) -> bool:
    """A people's name made from a place's ("Tongan(s)", "Californian", "Nepali", "Puerto Rican"), or a plural kind of people."""
    if name in lex.places:
        return False
    if " " in name:
        stem = name[:-1] if name.endswith("s") else name
        return stem.endswith("an") and (stem[:-1] in lex.places or stem[:-2] + "o" in lex.places)  # "Sri Lankan", "Puerto Rican"
    if name.endswith(("ists", "ians", "ites")) and name[1:].islower():
        return True  # "Egyptologists", "Parliamentarians", "Shiites": kinds of people
    stem = name[:-1] if name.endswith("s") else name
    return (stem.endswith("an") and stem[:-1] in lex.places) or (stem.endswith("i") and stem[:-1] in lex.places)


def common_word(w: str, lex: Lexicon) -> bool:
    """A capitalised ordinary word ("During", "Rescuers") that is no country or known name."""
    if w.lower() not in lex.common_words:
        return False
    return lex.places.get(w, "city") == "city" and w not in lex.known


def classify_name(c: Candidate, name: str, personal: bool, lex: Lexicon) -> None:
    """The kind the name itself proves, and how strongly."""
    known = lex.known.get(name)
    if known is None and name.isupper() and len(name) > 1:
        known = lex.known_folded.get(name.casefold())
    if known is not None and not personal and known.kind != PLACE:
        c.kind, c.strength, c.known = known.kind, STRONG, known  # "Conservatives": a party, not a group
        return
    if name in lex.groups or _demonym(name, lex):
        c.kind, c.strength = GROUP, STRONG
        return
    if personal:
        c.kind, c.strength = PERSON, STRONG
        return
    if known is not None:
        c.kind, c.strength, c.known = known.kind, STRONG, known
        return
    company = lex.companies.get(name)
    if company is not None and lex.places.get(name, "city") == "city":
        c.kind, c.strength, c.known = ORG, STRONG, company  # a listed company; a country stays a place
        return
    toks = name.split(" ")
    first, last = toks[0], toks[-1]
    if "&" in name:
        c.kind, c.strength = ORG, STRONG  # "Douglas & Lomason", "Marks & Spencer"
    elif len(toks) > 1 and last in lex.event_suffixes:
        c.kind, c.strength = OTHER, STRONG
    elif len(toks) > 2 and first in PLACE_OF_HEADS and toks[1] == "of" and first not in ("United", "City"):
        c.kind, c.strength = PLACE, STRONG  # "Republic of Ireland", "Isle of Man", "Gulf of Mexico"
    elif last in lex.org_suffixes or org_of(toks, lex):
        c.kind, c.strength = ORG, STRONG
    elif len(toks) > 1 and _model_code(last) and last not in _POST_NOMINALS:
        c.kind, c.strength = OTHER, GUESS  # "Nintendo DS", "PlayStation 2", "Airbus A300s": a product
    elif len(toks) > 1 and any(t in _TITLE_FUNCTION_WORDS for t in toks[1:]):
        c.kind, c.strength = OTHER, GUESS  # "Bold And The Beautiful", "About A Boy": a title
    elif len(toks) == 1 and name.endswith("shire") and name[0].isupper():
        c.kind, c.strength = PLACE, GAZETTEER  # "Gloucestershire": an English county
    elif len(toks) > 1 and _constituency(toks, lex):
        c.kind, c.strength = PLACE, GAZETTEER  # "Bristol West", "Leeds North West": a constituency
    elif last in lex.place_suffixes or (len(toks) > 1 and first in _PLACE_PREFIX):
        c.kind, c.strength = PLACE, STRONG
    elif name in lex.places:
        c.kind, c.strength = PLACE, GAZETTEER
    elif len(toks) > 1 and _brand_led(toks, lex):
        c.kind, c.strength = OTHER, GUESS  # "IBM Blue Gene", "NEC Earth Simulator": a company's product
    elif len(toks) > 1 and first in _PLACE_FIRST:
        c.kind, c.strength = PLACE, GUESS  # "St Pancras", "San Andreas", "Port Talbot": named like places
    elif len(toks) > 1 and first in lex.first_names:
        c.kind, c.strength = PERSON, GAZETTEER
    elif name.isupper() and _DIGIT.search(name) is not None:
        c.kind, c.strength = OTHER, GUESS  # "COVID-19", "F-16": a thing, not a body
    elif len(toks) > 1 and first[0].isupper() and (len(first) == 1 or (len(first) == 2 and first[1] == ".")):
        c.kind, c.strength = PERSON, GAZETTEER  # "M. Butcher": an initial and a surname
    elif len(toks) > 1 and len(first) > 1 and first.isupper() and "." not in first:
        c.kind, c.strength = ORG, GUESS  # "CITIC Pacific", "OFK Beograd": an acronym leads an organisation's name
    elif (len(toks) > 1 and (first not in lex.places or (lex.places[first] == "city" and last.lower() not in lex.common_words))
          and first.lower() not in lex.common_words
          and all(_personal(t, lex) for t in toks[:-1]) and lex.places.get(last, "city") == "city"):
        c.kind, c.strength = PERSON, GUESS  # "Jansher Khan": the surname may be an ordinary word
    elif len(toks) > 1:
        c.kind, c.strength = ORG, GUESS  # "Real Madrid", "Air France", "Gold Fields"
    elif name.isupper() and len(name) > 1:
        c.kind, c.strength = ORG, GUESS
