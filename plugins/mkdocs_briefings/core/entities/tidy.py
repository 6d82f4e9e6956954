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

from ..model import LINK_CONFIDENCE
from .candidate import ORG, OTHER, PERSON, PLACE
from .lexicon import Lexicon
from .resolved import CLUE_CONF, Resolved

_LINKED = frozenset((PERSON, ORG, PLACE))
_WEAK = 0.45  # below LINK_CONFIDENCE: shown, never linked
_REGISTER = 1.0  # an editor's register entry: always as the editor wrote it
#: Person titles beside the lexicon's role nouns ("Speaker Pelosi", "Sheriff Clarke").
_PERSON_TITLES = frozenset(("speaker", "sheriff", "congressman", "congresswoman", "sergeant", "inspector",
                            "detective", "constable", "lord", "lady", "sir", "dame", "pope", "cardinal", "bishop",
                            "rep", "sen", "gov", "rev", "sgt", "lt", "col", "gen", "capt"))
_PLACE_WORDS = frozenset(("in", "at", "from", "near", "to", "into", "outside", "inside", "of", "across", "via"))
_SAID = (" said", " says", " told", " added")
#: Lower-case words before a person's name that are not in the lexicon's role nouns.
_PERSON_NOUNS = frozenset(("nominee", "rapper", "singer", "actor", "actress", "author", "writer", "wife", "husband"))
_TOKEN = re.compile(r"\S+")
#: Offices named before "of" that are no body themselves ("Office of President" names nothing).
_OFFICE_HEADS = frozenset(("Office", "Post", "Role", "Position", "Rank", "Title"))
#: Words that make a leading title part of a body's name ("Secretary of State", "Head of State").
_OF_STATE = frozenset(("State", "States", "Staff", "Government", "Public"))
_PARTICLES = frozenset(
    ["de", "du", "des", "del", "della", "la", "le", "van", "von", "der", "den", "da", "di", "dos", "das", "y", "al", "bin", "ibn", "el"]
)
#: Function words that are also names ("Theresa May", "Will Smith", "Channel Four", "The Who").
_NAMELIKE = frozenset([
    "will", "can", "may", "might", "must", "shall", "would", "could", "do", "does", "did", "who",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "well", "all", "such",
])
#: Words that end no name: what follows a name across a missed sentence end ("D.C. They", "No. Because").
_TRAILING = frozenset([
    "they", "these", "those", "this", "that", "there", "here", "he", "she", "we", "it", "its",
    "because", "but", "and", "or", "so", "if", "then", "when", "while", "which", "what",
])


