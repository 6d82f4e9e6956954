"""Claims reported through a noun or a phrase: "despite Sony's assertion that ...", "made it clear".

A possessive source and a noun of saying, then "that" and the clause,
attribute the clause to the possessor as plainly as a verb would ("Sony
asserted that ..."). Only a named possessor counts (capitalised words or
"the X"): "its claims that ..." has no source a reader could name; and
only after a preposition or a verb, where the clause runs to the end of
the sentence ("The party's claim that taxes would fall was disputed"
would need a parser to end the clause before "was").
"""

from __future__ import annotations

import re

from .context import Context
from .draft import Draft
from .reported import clause_end
from .speakers import plausible_speaker, speaker_for_cue

#: Nouns of saying that take a "that" clause.
_NOUNS = (
    "assertion|assertions|claim|claims|insistence|warning|warnings|argument|admission|accusation|accusations|"
    "allegation|allegations|promise|pledge|assurance|assurances|announcement|statement|contention|suggestion|"
    "prediction|belief|view|fear|fears|hope|hopes|concern|concerns|complaint|complaints|charge|charges"
)
#: The possessive, the noun and "that": it opens with an apostrophe, a rare character the regex
#: engine skips to quickly; the owner before it is then looked for in a short window (the owner
#: pattern tried at every position of the text cost more than the rest of the claims engine).
_NOUN_THAT = re.compile(r"['\u2019]s?\s+(?:[a-z]+\s+){0,2}?(?P<noun>" + _NOUNS + r")\s+(?P<that>that)\s")
#: The owner: "the X (Y)" or up to four capitalised words, right before the apostrophe.
_OWNER = re.compile(r"(?:\b[Tt]he\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|(?:\b[A-Z][\w.\-&]*\s+){0,3}\b[A-Z][\w.\-&]*)$")
_OWNER_WINDOW = 160
#: The noun phrase must be a preposition's object, so that its clause runs on to the end of the
#: sentence ("despite Sony's assertion that ..."); as a subject, its clause stops at a verb no rule finds.
_AFTER_PREPOSITION = re.compile(
    r"\b(?:despite|amid|after|following|over|about|against|with|of|on|to|by|rejected|dismissed|denied|echoed)\s+$", re.IGNORECASE
)
#: Capitalised words that open a sentence rather than name a source.
_NOT_OWNERS: frozenset[str] = frozenset("the this that it its his her their our my your".split())


def noun_claims(ctx: Context) -> list[Draft]:
    """A claim for each "X's assertion that ...", with X as its speaker."""
    text = ctx.text
    out: list[Draft] = []
    for m in _NOUN_THAT.finditer(text):
        o = _OWNER.search(text, max(0, m.start() - _OWNER_WINDOW), m.start())
        if o is None:
            continue
        owner = o.span()
        if text[owner[0]:owner[1]].lower() in _NOT_OWNERS:
            continue
        start = m.start("that")
        s_start, s_end = ctx.sentence(start)
        if owner[0] < s_start or not _AFTER_PREPOSITION.search(text, max(s_start, owner[0] - 12), owner[0]):
            continue  # "The party's claim that taxes would fall was disputed": the clause is the subject's
        end = clause_end(text, start, s_end, ctx.stops)
        if end is None or len(text[start:end].split()) < 4:
            continue
        out.append(Draft("indirect", (start, end), m.span("noun"), owner, ctx.sentence_key(start)))
    return out


#: Phrases of saying made of several words ("has made it clear he will", "pointed out that").
#: Written to open with one character class that the regex engine scans for quickly, the word
#: start checked after it: the matches of r"\b(?:made|makes|make|making)\s+(?:it\s+)?clear\b|
#: \bpoint(?:ed|s)?\s+out\b", in a third of the time.
_PHRASE = re.compile(r"[mp](?<!\w[mp])(?:(?<=m)a(?:de|kes|ke|king)\s+(?:it\s+)?clear\b|(?<=p)oint(?:ed|s)?\s+out\b)")


def phrase_claims(ctx: Context) -> list[Draft]:
    """A claim for each phrase of saying followed by its clause, with the subject before it as speaker."""
    text = ctx.text
    out: list[Draft] = []
    for m in _PHRASE.finditer(text):
        si = ctx.sentence_key(m.start())
        s_start, s_end = ctx.layout.bounds(si)
        pos = m.end()
        while pos < s_end and text[pos] in " \t":
            pos += 1
        if not _CLAUSE_OPENS.match(text, pos, s_end):
            continue  # "made clear progress", "pointed out of the window"
        if _PASSIVE.search(text, max(s_start, m.start() - 12), m.start()):
            continue  # "If it was pointed out that ...": nobody says it
        end = clause_end(text, pos, s_end, ctx.stops)
        if end is None or len(text[pos:end].split()) < 4:
            continue
        speaker = speaker_for_cue(text, s_start, m.start(), m.end())
        if speaker is None or not plausible_speaker(text[speaker[0]:speaker[1]]):
            continue
        out.append(Draft("indirect", (pos, end), (m.start(), m.end()), speaker, si))
    return out


_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+$")
#: What a reported clause after a phrase opens with: "that", or a subject pronoun or name and a verb.
_CLAUSE_OPENS = re.compile(
    r"that\b|(?:he|she|they|it|we|I|there)\s+(?:will|would|was|were|is|are|had|has|could|can|should|must|did|does)\b"
)
