"""Last look at each name before it becomes an entity: the shapes no name has.

The earlier stages cut runs of capitalised words at the evidence they see in
the run; a few shapes get through that a reader at once sees are not one
name of a person, organisation or place:

- an office before "of" is a role, the rest the body or place it is held in
  ("Governor of Tyumen Oblast", "Director of Mid Wales Tourism Partnership");
  an office of an office ("Office of President") names nothing;
- two complete names joined by "and" are two entities ("El Paso and Ciudad
  Juárez", "Center for Biological Diversity and Center for Food Safety"), and
  a person's name holds no "and" at all ("Affairs and Intelligence");
- "for The" starts a second name ("Blues Incorporated for The Rolling Stones");
- a function word at either end is no part of a name ("In Global Islamic
  Politics", "D.C. They");
- a single letter, or a company suffix alone ("Co" of "Co-author"), is no name;
- a place or an office written before a person's given name is not part of
  the person's name ("Hong Kong Carrie Lam", "National Intelligence John
  Ratcliffe");
- a given name and a place word that is also a surname is a person where the
  text says so ("Tom Hall said", "nominee Darrell Castle");
- a name guessed to be a person's that is a country, a known body, or ends in a
  thing's word ("Iraq", "CIA", "Northern Arapaho Tribe", "Care Reform Bill") is
  that thing;
- a person's name of two or more ordinary words and no given name ("Technical
  Officer") is no person (one word may be a surname: "Bush", "Law").

Each rule looks only at the name's own words and the word lists, never at a
particular document, so it is cheap (a few set lookups per mention).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .candidate import ORG, OTHER, PERSON, PLACE
from .lexicon import Lexicon, lexicon
from .resolved import Resolved
from .tidy_joined import split_at
from .tidy_lone_words import lone_words
from .tidy_pieces import pieces, runs_on
from .tidy_prefixes import before_given_name, office_of, personal_place, place_prefix
from .tidy_things import country_first, demonym, glued_verb, place_team, thing_kind
from .tidy_words import LINKED, REGISTER, WEAK, all_ordinary, function_word, narrowed_to, no_name, no_surname, ordinary_word, person_title

_TOKEN = re.compile(r"\S+")
#: Words that end no name: what follows a name across a missed sentence end ("D.C. They", "No. Because").
_TRAILING = frozenset([
    "they", "these", "those", "this", "that", "there", "here", "he", "she", "we", "it", "its",
    "because", "but", "and", "or", "so", "if", "then", "when", "while", "which", "what",
])


def tidy_mentions(text: str, mentions: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """`mentions` with the shapes above cut into the names they hold, or dropped."""
    return pieces(text, lone_words(text, _shapes(text, mentions, lex), lex), lex)


def _shapes(text: str, mentions: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """Each mention by its own words (see the module docstring)."""
    out: list[Resolved] = []
    short: list[int] = []  # indexes in `out` of short forms of suspect names ("Ratcliffe" of "National
    renamed: dict[str, str] = {}  # Intelligence John Ratcliffe"); a suspect name -> what it became ("" if dropped)
    placed: dict[str, tuple[str, str]] = {}  # a person's name cut into a place and the name
    retyped: dict[str, str] = {}  # a name guessed a person's that names a thing -> the thing's kind
    for m in mentions:
        if m.kind not in LINKED or m.conf >= REGISTER or not _suspect_key(m.key, m.kind, lex):
            out.append(m)
            continue
        if not text[m.start:m.end].endswith(m.key):  # a short form of a longer name ("Olympiad"): only its kind
            words = m.key.split()
            kind = thing_kind(words, lex, strict=True) if m.kind == PERSON else ""
            cut = place_prefix(words, lex) if m.kind == PERSON else 0
            short.append(len(out))
            if kind:
                m = replace(m, kind=kind)
            elif cut and text[m.start:m.end] in " ".join(words[cut:]):
                m = replace(m, key=" ".join(words[cut:]))  # "Nicola Sturgeon" of "Scotland Nicola Sturgeon"
            out.append(m)
            continue
        parts = _tidy(text, m, lex)
        out.extend(parts)
        if not parts:
            renamed.setdefault(m.key, "")
        elif len(parts) == 1 and parts[0].key != m.key:
            renamed.setdefault(m.key, parts[0].key)
        elif len(parts) == 1 and parts[0].kind != m.kind and (
                m.key.split()[0] in lex.places or m.key.split()[0] not in lex.first_names):
            retyped.setdefault(m.key, parts[0].kind)  # not "John Peel Show", whose "Peel" is a person
        elif len(parts) == 2 and parts[0].kind == PLACE and parts[1].kind == PERSON:
            placed.setdefault(m.key, (parts[0].key, parts[1].key))
    if not short or not (renamed or placed or retyped):
        return out
    drop: set[int] = set()
    for i in short:
        m = out[i]
        surface = text[m.start:m.end]
        if m.key in retyped and m.kind == PERSON:  # a short form of a name found to be a thing's
            if surface in lex.places:  # "Florida" of "Florida Highway Patrol": the place
                out[i] = replace(m, kind=PLACE, key=surface, name=surface, role="")
            else:
                out[i] = replace(m, kind=retyped[m.key])
            continue
        if m.key in placed:  # "India" and "Modi" of "India Narendra Modi"
            place, person = placed[m.key]
            if surface == place:
                out[i] = replace(m, kind=PLACE, key=place, role="")
            elif surface in person:
                out[i] = replace(m, key=person)
            continue
        new = renamed.get(m.key)
        if new is None:
            continue
        if not new:
            if surface in m.key:
                drop.add(i)  # "No." of a dropped "No. Because"
        elif " " not in surface and no_name(surface, lex):
            drop.add(i)  # "No." of "No. Well", tidied to "Well"
        elif surface in new or (m.name and m.name in new):
            out[i] = replace(m, key=new)  # "Ratcliffe" of "John Ratcliffe"
    return [m for i, m in enumerate(out) if i not in drop]


def _suspect_key(key: str, kind: str, lex: Lexicon) -> bool:
    """`_suspect` of a mention's key: asked of every mention, about names that recur in every
    article, so cached for the engine's own lexicon (the only one there is outside tests)."""
    if lex is lexicon():
        return _suspect_cached(key, kind)
    return _suspect(key.split(), kind, lex)


