"""Two names joined by "and" or "for" in one run (see `tidy.py`).

"El Paso and Ciudad Juárez" is two places, "Center for Biological Diversity and Center for
Food Safety" two bodies, "Blues Incorporated for The Rolling Stones" a body and what follows;
"Department of Health and Human Services" stays one name.
"""

from __future__ import annotations

from dataclasses import replace

from .candidate import ORG, PERSON, PLACE
from .lexicon import Lexicon
from .resolved import Resolved
from .tidy_words import narrowed_to, ordinary_word


def split_at(text: str, m: Resolved, toks: list[tuple[int, int, str]], joiner: str,
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
        return [narrowed_to(m, toks[:i])]
    if m.kind == PLACE:
        if _place(left, lex) and _place(right, lex):
            return [narrowed_to(m, toks[:i]), narrowed_to(m, toks[i + 1:])]
        return None
    if m.kind == ORG:
        people = _trailing_person(left, lex)
        if people and _given(right, lex):
            return [narrowed_to(m, toks[:i - people]), replace(narrowed_to(m, toks[i - people:i]), kind=PERSON, role=""),
                    replace(narrowed_to(m, toks[i + 1:]), kind=PERSON, role="")]
        if _complete_org(left, lex) and (_own_body(right, lex) or (right[0] == left[0] and len(right) > 1)
                                         or (_named_body(right, lex) and not ordinary_word(left[-1], lex))):
            return [narrowed_to(m, toks[:i]), narrowed_to(m, toks[i + 1:])]
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
