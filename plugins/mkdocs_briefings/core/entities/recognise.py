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
from functools import lru_cache

from .candidate import ARTICLES, GAZETTEER, GROUP, ORDINARY, ORG, PLACE, UNKNOWN, Candidate
from .chunks import CHUNK, Lines, Word, sentence_initial, words
from .context import is_sport
from .lexicon import Known, Lexicon, lexicon
from .recognise_cuts import cut_inner, split_run
from .recognise_kinds import classify_name, common_word
from .recognise_titles import analyse

_CACHED_LENGTH = 200  # longer runs are rare and not worth keeping in the cache
#: Places that can be sports teams (towns, counties, states; national teams stay places).
_TEAM_PLACES = frozenset(("city", "region"))
_TEAM_NEXT = re.compile(r" (?:captain|coach|manager|skipper|beat|beats|drew|defeated|thrashed|v|vs|versus)\b")
_TEAM_PREV = tuple(f" {w} " for w in "beat beating v vs versus".split())
_SCORE = re.compile(r" {1,3}(\d+)(?:-\d+)?(?=[ \n,;)]|$)(?! *(?:per|percent|pct|%|points|pts|years?|km|miles|people|metres|meters|tonnes))")


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
    for whole, whole_initial in split_run(chunk, words(chunk, 0, len(chunk)), lex, initial):
        for k, part in enumerate(cut_inner(chunk, whole, lex)):
            if len(part) == 1 and not part[0].text.endswith("."):
                w = part[0]  # a one-word part follows the one-word rules, offsets shifted
                out.extend((w.start + p[0], w.start + p[1], *p[2:]) for p in _single(w.text, whole_initial and k == 0, lex))
                continue
            c = analyse(chunk, part, whole_initial and k == 0, lex)
            if c is not None:
                out.append((c.start, c.end, c.name, c.kind, c.strength, c.role, c.known))
    return tuple(out)


def _single(w: str, initial: bool, lex: Lexicon) -> tuple[_Parsed, ...]:
    """`_parse` of a one-word run, the most common case, without the general machinery."""
    if w in lex.known or (w in lex.companies and not (initial and w.lower() in lex.common_words)):
        c = Candidate(0, len(w), w, None, UNKNOWN)
    else:
        if len(w) == 1 or w in ARTICLES or w in lex.stop or w in lex.alone or (initial and common_word(w, lex)):
            return ()
        if w in lex.titles or w.rstrip(".") in lex.titles or w in lex.groups or w in lex.honorifics:
            return ()
        if common_word(w, lex):
            # "the Committee", "Brown": an ordinary word, capitalised; only the document
            # can make it a name (a surname of someone named, a team with a score).
            return ((0, len(w), w, None, ORDINARY, "", None),)
        c = Candidate(0, len(w), w, None, UNKNOWN)
    classify_name(c, w, False, lex)
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
