"""Reported speech: where the clause a cue introduces begins and ends.

"Zelenskyy said that prospects ... didn't seem promising, but emphasised
the need to negotiate, adding that ..." holds two claims: each reported
clause starts after its cue (and any adverbials or addressee: "told
reporters on Friday that") and ends where the sentence does, or where the
next attribution of the same sentence starts. Like PolNeAR, the clause
keeps its "that" and drops the sentence's final full stop.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .cues import ADDRESSEE_VERBS, CLAUSE, THAT_CLAUSE, cue_forms, cue_pattern, tag_of

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
_MEDIUM = (
    r"(?:statement|interview|post|tweet|briefing|conference|speech|video|message|letter|email|address|call|"
    r"appearance|Twitter|Facebook|X|television|radio|broadcast|report|filing|hearing|session|meeting|op-ed|"
    r"podcast|documents?|court|parliament|Parliament|Congress)s?"
)
#: An adverbial between a cue and its clause ("said on Friday (NZT) in a statement that").
_ADVERBIAL = re.compile(
    r"(?:\s*(?:,|\((?:[A-Z]{2,5}|local time)\)|(?:"
    r"(?:on\s+)?(?:(?:last|this|late|early)\s+)?" + _DAY + r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next|earlier|later)\s+(?:week|month|year|weekend)"
    r"|(?:in|on|at|during|via|through)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w\-]+\s+){0,3}?" + _MEDIUM +
    r"|(?:again|also|publicly|privately|repeatedly|recently|earlier|later|separately|flatly|simply|bluntly|"
    r"then|too|previously|now|once|only|frankly|firmly|angrily|calmly|quietly)"
    r")\b))*"
)
_THAT = re.compile(r"\bthat\b")
_CLAUSE_START_BAD = re.compile(
    r"(?:to|of|in|on|at(?!\s+least\b)|for|with|by|from|about|into|as|after|before|during|over|under|than|and|or|but|so|"
    r"it\.|nothing|something|anything|yes|no|goodbye|hello|thanks|sorry|"
    r"[.,;:!?)\]\u2013\u2014-])(?:\b|\s|$)|$"
)


@lru_cache(maxsize=1)
def _clause_stop() -> re.Pattern[str]:
    """Where a reported clause stops before the sentence does: the next attribution or a new clause."""
    verbs = "|".join(sorted(cue_forms(), key=lambda w: (-len(w), w)))
    return re.compile(
        r",\s*(?:adding|saying|noting|stating|arguing|insisting|claiming|explaining|warning|telling|"
        r"writing|according to)\b"
        r"|,?\s+(?:but|and)\s+(?:also\s+|then\s+|later\s+)?(?:" + verbs + r")\b"
        r"|,\s*(?:he|she|they|it)\s+(?:said|says|added|adds)\b"
        r"|;|\s[\u2013\u2014]\s"
    )


_SENT_FINAL = ".!?"


class ClauseStops:
    """Where reported clauses may stop, found by one scan of the text on first use.

    Searching from every cue to its sentence end would cost the sentence
    length per cue (quadratic on a run-on text full of cues); one scan plus
    a binary search per clause keeps the engine linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def first(self, start: int, end: int) -> int | None:
        """The first stop at or after `start` and before `end`, or None."""
        if self._starts is None:
            self._starts = [m.start() for m in _clause_stop().finditer(self.text)]
        i = bisect_left(self._starts, start)
        if i < len(self._starts) and self._starts[i] < end:
            return self._starts[i]
        return None


