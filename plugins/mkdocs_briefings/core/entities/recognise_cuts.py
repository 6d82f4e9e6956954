"""Where a run of capitalised words is cut into names (the first step of `recognise.py`).

A full stop that ends a sentence, a stop word or a connector that joins no name cuts the run
("Derbyshire and Surrey"); "of", "for", "and" inside a body's name do not ("Bank of England",
"Food and Agriculture Organization"); a title inside the run cuts a place from a person ("U.S. |
President Bill Clinton").
"""

from __future__ import annotations

import re

from ..text import ABBREVIATIONS
from .candidate import ARTICLES, OFFICES, PARTICLES, PLACE, PLACE_OF_HEADS
from .chunks import CONNECTORS, Word
from .lexicon import Lexicon
from .recognise_kinds import is_place

_MAX_NAME_WORDS = 12


def cut_inner(chunk: str, part: list[Word], lex: Lexicon) -> list[list[Word]]:
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
    while k < n and (part[k].text in lex.titles or part[k].text in OFFICES):
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
        if m < n - 1 and part[m].text in lex.first_names and is_place(chunk[part[0].start:part[m - 1].end], lex):
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
            if all(b.text in lex.titles or b.text in lex.honorifics or b.text in lex.groups or b.text in ARTICLES
                   or b.text in CONNECTORS for b in before):
                return [part]  # "Prime Minister", "Ukrainian Defence Minister": one role
            return [before, part[k:]]  # "Former US | Senator Kay Hagan": a place inside the role
    return [part]


def split_run(text: str, ws: list[Word], lex: Lexicon, initial: bool) -> list[tuple[list[Word], bool]]:
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
    if all(c in PARTICLES for c in conns):
        return True
    first = current[1].text if current[0].text in ARTICLES and len(current) > 1 else current[0].text
    head = conns[0]
    if head == "in":  # "Organisation for Security ... in Europe", "Human Rights in China"
        return (first in lex.org_heads and nxt.text not in lex.places) or text[current[0].start:nxt.end] in lex.known
    if head in ("of", "for", "on", "upon"):
        if first in lex.org_heads or first in PLACE_OF_HEADS or current[-1].text in lex.org_suffixes:
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


#: Peers, whose names may end in "of <place>".
_PEERS = frozenset(("Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl", "Countess"))
