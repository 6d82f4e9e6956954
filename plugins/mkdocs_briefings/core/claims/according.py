""""According to X": a source named by a prepositional phrase, not a verb.

The claim is the rest of the sentence: after the phrase when it opens the
sentence ("According to officials, the ferry sank"), before it when it
closes it ("The ferry sank, according to the coastguard"), all of it when
it interrupts it. "That's according to X" points back: its claim is the
previous sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .context import Context
from .cues import ACCORDING_TO
from .descriptions import DOCUMENT_WORDS
from .draft import Draft, SentenceKey
from .reported import FINITE
from .speakers import np_after

#: Words that make "according to" point back to the previous sentence.
ANAPHORS: frozenset[str] = frozenset(("that's", "that\u2019s", "that", "this", "this's", "this\u2019s"))


def according_to_claim(
    ctx: Context, cue_start: int, cue_end: int, si: SentenceKey, s_start: int, s_end: int
) -> Draft | None:
    """The claim sourced by the "according to" at `cue_start`, or None when no source follows it."""
    text = ctx.text
    speaker = np_after(text, cue_end + 1, s_end) or _pronoun_after(text, cue_end + 1, s_end)
    if speaker is None:
        return None
    if any(w.lower() in DOCUMENT_WORDS for w in text[speaker[0]:speaker[1]].split()):
        # "according to a report earlier this week from the British Retail Consortium": the author too.
        author = _AUTHOR.match(text, speaker[1], min(s_end, speaker[1] + 60))
        if author is not None:
            named = np_after(text, author.end(), s_end)
            if named is not None:
                speaker = (speaker[0], named[1])
    if not text[s_start:cue_start].strip(" \t,\"'\u201c\u201d("):
        # "According to early results of the exit polls conducted for ..., majorities want ...":
        # the source may run on past the noun phrase found, up to its comma.
        comma = text.find(",", speaker[1], min(s_end, speaker[1] + 160))
        if comma < 0:
            return None
        if comma == speaker[1]:
            # "According to Frank Brown, global advisory leader at PwC, the trend ...": past the appositive
            appositive = _APPOSITIVE.match(text, comma + 1, s_end)
            if appositive is not None:
                comma = appositive.end() - 1
        start, end = comma + 1, s_end
    elif (
        text.startswith(",", speaker[1])
        and len(text[speaker[1]:s_end].split()) > 3
        and text[s_start:cue_start].split()[0].lower() not in ANAPHORS
        and not _whole_clause(text, s_start, cue_start)
    ):
        # "Over the long term, according to the office, the rise ...": the phrase interrupts a clause;
        # after a whole clause ("Taxes would rise, according to the office, more than ...") it ends it.
        start, end = s_start, s_end
    else:
        start, end = s_start, cue_start
        colon = max(text.rfind(": ", start, end), text.rfind("; ", start, end))
        if colon >= 0:
            start = colon + 2  # "...firms: London was the capital, according to one index"
    while start < end and text[start] in " \t,":
        start += 1
    while end > start and text[end - 1] in " \t,.":
        end -= 1
    words = text[start:end].split()
    prev = ctx.layout.previous(si)
    if len(words) <= 2 and prev is not None and words and words[0].lower() in ANAPHORS:
        start, end = ctx.layout.bounds(prev)  # "That's according to ...": the previous sentence is the claim
        while end > start and text[end - 1] in " \t.":
            end -= 1
    if len(text[start:end].split()) < 2:
        return None
    return Draft("indirect", (start, end), (cue_start, cue_end), speaker, si)


#: Words that leave a clause open before an interrupting "according to" ("He left after, according to him, ...").
_OPEN_ENDS: frozenset[str] = frozenset(
    "after before because since when while if that as and but or though although until unless where whereas".split()
)


def _whole_clause(text: str, start: int, end: int) -> bool:
    """Whether the words before ", according to" make a whole clause: a finite verb, and no connective last."""
    words = text[start:end].rstrip(" \t,").split()
    return bool(words) and words[-1].lower() not in _OPEN_ENDS and FINITE.search(text, start, end) is not None


#: Where a document's author follows it: "(earlier this week) from", "by", "of".
_AUTHOR = re.compile(r"[^,.;:\"\u201c\u201d]{0,40}?\b(?:from|by|of)\s+")
#: A short description after the source's name, up to its closing comma.
_APPOSITIVE = re.compile(r"\s*(?:the\s+|a\s+|an\s+)?[a-z][^,.;:!?\"\u201c\u201d]{2,70},")
_OBJECT_PRONOUN = re.compile(r"(?:him|her|them|me|us)\b")


def _pronoun_after(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """An object pronoun as the source ("according to him")."""
    m = _OBJECT_PRONOUN.match(text, pos, end)
    return (m.start(), m.end()) if m is not None else None


def drop_relayed(text: str, drafts: list[Draft]) -> list[Draft]:
    """Drop "according to" claims whose content is itself an attribution.

    In "The official added that ..., according to the New York Times" the
    claim is the official's; the newspaper only relays it, and a second
    claim over the same words would show the reader the statement twice.
    """
    cues = sorted(d.cue[0] for d in drafts if d.cue)
    out = []
    for d in drafts:
        if d.cue and ACCORDING_TO.match(text, d.cue[0]):
            k = bisect_left(cues, d.content[0])
            while k < len(cues) and cues[k] == d.cue[0]:
                k += 1  # its own cue, inside the sentence it interrupts
            if k < len(cues) and cues[k] < d.content[1]:
                continue
        out.append(d)
    return out
