"""A mention as resolution leaves it (`Resolved`), and the confidence each kind of evidence earns.

Every stage after `resolve.py` (roles, agencies, tidy, the register, merge) reads and makes
these, so they live apart from the code that first makes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .candidate import GAZETTEER, GUESS, ORDINARY, STRONG, UNKNOWN

#: Confidence of a mention by the evidence for its kind: an editor's register entry is 1.0; a
#: known name, a title, an honorific or a suffix is strong; a gazetteer hit may be another
#: thing of the same name; a guess from the run's shape, or no evidence at all, is weak.
KNOWN_CONF = 0.95
STRENGTH_CONF: dict[int, float] = {STRONG: 0.9, GAZETTEER: 0.7, GUESS: 0.4, UNKNOWN: 0.3, ORDINARY: 0.3}
CLUE_CONF = 0.6  # a word around a mention ("in X", "striker X")
NO_EVIDENCE_CONF = 0.2
SOURCE_CONF = 0.4  # a lone name as the source of a statement: an organisation, most likely
WEAK_CLUE_CONF = 0.45  # "in X" (a place? a company? a work?), a given name alone: shown, never linked
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
