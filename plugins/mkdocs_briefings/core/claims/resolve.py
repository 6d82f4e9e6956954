"""Resolving a speaker span to an entity of the document.

A span resolves to the entity whose mention is the head of the phrase:
"Ukraine's presidential adviser Mykhialo Podolyak" is Podolyak, not
Ukraine, and "Ukraine's state emergencies agency" is not Ukraine at all
(a modifier, not a head), so it stays unresolved unless the entity engine
knows the whole phrase. Pronouns go to the most recent compatible source:
the previous claim's speaker if it is near, else the subject of the nearest
earlier sentence that names one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..model import Entity

#: How many sentences back a pronoun may reach for its antecedent.
PRONOUN_REACH = 4
#: How many mentions back a description may reach for the entity it refers to.
LATEST_REACH = 200
PERSON_PRONOUNS = frozenset(("he", "she", "him", "her", "his"))
OTHER_PRONOUNS = frozenset(("it", "they", "its", "their", "we"))
_POSTMODIFIERS = (" of ", " for ", " at ", " from ", " in ", ", ")
_MODIFIER_BEFORE = ("of ", "of the ", "for ", "for the ", "at ", "at the ", "from ", "from the ", "in ", "in the ")


_WORD = re.compile(r"[\w][\w'\u2019.\-]*")
_OF_WORDS = frozenset(("of", "for", "at", "from", "in"))


@lru_cache(maxsize=1 << 14)
def _norm(form: str) -> str:
    """A surface form compared without case, a leading "the" or a possessive ending.

    Cached: every mention of every entity is normalised, and names recur.
    """
    form = " ".join(form.replace("\u2019", "'").lower().split())
    if form.startswith("the "):
        form = form[4:]
    return form[:-2] if form.endswith("'s") else form


class Resolver:
    """Mentions of the document's entities, indexed by offset for span look-ups."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        rows = sorted(
            (m.start, m.end, e.id, e.kind)
            for e in entities
            for m in e.mentions
            if 0 <= m.start < m.end <= len(text)
        )
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.kinds = {e.id: e.kind for e in entities}
        self.names = {e.id: e.name for e in entities}
        self.confidences = {e.id: e.confidence for e in entities}
        self.roles = {e.id: e.roles for e in entities}
        self.longest = max((r[1] - r[0] for r in rows), default=0)
        # Surface forms naming exactly one entity, for speakers the entity engine missed.
        owners: dict[str, set[str]] = {}
        for e in entities:
            forms = [e.name, *(text[m.start:m.end] for m in e.mentions if 0 <= m.start < m.end <= len(text))]
            if e.kind == "person" and len(e.name.split()) > 1:
                forms.append(e.name.split()[-1])  # a person is referred to by surname alone
            for form in forms:
                owners.setdefault(_norm(form), set()).add(e.id)
        self.surfaces = {form: ids.pop() for form, ids in owners.items() if form and len(ids) == 1}

    def kind(self, entity: str | None) -> str | None:
        return self.kinds.get(entity) if entity else None

    def _overlapping(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [r for r in self.rows[lo:hi] if r[1] > start]

    def head_entity(self, start: int, end: int) -> str | None:
        """The entity named by the head of the phrase `text[start:end]`, if any."""
        best: tuple[int, int, int, str] | None = None
        for m_start, m_end, ent, kind in self._overlapping(start, end):
            if not self._is_head(start, end, m_start, m_end):
                continue
            # Prefer a person, then the longest mention, then the rightmost.
            key = (kind == "person", m_end - m_start, m_end, ent)
            if best is None or key > best:
                best = key
        if best is not None:
            return best[3]
        return self._by_surface(start, end)

    def _by_surface(self, start: int, end: int) -> str | None:
        """The entity whose name the phrase ends with ("French President Emmanuel Macron" -> Macron).

        Only a run of capitalised words at the end of the phrase counts, and
        not after "of"/"for": that run is the head, not a modifier.
        """
        words = _WORD.findall(self.text, start, end)
        for i in range(len(words)):
            tail = words[i:]
            j = i - 1
            while j >= 0 and words[j].lower() in ("the", "a", "an"):
                j -= 1
            if not all(w[:1].isupper() for w in tail) or (j >= 0 and words[j].lower() in _OF_WORDS):
                continue
            found = self.surfaces.get(_norm(" ".join(tail)))
            if found is not None:
                return found
        return None

    def _is_head(self, start: int, end: int, m_start: int, m_end: int) -> bool:
        """Whether a mention heads the phrase rather than modifying it ("Ukraine's ...", "... of Ukraine")."""
        text = self.text
        if m_start > start and text[max(start, m_start - 9):m_start].endswith(_MODIFIER_BEFORE):
            return False
        if m_end >= end:
            return True
        rest = text[m_end:end]
        if rest[:1] in ("'", "\u2019"):
            return False
        return rest.startswith(_POSTMODIFIERS)

    def persons_before(self, start: int, end: int) -> list[tuple[int, str]]:
        """Person mentions starting in [start, end), in order."""
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end - 1) if end > start else lo
        return [(r[0], r[2]) for r in self.rows[lo:hi] if r[3] == "person"]

    def others_before(self, start: int, end: int) -> list[tuple[int, str]]:
        """Organisation, group and place mentions starting in [start, end), in order."""
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end - 1) if end > start else lo
        return [(r[0], r[2]) for r in self.rows[lo:hi] if r[3] != "person"]

    def latest_before(self, pos: int, accept: Callable[[str, str], bool], reach: int = LATEST_REACH) -> str | None:
        """The entity of the last mention before `pos` that `accept(entity, kind)` takes.

        At most `reach` mentions are looked at, so a long text costs no more
        per speaker than a short one.
        """
        k = bisect_left(self.starts, pos)
        for i in range(k - 1, max(k - 1 - reach, -1), -1):
            _, end, ent, kind = self.rows[i]
            if end <= pos and accept(ent, kind):
                return ent
        return None

    def mentions_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """Mentions of any kind starting in [start, end), in order."""
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end - 1) if end > start else lo
        return [(r[0], r[2]) for r in self.rows[lo:hi]]
