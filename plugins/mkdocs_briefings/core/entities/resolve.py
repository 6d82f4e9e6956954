"""Document-level decisions: what a lone word is, and which mentions are one entity.

A run of words rarely proves its own kind ("Simmons", "Leicestershire"),
but the document usually does: "Simmons" is the surname of "Phil Simmons"
named earlier, "Leicestershire" is written elsewhere after "in", a headline
in capitals repeats names the body spells normally. So kinds are voted per
surface form over the whole document, surnames and acronyms are linked to
their full forms, and only then are mentions grouped into entities.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .candidate import GAZETTEER, GUESS, ORDINARY, ORG, OTHER, PERSON, PLACE, STRONG, UNKNOWN, Candidate
from .chunks import Word
from .context import is_sport, org_clue, title_clue, work_clue
from .lexicon import Lexicon
from .names import fold_key
from .recognise import followed_by_score
from .recognise_titles import ROYAL

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
_LOWER_WORD = re.compile(r"(?<![\w'\u2019\-])[a-z]+(?![\w'\u2019\-])")
_NAME_JOINERS = frozenset(("of", "and", "for", "the", "&", "on"))

#: Confidence of a mention by the evidence for its kind: an editor's register entry is 1.0; a
#: known name, a title, an honorific or a suffix is strong; a gazetteer hit may be another
#: thing of the same name; a guess from the run's shape, or no evidence at all, is weak.
KNOWN_CONF = 0.95
STRENGTH_CONF: dict[int, float] = {STRONG: 0.9, GAZETTEER: 0.7, GUESS: 0.4, UNKNOWN: 0.3, ORDINARY: 0.3}
CLUE_CONF = 0.6  # a word around a mention ("in X", "striker X")
NO_EVIDENCE_CONF = 0.2
SOURCE_CONF = 0.4  # a lone name as the source of a statement: an organisation, most likely
WEAK_CLUE_CONF = 0.45  # "in X" (a place? a company? a work?), a given name alone: shown, never linked
_SOURCE = "source"
_GIVEN = "given"
HEADLINE_CONF = 0.5  # a headline word in capitals the body or the lexicon confirms


@dataclass(slots=True)
class Resolved:
    """A mention with its final kind and the key of the entity it belongs to."""

    start: int
    end: int
    kind: str
    key: str  # canonical name of its entity
    role: str = ""
    name: str = ""  # the name as written (no honorific)
    shout: bool = False
    conf: float = 1.0  # how strongly the evidence supports the kind (see `model.LINK_CONFIDENCE`)
    sense: str = ""  # "team" for a town's team: one entity apart from the town of the same name


def resolve(text: str, cands: list[Candidate], shouted: list[list[Word]], lex: Lexicon,
            reserved: Sequence[Resolved] = (), default_kind: str = OTHER) -> list[Resolved]:
    """Final kind and entity key of every candidate, plus the names found in headlines.

    `reserved` are register mentions: kept as they are, and their people's
    names are full names that lone surnames can link to.
    """
    form_kind = _form_kinds(cands)
    guessed = _guesses(text, cands, lex, default_kind, form_kind)
    royals: dict[str, str] = {}
    # Full personal names, in text order, to link "Zelenskyy" and "Mr Smith" to.
    people: list[tuple[int, str, bool]] = []  # (start, name, may link a lone word that is a place)
    for c in cands:
        if (c.kind == PERSON and " " in c.name and form_kind.get(c.name.casefold(), ("",))[0] == PERSON
                and guessed.get(c.name, (PERSON,))[0] == PERSON):
            people.append((c.start, c.name, c.strength >= GAZETTEER))
    people.extend((r.start, r.key, True) for r in reserved if r.kind == PERSON and " " in r.key)
    name_index: dict[str, list[tuple[frozenset[str], str]]] = defaultdict(list)
    for full in sorted({p[1] for p in people}):
        ptoks = full.split(" ")
        for t in sorted(set(ptoks)):
            name_index[t].append((frozenset(ptoks), full))
    # "John Bolton" is "John R. Bolton" named shorter: every name maps to the longest form.
    containing = {full: _longest_containing(name_index, full.split(" ")) or full for full in sorted({p[1] for p in people})}
    sure_people = {containing[full] for _, full, sure in people if sure}
    by_token: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_token_titled: dict[str, list[tuple[int, str]]] = defaultdict(list)  # for "Mr Florin": a surname, a person anyway
    for start, full, sure in people:
        toks = full.split(" ")
        by_token_titled[fold_key(toks[-1])].append((start, containing[full]))  # "Mr Blair", "President Bush": surnames
        for t in (toks[0], toks[-1]) if toks[0] != toks[-1] else (toks[0],):
            if sure or t not in lex.places:
                by_token[fold_key(t)].append((start, containing[full]))
    for options in (*by_token.values(), *by_token_titled.values()):
        options.sort()
    orgs_by_initials: dict[str, str] = {}
    for c in cands:
        if c.kind == ORG and " " in c.name:
            orgs_by_initials.setdefault(_initials(c.name), c.name)

    sport: bool | None = None
    proper = _used_as_names(text, cands)
    out: list[Resolved] = list(reserved)
    for c in cands:
        name = c.name
        kind = c.kind
        if c.known is not None and not (c.known.kind != PLACE and " " not in name and fold_key(name) in by_token):
            out.append(Resolved(c.start, c.end, c.known.kind, c.known.name, c.role, name, conf=KNOWN_CONF))
            continue
        single = " " not in name
        if single and (c.strength < STRONG or kind == PERSON):
            options = (by_token_titled if kind == PERSON else by_token).get(fold_key(name), [])
            if options and kind != PERSON and guessed.get(name, ("", 0.0)) == (ORG, CLUE_CONF):
                options = [o for o in options if o[1] in sure_people]  # "Pirelli shares": not "Pirelli Cables", a guess
            if options:
                out.append(Resolved(c.start, c.end, PERSON, _link_person(options, c.start), c.role, name, conf=STRENGTH_CONF[STRONG]))
                continue
        elif kind == PERSON and guessed.get(name, (PERSON,))[0] == PERSON:
            key = containing.get(name)
            if key is None:
                key = containing[name] = _longest_containing(name_index, name.split(" ")) or name
            if name.split(" ", 1)[0] in ROYAL:  # "Crown Princess Mary", later "Queen Mary": one royal
                key = royals.setdefault(name.rsplit(" ", 1)[1], key)
            out.append(Resolved(c.start, c.end, PERSON, key, c.role, name, conf=STRENGTH_CONF[c.strength]))
            continue
        if single and name in orgs_by_initials and name.isupper():
            out.append(Resolved(c.start, c.end, ORG, orgs_by_initials[name], c.role, name, conf=STRENGTH_CONF[GAZETTEER]))
            continue
        strength = c.strength
        if strength < STRONG:
            voted = form_kind.get(name.casefold())
            if voted is not None:
                kind, strength = voted[0], max(strength, voted[1])
        if c.strength == ORDINARY and kind is None and name not in proper:
            continue  # an ordinary word nothing in the document makes a name
        if kind is None or (name in guessed and (strength == GUESS or (c.kind == PERSON and c.strength < STRONG))):
            kind, conf = guessed[name]
        else:
            conf = STRENGTH_CONF[strength]
        sense = ""
        if kind == PLACE and strength <= GAZETTEER and lex.places.get(name) == "city" and org_clue(text, c.start, c.end):
            kind, conf = ORG, CLUE_CONF  # "shares in Elan", "Seagate said in a statement": a company, not the town
        if (((kind == PLACE and strength <= GAZETTEER) or (kind == OTHER and conf <= NO_EVIDENCE_CONF))
                and _team_place(name, lex) and not _located(text, c.start, c.end)):  # "Surrey" is also a word
            if sport is None:
                sport = is_sport(text)
            if sport and not work_clue(text, c.start, c.end):  # "the Wimbledon title" is no team
                kind, conf, sense = ORG, CLUE_CONF, "team"  # "Leicestershire beat Somerset": a town or county's team
        out.append(Resolved(c.start, c.end, kind, name, c.role, name, conf=conf, sense=sense))
    _teams_throughout(out)
    _short_company_names(out, lex)
    _company_forms(text, out)
    out = _kinds_from_lists(text, out)
    out.extend(_headline_mentions(text, shouted, out, lex))
    return out


_SEP = r"(?:, | and |, and | & | or |, or )"
#: What may stand between two names of one list: a separator, or ordinary capitalised words between separators
#: ("Bournemouth East, Wells, Canterbury": "Wells" is also a word, so recognition left it out).
_LIST_GAP = re.compile(rf"{_SEP}(?:[A-Z][a-z]+{_SEP}){{0,2}}")
_GAP_WORD = re.compile(r"[A-Z][a-z]+")


def _kinds_from_lists(text: str, mentions: list[Resolved]) -> list[Resolved]:
    """Undecided names in a list take the kind the list's decided names share.

    "Modern Garments, TW Garments, Lesotho Hats and Vogue Landmark": names
    joined by commas and "and" are things of one kind; when at least two of
    them are decided on real evidence and agree, the undecided rest follow
    ("Cardiff Central, Cambridge, Manchester Gorton": constituencies), and so
    do capitalised words between them that recognition took for ordinary
    words ("Wells"). An "and" inside the list, not before its last item, joins
    one name ("Bristol West, Holborn and St Pancras, Wells"), and so does a
    last "and" between two names nothing else decides ("..., Westmorland and Lonsdale").
    """
    ms = sorted((m for m in mentions if not m.shout and m.conf > 0.0), key=lambda m: (m.start, -m.end))
    joined: dict[int, Resolved] = {}  # id of a mention folded into another -> the name it joined
    added: list[Resolved] = []
    run: list[Resolved] = []
    for m in ms:
        if run and _LIST_GAP.fullmatch(text, run[-1].end, m.start) is not None:
            run.append(m)
            continue
        added.extend(_settle_list(text, run, joined))
        run = [m]
    added.extend(_settle_list(text, run, joined))
    if not joined and not added:
        return mentions
    return [m for m in mentions if id(m) not in joined] + added


def _settle_list(text: str, run: list[Resolved], joined: dict[int, Resolved]) -> list[Resolved]:
    """Settle one list's undecided names; the mentions of words between its names, if any."""
    if len(run) < 3:
        return []
    decided = [m.kind for m in run if m.conf >= STRENGTH_CONF[GAZETTEER] and m.kind in (PERSON, ORG, PLACE)]
    if len(decided) < 2 or any(k != decided[0] for k in decided):
        return []
    kind = decided[0]
    gaps = [text[a.end:b.start] for a, b in itertools.pairwise(run)]
    for i, gap in enumerate(gaps):
        a, b = run[i], run[i + 1]
        strong_other = any(x.kind != PLACE and x.conf >= STRENGTH_CONF[STRONG] for x in (a, b))
        inside = i + 1 < len(gaps) and gaps[i + 1].startswith(",")  # "..., Holborn and St Pancras, ..."
        undecided = a.conf <= STRENGTH_CONF[GUESS] and b.conf <= STRENGTH_CONF[GUESS]  # "..., Westmorland and Lonsdale."
        if gap == " and " and (inside or undecided) and kind == PLACE and id(a) not in joined and not strong_other:
            name = text[a.start:b.end]  # "Holborn and St Pancras"
            a.end, a.key, a.name, a.role, a.kind = b.end, name, name, "", PLACE
            a.conf = min(a.conf, b.conf)
            joined[id(b)] = a
    for m in run:
        if m.conf <= STRENGTH_CONF[GUESS] and id(m) not in joined:  # no evidence, or a guess from the name's shape
            m.kind, m.conf = kind, CLUE_CONF
    added = []
    for a, b in itertools.pairwise(run):
        for w in _GAP_WORD.finditer(text, a.end, b.start):
            added.append(Resolved(w.start(), w.end(), kind, w.group(), "", w.group(), conf=CLUE_CONF))
    return added