@lru_cache(maxsize=1 << 15)
def _suspect_cached(key: str, kind: str) -> bool:
    return _suspect(key.split(), kind, lexicon())


def _suspect(words: list[str], kind: str, lex: Lexicon) -> bool:
    """Whether any rule below may apply: most names pass on a few set lookups (engine speed)."""
    if not words:
        return False
    if len(words) == 1:
        return no_name(words[0], lex) or function_word(words[0], lex) or (kind == PERSON and (
            thing_kind(words, lex) != "" or ordinary_word(words[0], lex) or words[0] in lex.places or words[0] in lex.known))
    if function_word(words[0].rstrip("."), lex) or words[-1].lower() in _TRAILING or "and" in words or "for" in words:
        return True
    if words[0] in _SAYING or words[0] in _NUMBERS:
        return True
    if kind == PERSON:
        return "&" in words or words[-1] in lex.thing_heads or words[0] in lex.places or words[0] in lex.known or (
            glued_verb(words, lex)) or (
            " ".join(words) in lex.places) or demonym(words, lex) or (
            len(words) >= 4 and f"{words[0]} {words[1]}" in lex.places) or (
            words[0] not in lex.first_names and (len(words) >= 3 or all_ordinary(words, lex)))
    return "of" in words or (kind == PLACE and len(words) <= 3)


