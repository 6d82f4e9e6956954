"""A speaker span to the entity it refers to, with how sure the engine is.

Three ways a source is written, from surest to least sure:

- a name ("Mr Pound", "Liberal Democrat leader Charles Kennedy"): the
  entity whose mention heads the phrase;
- a pronoun ("he said"): the previous claim's speaker when it is near and
  compatible, else the subject of the nearest earlier sentence;
- a definite description ("the party", "the Ealing North MP"): the entity
  of that kind named most recently, a person whose role matches first.

Anything else ("a senior official", "analysts") is an unnamed source and
stays unresolved. The confidence says which way was taken, so the site
links only what a reader can trust and `briefings review` lists the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import LINK_CONFIDENCE
from .descriptions import (
    DOCUMENT_WORDS,
    description_head,
    kind_fits,
    name_fits,
    role_fits,
)
from .draft import SentenceKey, inside
from .layout import Layout
from .resolve import OTHER_PRONOUNS, PERSON_PRONOUNS, PRONOUN_REACH, Resolver

#: Whether an entity (id, kind) may be the speaker looked for.
Fits = Callable[[str, str], bool]

#: Confidence of each way a speaker is linked (see the module docstring).
NAMED = 0.95
PRONOUN_PREVIOUS = 0.75
PRONOUN_SUBJECT = 0.55
ROLE_MATCH = 0.7
DESCRIPTION_PREVIOUS = 0.6
DESCRIPTION_NEAREST = 0.45
REPORT_AUTHOR = 0.45
#: A document credited to the organisation named in the same phrase ("a report by the NAO").
DOCUMENT_AUTHOR = 0.85
#: An unnamed source given as written ("a senior official"): right as it stands, as a rule.
UNNAMED = 0.6
#: A pronoun, description or name-like phrase the engine could not link.
UNRESOLVED = 0.2

#: Kinds a weakly typed speaker may have and still be the person a pronoun refers to.
_GUESSABLE: frozenset[str] = frozenset(("organisation", "other"))

_INDEFINITE: frozenset[str] = frozenset(
    "a an one two three four some many several other others most few critics analysts experts officials "
    "sources observers insiders economists campaigners residents witnesses".split()
)


@dataclass
class Linker:
    """Resolves speakers in text order, remembering who spoke last."""

    text: str
    layout: Layout
    resolver: Resolver
    #: (sentence, entity, kind) of earlier resolved speakers.
    recent: list[tuple[SentenceKey, str, str]] = field(default_factory=list)
    #: Where earlier direct quotations are: a name inside one is the speaker's words, not an antecedent.
    quoted: list[tuple[int, int]] = field(default_factory=list)

    def link(self, start: int, end: int, sentence: SentenceKey, salient: bool = True) -> tuple[str | None, float]:
        """(entity or None, confidence) for the speaker `text[start:end]` of a claim in `sentence`.

        A speaker that is not `salient` (named inside another claim) is not remembered as the last one.
        """
        phrase = self.text[start:end]
        word = phrase.lower()
        if word in PERSON_PRONOUNS or word in OTHER_PRONOUNS:
            entity, confidence = self._pronoun(word, start, sentence)
        else:
            entity = self.resolver.head_entity(start, end)
            confidence = NAMED
            if entity is None:
                entity, confidence = self._described(phrase, start, sentence)
        if entity is not None and salient:
            self.recent.append((sentence, entity, self.resolver.kind(entity) or ""))
        return entity, confidence

    def _previous(self, sentence: SentenceKey, fits: Fits) -> str | None:
        """The previous claim's speaker, if it is a few sentences away at most and `fits(entity, kind)`."""
        if not self.recent:
            return None
        sent, ent, kind = self.recent[-1]
        near = self.layout.distance(sent, sentence, PRONOUN_REACH) < PRONOUN_REACH
        return ent if near and fits(ent, kind) else None

    def _nearest(self, pos: int, sentence: SentenceKey, fits: Fits, subject_fits: Fits | None = None) -> str | None:
        """The first fitting mention of the nearest sentence (up to the speaker) that has one.

        Mentions inside earlier quotations are skipped. `subject_fits`, if
        given, may also accept the first mention of a sentence (its subject, as a rule).
        """
        key: SentenceKey | None = sentence
        for back in range(PRONOUN_REACH + 1):
            if key is None:
                break
            a, b = self.layout.bounds(key)
            first = True
            for start, ent in self.resolver.mentions_in(a, pos if back == 0 else b):
                if inside(self.quoted, start, start + 1):
                    continue
                kind = self.resolver.kind(ent) or ""
                if fits(ent, kind) or (first and subject_fits is not None and subject_fits(ent, kind)):
                    return ent
                first = False
            key = self.layout.previous(key)
        return None

    def _author(self, start: int, end: int) -> str | None:
        """The last organisation named inside a phrase about a document ("a report by X", "X's survey")."""
        found = None
        for _, ent in self.resolver.mentions_in(start, end):
            if self.resolver.kind(ent) == "organisation":
                found = ent
        return found

    def _pronoun(self, word: str, pos: int, sentence: SentenceKey) -> tuple[str | None, float]:
        """"he"/"she" want a person, "it"/"they" anything else."""
        want_person = word in PERSON_PRONOUNS

        def fits(_: str, kind: str) -> bool:
            return (kind == "person") == want_person

        def speaker_fits(ent: str, kind: str) -> bool:
            # A speaker whose kind the entity engine only guessed ("Parry" as an organisation, on weak
            # evidence) may be who "he" is: the pronoun is better evidence than the guess.
            weak = want_person and kind in _GUESSABLE and self.resolver.confidences.get(ent, 1.0) < LINK_CONFIDENCE
            return fits(ent, kind) or weak

        found = self._previous(sentence, speaker_fits)
        if found is not None:
            return found, PRONOUN_PREVIOUS
        if not want_person:
            # "it said": an organisation speaks far more often than a place does
            found = self._nearest(pos, sentence, lambda _, kind: kind == "organisation")
            if found is not None:
                return found, PRONOUN_SUBJECT
        found = self._nearest(pos, sentence, fits, speaker_fits)
        return (found, PRONOUN_SUBJECT) if found is not None else (None, UNRESOLVED)

    def _described(self, phrase: str, pos: int, sentence: SentenceKey) -> tuple[str | None, float]:
        """A definite description's entity; an unnamed source or an unknown name stays unresolved."""
        if any(w.lower().strip(".,'\u2019s") in DOCUMENT_WORDS or w.lower() in DOCUMENT_WORDS for w in phrase.split()):
            author = self._author(pos, pos + len(phrase))
            if author is not None:
                return author, DOCUMENT_AUTHOR
        desc = description_head(phrase)
        if desc is None:
            words = phrase.split()
            first = words[0].lower() if words else ""
            last = words[-1] if words else ""
            # "a senior official", "analysts", "G7 ministers", "Studies": a common noun heads an unnamed
            # source; a capitalised head is a name the entities lack, or a pronoun no one was found for.
            unnamed = first in _INDEFINITE or last.lower() in _INDEFINITE or last.islower() or (
                len(words) == 1 and last.endswith("s") and last[1:].islower()
            )
            return None, UNNAMED if unnamed else UNRESOLVED
        wanted, head = desc
        resolver = self.resolver
        if wanted == "report":
            found = self._previous(sentence, lambda _, kind: kind == "organisation")
            found = found or self._nearest(pos, sentence, lambda _, kind: kind == "organisation")
            return (found, REPORT_AUTHOR) if found is not None else (None, UNRESOLVED)

        def fits(_: str, kind: str) -> bool:
            return kind_fits(wanted, head, kind)

        if wanted == "person":

            def person_fits(strict: bool) -> Callable[[str, str], bool]:
                def check(ent: str, kind: str) -> bool:
                    return kind == "person" and role_fits(head, phrase, resolver.roles.get(ent, ()), strict)

                return check

            named = resolver.latest_before(pos, person_fits(True)) or resolver.latest_before(pos, person_fits(False))
        else:
            named = resolver.latest_before(
                pos, lambda ent, kind: fits(ent, kind) and name_fits(head, resolver.names.get(ent, ""))
            )
        if named is not None:
            return named, ROLE_MATCH
        found = self._previous(sentence, fits)
        if found is not None:
            return found, DESCRIPTION_PREVIOUS
        found = self._nearest(pos, sentence, fits)
        return (found, DESCRIPTION_NEAREST) if found is not None else (None, UNRESOLVED)