_DOMAIN = re.compile(r"\.(?:com|net|org|co\.uk)(?![\w.])")
_PRIZE_AFTER = re.compile(r" (?:prize|prizes|award|awards|trophy)\b")


def _company_forms(text: str, mentions: list[Resolved]) -> None:
    """How companies are written around their names: "Amazon.com", "the Tata group", "the Whitbread prize".

    A web domain after a name is part of it (a company); "the X group" names
    the group X (the mention takes the word, so readers see the whole name);
    a company's name before "prize" or "award" names the prize, a work.
    """
    for m in mentions:
        if m.conf >= 1.0 or m.kind == PERSON:
            continue  # the editor's register, and people, stay as they are
        d = _DOMAIN.match(text, m.end)
        if d is not None:
            m.end, m.kind, m.conf = d.end(), ORG, max(m.conf, STRENGTH_CONF[STRONG])
            continue
        if (text.startswith(" group", m.end) and not text[m.end + 6:m.end + 7].isalnum()
                and text[max(0, m.start - 4):m.start].lower() == "the "):
            m.end = m.end + 6
            if m.conf <= STRENGTH_CONF[GUESS]:
                m.kind, m.conf = ORG, CLUE_CONF
            continue
        if m.kind == ORG and _PRIZE_AFTER.match(text, m.end) is not None:
            m.kind = OTHER


