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

from .lexicon import Lexicon
from .recognise import PERSON
from .resolve import Resolved

_ROLE_WORD = r"[A-Za-z][\w'\u2019\-]*"
#: ", the mayor of Enerhodar," after a name: up to eight words ending the clause.
_APPOSITION = re.compile(rf", (?:the |a |an |[A-Z]\w+'s )?((?:{_ROLE_WORD} ){{0,7}}{_ROLE_WORD})(?=[,.;:]| said| says| told)")
#: "The UN human rights chief says": a definite role phrase before a speech verb.
_ROLE_SUBJECT = re.compile(
    rf"[Tt](?<!\w[Tt])he ((?:{_ROLE_WORD} ){{0,6}}{_ROLE_WORD})(?=,? (?:says|said|told|added|warned|stated|claimed)\b)"
)
_INTRO_WINDOW = 400


def role_mentions(text: str, mentions: list[Resolved], lex: Lexicon, ignored: frozenset[str]) -> list[Resolved]:
    """Mentions for role-only references; sets apposition roles on the named mentions."""
    people = sorted((m for m in mentions if m.kind == PERSON), key=lambda m: m.start)
    by_role: dict[str, str] = {}
    for m in people:
        a = _APPOSITION.match(text, m.end)
        if a is None:
            continue
        phrase = a.group(1)
        if not _is_role(phrase, lex):
            continue
        if not m.role:
            m.role = phrase
        by_role.setdefault(phrase.casefold(), m.key)
    for m in people:
        if m.role and _is_role(m.role, lex):
            by_role.setdefault(m.role.casefold(), m.key)
    taken = sorted((m.start, m.end) for m in mentions if m.kind == PERSON)
    out: list[Resolved] = []
    for s in _ROLE_SUBJECT.finditer(text):
        phrase = s.group(1)
        if not _is_role(phrase, lex) or s.group() in ignored:
            continue
        key = by_role.get(phrase.casefold()) or _introduced(people, s.end(), by_role)
        if key is None or _overlaps(taken, s.start(), s.end()):
            continue
        out.append(Resolved(s.start(), s.end(), PERSON, key, phrase, s.group()))
    lowered = text.lower() if by_role else ""
    for phrase, key in sorted(by_role.items()):
        if " " not in phrase or len(phrase) != len(phrase.lower()):
            continue  # a lone "mayor" is too vague to find again
        needle = "the " + phrase.lower()
        at = lowered.find(needle) if len(lowered) == len(text) else -1  # lower() may change lengths ("\u0130")
        while at >= 0:
            end = at + len(needle)
            whole = (at == 0 or not lowered[at - 1].isalnum()) and (end == len(text) or not lowered[end].isalnum())
            if whole and not _overlaps(taken, at, end) and all(o.start != at for o in out):
                out.append(Resolved(at, end, PERSON, key, "", text[at:end]))
            at = lowered.find(needle, end)
    return out


def _is_role(phrase: str, lex: Lexicon) -> bool:
    """Whether a phrase names a position: its last word (or the word before "of") is a role noun."""
    words = phrase.split(" ")
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.lower() in lex.role_nouns


def _introduced(people: list[Resolved], after: int, by_role: dict[str, str]) -> str | None:
    """The person first named within a few sentences after a role-only subject."""
    seen_before = {m.key for m in people if m.start < after}
    for m in people:
        if m.start < after:
            continue
        if m.start > after + _INTRO_WINDOW:
            return None
        if m.key not in seen_before and m.key not in by_role.values() and " " in m.name:
            return m.key
        seen_before.add(m.key)
    return None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any span (few spans per document: a linear scan is fine)."""
    return any(s < end and start < e for s, e in spans)
