"""Roles from the text: appositions, and role-only references to a named holder.

"Dmytro Orlov, the mayor of Enerhodar, said" gives Orlov the role "mayor of
Enerhodar"; then "The mayor of Enerhodar ... says", anywhere in the
article, is a mention of Orlov (readers and the claims engine need the
speaker). A role-only subject of a speech verb that no apposition explains
("The UN human rights chief says ...") is the person the next sentences
introduce by name, the usual news pattern.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .candidate import PERSON
from .lexicon import Lexicon
from .resolved import Resolved

_ROLE_WORD = r"[A-Za-z][\w'\u2019\-]*"
#: ", the mayor of Enerhodar," after a name: up to eight words ending the clause.
_APPOSITION = re.compile(rf", (?:the |a |an |[A-Z]\w+'s )?((?:{_ROLE_WORD} ){{0,7}}{_ROLE_WORD})(?=[,.;:]| said| says| told)")
#: Speech verbs whose subject may be a role-only reference ("The UN human rights chief says").
_SPEECH_VERBS = tuple(f" {v} " for v in ("says", "said", "told", "added", "warned", "stated", "claimed")) + tuple(
    f" {v}," for v in ("says", "said", "added", "warned")
)
#: The words of a role phrase after "the": up to seven words, no punctuation.
_ROLE_PHRASE = re.compile(r"(?:[A-Za-z][\w'\u2019\-]* ){0,6}[A-Za-z][\w'\u2019\-]*")
_INTRO_WINDOW = 400
_LONGEST_MENTION = 200
#: Lower-case words that never start or extend a role ("including colleague", "and an officer").
_NOT_IN_ROLES = frozenset(
    "and or but nor with without including by for to of from in on at as than that which who whom whose "
    "said says told added his her their its our my your this these those such also then".split()
)
_CAP_WORD = re.compile(r"[A-Z][\w'\u2019\-]*")
_MONTHS = frozenset("January February March April May June July August September October November December".split())
#: Capitalised words that open sentences and are no part of a role ("Earlier Tory leader Michael Howard").
_OPENERS = frozenset(
    "The A An But And As In On At Earlier Later Meanwhile However Now Then Also Yet Still Instead "
    "Last Next When While After Before Since During Despite Although Though If".split()
)


def role_mentions(text: str, mentions: list[Resolved], lex: Lexicon, ignored: frozenset[str]) -> list[Resolved]:
    """Mentions for role-only references; sets apposition roles on the named mentions."""
    people = sorted((m for m in mentions if m.kind == PERSON), key=lambda m: m.start)
    by_role: dict[str, str] = {}
    for m in people:
        if not m.role:
            m.role = _role_before(text, m.start, lex)
    for m in people:
        a = _APPOSITION.match(text, m.end)
        if a is None:
            continue
        phrase = a.group(1)
        first = phrase.split(" ", 1)[0]
        if first in _NOT_IN_ROLES or first in lex.function_words or not _is_role(phrase, lex):
            continue
        if not m.role:
            m.role = phrase
        by_role.setdefault(phrase.casefold(), m.key)
    for m in people:
        if m.role and _is_role(m.role, lex):
            by_role.setdefault(m.role.casefold(), m.key)
    taken = sorted((m.start, m.end) for m in mentions if m.kind == PERSON)
    first_seen: dict[str, int] = {}
    for m in people:
        first_seen.setdefault(m.key, m.start)
    starts = [m.start for m in people]
    holders = set(by_role.values())
    out: list[Resolved] = []
    out_starts: set[int] = set()
    for start, end in _role_subjects(text):
        phrase = text[start + 4:end]
        if not _is_role(phrase, lex) or text[start:end] in ignored:
            continue
        key = by_role.get(phrase.casefold()) or _introduced(people, starts, first_seen, end, holders, _head(phrase))
        if key is None or _overlaps(taken, start, end):
            continue
        out.append(Resolved(start, end, PERSON, key, phrase, text[start:end], conf=0.0))
        out_starts.add(start)
    lowered = text.lower() if by_role else ""
    for phrase, key in sorted(by_role.items()):
        if " " not in phrase or len(phrase) != len(phrase.lower()):
            continue  # a lone "mayor" is too vague to find again
        needle = "the " + phrase.lower()
        at = lowered.find(needle) if len(lowered) == len(text) else -1  # lower() may change lengths ("\u0130")
        while at >= 0:
            end = at + len(needle)
            whole = (at == 0 or not lowered[at - 1].isalnum()) and (end == len(text) or not lowered[end].isalnum())
            if whole and at not in out_starts and not _overlaps(taken, at, end):
                out.append(Resolved(at, end, PERSON, key, "", text[at:end], conf=0.0))
                out_starts.add(at)
            at = lowered.find(needle, end)
    return out


def _role_subjects(text: str) -> list[tuple[int, int]]:
    """Spans of "the <words>" right before a speech verb, found from the (rarer) verbs backwards."""
    verbs: list[int] = []
    for verb in _SPEECH_VERBS:  # one C-speed str.find pass per verb beats a regex over the text
        at = text.find(verb)
        while at >= 0:
            verbs.append(at)
            at = text.find(verb, at + 1)
    out: list[tuple[int, int]] = []
    for end in sorted(verbs):
        if end < 1:
            continue
        if text[end - 1] == ",":
            end -= 1
        left = max(0, end - 90)
        at = max(text.rfind("the ", left, end), text.rfind("The ", left, end))
        if at < 0 or (at > 0 and (text[at - 1].isalnum() or text[at - 1] in "-'")):
            continue
        if _ROLE_PHRASE.fullmatch(text, at + 4, end):
            out.append((at, end))
    return out


def _role_before(text: str, start: int, lex: Lexicon) -> str:
    """A role written right before a name: "Defence Ministry spokesman", "presidential adviser".

    The word before the name must be a lower-case role noun (a dict lookup,
    so the common case costs nothing); the role then extends back over up to
    two lower-case and four capitalised words.
    """
    if start < 2 or text[start - 1] != " ":
        return ""
    words = text[max(0, start - 100):start - 1].split(" ")
    if not words or (words[-1] not in lex.role_nouns and words[-1] not in lex.titles):
        return ""  # a lower-case role noun, or a title left outside a register mention
    i = len(words) - 1
    lower = 0
    while (i > 0 and lower < 2 and words[i - 1][:1].islower() and words[i - 1].isalpha() and words[i - 1] not in _NOT_IN_ROLES
           and words[i - 1] not in lex.function_words and not words[i - 1].endswith("ed")):
        i -= 1  # "shadow home secretary"; not a verb ("accused", "described")
        lower += 1
    upper = 0
    while (i > 0 and upper < 4 and _CAP_WORD.fullmatch(words[i - 1]) and words[i - 1].lower() not in lex.function_words
           and words[i - 1] not in _OPENERS and words[i - 1] not in lex.honorifics and words[i - 1] not in lex.stop
           and words[i - 1] not in _MONTHS):
        i -= 1  # "Liberal Democrat leader"; not a sentence opener ("But", "Earlier")
        upper += 1
    return " ".join(words[i:])


def _is_role(phrase: str, lex: Lexicon) -> bool:
    """Whether a phrase names a position: its last word (or the word before "of") is a role noun."""
    words = phrase.split(" ")
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.lower() in lex.role_nouns


def _introduced(people: list[Resolved], starts: list[int], first_seen: dict[str, int], after: int,
                holders: set[str], head: str) -> str | None:
    """The person first named within a few sentences after a role-only subject, holding that role.

    "The UN human rights chief says ... Volker Türk, the UN's rights chief":
    the person introduced next is the one described unless the text gives
    them another kind of role (its head noun): "the police spokesman" is not
    a name of "Prime Minister Tony Blair" named next.
    """
    for i in range(bisect_left(starts, after), len(people)):
        m = people[i]
        if m.start > after + _INTRO_WINDOW:
            return None
        if first_seen[m.key] >= after and m.key not in holders and " " in m.name:
            roles = [p.role for p in people[i:] if p.key == m.key and p.role]
            return m.key if not roles or any(_head(r) == head for r in roles) else None
    return None


def _head(phrase: str) -> str:
    """The noun a role phrase is about: "chief" of "UN human rights chief", "mayor" of "mayor of Enerhodar"."""
    words = phrase.casefold().split(" ")
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the sorted spans (mentions are short: look back a little)."""
    i = bisect_left(spans, (end, -1))
    while i > 0:
        i -= 1
        s, e = spans[i]
        if e > start:
            return True
        if s < start - _LONGEST_MENTION:
            return False
    return False