def _teams_throughout(mentions: list[Resolved]) -> None:
    """A town that is a team once in a sports report is the team wherever it is not plainly the town.

    "Bath faced with ... ultimatum", "warned Bath they have until next week":
    mentions decided on weak evidence follow the team; "in Bath" (strong,
    located) stays the town.
    """
    teams = {m.key for m in mentions if m.sense == "team"}
    if not teams:
        return
    for m in mentions:
        if m.key in teams and not m.sense and m.kind in (PLACE, OTHER) and m.conf < STRENGTH_CONF[GAZETTEER] and not m.shout:
            m.kind, m.sense, m.conf = ORG, "team", CLUE_CONF


#: Endings a company's short name drops ("Eton Corporation" is "Eton").
_LEGAL_ENDINGS = frozenset("Corporation Corp Inc Incorporated Ltd Limited Plc PLC plc Group Holdings Company Co AG SA NV".split())


def _short_company_names(mentions: list[Resolved], lex: Lexicon) -> None:
    """A lone word that is the only company of the document named "<word> Corporation" is that company."""
    full: dict[str, str] = {}
    ambiguous: set[str] = set()
    for m in mentions:
        if m.kind == ORG and " " in m.key:
            head, _, tail = m.key.partition(" ")
            if tail in _LEGAL_ENDINGS:
                if full.get(head, m.key) != m.key:
                    ambiguous.add(head)
                full[head] = m.key
    if not full:
        return
    for m in mentions:
        if " " not in m.key and m.key in full and m.key not in ambiguous and m.kind in (ORG, OTHER, PLACE) and m.conf < KNOWN_CONF:
            m.kind, m.key, m.conf = ORG, full[m.key], max(m.conf, CLUE_CONF)


