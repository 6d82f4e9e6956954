"""A name candidate as recognition finds it: the kinds and how strong the evidence is.

Every stage after recognition reads these, so they live apart from the code that makes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Known

PERSON, ORG, PLACE, GROUP, OTHER = "person", "organisation", "place", "group", "other"

#: Connectors that are part of personal and place names ("de Gaulle", "bin Laden").
PARTICLES = frozenset("de du des del della la le van von der den da di dos das y al bin ibn".split())
#: Heads of "X of Y" place names.
PLACE_OF_HEADS = frozenset(
    "Gulf Bay Sea Isle Isles Cape Strait Republic Kingdom Province State City Lake Mount Duchy Islands "
    "United Commonwealth Federation Principality Emirate Sultanate Straits Port".split()
)
ARTICLES = frozenset(("The", "A", "An"))
#: Offices that end a role phrase ("US Secretary", "Senate Majority Leader"), seldom surnames.
OFFICES = frozenset(
    "Secretary Senator Representative Councillor Councilman Councilwoman Minister President Governor Leader "
    "Chairman Chairwoman Director Ambassador Spokesman Spokeswoman Commissioner Chief Mayor Premier "
    "Executive Deputy Adviser Advisor Envoy Secretary-General Attorney-General Prosecutor Manager Coach".split()
)

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