def tidy_mentions(text: str, mentions: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """`mentions` with the shapes above cut into the names they hold, or dropped."""
    return _pieces(text, _lone_words(text, _shapes(text, mentions, lex), lex), lex)


def _shapes(text: str, mentions: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """Each mention by its own words (see the module docstring)."""
    out: list[Resolved] = []
    short: list[int] = []  # indexes in `out` of short forms of suspect names ("Ratcliffe" of "National
    renamed: dict[str, str] = {}  # Intelligence John Ratcliffe"); a suspect name -> what it became ("" if dropped)
    placed: dict[str, tuple[str, str]] = {}  # a person's name cut into a place and the name
    retyped: dict[str, str] = {}  # a name guessed a person's that names a thing -> the thing's kind
    for m in mentions:
        if m.kind not in _LINKED or m.conf >= _REGISTER or not _suspect(m.key.split(), m.kind, lex):
            out.append(m)
            continue
        if not text[m.start:m.end].endswith(m.key):  # a short form of a longer name ("Olympiad"): only its kind
            words = m.key.split()
            kind = _thing_kind(words, lex, strict=True) if m.kind == PERSON else ""
            cut = _place_prefix(words, lex) if m.kind == PERSON else 0
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
        elif " " not in surface and _no_name(surface, lex):
            drop.add(i)  # "No." of "No. Well", tidied to "Well"
        elif surface in new or (m.name and m.name in new):
            out[i] = replace(m, key=new)  # "Ratcliffe" of "John Ratcliffe"
    return [m for i, m in enumerate(out) if i not in drop]


def _lone_words(text: str, mentions: list[Resolved], lex: Lexicon) -> list[Resolved]:
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
        if " " in key or m.kind not in _LINKED or m.conf < LINK_CONFIDENCE or m.conf >= _REGISTER:
            out.append(m)
            continue
        if m.kind == PERSON and key in placed and key not in surnames and key not in lex.first_names:
            out.append(replace(m, kind=PLACE, role=""))  # "received his PhD in Melbourne ... leading Melbourne"
            continue
        if m.role:
            if m.kind == PERSON and _ordinary_word(key, lex) and not _person_title(m.role, lex):
                m = replace(m, conf=_WEAK)  # "Health Care", "Speaker of the House", "Energy Forum"
            out.append(m)
            continue
        if m.kind == PLACE and _binomial(text, m.end, lex):
            m = replace(m, conf=_WEAK)  # "Homo sapiens", "(Emerita talpoida)": a species, not the town
        elif m.kind == PLACE and lex.places.get(key) == "city" and not _after_place_word(text, m.start):
            full = surnames.get(key)
            if full:
                m = replace(m, kind=PERSON, key=full)
            elif key in lex.first_names and _beside_given_name(text, m, lex):
                m = replace(m, kind=PERSON, conf=_WEAK)
            elif key.lower() in lex.common_words or (key in lex.first_names and key not in placed):
                m = replace(m, conf=_WEAK)  # "Vote Gold"; "his wife Mary said" where no text places "Mary"
            elif text.startswith(_POLL_AFTER, m.end) and key not in placed:
                m = replace(m, kind=ORG, conf=CLUE_CONF)  # "a Gallup poll": the pollster, not the town
            elif text.startswith(" administration", m.end) and key not in placed:
                m = replace(m, conf=_WEAK)  # "the Obama administration": a president's, not the Japanese town
        elif m.kind == PERSON and _ordinary_word(key, lex):
            m = replace(m, conf=_WEAK)
        elif m.kind == ORG and (key in lex.org_suffixes or key in lex.org_heads) and key not in lex.known:
            m = replace(m, conf=_WEAK)  # "the Commission", "University": which one, the text says elsewhere
        elif m.kind == ORG and key not in lex.known and key not in lex.companies and _ordinary_word(key, lex) and (
                _label(text, m.end) or m.conf < _GUESS):
            m = replace(m, conf=_WEAK)  # "Round 4", "the French Chess websites": a word, guessed a body
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


_HYPHENS = ("-", "\u2013")  # a hyphen, or an en dash as in "Export\u2013Import"
_ABSTRACT = ("tion", "sion", "ment", "ness", "ity", "ism", "ancy", "ency")


def _pieces(text: str, mentions: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """Names of two or more words shown but not linked: a piece of a hyphenated word at either end
    ("Organisation for Economic Co|-operation", "Export-|Import Bank"), or a body's name of ordinary
    words that ends in an abstract noun ("Female Genital Mutilation", "Continuous Integration"): a
    practice or an idea, not a body, unless the lexicon knows it."""
    out: list[Resolved] = []
    for m in mentions:
        if " " in m.key and m.kind in _LINKED and LINK_CONFIDENCE <= m.conf < _REGISTER and (
            _hyphen_piece(text, m.start, m.end)
            or (m.kind == PLACE and _generic_place(m.key.split(), lex))
            or (m.kind == ORG and (_idea(m.key.split(), lex) or _cut_before_of(text, m, lex) or _lettered(m.key.split(), lex)))
        ):
            m = replace(m, conf=_WEAK)
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
    if words[-1] in _SITE_WORDS and modifiers and all(_ordinary([w], lex) or _adjective(w) for w in modifiers):
        return True  # "Air Force Base", "Town Hall"
    if words[-1] == "Island" and modifiers and all(_adjective(w) or w.endswith("ian") for w in modifiers):
        return True  # "Hawaiian Island"; "Seal Island", a noun first, may be an island's name
    if len(words[0]) < 6 or not words[0].lower().endswith(_ADJECTIVE):
        return False
    return _ordinary(words, lex)


#: Words for kinds of sites that ordinary words before them do not make a place's name.
_SITE_WORDS: frozenset[str] = frozenset("Base Hall District Prefecture".split())


def _lettered(words: list[str], lex: Lexicon) -> bool:
    """An ordinary word and a letter ("Group D", "Plan B"): a label, not a body."""
    return len(words) == 2 and len(words[1]) == 1 and words[1].isupper() and _ordinary_word(words[0], lex)


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
    return all(w[:1].isupper() for w in words) and _ordinary(words[-1:], lex) and all(
        _ordinary([w], lex) or _adjective(w) or lex.places.get(w) == "country" for w in words[:-1])


#: Last words of names of policies and payments, never of bodies ("Universal Basic Income",
#: "Canada Emergency Response Benefit").
_POLICY_WORDS: frozenset[str] = frozenset("Income Benefit Benefits Allowance Credit Wage Pension Tax".split())
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ial")


def _adjective(word: str) -> bool:
    """A capitalised adjective by its ending, in no word list ("Transcranial", "Magnetic")."""
    return len(word) > 4 and word.isalpha() and word[1:].islower() and word.lower().endswith(_ADJECTIVE_ENDINGS)


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


def _ordinary_word(word: str, lex: Lexicon) -> bool:
    return word.lower() in lex.common_words and word not in lex.first_names


def _person_title(role: str, lex: Lexicon) -> bool:
    """Whether a role ends in a word for a person ("President Bush", "Chancellor Brown"), not in
    one for a department or a thing ("Health | Care", "Speaker of the | House", "Grand | Master")."""
    last = role.rsplit(" ", 1)[-1]
    return last.lower() in lex.role_nouns or last.lower() in _PERSON_TITLES or last in lex.honorifics


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


def _suspect(words: list[str], kind: str, lex: Lexicon) -> bool:
    """Whether any rule below may apply: most names pass on a few set lookups (engine speed)."""
    if not words:
        return False
    if len(words) == 1:
        return _no_name(words[0], lex) or _function(words[0], lex) or (kind == PERSON and (
            _thing_kind(words, lex) != "" or _ordinary_word(words[0], lex) or words[0] in lex.places or words[0] in lex.known))
    if _function(words[0].rstrip("."), lex) or words[-1].lower() in _TRAILING or "and" in words or "for" in words:
        return True
    if words[0] in _SAYING or words[0] in _NUMBERS:
        return True
    if kind == PERSON:
        return "&" in words or words[-1] in lex.thing_heads or words[0] in lex.places or words[0] in lex.known or (
            _glued_verb(words, lex)) or (
            " ".join(words) in lex.places) or _demonym(words, lex) or (
            len(words) >= 4 and f"{words[0]} {words[1]}" in lex.places) or (
            words[0] not in lex.first_names and (len(words) >= 3 or _ordinary(words, lex)))
    return "of" in words or (kind == PLACE and len(words) <= 3)


def _tidy(text: str, m: Resolved, lex: Lexicon) -> list[Resolved]:
    """One mention as the names it holds (none, itself, or parts of it)."""
    at = m.end - len(m.key)  # after an honorific ("Mr. A")
    toks = [(t.start() + at, t.end() + at, t.group()) for t in _TOKEN.finditer(m.key)]
    toks = _strip_function_words(toks, lex)
    if not toks:
        return []
    if len(toks) == 1 and _no_name(toks[0][2], lex):
        return []
    words = [t[2] for t in toks]
    if len(words) == 2 and words[0] in _NUMBERS and (words[1] in lex.org_suffixes or words[1] in lex.org_heads) and (
            m.key not in lex.known and m.key not in lex.companies):
        return _tidy(text, _part(m, toks[1:]), lex)  # "Four | Navy ships assisted": a count, then the body
    if len(words) > 1 and words[0] in _SAYING and words[0] not in lex.first_names:
        return _tidy(text, _part(m, toks[1:]), lex)  # "Remarked | Center for Biological Diversity scientist ..."
    if m.kind == PLACE and len(words) >= 2 and words[-1] == "Channel" and words[-2] in _BROADCAST_WORDS:
        return [replace(_part(m, toks), kind=ORG)]  # "ABS-CBN News Channel": a broadcaster, not a strait
    if m.kind == PLACE and _personal_place(text, m, words, lex):
        if len(words) == 3 and words[0] in lex.titles:
            return [replace(_part(m, toks[1:]), kind=PERSON, role=words[0])]  # "Judge | Durham Hall"
        return [replace(_part(m, toks), kind=PERSON)]
    if m.kind in (ORG, PLACE):
        office = _office_of(words, lex)
        if office is not None:
            if office >= len(words):
                return []
            return _tidy(text, _part(m, toks[office:], role=" ".join(words[:words.index("of")])), lex)
    if m.kind == PLACE and "of" not in words and _runs_on(text, toks[-1][1], words, lex):
        return [replace(_part(m, toks), conf=min(m.conf, _WEAK))]
    for joiner in ("and", "for"):
        if joiner in words[1:-1]:
            parts = _split_at(text, m, toks, joiner, lex)
            if parts is not None:
                return [p for part in parts for p in _tidy(text, part, lex)]
    if m.kind == PERSON:
        if "and" in words or "&" in words:
            return []
        if len(words) == 1 and m.role and _ordinary_word(words[0], lex) and _ROLE_NEXT.match(text, toks[-1][1]):
            return []  # "Chief | Technical | Officer", "Executive | Branch | official": inside a role, nobody named
        if _country_first(words, lex):
            if len(words) == 1 and not (m.role and _person_title(m.role, lex)):
                return [replace(_part(m, toks), kind=PLACE, role="")]  # "Former | U.S. | president Ronald Reagan"
            return [replace(_part(m, toks), kind=OTHER, conf=min(m.conf, _WEAK))]  # "Captain America", "America First"
        if _glued_verb(words, lex):  # "Modi Announced": the verb after the name; "Public Licensed": no name
            return [] if _ordinary(words[:-1], lex) else _tidy(text, _part(m, toks[:-1]), lex)
        cut = _place_prefix(words, lex, text.endswith(" of ", 0, toks[0][0])) or _before_given_name(words, lex)
        if cut:
            before = toks[:cut]
            rest = [_part(m, toks[cut:])]
            prefix = " ".join(words[:cut])
            if prefix in lex.places:
                rest.insert(0, replace(_part(m, before), kind=PLACE, role=""))
            else:
                rest[0].role = f"{m.role} {prefix}".strip()  # "Director of" + "National Intelligence"
            return rest
        if len(words) > 1 and _ordinary(words, lex) and (
                _no_surname(words[-1], lex) or not (m.role and _person_title(m.role, lex))):
            return []  # "Technical Officer", "General Public License"; not "Judge Gray Miller"
        kind = _thing_kind(words, lex, after_the=text.endswith(("the ", "The "), 0, toks[0][0]))
        if kind:
            return [replace(_part(m, toks), kind=kind)]
        if _place_team(words, lex):
            return [replace(_part(m, toks), kind=ORG)]
        if _demonym(words, lex):
            return [replace(_part(m, toks), conf=min(m.conf, _WEAK))]
    if len(toks) != len(m.key.split()):
        return [_part(m, toks)]
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


def _part(m: Resolved, toks: list[tuple[int, int, str]], role: str | None = None) -> Resolved:
    """The mention narrowed to the tokens `toks`."""
    name = " ".join(t[2] for t in toks)
    return replace(m, start=toks[0][0], end=toks[-1][1], key=name, name=name,
                   role=m.role if role is None else role)


def _strip_function_words(toks: list[tuple[int, int, str]], lex: Lexicon) -> list[tuple[int, int, str]]:
    """Without a function word at either end ("In Global Islamic Politics", "D.C. They")."""
    while toks and (_function(toks[0][2], lex) or (len(toks) > 1 and _function(toks[0][2].rstrip("."), lex))):
        toks = toks[1:]  # "In Global Islamic Politics", "No. Well"
    while toks and toks[-1][2].lower() in _TRAILING and _function(toks[-1][2], lex):
        toks = toks[:-1]
    return toks


def _function(tok: str, lex: Lexicon) -> bool:
    """A capitalised function word ("In", "They"), not a particle or a letter ("A" of "Mr. A")."""
    return tok in _capitalised(lex.function_words)


@lru_cache(maxsize=4)
def _capitalised(function_words: frozenset[str]) -> frozenset[str]:
    """Function words as they start a sentence ("In"), without those that are names or particles."""
    return frozenset(w.capitalize() for w in function_words if len(w) > 1 and w not in _PARTICLES and w not in _NAMELIKE)


def _no_name(tok: str, lex: Lexicon) -> bool:
    """A single letter or initial ("A", "I."), a company suffix alone ("Co", "Ltd")."""
    bare = tok.rstrip(".")
    if len(bare) <= 1 or (bare.lower() in lex.function_words and bare.lower() not in _NAMELIKE):
        return True  # "A", "No."
    return tok in lex.org_suffixes and tok not in lex.known and (bare.lower() not in lex.common_words or len(bare) <= 3)


def _office_of(words: list[str], lex: Lexicon) -> int | None:
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


def _split_at(text: str, m: Resolved, toks: list[tuple[int, int, str]], joiner: str,
              lex: Lexicon) -> list[Resolved] | None:
    """Two names joined by `joiner`, when both sides are complete names of their own."""
    words = [t[2] for t in toks]
    whole = " ".join(words)
    if whole in lex.known or whole in lex.places or whole in lex.companies:
        return None
    i = words.index(joiner, 1)
    left, right = words[:i], words[i + 1:]
    if joiner == "for":
        if right[0] != "The" or len(right) < 2:
            return None
        return [_part(m, toks[:i])]
    if m.kind == PLACE:
        if _place(left, lex) and _place(right, lex):
            return [_part(m, toks[:i]), _part(m, toks[i + 1:])]
        return None
    if m.kind == ORG:
        people = _trailing_person(left, lex)
        if people and _given(right, lex):
            return [_part(m, toks[:i - people]), replace(_part(m, toks[i - people:i]), kind=PERSON, role=""),
                    replace(_part(m, toks[i + 1:]), kind=PERSON, role="")]
        if _complete_org(left, lex) and (_own_body(right, lex) or (right[0] == left[0] and len(right) > 1)
                                         or (_named_body(right, lex) and not _ordinary_word(left[-1], lex))):
            return [_part(m, toks[:i]), _part(m, toks[i + 1:])]
    return None


def _place(ws: list[str], lex: Lexicon) -> bool:
    name = " ".join(ws)
    k = lex.known.get(name)
    return name in lex.places or (k is not None and k.kind == PLACE)


def _given(ws: list[str], lex: Lexicon) -> bool:
    """A given name and a surname ("Mike Bost")."""
    return len(ws) == 2 and ws[0] in lex.first_names and ws[1][:1].isupper() and ws[1].lower() not in lex.common_words


def _trailing_person(ws: list[str], lex: Lexicon) -> int:
    """2 when `ws` ends in a given name and a surname after a body's name ("House of Representatives
    Darin LaHood"), else 0."""
    if len(ws) >= 4 and _given(ws[-2:], lex) and ws[-3] not in lex.first_names and ws[-3] not in ("of", "the", "for"):
        return 2
    return 0


def _complete_org(ws: list[str], lex: Lexicon) -> bool:
    """A body's name on its own: known, or ending in a body's word ("Stanford University"),
    or a body's word "of" a name ("University of Washington", "Civil Liberties Union of Montana")."""
    name = " ".join(ws)
    k = lex.known.get(name)
    if (k is not None and k.kind == ORG) or name in lex.companies:
        return True
    if len(ws) >= 2 and ws[-1] in lex.org_suffixes:
        return True
    if len(ws) >= 3 and ws[0] in lex.org_heads and ws[1] in ("of", "for"):
        return True
    return any(ws[i] in lex.org_suffixes and ws[i + 1] in ("of", "for") for i in range(1, len(ws) - 2))


def _own_body(ws: list[str], lex: Lexicon) -> bool:
    """A complete body's name after "and" that is not the rest of the first ("Stanford University",
    "Center for Food Safety", "Native American Rights Fund"; not "Human Services" of "Department of
    Health and Human Services")."""
    if not _complete_org(ws, lex):
        return False
    return (" ".join(ws) in lex.known or ws[0].lower() not in lex.common_words or len(ws) >= 3)


def _named_body(ws: list[str], lex: Lexicon) -> bool:
    """A second body's own name after a complete one and "and": led by an acronym ("University of
    Bristol and UC Davis"), or three capitalised words or more that start with no country or region
    ("University of Miami and Apex Shark Expeditions"; not "... of New York and New Jersey",
    "Department of Health and Human Services")."""
    first = ws[0]
    if len(first) >= 2 and first.isupper() and first.isalpha():
        return True
    return (len(ws) >= 3 and all(w[:1].isupper() for w in ws)
            and lex.places.get(first) not in ("country", "region") and " ".join(ws[:2]) not in lex.places)


def _place_prefix(words: list[str], lex: Lexicon, after_of: bool = False) -> int:
    """How many first words name a country or region before a person's full name ("Scotland | Nicola
    Sturgeon", "Prime Minister of India | Narendra Modi"); 0 when the first word is also a given name
    ("Georgia May ...") unless an office "of" comes before ("Chief Executive of Hong Kong Carrie Lam")."""
    for i in (1, 2):
        if len(words) - i < 2 or (words[0] in lex.first_names and not after_of):
            return 0
        if lex.places.get(" ".join(words[:i])) in ("country", "region") and words[i].lower() not in _PARTICLES:
            return i
    return 0


def _before_given_name(words: list[str], lex: Lexicon) -> int:
    """Where a person's name starts after a place or an office ("India | Narendra Modi",
    "National Intelligence | John Ratcliffe"); 0 when it starts at the first word."""
    if len(words) < 3 or words[0] in lex.first_names:
        return 0
    for i in range(1, len(words) - 1):
        if words[i] in lex.first_names and words[i + 1][:1].isupper():
            if words[i].lower() in _PARTICLES or words[-1] in lex.titles:
                return 0
            prefix = words[:i]
            joined = " ".join(prefix)
            if lex.places.get(joined) in ("country", "region") or (len(prefix) >= 2 and all(
                    w.lower() in lex.common_words and w not in lex.honorifics and w.lower() not in lex.function_words
                    for w in prefix)):
                return i
            return 0
    return 0


def _personal_place(text: str, m: Resolved, words: list[str], lex: Lexicon) -> bool:
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

_RUNS_ON = re.compile(r" of (?:the )?[A-Z]")


def _runs_on(text: str, end: int, words: list[str], lex: Lexicon) -> bool:
    """A place's name of ordinary words or adjectives only, cut before "of" ("Eastern District | of
    Virginia", "National Radio Hall | of Fame", "Islamic Republic | of Iran"): a piece of a longer
    name, shown but not linked."""
    name = " ".join(words)
    if name in lex.places or name in lex.known or not all(w.lower() in lex.common_words or _adjective(w) for w in words):
        return False
    return _RUNS_ON.match(text, end) is not None


#: Things' last words that are nobody's surname: after a given name too they end a thing's name
#: ("NASA's James Webb Telescope", "Marvel Universe"); "Show", "Parish" or "Nation" may be a
#: surname ("Terry Nation"), and end a thing's name after a given name only after "the"
#: ("the Wyatt Family", "the Doris Day Show").
_NEVER_SURNAMES: frozenset[str] = frozenset(
    "Telescope Universe Tribe Tribes Olympiad Linux Wars Comics Headquarters Facility Commissioners Doctors "
    "License Licence Construction Aviation Publicity Market".split()
)


def _thing_kind(words: list[str], lex: Lexicon, strict: bool = False, after_the: bool = False) -> str:
    """The kind of a name guessed to be a person that names a thing: a country or region, a known
    body or place ("Iraq", "CIA"), or a name ending in a thing's word ("Northern Arapaho Tribe");
    "" when nothing says so or a given name starts it ("Jordan", "Bill Show"; not "Marvel Comics",
    "Florida Highway Patrol": a word or a place first is no given name). `strict` for a name judged
    by its short forms (an entity keyed "John Peel Show" whose mentions say "Peel"): any given name first."""
    first = words[0]
    never_surname = len(words) > 1 and (words[-1] in _NEVER_SURNAMES or (after_the and len(words) == 2))
    if first in lex.first_names and not never_surname and (
            strict or (first.lower() not in lex.common_words and first not in lex.places)) and (
            strict or len(words) < 3 or not (after_the or len(words) >= 4) or not _ordinary(words[-2:-1], lex)):
        return ""  # but "the Doris Day Show", "James Webb Space Telescope": a word before the thing's word
    name = " ".join(words)
    known = lex.known.get(name)
    if known is not None and known.kind != PERSON:
        return known.kind
    if lex.places.get(name) in ("country", "region") or (len(words) > 1 and name in lex.places):
        return PLACE  # "Iraq"; "New York", "Los Angeles": no given name first
    return lex.thing_heads.get(words[-1], "") if len(words) > 1 else ""


def _country_first(words: list[str], lex: Lexicon) -> bool:
    """A person's name that is a country ("Captain | America") or a country and an ordinary word
    ("America First"): a character or a slogan, nobody's name (no given name first)."""
    known = lex.known.get(words[0])
    if known is not None and known.kind == PLACE:
        pass  # "America", a known name of the United States, though also a given name
    elif lex.places.get(words[0]) != "country" or words[0] in lex.first_names:
        return False
    return len(words) == 1 or (len(words) == 2 and _ordinary_word(words[1], lex))


def _place_team(words: list[str], lex: Lexicon) -> bool:
    """A town's name and a plural word or an acronym ("Charlotte Hornets", "Kamloops RCMP"): a team or
    a body of the town, not a person ("Tyra Banks": no town first)."""
    if len(words) != 2 or words[0] not in lex.places:
        return False
    last = words[1]
    if last.isupper() and len(last) >= 3 and last.isalpha():
        return True
    low = last.lower()
    return low.endswith("s") and not low.endswith("ss") and low[:-1] in lex.common_words and last not in lex.first_names


def _demonym(words: list[str], lex: Lexicon) -> bool:
    """People of a place named after it ("Hong Kongers", "New Yorkers"): a group, not a person."""
    last = words[-1]
    return any(last.endswith(end) and " ".join([*words[:-1], last[:-len(end)]]) in lex.places for end in ("ers", "er"))


def _glued_verb(words: list[str], lex: Lexicon) -> bool:
    """Whether a name of two or more words ends in a verb's past form written with a capital
    ("Modi Announced", "Johnson Confirmed"): an ordinary word in "-ed" whose stem is a word too, so
    that "Reed", "Ahmed" or "Kindred" stay surnames."""
    last = words[-1]
    low = last.lower()
    if len(words) < 2 or len(low) < 6 or not low.endswith("ed") or last in lex.first_names:
        return False
    return low in lex.common_words and (low[:-1] in lex.common_words or low[:-2] in lex.common_words or (
        low[-3] == low[-4] and low[:-3] in lex.common_words))


_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "ed", "ing")


def _no_surname(word: str, lex: Lexicon) -> bool:
    """An ordinary word shaped like no surname: a role ("Officer"), an abstract noun
    ("Administration"), a plural ("Situations")."""
    low = word.lower()
    if low in lex.role_nouns or low.endswith(_NOUN_ENDINGS):
        return True
    return low.endswith("s") and not low.endswith("ss") and low[:-1] in lex.common_words


def _ordinary(words: list[str], lex: Lexicon) -> bool:
    """Only ordinary English words, none a given name ("Technical Officer", "Week")."""
    return all(w.lower() in lex.common_words and w not in lex.first_names and w.isalpha() for w in words)