def clause_after(
    text: str, cue_start: int, cue_end: int, sent_end: int, stops: ClauseStops | None = None
) -> tuple[int, int] | None:
    """The reported clause a cue introduces, or None when what follows is not a clause."""
    cue = text[cue_start:cue_end]
    tag = tag_of(cue)
    pos = _ADVERBIAL.match(text, cue_end).end()
    if cue.lower() in ADDRESSEE_VERBS:
        pos = _skip_addressee(text, pos, sent_end)
    while pos < sent_end and text[pos].isspace():
        pos += 1
    if _THAT.match(text, pos):
        start = pos
    elif (that := _distant_that(text, pos, sent_end)) is not None:
        start = that
    elif tag != CLAUSE or pos >= sent_end or _CLAUSE_START_BAD.match(text, pos):
        return None
    else:
        start = pos
    if start == pos and not _THAT.match(text, pos) and not _looks_finite(text, start, sent_end):
        return None  # an object, not a clause: "claimed victory over the city"
    end = clause_end(text, start, sent_end, stops)
    if end is None or len(text[start:end].split()) < 3:
        return None
    if start == pos and not _THAT.match(text, pos) and not _looks_finite(text, start, end):
        return None
    return start, end


def _distant_that(text: str, pos: int, sent_end: int) -> int | None:
    """A "that" a few words on, past an addressee or adverbial ("told a town hall in Salem on Monday that").

    What stands between must have no verb, punctuation that ends a clause,
    quotation mark or other cue; otherwise the "that" belongs to something else
    ("said more than 2000 civilians have died, a claim that ...").
    """
    that = _THAT.search(text, pos, min(sent_end, pos + 100))
    if that is None:
        return None
    between = text[pos:that.start()]
    if len(between.split()) > 12 or any(ch in between for ch in '.;:!?"\u201c\u201d()'):
        return None
    if _FINITE.search(between) or cue_pattern().search(between):
        return None
    return that.start()


#: Words that show a clause has a finite verb near its start ("troops had encircled").
_FINITE_WORDS = (
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|shall|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|couldn't|can't|shouldn't|didn't|"
    r"doesn't|don't|[a-z]{3,}ed|went|came|made|took|gave|knew|thought|told|began|saw|got|left|won|lost|ran|"
    r"sent|met|kept|held|found|brought|felt|led|paid|spent|stood|became|needs|wants|remains|seems)"
)
_FINITE = re.compile(r"\b" + _FINITE_WORDS + r"\b")
_SUBJECT_PRONOUN = re.compile(r"(?:he|she|they|it|we|I|you|there|this)\b", re.IGNORECASE)


_QUOTED_VERB = re.compile("[\"\u201c]\\s*" + _FINITE_WORDS + r"\b")


def _looks_finite(text: str, start: int, sent_end: int) -> bool:
    """Whether a bare reported clause has a subject pronoun or a verb within its first words.

    A quotation opening with a verb also counts ('said the town, where ...,
    "has been destroyed"'): it is the predicate of the reported clause.
    """
    if _SUBJECT_PRONOUN.match(text, start):
        return True
    words = text[start:min(sent_end, start + 90)].split()[:9]
    if _FINITE.search(" ".join(words)) is not None:
        return True
    return _QUOTED_VERB.search(text, start, min(sent_end, start + 300)) is not None


_ADDRESSEE = re.compile(
    r"\s*(?:(?:the|a|an|his|her|their|its)\s+)?(?:[A-Z][\w'\u2019.\-]*\s*|reporters\s*|journalists\s*|"
    r"lawmakers\s*|supporters\s*|members\s*|officials\s*|them\s*|him\s*|her\s*|me\s*|us\s*|you\s*){1,5}"
)


def _skip_addressee(text: str, pos: int, sent_end: int) -> int:
    """Skip the person told ("told reporters", "told the BBC") before the clause."""
    m = _ADDRESSEE.match(text, pos, sent_end)
    if m is None or m.end() == pos:
        return pos
    return _ADVERBIAL.match(text, m.end()).end()


def clause_end(text: str, start: int, sent_end: int, stops: ClauseStops | None = None) -> int | None:
    """Where the clause ends: before the next attribution, or the sentence's final mark."""
    if stops is not None:
        found = stops.first(start + 1, sent_end)
    else:
        m = _clause_stop().search(text, start + 1, sent_end)
        found = m.start() if m is not None else None
    end = found if found is not None else sent_end
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SENT_FINAL + ","):
        end -= 1
    return end if end > start else None


def is_that_tag(cue: str) -> bool:
    return tag_of(cue) == THAT_CLAUSE
