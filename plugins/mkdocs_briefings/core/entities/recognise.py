"""From runs of capitalised words to name candidates with a first guess at their kind.

Each run is cut where a connector or a full stop does not belong to a name
("Leicestershire beat Somerset" is one run of two names only after the verb,
but "Derbyshire and Surrey" is two names, "Bank of England" one), stripped of
what is not the name (sentence-initial "During", "The", titles such as
"Ukrainian President", which become the role) and classified by the evidence
inside it: a title or honorific makes a person, a final "Ministry" an
organisation, a final "River" a place, a known name its known kind. What
cannot be decided from the run alone (a lone "Simmons") is left to the
document-level pass in `resolve.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .chunks import CHUNK, CONNECTORS, Lines, Word, sentence_initial, words
from .lexicon import Known, Lexicon, lexicon

PERSON, ORG, PLACE, GROUP, OTHER = "person", "organisation", "place", "group", "other"

#: Connectors that are part of personal and place names ("de Gaulle", "bin Laden").
_PARTICLES = frozenset("de du des del della la le van von der den da di dos das y al bin ibn".split())
#: Heads of "X of Y" place names.
_PLACE_OF_HEADS = frozenset(
    "Gulf Bay Sea Isle Isles Cape Strait Republic Kingdom Province State City Lake Mount Duchy Islands "
    "United Commonwealth Federation Principality Emirate Sultanate Straits Port".split()
)
_PLACE_PREFIX = frozenset("Lake Mount Mt Cape Gulf Isle".split())
_ARTICLES = frozenset(("The", "A", "An"))
_SCORE = re.compile(r" {1,3}(\d+)(?:-\d+)?(?=[ \n,;)]|$)(?! *(?:per|percent|pct|%|points|pts|years?|km|miles|people|metres|meters|tonnes))")

#: Evidence strength: how sure the run alone makes us of its kind.
STRONG, GAZETTEER, GUESS, UNKNOWN = 3, 2, 1, 0


@dataclass
class Candidate:
    """One name as written, with what the text around it says about it."""

    start: int  # mention span, honorific included ("Mr Smith")
    end: int
    name: str  # the name without honorific ("Smith")
    kind: str | None
    strength: int
    role: str = ""  # title words stripped before the name ("Ukrainian President")
    known: Known | None = None
    initial: bool = False  # opens a sentence, so its capital proves nothing
    shout: bool = False  # in a line written in capitals
    tokens: int = 1


def find_candidates(text: str, lex: Lexicon, lines: Lines) -> tuple[list[Candidate], list[list[Word]]]:
    """Candidates from prose, and the capitalised runs of headline lines (decided later)."""
    out: list[Candidate] = []
    shouted: list[list[Word]] = []
    known, stop = lex.known, lex.stop
    for m in CHUNK.finditer(text):
        chunk = m.group()
        start = m.start()
        if len(chunk) > 1 and chunk.isupper() and chunk not in known and chunk not in stop and lines.shouting(start, m.end()):
            shouted.append(words(text, start, m.end()))
            continue
        for rs, re_, name, kind, strength, role, entry, initial, tokens in _parse(chunk, sentence_initial(text, start)):
            cand = Candidate(start + rs, start + re_, name, kind, strength, role, entry, initial, False, tokens)
            if (kind is None or kind == PLACE and lex.places.get(name) == "city") and followed_by_score(text, cand.end):
                cand.kind, cand.strength = ORG, STRONG  # "Chicago 4 Houston 1": teams
            out.append(cand)
    return out, shouted


_Parsed = tuple[int, int, str, "str | None", int, str, "Known | None", bool, int]


@lru_cache(maxsize=1 << 16)
def _parse(chunk: str, initial: bool) -> tuple[_Parsed, ...]:
    """The candidates of one run, offsets relative to it.

    A pure function of the run and whether it opens a sentence, cached
    because the same runs ("The", "But", "Mr Smith") recur all the time.
    """
    lex = lexicon()
    if " " not in chunk and chunk[-1] != ".":
        return _single(chunk, initial, lex)
    out: list[_Parsed] = []
    for part, part_initial in _split(chunk, words(chunk, 0, len(chunk)), lex, initial):
        c = _analyse(chunk, part, part_initial, lex)
        if c is not None:
            out.append((c.start, c.end, c.name, c.kind, c.strength, c.role, c.known, c.initial, c.tokens))
    return tuple(out)


def _single(w: str, initial: bool, lex: Lexicon) -> tuple[_Parsed, ...]:
    """`_parse` of a one-word run, the most common case, without the general machinery."""
    if w in lex.known:
        c = Candidate(0, len(w), w, None, UNKNOWN, initial=initial)
    else:
        if (initial and _common(w, lex)) or len(w) == 1 or w in _ARTICLES or w in lex.stop or w in lex.alone:
            return ()
        if w in lex.titles or w.rstrip(".") in lex.titles or w in lex.groups or w in lex.honorifics:
            return ()
        c = Candidate(0, len(w), w, None, UNKNOWN, initial=initial)
    _classify(c, w, False, lex)
    if c.kind == GROUP:
        return ()
    return ((c.start, c.end, c.name, c.kind, c.strength, c.role, c.known, c.initial, c.tokens),)


def followed_by_score(text: str, end: int) -> bool:
    """Whether a score or a table row follows a name ("Kent 108-3", "NEW YORK 74 59 .556").

    A place with a score after it is a sports team, an organisation; a year
    or a date after it ("LONDON 1996-08-30") is a dateline and says nothing.
    """
    m = _SCORE.match(text, end)
    return m is not None and not (len(m.group(1)) == 4 and m.group(1)[:2] in ("19", "20"))


def _split(text: str, ws: list[Word], lex: Lexicon, initial: bool) -> list[tuple[list[Word], bool]]:
    """Cut a run into names at sentence-ending full stops, stop words and foreign connectors."""
    parts: list[tuple[list[Word], bool]] = []
    current: list[Word] = []
    pending: list[Word] = []
    cur_initial = initial
    for w in ws:
        t = w.text
        if t in CONNECTORS:
            if current:
                pending.append(w)
            continue
        if t.endswith(".") and not _keeps_dot(t, lex):
            w = Word(w.start, w.end - 1, t[:-1])  # the full stop ends a sentence, not the name
            t = w.text
            ends_sentence = True
        else:
            ends_sentence = False
        if t in lex.stop and t not in lex.honorifics:
            if current:
                parts.append((current, cur_initial))
            current, pending, cur_initial = [], [], False
        elif not current:
            current = [w]
        elif not pending or _joins(text, current, pending, w, lex):
            current.extend(pending)
            current.append(w)
            pending = []
        else:
            parts.append((current, cur_initial))
            current, pending, cur_initial = [w], [], False
        if ends_sentence:
            if current:
                parts.append((current, cur_initial))
            current, pending, cur_initial = [], [], True
    if current:
        parts.append((current, cur_initial))
    return parts


def _keeps_dot(t: str, lex: Lexicon) -> bool:
    """Whether a word's final full stop is an abbreviation's ("Mr.", "J.", "U.S.")."""
    core = t[:-1]
    return len(core) == 1 or "." in core or core in lex.honorifics or core in lex.titles or core in ("St", "Mt", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd")


def _joins(text: str, current: list[Word], pending: list[Word], nxt: Word, lex: Lexicon) -> bool:
    """Whether connectors between two capitalised words belong to one name."""
    conns = [p.text for p in pending]
    if all(c in _PARTICLES for c in conns):
        return True
    first = current[1].text if current[0].text in _ARTICLES and len(current) > 1 else current[0].text
    head = conns[0]
    if head == "in":
        return first in lex.org_heads and nxt.text not in lex.places  # "Organisation for Security ... in Europe"
    if head in ("of", "for", "on", "upon"):
        if first in lex.org_heads or first in _PLACE_OF_HEADS or current[-1].text in lex.org_suffixes:
            return True
        return first in lex.titles and nxt.text in lex.titles  # "Secretary of State"
    if conns == ["&"]:
        return True
    if conns == ["and"]:
        joined = text[current[0].start:nxt.end]
        return first in lex.org_heads or joined in lex.places or joined in lex.known
    return False


def _analyse(text: str, part: list[Word], initial: bool, lex: Lexicon) -> Candidate | None:
    """Strip what is not the name from one part, and classify what is left."""
    n = len(part)
    last = part[-1].text
    suffix_kind = (ORG if last in lex.org_suffixes else PLACE if last in lex.place_suffixes
                   else OTHER if n > 1 and last in lex.event_suffixes else None)
    i = 0
    honorific = -1
    while i < n:
        w = part[i].text
        rest = text[part[i].start:part[-1].end]
        if initial and i + 1 == n and _common(w, lex):
            return None  # "Police said": a capitalised ordinary word opening a sentence
        if rest in lex.known or rest in lex.places or rest in lex.groups:
            break
        if w in _ARTICLES or (w in lex.stop and w not in lex.honorifics):
            i += 1
            initial = False
            continue
        if w.rstrip(".") in lex.honorifics:
            if i + 1 < n:
                honorific = i
            break
        if initial and i + 1 < n and (suffix_kind is not None or w in lex.titles or w in lex.groups):
            break  # "Security Council", "Mayor Igor Kolykhaev": the first word is no filler
        if initial and _common(w, lex) and not (w in lex.first_names and i + 1 < n):
            i += 1
            initial = False
            continue
        break
    if i >= n:
        return None
    # Titles and nationalities before the name: "Ukrainian President", "Defence Minister".
    j = honorific + 1 if honorific >= 0 else i
    has_title = False
    while j < n - 1 or (honorific < 0 and j < n):
        w = part[j].text
        if text[part[j].start:part[-1].end] in lex.known:
            break
        if w in lex.titles or w.rstrip(".") in lex.titles:
            has_title = True
        elif w in lex.groups or w in CONNECTORS:
            pass
        elif j + 1 < n and f"{w} {part[j + 1].text}" in lex.groups:
            j += 1
        else:
            break
        j += 1
    role = ""
    if j >= n:
        return None  # only titles or nationalities: "Russian President", "Ukrainians"
    if j > i and suffix_kind is None and honorific < 0:
        rest = text[part[j].start:part[-1].end]
        role = text[part[i].start:part[j - 1].end]
        i = j
        if not has_title:
            role = ""
    elif honorific >= 0 and j > honorific + 1:
        role = text[part[honorific + 1].start:part[j - 1].end]
        has_title = True
    name_start = part[honorific + 1].start if honorific >= 0 else part[i].start
    if honorific >= 0 and j > honorific + 1:
        name_start = part[j].start if j < n else name_start
    name = text[name_start:part[-1].end]
    span_start = part[honorific].start if honorific >= 0 else name_start
    tokens = n - (honorific + 1 if honorific >= 0 else i)
    if tokens == 1 and honorific < 0 and (name in lex.alone or len(name) == 1):
        return None  # "the West", "in May", a stray initial
    cand = Candidate(span_start, part[-1].end, name, None, UNKNOWN, role=role, initial=initial and span_start == part[0].start, tokens=tokens)
    _classify(cand, name, honorific >= 0 or bool(role), lex)
    if cand.kind == GROUP:
        return None
    return cand


def _personal(token: str, lex: Lexicon) -> bool:
    """Whether a word of an unknown name may belong to a person's name: no place, no ordinary word."""
    if token in lex.first_names or token in CONNECTORS or (len(token) == 2 and token.endswith(".")):
        return True
    if lex.places.get(token, "city") != "city" or token in lex.known or any(ch.isdigit() for ch in token):
        return False  # a country or region: "Air France", "Chicago NAPM" are no people
    return token.lower() not in lex.common_words or token.isupper()


