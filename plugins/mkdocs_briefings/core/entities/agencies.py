"""Organisations named by a description: "Ukraine's state emergencies agency".

News often names a national body by what it does rather than by its title.
When a country's possessive is followed by a lower-case description ending
in an agency word, that description is an organisation: its mention is the
description (the country keeps its own mention), its name includes the
country so that "Ukraine's" and "Poland's" health ministries stay apart.
"""

from __future__ import annotations

import re

from .candidate import ORG
from .lexicon import Lexicon
from .resolved import Resolved

_HEADS = "agency|ministry|service|committee|commission|department|authority|inspectorate|regulator"
#: "'s state emergencies agency": a possessive ending, one to three lower-case words, a head.
#: It starts with the apostrophe, a rare character, so the regex engine skips ahead quickly.
_DESCRIBED = re.compile(rf"['\u2019]s ((?:[a-z][\w\-]* ){{1,3}}(?:{_HEADS}))(?![\w\-])")
#: The possessor before it: one or two capitalised words ("Ukraine", "Saudi Arabia").
_POSSESSOR = re.compile(r"(?<![\w\-])([A-Z][\w\-]*(?: [A-Z][\w\-]*)?)$")


def described_organisations(text: str, lex: Lexicon, ignored: frozenset[str]) -> list[Resolved]:
    """Mentions of organisations named by description after a country's possessive."""
    out: list[Resolved] = []
    for m in _DESCRIBED.finditer(text):
        p = _POSSESSOR.search(text, max(0, m.start() - 40), m.start())
        if p is None:
            continue
        country, description = p.group(1), m.group(1)
        if lex.places.get(country) not in ("country", "region") and (country not in lex.known or lex.known[country].kind != "place"):
            continue
        if description in ignored or description.split(" ", 1)[0] in _NOT_DESCRIPTIVE:
            continue
        canonical = lex.known[country].name if country in lex.known else country
        out.append(Resolved(m.start(1), m.end(1), ORG, f"{canonical}'s {description}", "", description, conf=0.7))
    return out


#: First words that make the phrase no name ("Ukraine's own agency", "Britain's biggest agency").
_NOT_DESCRIPTIVE = frozenset(
    "a an the own new old main biggest largest top leading former other only first second its their".split()
)
