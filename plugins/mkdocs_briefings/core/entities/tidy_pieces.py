"""Names of two words or more that are a piece of a longer name or an idea (the last pass of `tidy.py`).

A piece of a hyphenated word ("Export-|Import Bank"), a name cut before "of" ("Rock & Roll Hall |
of Fame"), a kind of place ("Congressional District"), a practice or a policy ("Universal Basic
Income"), a label ("Group D"): shown, never linked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import LINK_CONFIDENCE
from .candidate import ORG, OTHER, PLACE
from .lexicon import Lexicon
from .resolved import Resolved
from .tidy_words import LINKED, REGISTER, WEAK, all_ordinary, is_adjective, ordinary_word

_HYPHENS = ("-", "\u2013")  # a hyphen, or an en dash as in "Export\u2013Import"
_ABSTRACT = ("tion", "sion", "ment", "ness", "ity", "ism", "ancy", "ency")


def pieces(text: str, mentions: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """Names of two or more words shown but not linked: a piece of a hyphenated word at either end
    ("Organisation for Economic Co|-operation", "Export-|Import Bank"), or a body's name of ordinary
    words that ends in an abstract noun ("Female Genital Mutilation", "Continuous Integration"): a
    practice or an idea, not a body, unless the lexicon knows it."""
    out: list[Resolved] = []
    for m in mentions:
        if " " in m.key and m.kind in LINKED and LINK_CONFIDENCE <= m.conf < REGISTER and (
            _hyphen_piece(text, m.start, m.end)
            or (m.kind == PLACE and _generic_place(m.key.split(), lex))
            or (m.kind == ORG and (_idea(m.key.split(), lex) or _cut_before_of(text, m, lex) or _lettered(m.key.split(), lex)))
        ):
            m = replace(m, conf=WEAK)
        out.append(m)
    return out


def _cut_before_of(text: str, m: Resolved, lex: Lexicon) -> bool:
    """A body's name cut before "of <Name>" that does not end in a body's word ("Rock & Roll Hall |
    of Fame"): a piece of a longer name; "University | of Washington" is cut elsewhere."""
    last = m.key.rsplit(" ", 1)[-1]
    if last in lex.org_suffixes or last in lex.org_heads or m.key in lex.known or m.key in lex.companies:
        return False
    return text.endswith(m.key, 0, m.end) and _RUNS_ON.match(text, m.end) is not None


_ADJECTIVE = ("ial", "nal", "ral", "tal", "cal", "ous", "ic", "ive")  # not "Seal Island"


def _generic_place(words: list[str], lex: Lexicon) -> bool:
    """A kind of place, not a place: ordinary words after an adjective ("Autonomous Region",
    "Congressional District", "Central Business District"), or ordinary words or an adjective before
    a word for a kind of site ("Air Force Base", "Town Hall"; an adjective only before "Island":
    "Hawaiian Island"), unless the
    gazetteer knows the name."""
    name = " ".join(words)
    if name in lex.places or name in lex.known or not all(w[:1].isupper() for w in words):
        return False
    modifiers = words[:-1]
    if words[-1] in _SITE_WORDS and modifiers and all(all_ordinary([w], lex) or is_adjective(w) for w in modifiers):
        return True  # "Air Force Base", "Town Hall"
    if words[-1] == "Island" and modifiers and all(is_adjective(w) or w.endswith("ian") for w in modifiers):
        return True  # "Hawaiian Island"; "Seal Island", a noun first, may be an island's name
    if len(words[0]) < 6 or not words[0].lower().endswith(_ADJECTIVE):
        return False
    return all_ordinary(words, lex)


#: Words for kinds of sites that ordinary words before them do not make a place's name.
_SITE_WORDS: frozenset[str] = frozenset("Base Hall District Prefecture".split())


def _lettered(words: list[str], lex: Lexicon) -> bool:
    """An ordinary word and a letter ("Group D", "Plan B"): a label, not a body."""
    return len(words) == 2 and len(words[1]) == 1 and words[1].isupper() and ordinary_word(words[0], lex)


def _hyphen_piece(text: str, start: int, end: int) -> bool:
    """Whether a hyphen joins the span to a letter outside it ("Co|-operation", "Export-|Import")."""
    if text.startswith(_HYPHENS, end) and end + 1 < len(text) and text[end + 1].isalpha():
        return True
    return start >= 2 and text[start - 1] in _HYPHENS and text[start - 2].isalpha()


def _idea(words: list[str], lex: Lexicon) -> bool:
    """Ordinary words, adjectives or a country only, the last an abstract noun or a policy's word and no body's
    word ("Female Genital Mutilation", "Transcranial Magnetic Stimulation", "Universal Basic Income";
    "Project Management" is a body's word), or a body's name ending in a thing's word ("Red Hat
    Enterprise Linux")."""
    last = words[-1]
    name = " ".join(words)
    if name in lex.known or name in lex.companies:
        return False
    if lex.thing_heads.get(last) == OTHER:
        return True
    if not (last.lower().endswith(_ABSTRACT) or last in _POLICY_WORDS) or last in lex.org_suffixes or last in lex.org_heads:
        return False
    return all(w[:1].isupper() for w in words) and all_ordinary(words[-1:], lex) and all(
        all_ordinary([w], lex) or is_adjective(w) or lex.places.get(w) == "country" for w in words[:-1])


#: Last words of names of policies and payments, never of bodies ("Universal Basic Income",
#: "Canada Emergency Response Benefit").
_POLICY_WORDS: frozenset[str] = frozenset("Income Benefit Benefits Allowance Credit Wage Pension Tax".split())

_RUNS_ON = re.compile(r" of (?:the )?[A-Z]")


def runs_on(text: str, end: int, words: list[str], lex: Lexicon) -> bool:
    """A place's name of ordinary words or adjectives only, cut before "of" ("Eastern District | of
    Virginia", "National Radio Hall | of Fame", "Islamic Republic | of Iran"): a piece of a longer
    name, shown but not linked."""
    name = " ".join(words)
    if name in lex.places or name in lex.known or not all(w.lower() in lex.common_words or is_adjective(w) for w in words):
        return False
    return _RUNS_ON.match(text, end) is not None
