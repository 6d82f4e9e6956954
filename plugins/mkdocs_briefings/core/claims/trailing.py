"""Attributions written after or around the claim, and headline attributions.

"The ferry sank in heavy seas, officials said." / "..., said the mayor."
/ "The argument would be aided, Devine said, by the calendar." put the
attribution at the end or in the middle of the sentence; the claim is the
rest of it. "Bellwether County Says Trump Should Win" is a headline: a
title-case line whose cue is capitalised.
"""

from __future__ import annotations

import re

from .context import Context
from .cues import ADDRESSEE_VERBS
from .draft import Draft, SentenceKey
from .reported import skip_addressee
from .speakers import np_after, plausible_speaker, speaker_for_cue, starts_like_speaker

#: What may follow a sentence-final cue: the inverted speaker or an adverbial, then the sentence's end.
_FINAL_REST = re.compile(r"[^.!?;:\"\u201c\u201d]*[.!?]?[\"\u201d']?\s*")
_TAIL_STARTS: frozenset[str] = frozenset(
    "in on at during after before while when as to from of for with by via through last this yesterday today "
    "tonight earlier later recently afterwards".split()
)
_DAY_WORD = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight")


def skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def short_tail(text: str, pos: int, s_end: int) -> bool:
    """Whether only an adverbial ("in a statement", "on Monday") or an appositive follows, up to the sentence end."""
    tail = text[pos:s_end].strip().rstrip(".!?\"'\u201d\u2019").strip()
    if not tail or tail.startswith((",", "(")):
        return True
    words = tail.split()
    return len(words) <= 10 and (words[0].lower() in _TAIL_STARTS or _DAY_WORD.fullmatch(words[0]) is not None)


def opens_clause(text: str, pos: int, s_end: int) -> bool:
    """Whether words other than an adverbial follow `pos` in its sentence ("said students want ...")."""
    words = text[pos:s_end].split()
    if not words or words[0][0] in ",(":
        return False
    first = words[0].lower().strip(".,;:!?\"'\u201d")
    return bool(first) and first not in _TAIL_STARTS and _DAY_WORD.fullmatch(words[0].strip(".,")) is None


def _past_addressee(text: str, cue_start: int, cue_end: int, s_end: int) -> int:
    """Where the tail after a cue starts: past the person told ("..., Carter told a Senate panel Wednesday.")."""
    if text[cue_start:cue_end].lower() not in ADDRESSEE_VERBS:
        return cue_end
    return skip_addressee(text, cue_end, s_end)


#: A dateline opening a story's first sentence: "WASHINGTON \u2015 ", "BEDFORD, N.H. (AP) \u2014 ".
DATELINE = re.compile(r"[ \t]*[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,3}(?:\s*\([A-Za-z .]+\))?\s*(?:--|[\u2013\u2014\u2015])\s*")


def sentence_final_claim(
    ctx: Context, cue_start: int, cue_end: int, si: SentenceKey, s_start: int, s_end: int
) -> Draft | None:
    """Attribution closing (or interrupting) its sentence; the claim is the rest of the sentence.

    After the cue only a short adverbial, or the inverted speaker, may
    follow before the sentence ends; otherwise what follows is the cue's
    object ("the Italians confirmed their improvement"), not a tail.
    """
    text = ctx.text
    rest = text[cue_end:s_end]
    parenthetical = rest.startswith(",")  # "The argument would be aided, Devine said, by the calendar."
    before = text[max(s_start, cue_start - 160):cue_start]
    inverted = before.rstrip().endswith(",")  # ", said X, a professor at ...": the speaker's appositive may be long
    if not parenthetical and not inverted and (len(rest) > 120 or not _FINAL_REST.fullmatch(rest)):
        return None
    speaker: tuple[int, int] | None
    if inverted:
        begin = skip_space(text, cue_end)
        speaker = np_after(text, begin, s_end) if starts_like_speaker(text, begin) else None  # ", said the mayor."
        if speaker is None or not short_tail(text, speaker[1], s_end):
            return None
        comma = max(s_start, cue_start - len(before)) + before.rstrip().rfind(",")
    else:
        if not parenthetical and not short_tail(text, _past_addressee(text, cue_start, cue_end, s_end), s_end):
            return None
        speaker = speaker_for_cue(text, s_start, cue_start, cue_end, ctx.shared(s_start, cue_start))
        if speaker is None:
            return None
        lead = text[max(s_start, speaker[0] - 4):speaker[0]].rstrip().rstrip("\"'\u201d\u2019")
        if not lead.endswith(","):
            return None
        comma = max(s_start, speaker[0] - 4) + len(lead) - 1
    if not plausible_speaker(text[speaker[0]:speaker[1]]):
        return None
    start, end = s_start, s_end if parenthetical else comma
    dateline = DATELINE.match(text, start, end)
    if dateline is not None:
        start = dateline.end()  # "WASHINGTON (AP) — ...": where the story was filed is not what was said
    while end > start and text[end - 1] in " \t,.!?":
        end -= 1
    if len(text[start:end].split()) < 3:
        return None
    return Draft("indirect", (start, end), (cue_start, cue_end), speaker, si)


#: Words of a title-case headline's phrase that name no source ("Ranked By Critics").
_NOT_IN_SOURCES: frozenset[str] = frozenset("by to for in on with from at as".split())


def headline_claim(ctx: Context, cue_start: int, cue_end: int) -> Draft | None:
    """A title-case line with a capitalised cue ("Sanders Says Brexit Vote Could Help Trump"), or
    closed by its source ("Trump Could Address Clean Energy, Lindsey Graham Says")."""
    text = ctx.text
    si = ctx.sentence_key(cue_start)
    s_start, s_end = ctx.layout.bounds(si)
    words = text[s_start:s_end].split()
    if len(words) < 4 or sum(w[:1].isupper() for w in words) * 4 < len(words) * 3:
        return None  # not a headline: most of its words would be capitalised
    if not text[cue_end:s_end].strip(" \t.!?"):
        # "Clinton Hid Health Problems, Former White House Doctor Says.": the source closes the line
        comma = text.rfind(",", s_start, cue_start)
        if comma < 0 or len(text[s_start:comma].split()) < 3:
            return None
        first = skip_space(text, comma + 1)
        named = text[first:cue_start].split()
        if not 1 <= len(named) <= 6 or any(w.lower() in _NOT_IN_SOURCES for w in named):
            return None  # "..., Ranked By Critics Says": no source's name
        return Draft("indirect", (s_start, comma), (cue_start, cue_end), (first, first + len(" ".join(named))), si)
    speaker = speaker_for_cue(text, s_start, cue_start, cue_end)
    end = s_end
    while end > cue_end and text[end - 1] in " \t.!?":
        end -= 1
    start = skip_space(text, cue_end)
    if speaker is None or len(text[start:end].split()) < 2:
        return None
    return Draft("indirect", (start, end), (cue_start, cue_end), speaker, si)