def _common(w: str, lex: Lexicon) -> bool:
    """A capitalised ordinary word ("During", "Rescuers") that is no country or known name."""
    if w.lower() not in lex.common_words:
        return False
    return lex.places.get(w, "city") == "city" and w not in lex.known


def _classify(c: Candidate, name: str, personal: bool, lex: Lexicon) -> None:
    """The kind the name itself proves, and how strongly."""
    known = lex.known.get(name)
    if known is None and name.isupper() and len(name) > 1:
        known = lex.known_folded.get(name.casefold())
    if name in lex.groups:
        c.kind, c.strength = GROUP, STRONG
        return
    if personal:
        c.kind, c.strength = PERSON, STRONG
        return
    if known is not None:
        c.kind, c.strength, c.known = known.kind, STRONG, known
        return
    toks = name.split(" ")
    first, last = toks[0], toks[-1]
    if "&" in name:
        c.kind, c.strength = ORG, STRONG  # "Douglas & Lomason", "Marks & Spencer"
    elif len(toks) > 1 and last in lex.event_suffixes:
        c.kind, c.strength = OTHER, STRONG
    elif last in lex.org_suffixes or (first in lex.org_heads and " of " in name):
        c.kind, c.strength = ORG, STRONG
    elif last in lex.place_suffixes or (len(toks) > 1 and first in _PLACE_PREFIX):
        c.kind, c.strength = PLACE, STRONG
    elif name in lex.places:
        c.kind, c.strength = PLACE, GAZETTEER
    elif len(toks) > 1 and first in lex.first_names:
        c.kind, c.strength = PERSON, GAZETTEER
    elif len(toks) > 1 and "&" not in name and first not in lex.places and all(_personal(t, lex) for t in toks):
        c.kind, c.strength = PERSON, GUESS
    elif len(toks) > 1:
        c.kind, c.strength = ORG, GUESS  # "Real Madrid", "Air France", "Gold Fields"
    elif name.isupper() and len(name) > 1:
        c.kind, c.strength = ORG, GUESS
