"""Document-level decisions: what a lone word is, and which mentions are one entity.

A run of words rarely proves its own kind ("Simmons", "Leicestershire"),
but the document usually does: "Simmons" is the surname of "Phil Simmons"
named earlier, "Leicestershire" is written elsewhere after "in", a headline
in capitals repeats names the body spells normally. So kinds are voted per
surface form over the whole document, surnames and acronyms are linked to
their full forms, and only then are mentions grouped into entities.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from .candidate import GAZETTEER, GUESS, ORDINARY, ORG, OTHER, PERSON, PLACE, STRONG, Candidate
from .chunks import Word
from .context import is_sport, org_clue, work_clue
from .lexicon import Lexicon
from .names import fold_key
from .recognise_titles import ROYAL
from .resolve_forms import company_forms, short_company_names, teams_throughout
from .resolve_guesses import guess_kinds, is_located, team_place
from .resolve_headlines import headline_mentions
from .resolve_lists import kinds_from_lists
from .resolved import CLUE_CONF, KNOWN_CONF, NO_EVIDENCE_CONF, STRENGTH_CONF, Resolved

_LOWER_WORD = re.compile(r"(?<![\w'\u2019\-])[a-z]+(?![\w'\u2019\-])")
_NAME_JOINERS = frozenset(("of", "and", "for", "the", "&", "on"))


def resolve(text: str, cands: list[Candidate], shouted: list[list[Word]], lex: Lexicon,
            reserved: Sequence[Resolved] = (), default_kind: str = OTHER) -> list[Resolved]:
    """Final kind and entity key of every candidate, plus the names found in headlines.

    `reserved` are register mentions: kept as they are, and their people's
    names are full names that lone surnames can link to.
    """
    form_kind = _form_kinds(cands)
    guessed = guess_kinds(text, cands, lex, default_kind, form_kind)
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
                and team_place(name, lex) and not is_located(text, c.start, c.end)):  # "Surrey" is also a word
            if sport is None:
                sport = is_sport(text)
            if sport and not work_clue(text, c.start, c.end):  # "the Wimbledon title" is no team
                kind, conf, sense = ORG, CLUE_CONF, "team"  # "Leicestershire beat Somerset": a town or county's team
        out.append(Resolved(c.start, c.end, kind, name, c.role, name, conf=conf, sense=sense))
    teams_throughout(out)
    short_company_names(out, lex)
    company_forms(text, out)
    out = kinds_from_lists(text, out)
    out.extend(headline_mentions(text, shouted, out, lex))
    return out


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
