"""Questions put to someone: "Asked whether he would run, ...", "when asked if ...".

A passive "asked" reports a question without a verb of saying for its
asker: the question is the claim, and its source is the asker named by
"by" ("Asked by Thrush if Clinton 'gets' race") or no one ("when asked
whether he would fundraise"). The answer that usually follows in the same
sentence is a claim of its own, found by the other rules.
"""

from __future__ import annotations

import re

from .context import Context
from .draft import Draft
from .speakers import np_after

#: Every "asked" (matched from its literal "sked", which the regex engine finds fast, then
#: checked backwards); the word before it decides whether it is passive.
_ASKED = re.compile(r"sked(?![\w'\u2019-])(?<=(?<![\w'\u2019-])[Aa]sked)")
#: What makes a lower-case "asked" passive: "when asked", "was asked", "after being asked".
_PASSIVE_BEFORE = re.compile(r"\b(?:when|after|was|were|being|been|once|if)\s+$", re.IGNORECASE)
_BY = re.compile(r"\s+by\s+")
#: What a reported question opens with.
_QUESTION_WORD = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?P<word>if|whether|about|how|what|why|who|when|where|which)\b")
#: The longest question read (characters); past it the sentence is not a question.
_MAX_QUESTION = 300


def asked_claims(ctx: Context) -> list[Draft]:
    """A claim for each passive "asked" followed by the question put."""
    text = ctx.text
    out: list[Draft] = []
    for m in _ASKED.finditer(text):
        cue = (m.start() - 1, m.end())
        if text[cue[0]] == "a" and not _PASSIVE_BEFORE.search(text, max(0, cue[0] - 12), cue[0]):
            continue
        si = ctx.sentence_key(cue[0])
        _s_start, s_end = ctx.layout.bounds(si)
        by = _BY.match(text, cue[1], s_end)
        pos = by.end() if by is not None else cue[1]
        speaker = None
        if by is not None:
            speaker = np_after(text, pos, s_end)
            if speaker is None:
                continue
            pos = speaker[1]
        q = _QUESTION_WORD.match(text, pos, s_end)
        if q is None:
            continue
        start = q.start("word")
        end = _question_end(text, start, s_end)
        if end - start < 8 or len(text[start:end].split()) < 3:
            continue
        out.append(Draft("indirect", (start, end), cue, speaker, si))
    return out


def _question_end(text: str, start: int, s_end: int) -> int:
    """A question ends at the first comma after it (the answer follows), or with its sentence."""
    hi = min(s_end, start + _MAX_QUESTION)
    comma = text.find(",", start, hi)
    end = comma if comma >= 0 else hi
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?,"):
        end -= 1
    return end
