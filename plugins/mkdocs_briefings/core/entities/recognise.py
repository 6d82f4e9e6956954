"""From runs of capitalised words to name candidates with a first guess at their kind.

Each run is cut where a connector or a full stop does not belong to a name
("Derbyshire and Surrey" is two names, "Bank of England" one, "U.S. President
Bill Clinton" a place and a person), stripped of
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

from ..text import ABBREVIATIONS
from .chunks import CHUNK, CONNECTORS, Lines, Word, sentence_initial, words
from .context import is_sport
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
_DIGIT = re.compile(r"\d")
#: Offices that end a role phrase ("US Secretary", "Senate Majority Leader"), seldom surnames.
_OFFICES = frozenset(
    "Secretary Senator Representative Councillor Councilman Councilwoman Minister President Governor Leader "
    "Chairman Chairwoman Director Ambassador Spokesman Spokeswoman Commissioner Chief Mayor Premier "
    "Executive Deputy Adviser Advisor Envoy Secretary-General Attorney-General Prosecutor Manager Coach".split()
)
_MAX_NAME_WORDS = 12
_CACHED_LENGTH = 200  # longer runs are rare and not worth keeping in the cache
#: Places that can be sports teams (towns, counties, states; national teams stay places).
_TEAM_PLACES = frozenset(("city", "region"))
_TEAM_NEXT = re.compile(r" (?:captain|coach|manager|skipper|beat|beats|drew|defeated|thrashed|v|vs|versus)\b")
_TEAM_PREV = tuple(f" {w} " for w in "beat beating v vs versus".split())
_SCORE = re.compile(r" {1,3}(\d+)(?:-\d+)?(?=[ \n,;)]|$)(?! *(?:per|percent|pct|%|points|pts|years?|km|miles|people|metres|meters|tonnes))")

#: Evidence strength: how sure the run alone makes us of its kind.
STRONG, GAZETTEER, GUESS, UNKNOWN, ORDINARY = 3, 2, 1, 0, -1


@dataclass(slots=True)
class Candidate:
    """One name as written, with what the text around it says about it."""

    start: int  # mention span, honorific included ("Mr Smith")
    end: int
    name: str  # the name without honorific ("Smith")
    kind: str | None
    strength: int
    role: str = ""  # title words stripped before the name ("Ukrainian President")
    known: Known | None = None


def find_candidates(text: str, lex: Lexicon, lines: Lines) -> tuple[list[Candidate], list[list[Word]]]:
    """Candidates from prose, and the capitalised runs of headline lines (decided later)."""
    out: list[Candidate] = []
    shouted: list[list[Word]] = []
    known, stop, places = lex.known, lex.stop, lex.places
    sport: bool | None = None
    for m in CHUNK.finditer(text):
        chunk = m.group()
        start = m.start()
        if len(chunk) > 1 and chunk.isupper() and chunk not in known and chunk not in stop and lines.shouting(start, m.end()):
            shouted.append(words(text, start, m.end()))
            continue
        before = text[start - 2:start]
        if len(before) == 2 and before[1] == " " and (before[0].isalnum() or before[0] == ","):
            initial = False  # the common case, mid-sentence, without a function call
        else:
            initial = sentence_initial(text, start)
        parsed = _parse(chunk, initial) if len(chunk) <= _CACHED_LENGTH else _parse.__wrapped__(chunk, initial)
        for rs, re_, name, kind, strength, role, entry in parsed:
            s, e = start + rs, start + re_
            if (kind is None or (kind == PLACE and places.get(name) in _TEAM_PLACES)) and (
                followed_by_score(text, e) or _team_context(text, s, e)
            ):
                if strength == ORDINARY:  # an ordinary word before a number is "Section 5", "Top 500", "Radio 1"
                    if sport is None:
                        sport = is_sport(text)  # ... except in a results table ("Eagles 3")
                    if not sport:
                        out.append(Candidate(s, e, name, kind, strength, role, entry))
                        continue
                kind, strength = ORG, GAZETTEER  # "Chicago 4 Houston 1", "Surrey captain": teams (a surname of someone named wins)
            out.append(Candidate(s, e, name, kind, strength, role, entry))
    return out, shouted


_Parsed = tuple[int, int, str, "str | None", int, str, "Known | None"]


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
    for whole, whole_initial in _split(chunk, words(chunk, 0, len(chunk)), lex, initial):
        for k, part in enumerate(_cut_inner(chunk, whole, lex)):
            if len(part) == 1 and not part[0].text.endswith("."):
                w = part[0]  # a one-word part follows the one-word rules, offsets shifted
                out.extend((w.start + p[0], w.start + p[1], *p[2:]) for p in _single(w.text, whole_initial and k == 0, lex))
                continue
            c = _analyse(chunk, part, whole_initial and k == 0, lex)
            if c is not None:
                out.append((c.start, c.end, c.name, c.kind, c.strength, c.role, c.known))
    return tuple(out)


def _cut_inner(chunk: str, part: list[Word], lex: Lexicon) -> list[list[Word]]:
    """Cut a name from the title of another inside one run.

    "U.S. President Bill Clinton" and "Chicago Cardinal Joseph Bernardin" are
    a place and a titled person; "U.S. Agriculture Department" is a country
    and one of its ministries. A name ending like an organisation ("Texas
    Health Resources") is left whole.
    """
    n = len(part)
    if n < 2:
        return [part]
    last = part[-1].text
    k = 0
    while k < n and (part[k].text in lex.titles or part[k].text in _OFFICES):
        k += 1
    if 2 <= k < n - 1 and part[k].text == "of":
        # "Director General of the British Chambers of Commerce": an office, then the body.
        rest = k + 1 + (part[k + 1].text == "the")
        return [part[rest:]] if rest < n else [part]
    if last in lex.org_suffixes and n >= 3:
        for m in (1, 2):
            head = chunk[part[0].start:part[m - 1].end]
            entry = lex.known.get(head)
            if (lex.places.get(head) == "country" or (entry is not None and entry.kind == PLACE)) and part[m].text in lex.titles:
                return [part[:m], part[m:]]
        return [part]
    if last in lex.place_suffixes or last in lex.event_suffixes:
        return [part]
    for m in (1, 2, 3):
        if m < n - 1 and part[m].text in lex.first_names and _is_place(chunk[part[0].start:part[m - 1].end], lex):
            return [part[:m], part[m:]]  # "United States Joe Biden": a place, then a person
    if part[0].text in lex.titles and n >= 3 and part[1].text == "of" and part[2].text not in lex.titles:
        # "Minister of Information Moammar al-Eryani": the office, then the holder.
        return [part[:1], part[2:3], part[3:]] if n > 3 else [part[:1], part[2:]]
    for k in range(1, n - 1):
        w = part[k].text
        if w in lex.titles and w not in lex.org_suffixes and part[k - 1].text not in CONNECTORS:
            before = part[:k]
            if any(b.text in ("of", "for") for b in before) and part[k + 1].text in ("of", "for", "on"):
                return [part]  # "Office of the UN High Commissioner for Human Rights": the title is inside a body's name
            if all(b.text in lex.titles or b.text in lex.honorifics or b.text in lex.groups or b.text in _ARTICLES
                   or b.text in CONNECTORS for b in before):
                return [part]  # "Prime Minister", "Ukrainian Defence Minister": one role
            return [before, part[k:]]  # "Former US | Senator Kay Hagan": a place inside the role
    return [part]


def _single(w: str, initial: bool, lex: Lexicon) -> tuple[_Parsed, ...]:
    """`_parse` of a one-word run, the most common case, without the general machinery."""
    if w in lex.known or (w in lex.companies and not (initial and w.lower() in lex.common_words)):
        c = Candidate(0, len(w), w, None, UNKNOWN)
    else:
        if len(w) == 1 or w in _ARTICLES or w in lex.stop or w in lex.alone or (initial and _common(w, lex)):
            return ()
        if w in lex.titles or w.rstrip(".") in lex.titles or w in lex.groups or w in lex.honorifics:
            return ()
        if _common(w, lex):
            # "the Committee", "Brown": an ordinary word, capitalised; only the document
            # can make it a name (a surname of someone named, a team with a score).
            return ((0, len(w), w, None, ORDINARY, "", None),)
        c = Candidate(0, len(w), w, None, UNKNOWN)
    _classify(c, w, False, lex)
    if c.kind == GROUP:
        return ()
    return ((c.start, c.end, c.name, c.kind, c.strength, c.role, c.known),)


def _team_context(text: str, start: int, end: int) -> bool:
    """Whether the words around a place make it a team ("beat Kent", "Surrey captain Chris Lewis")."""
    return _TEAM_NEXT.match(text, end) is not None or text.endswith(_TEAM_PREV, max(0, start - 12), start)


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
        elif len(current) >= _MAX_NAME_WORDS:
            parts.append((current, cur_initial))  # no name is this long: keep the work linear
            current, pending, cur_initial = [w], [], False
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
    return len(core) == 1 or "." in core or core in lex.honorifics or core.lower() in ABBREVIATIONS


def _joins(text: str, current: list[Word], pending: list[Word], nxt: Word, lex: Lexicon) -> bool:
    """Whether connectors between two capitalised words belong to one name."""
    conns = [p.text for p in pending]
    if all(c in _PARTICLES for c in conns):
        return True
    first = current[1].text if current[0].text in _ARTICLES and len(current) > 1 else current[0].text
    head = conns[0]
    if head == "in":  # "Organisation for Security ... in Europe", "Human Rights in China"
        return (first in lex.org_heads and nxt.text not in lex.places) or text[current[0].start:nxt.end] in lex.known
    if head in ("of", "for", "on", "upon"):
        if first in lex.org_heads or first in _PLACE_OF_HEADS or current[-1].text in lex.org_suffixes:
            return True
        if head == "of" and len(current) == 2 and current[0].text in _PEERS and nxt.text not in lex.titles:
            return True  # "Lord Irvine of Lairg", "Baroness Thatcher of Kesteven": a peer's territorial title
        # "Minister of Information ...", "US Secretary of State ...": an office and its portfolio.
        return head == "of" and len(current) <= 2 and current[-1].text in lex.titles
    if conns == ["&"]:
        return True
    if conns == ["and"]:
        joined = text[current[0].start:nxt.end]
        if first in lex.org_heads or joined in lex.places or joined in lex.known:
            return True
        return _body_and(text, current, nxt, lex)
    return False


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'\u2019&.-]*(?: [A-Z][\w'\u2019&.-]*)*")


def _body_and(text: str, current: list[Word], nxt: Word, lex: Lexicon) -> bool:
    """Whether "and" joins two parts of one body's name: after a body's word "of" a field ("National
    Institute of Allergy and Infectious Diseases"), or between ordinary words before a body's word
    ("Food and Agriculture Organization"); not between two names ("London and Westminster")."""
    ws = [w.text for w in current]
    for i in range(1, len(ws) - 1):
        if ws[i] in ("of", "for") and (ws[i - 1] in lex.org_suffixes or ws[i - 1] in lex.org_heads):
            return True
    if len(ws) > 2 or not all(w.lower() in lex.common_words and w not in lex.places for w in ws):
        return False
    run = _CAPITALISED_RUN.match(text, nxt.start)
    if run is None:
        return False
    after = run.group().split()
    return 2 <= len(after) <= 4 and after[-1] in lex.org_suffixes and all(
        w.lower() in lex.common_words and w not in lex.places for w in after)


#: What "First" makes a title of: the head of state's spouse.
_SPOUSES: frozenset[str] = frozenset(("Lady", "Gentleman"))


def _analyse(text: str, part: list[Word], initial: bool, lex: Lexicon) -> Candidate | None:
    """Strip what is not the name from one part, and classify what is left."""
    n = len(part)
    last = part[-1].text
    suffix_kind = (ORG if last in lex.org_suffixes or _org_of(part, lex) else PLACE if last in lex.place_suffixes
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
        if w in _ARTICLES or (w in lex.stop and w not in lex.honorifics) or (w in CONNECTORS and w not in _PARTICLES):
            i += 1  # "The", or a connector left at the start by a cut ("and Skills", "of Scots")
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
        elif w == "First" and j + 2 < n and part[j + 1].text in _SPOUSES:
            has_title = True  # "First Lady Michelle Obama": a title, though "Lady" alone is an honorific
            j += 1
        elif w in lex.groups or (w in CONNECTORS and j + 1 < n and part[j + 1].text in lex.titles):
            pass
        elif j + 1 < n and f"{w} {part[j + 1].text}" in lex.groups:
            j += 1
        else:
            break
        j += 1
    while j < n and part[j].text in CONNECTORS and part[j].text not in _PARTICLES:
        j += 1  # "Education and Skills": a portfolio, not a title before a name
    if j >= n:
        return None  # only titles or nationalities: "Russian President", "Ukrainians"
    if honorific >= 0 and j == n - 1 and (part[j].text in lex.titles or part[j].text in _OFFICES):
        return None  # "Lord Chancellor", "Lord Mayor": an office, nobody named
    role = ""
    name_start = part[i].start
    if honorific >= 0:
        # "Mr Smith" keeps its honorific in the span; titles after it are the role.
        if j > honorific + 1:
            role = text[part[honorific + 1].start:part[j - 1].end]
        name_start = part[j].start
    elif j > i and suffix_kind is None:
        # "Ukrainian President Volodymyr Zelenskyy": the title is the role, not the name.
        # A name ending like an organisation keeps them ("Russian Defence Ministry").
        if has_title:
            role = text[part[i].start:part[j - 1].end]
        name_start = part[j].start
    if honorific < 0 and suffix_kind is None and last in _OFFICES and n > 1 and part[-2].text not in lex.first_names:
        # "US Secretary", "City Councillor": a role phrase with no holder named in it;
        # only a place before the office is a name ("US").
        k = n - 1
        while k > i and (part[k - 1].text in _OFFICES or part[k - 1].text in lex.titles):
            k -= 1
        head = text[part[i].start:part[k - 1].end] if k > i else ""
        if head and _is_place(head, lex):
            entry = lex.known.get(head)
            c = Candidate(part[i].start, part[k - 1].end, head, PLACE, STRONG, known=entry)
            return c
        return None
    name = text[name_start:part[-1].end]
    span_start = part[honorific].start if honorific >= 0 else name_start
    if honorific < 0 and " " not in name and (name in lex.alone or len(name) == 1):
        return None  # "the West", "in May", a stray initial
    if role and " " not in name and name.endswith("s") and name.lower() in lex.common_words:
        return None  # "State Legislatures": a title word before a plural noun is no person
    cand = Candidate(span_start, part[-1].end, name, None, UNKNOWN, role=role)
    _classify(cand, name, honorific >= 0 or bool(role), lex)
    if cand.kind == PERSON and honorific < 0 and not role and i > 0 and part[i - 1].text == "The":
        cand.kind, cand.strength = OTHER, GUESS  # "The Amber Spyglass": nobody is called "The John Smith"
    if role and cand.kind == PERSON:
        royal = _royal_title(role)
        if royal:
            cand.name = f"{royal} {name}"  # "Prince Charles", "Crown Princess Mary": how royals are named
    if cand.kind == GROUP:
        return None
    return cand


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
#: Peers, whose names may end in "of <place>".
_PEERS = frozenset(("Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl", "Countess"))
#: Titles that are part of a royal's name ("Prince Charles"), unlike offices ("President Bush").
ROYAL = frozenset("Crown King Queen Prince Princess Emperor Empress Pope Kings Queens Princes Princesses".split())


def _royal_title(role: str) -> str:
    """The royal title ending a role ("Crown Prince" of "Danish Crown Prince"), or ""."""
    words = role.split(" ")
    k = len(words)
    while k > 0 and words[k - 1] in ROYAL:
        k -= 1
    return " ".join(words[k:]) if k < len(words) and words[-1] != "Crown" else ""


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


def _org_of(toks: list[Word] | list[str], lex: Lexicon) -> bool:
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


def _is_place(name: str, lex: Lexicon) -> bool:
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
    elif len(toks) > 2 and first in _PLACE_OF_HEADS and toks[1] == "of" and first not in ("United", "City"):
        c.kind, c.strength = PLACE, STRONG  # "Republic of Ireland", "Isle of Man", "Gulf of Mexico"
    elif last in lex.org_suffixes or _org_of(toks, lex):
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