def _used_as_names(text: str, cands: list[Candidate]) -> set[str]:
    """Ordinary words the document treats as names: capitalised mid-sentence twice, never in lower case.

    "Dole" and "Treasury" are dictionary words, but an article that writes
    them with a capital every time means a name.
    """
    counts: dict[str, int] = defaultdict(int)
    for c in cands:
        if c.strength == ORDINARY:
            counts[c.name] += 1
    twice = [name for name, n in counts.items() if n >= 2]
    if not twice:
        return set()
    lower_words = set(_LOWER_WORD.findall(text))  # one pass, however many words are checked
    return {name for name in twice if name.lower() not in lower_words}


def _guesses(text: str, cands: list[Candidate], lex: Lexicon, default_kind: str,
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


def _located(text: str, start: int, end: int) -> bool:
    """Whether a town is named as a place: "in Leeds", "The Oval, London", a dateline "LONDON 1996-08-30"."""
    before_word = _previous_word(text, start)
    if before_word in _PLACE_PREPOSITIONS or before_word == "of":
        return True  # "in Leeds", "Espanyol of Barcelona"
    if before_word == "the" and _LOWER_NEXT.match(text, end) is not None:
        return True  # "the Moscow club", "the Berlin grand prix": the town as an adjective
    before = text[max(0, start - 3):start].rstrip(" ")
    return before.endswith((",", "(")) or _DATE_AFTER.match(text, end) is not None


def _before_person_noun(text: str, end: int) -> bool:
    """Whether a name is followed by what only people have ("'s wife", " said he")."""
    return re.match(r"(?:['\u2019]s)? (?:wife|husband|son|daughter|mother|father|brother|sister|family)\b", text[end:end + 20]) is not None


def _team_place(name: str, lex: Lexicon) -> bool:
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


def _form_kinds(cands: list[Candidate]) -> dict[str, tuple[str, int]]:
    """The kind the document gives each surface form (casefolded).

    The strongest evidence wins ("President Clinton" over a town called
    Clinton), then the most of it; ties fall to a fixed order of kinds.
    """
    votes: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for c in cands:
        if c.kind is not None and c.known is None and c.strength > ORDINARY:
            v = votes[c.name.casefold()].setdefault(c.kind, [0, 0])
            v[0] = max(v[0], c.strength)
            v[1] += c.strength
    out: dict[str, tuple[str, int]] = {}
    for form, by_kind in votes.items():
        kind = next(iter(by_kind)) if len(by_kind) == 1 else max(sorted(by_kind), key=lambda k: (by_kind[k][0], by_kind[k][1]))
        out[form] = (kind, by_kind[kind][0])
    return out


def _link_person(options: list[tuple[int, str]], start: int) -> str:
    """The full name a lone surname refers to: the closest one named before it, else the first.

    `options` is sorted by position, so a binary search keeps this
    logarithmic however often the name recurs.
    """
    i = bisect_left(options, (start, ""))
    return options[i - 1][1] if i > 0 else options[0][1]


def _longest_containing(index: dict[str, list[tuple[frozenset[str], str]]], toks: list[str]) -> str | None:
    """The longest full name whose words include all of these ("George Bush" in "George W. Bush").

    Only the names sharing the rarest of the words are compared.
    """
    lists = [index.get(t, []) for t in toks]
    shortest = min(lists, key=len)
    want = set(toks)
    best: str | None = None
    for ptoks, name in shortest:
        if want <= ptoks and (best is None or len(name) > len(best) or (len(name) == len(best) and name < best)):
            best = name
    return best


def _initials(name: str) -> str:
    """"United Nations" -> "UN": the acronym a full organisation name may be written as."""
    return "".join(w[0] for w in name.split(" ") if w and w not in _NAME_JOINERS and w[0].isupper())


def _previous_word(text: str, start: int) -> str:
    """The lower-cased word before `start`, looking back a few characters only."""
    before = text[max(0, start - 16):start].split()
    return before[-1].lower() if before else ""


def _headline_mentions(text: str, shouted: list[list[Word]], found: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """Names in lines written in capitals: only those the body or the lexicon confirms.

    Every word of a headline is capitalised, so capitals prove nothing there;
    a word is a name only if the same name (any case) is known from the body,
    is a well-known name, or is a place that is not also an ordinary word.
    """
    if not shouted:
        return []
    forms: dict[str, tuple[str, str]] = {}
    for r in found:
        if r.sense:
            continue  # a town's team in the body: the town in a headline is still the town (a score makes it a team below)
        forms.setdefault(r.name.casefold(), (r.kind, r.key))
        if r.kind == PERSON:
            last = r.key.rsplit(" ", 1)[-1]
            forms.setdefault(last.casefold(), (r.kind, r.key))
    out: list[Resolved] = []
    for ws in shouted:
        i = 0
        while i < len(ws):
            matched = 0
            for n in range(min(4, len(ws) - i), 0, -1):
                form = text[ws[i].start:ws[i + n - 1].end]
                folded = form.casefold()
                hit: tuple[str, str] | None = forms.get(folded)
                if hit is None:
                    known = lex.known_folded.get(folded)
                    if known is not None:
                        hit = (known.kind, known.name)
                if hit is None:
                    title = form.title()
                    typ = lex.places.get(title)
                    if typ is not None and (typ != "city" or title.lower() not in lex.common_words) and title not in lex.groups:
                        hit = (PLACE, title)
                if (hit is not None and hit[0] == PLACE and lex.places.get(hit[1]) in ("city", "region")
                        and followed_by_score(text, ws[i + n - 1].end)):
                    hit = (ORG, hit[1])
                if hit is not None:
                    out.append(Resolved(ws[i].start, ws[i + n - 1].end, hit[0], hit[1], "", form, True, conf=HEADLINE_CONF))
                    matched = n
                    break
            i += matched or 1
    return out