def _tidy(text: str, m: Resolved, lex: Lexicon) -> list[Resolved]:
    """One mention as the names it holds (none, itself, or parts of it)."""
    at = m.end - len(m.key)  # after an honorific ("Mr. A")
    toks = [(t.start() + at, t.end() + at, t.group()) for t in _TOKEN.finditer(m.key)]
    toks = _strip_function_words(toks, lex)
    if not toks:
        return []
    if len(toks) == 1 and no_name(toks[0][2], lex):
        return []
    words = [t[2] for t in toks]
    if len(words) == 2 and words[0] in _NUMBERS and (words[1] in lex.org_suffixes or words[1] in lex.org_heads) and (
            m.key not in lex.known and m.key not in lex.companies):
        return _tidy(text, narrowed_to(m, toks[1:]), lex)  # "Four | Navy ships assisted": a count, then the body
    if len(words) > 1 and words[0] in _SAYING and words[0] not in lex.first_names:
        return _tidy(text, narrowed_to(m, toks[1:]), lex)  # "Remarked | Center for Biological Diversity scientist ..."
    if m.kind == PLACE and len(words) >= 2 and words[-1] == "Channel" and words[-2] in _BROADCAST_WORDS:
        return [replace(narrowed_to(m, toks), kind=ORG)]  # "ABS-CBN News Channel": a broadcaster, not a strait
    if m.kind == PLACE and personal_place(text, m, words, lex):
        if len(words) == 3 and words[0] in lex.titles:
            return [replace(narrowed_to(m, toks[1:]), kind=PERSON, role=words[0])]  # "Judge | Durham Hall"
        return [replace(narrowed_to(m, toks), kind=PERSON)]
    if m.kind in (ORG, PLACE):
        office = office_of(words, lex)
        if office is not None:
            if office >= len(words):
                return []
            return _tidy(text, narrowed_to(m, toks[office:], role=" ".join(words[:words.index("of")])), lex)
    if m.kind == PLACE and "of" not in words and runs_on(text, toks[-1][1], words, lex):
        return [replace(narrowed_to(m, toks), conf=min(m.conf, WEAK))]
    for joiner in ("and", "for"):
        if joiner in words[1:-1]:
            parts = split_at(text, m, toks, joiner, lex)
            if parts is not None:
                return [p for part in parts for p in _tidy(text, part, lex)]
    if m.kind == PERSON:
        if "and" in words or "&" in words:
            return []
        if len(words) == 1 and m.role and ordinary_word(words[0], lex) and _ROLE_NEXT.match(text, toks[-1][1]):
            return []  # "Chief | Technical | Officer", "Executive | Branch | official": inside a role, nobody named
        if country_first(words, lex):
            if len(words) == 1 and not (m.role and person_title(m.role, lex)):
                return [replace(narrowed_to(m, toks), kind=PLACE, role="")]  # "Former | U.S. | president Ronald Reagan"
            return [replace(narrowed_to(m, toks), kind=OTHER, conf=min(m.conf, WEAK))]  # "Captain America", "America First"
        if glued_verb(words, lex):  # "Modi Announced": the verb after the name; "Public Licensed": no name
            return [] if all_ordinary(words[:-1], lex) else _tidy(text, narrowed_to(m, toks[:-1]), lex)
        cut = place_prefix(words, lex, text.endswith(" of ", 0, toks[0][0])) or before_given_name(words, lex)
        if cut:
            before = toks[:cut]
            rest = [narrowed_to(m, toks[cut:])]
            prefix = " ".join(words[:cut])
            if prefix in lex.places:
                rest.insert(0, replace(narrowed_to(m, before), kind=PLACE, role=""))
            else:
                rest[0].role = f"{m.role} {prefix}".strip()  # "Director of" + "National Intelligence"
            return rest
        if len(words) > 1 and all_ordinary(words, lex) and (
                no_surname(words[-1], lex) or not (m.role and person_title(m.role, lex))):
            return []  # "Technical Officer", "General Public License"; not "Judge Gray Miller"
        kind = thing_kind(words, lex, after_the=text.endswith(("the ", "The "), 0, toks[0][0]))
        if kind:
            return [replace(narrowed_to(m, toks), kind=kind)]
        if place_team(words, lex):
            return [replace(narrowed_to(m, toks), kind=ORG)]
        if demonym(words, lex):
            return [replace(narrowed_to(m, toks), conf=min(m.conf, WEAK))]
    if len(toks) != len(m.key.split()):
        return [narrowed_to(m, toks)]
    return [m]


#: A word of an office right after a title and one ordinary word: the word is part of the role
#: ("any Executive Branch official"; "President Bush officials" are his).
_ROLE_NEXT = re.compile(r" (?:Officer|Officers|Official|Officials|official|Director|Secretary|"
                        r"Minister|Adviser|Advisor|Counsel|Committee|Council|Department)\b")

#: Words before "Channel" that make it a broadcaster's channel ("News Channel"), not a strait ("English Channel").
_BROADCAST_WORDS: frozenset[str] = frozenset("News TV Television Sports History Weather Music Food Travel Movie Shopping".split())

#: Numbers written as words that open a sentence before a body's word ("Four Navy ships").
_NUMBERS: frozenset[str] = frozenset("Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Dozens Hundreds".split())

#: Verbs of saying that open a sentence before a source's name ("Remarked Center for Biological
#: Diversity scientist Tierra Curry, ...") and are no part of a name.
_SAYING: frozenset[str] = frozenset(
    "Remarked Added Noted Explained Stated Commented Observed Warned Argued Recalled Tweeted Wrote".split()
)


def _strip_function_words(toks: list[tuple[int, int, str]], lex: Lexicon) -> list[tuple[int, int, str]]:
    """Without a function word at either end ("In Global Islamic Politics", "D.C. They")."""
    while toks and (function_word(toks[0][2], lex) or (len(toks) > 1 and function_word(toks[0][2].rstrip("."), lex))):
        toks = toks[1:]  # "In Global Islamic Politics", "No. Well"
    while toks and toks[-1][2].lower() in _TRAILING and function_word(toks[-1][2], lex):
        toks = toks[:-1]
    return toks
