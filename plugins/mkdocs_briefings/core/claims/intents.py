"""Stated intentions: "Clinton wants to triple the size of AmeriCorps", "the party plans to ...".

News reports what a source wants, plans, intends or has decided as it
reports what the source said: the intention is the source's position, and
PolNeAR annotates it as an attribution. These verbs are not cue verbs: they
never attribute a quotation written beside them, and most of their uses
attribute nothing ("voters who want to", "is expected to", "the plans to").
So they have their own, narrow rule:

- the verb is finite and followed by "to" and a verb ("wants to expand");
- its subject is a source a reader can name: a name, a pronoun (not "I"
  or "you", the writer and the reader), or "the"/"a" and a noun of people
  or bodies ("the campaign", "officials");
- the words are not already inside another claim ("Clinton says she wants
  to ...": the claim is what she says) nor inside a quotation.
"""

from __future__ import annotations

import re

from ..patterns import trie_regex
from .context import Context
from .cues import word_matches
from .draft import Draft, Range, covered, inside
from .reported import clause_end
from .speakers import plausible_speaker, speaker_for_cue

_VERBS: tuple[str, ...] = (
    "wants", "wanted", "plans", "planned", "intends", "intended", "expects", "expected", "decided", "voted", "votes"
)
#: Finite forms of the verbs of intention, then "to" and a verb (not a noun phrase: "plans to the
#: council", "wanted to the end"), or "that" and a clause ("The IMF expects that output will grow").
INTENT = re.compile(
    r"(?<![\w'\u2019-])(?P<cue>" + trie_regex(list(_VERBS)) + r")\s+(?:(?P<to>to)\s+"
    r"(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those|him|them|me|us|be)\b)"
    r"(?=[a-z])|(?P<that>that)\s+(?=\S))"
)
#: The literal openings of the verbs, found with `str.find` before the pattern is tried.
_STEMS: tuple[str, ...] = ("want", "plan", "intend", "expect", "decided", "vote")
#: Words before the verb that make it no statement of the subject's: a relative clause of another
#: noun ("voters who want to"), a passive or perfect auxiliary ("is expected to"), a negation, a
#: modal ("may want to": a guess, not a stance), a condition ("if they want to").
NOT_BEFORE: frozenset[str] = frozenset(
    "who that which whom whoever if unless whether when because as than is are was were be been being "
    "not never n't may might could would should must will can "
    "and or but so what whatever".split()
)
#: Subjects that are the writer, the reader or nobody in particular.
_NOT_SOURCES: frozenset[str] = frozenset("i you we one this that there anyone everyone someone nobody".split())
#: A subject phrase must open like a name or a description: a capital, a pronoun or a determiner.
_SOURCE_START = re.compile(r"(?:[A-Z]|(?:he|she|it|they|the|a|an|his|her|their|its|some|many|most|several)\b)")
_WORD = re.compile(r"[\w'\u2019-]+")


def words_before(ctx: Context, at: int) -> tuple[tuple[int, int], int, int, list[str]]:
    """The sentence around `at` (its key, its start after any lead-in, its end) and the lower-case
    words just before `at` in it: what the intention and topic cues check before they fire."""
    si = ctx.sentence_key(at)
    s_start, s_end = ctx.layout.bounds(si)
    s_start = ctx.sentence_start(s_start)
    return si, s_start, s_end, _WORD.findall(ctx.text[max(s_start, at - 24):at].lower())


def negated(prev: list[str]) -> bool:
    """The word before a cue undoes it ("never wanted", "didn't plan")."""
    return bool(prev) and (prev[-1] in NOT_BEFORE or prev[-1].endswith(("n't", "n\u2019t")))


def intent_claims(ctx: Context, claimed: list[Range], quoted: list[Range]) -> list[Draft]:
    """A claim for each stated intention whose subject is a source, outside other claims and quotations.

    `claimed` and `quoted` are sorted (start, end) ranges of the claims found
    so far and of the quotations.
    """
    text = ctx.text
    out: list[Draft] = []
    for m in word_matches(text, _STEMS, INTENT):
        cue = m.span("cue")
        if inside(quoted, *cue) or covered(claimed, *cue):
            continue
        si, s_start, s_end, prev = words_before(ctx, cue[0])
        if negated(prev):
            continue
        if m.group("to") and text[cue[0]:cue[1]] == "expected":
            continue  # "the device, expected to cost $250": a participle; "expected that" is the verb
        start = m.start("to") if m.group("to") else m.start("that")
        end = clause_end(text, start, s_end, ctx.stops)
        if end is None or len(text[start:end].split()) < 3:
            continue
        speaker = speaker_for_cue(text, s_start, cue[0], cue[1])
        if speaker is None or not source_like(text[speaker[0]:speaker[1]]):
            continue
        out.append(Draft("indirect", (start, end), cue, speaker, si))
    return out


def source_like(phrase: str) -> bool:
    """Whether a subject phrase names or describes a source ("Clinton", "she", "the campaign", not "you")."""
    words = phrase.split()
    if not words or words[0].lower() in _NOT_SOURCES:
        return False
    return _SOURCE_START.match(phrase) is not None and plausible_speaker(phrase)

