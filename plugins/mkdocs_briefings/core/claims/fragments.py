"""Quotations with no attribution of their own.

A quotation that opens a sentence right after the same speaker's quote
(same or next paragraph) continues it: like PolNeAR, one claim runs from
the first quotation to the last. A quoted fragment inside a sentence is a
claim only when a cue shortly before it attributes it ('called their son
"an American hero"'); otherwise it is a scare quote or a title ("an
'urgent debate'", 'on "This Week"') and not a claim.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .context import Context
from .cues import ACCORDING_TO, QUOTE_ONLY, cue_base, cue_pattern, tag_of
from .direct import Attribution
from .draft import Draft, Range, inside
from .quotes import Quote
from .reported import NAMING, NOUN_BEFORE, clause_end
from .speakers import plausible_speaker, speaker_for_cue

#: How far before a quotation (characters, same sentence) a cue may attribute it.
FRAGMENT_CUE_REACH = 90
#: Words before a quotation that make it a title or a place, not what was said.
_TITLE_BEFORE: frozenset[str] = frozenset("on in at from of by with for to into about titled headlined".split())
#: What makes a bare verb form ("call", "brand") a verb rather than a noun.
_BASE_FORM_BEFORE = re.compile(
    r"\b(?:I|we|you|they|to|will|would|can|could|should|must|may|might|did|do|does|not)\s+$", re.IGNORECASE
)


def leftover_claims(
    ctx: Context, quotes: list[Quote], direct: dict[int, Attribution], drafts: list[Draft], reported: list[Range]
) -> list[Draft]:
    """`drafts` extended by the quotations that continue a quote or have a cue before them."""
    text = ctx.text
    by_start = {d.content[0]: d for d in drafts if d.kind == "direct"}
    used = {d.cue[0] for d in drafts if d.cue}
    out = list(drafts)
    last: Draft | None = None
    last_para = -10
    claimed = sorted(d.content for d in drafts)
    # Where every claim and cue starts: a quotation only continues the last quote
    # when no other claim comes between them.
    starts = sorted({d.content[0] for d in drafts} | {d.cue[0] for d in drafts if d.cue})
    draft_starts = [d.content[0] for d in drafts]  # drafts come sorted by where their content starts
    for i, q in enumerate(quotes):
        if i in direct:
            last = by_start.get(q.start, last)
            last_para = ctx.paragraph_of(max(q.after - 1, 0))
            continue
        if inside(reported, q.open, q.after) or inside(claimed, q.start, q.end):
            continue
        si = ctx.sentence_key(q.open)
        s_start, s_end = ctx.layout.bounds(si)
        opens_sentence = not text[s_start:q.open].strip()
        para = ctx.paragraph_of(q.open)
        if (
            opens_sentence and last is not None and last.speaker is not None and para - last_para <= 1
            and not _claim_between(ctx, starts, last, q.open)
        ):
            last.content = (last.content[0], q.end)  # the same speaker goes on
            last_para = ctx.paragraph_of(max(q.after - 1, 0))
            continue
        if not opens_sentence and last is not None and _resumed_after_cue(ctx, last, q, starts):
            # '"I think he will be fair," Trump said during a rally, "but a lot of people ..."': the
            # quotation resumes after its attribution, in the same sentence.
            last.content = (last.content[0], q.end)
            continue
        reporter = _reported_before(ctx, drafts, draft_starts, starts, q) if opens_sentence else None
        if reporter is not None:
            # 'Mr Florin said the firm would grow. "We will bring more people into gaming."': the
            # speaker of the reported speech just before goes on, in a quotation of their own.
            last = Draft("direct", (q.start, q.end), reporter.cue, reporter.speaker, si)
            out.append(last)
            last_para = ctx.paragraph_of(max(q.after - 1, 0))
            continue
        cue = _cue_before(ctx, q, s_start, used)
        if cue is None:
            continue
        speaker = speaker_for_cue(text, s_start, cue[0], cue[1], ctx.shared(s_start, cue[0]))
        if speaker is None or not plausible_speaker(text[speaker[0]:speaker[1]]) or text.startswith(("of ", "for "), speaker[0]):
            continue  # 'rated 32% of Republican claims as "false"': a noun phrase, no speaker
        out.append(Draft("mixed", _fragment_clause(ctx, cue, q, s_end), cue, speaker, si))
    out.sort(key=lambda d: (d.content[0], d.content[1]))
    return out


#: The most characters between an attribution and the quotation that resumes after it.
RESUME_REACH = 80
_SENTENCE_BREAK = re.compile("[.!?;:]\\s|[\"\u201c\u201d]")


def _resumed_after_cue(ctx: Context, last: Draft, q: Quote, starts: list[int]) -> bool:
    """Whether a quotation inside a sentence resumes the quote attributed just before it.

    The last quote's cue must come after its words and shortly before this
    quotation, in the same sentence, with no other claim or cue between.
    """
    if last.cue is None or last.speaker is None or not last.content[1] <= last.cue[0] < q.open:
        return False
    if q.open - last.cue[1] > RESUME_REACH or ctx.sentence_key(last.cue[0]) != ctx.sentence_key(q.open):
        return False
    if _SENTENCE_BREAK.search(ctx.text, last.cue[1], q.open):
        return False
    k = bisect_right(starts, last.cue[0])
    return not (k < len(starts) and starts[k] < q.open)


def _reported_before(
    ctx: Context, drafts: list[Draft], draft_starts: list[int], starts: list[int], q: Quote
) -> Draft | None:
    """The reported-speech claim that ends just before a quotation opening its sentence, if any.

    It must have a speaker, lie in the same paragraph, and
    no other claim or cue may come between its sentence and the quotation.
    """
    k = bisect_right(draft_starts, q.open) - 1
    if k < 0:
        return None
    d = drafts[k]
    if d.kind == "direct" or d.speaker is None or d.content[1] > q.open:
        return None
    if ctx.paragraph_of(q.open) != ctx.paragraph_of(d.content[1]) or _claim_between(ctx, starts, d, q.open):
        return None
    return d


def _claim_between(ctx: Context, starts: list[int], last: Draft, end: int) -> bool:
    """Whether another claim or cue starts between the sentence that ends `last` and `end`.

    Claims in that sentence itself are the quote's own context ('"...," the
    tycoon told Reuters when asked if ...'); a claim in a later sentence
    means someone else has spoken since.
    """
    tail = max(last.content[1], last.cue[1] if last.cue else 0) - 1
    after = ctx.layout.bounds(ctx.sentence_key(max(tail, 0)))[1]
    k = bisect_right(starts, after - 1)
    return k < len(starts) and starts[k] < end


def _fragment_clause(ctx: Context, cue: Range, q: Quote, s_end: int) -> Range:
    """What a cue says about a quoted fragment: from the cue to the end of its clause.

    'called the use of executive orders "quite dangerous"' attributes the
    whole phrase, not just the quoted words; after a verb of naming or
    describing, a long clause goes on to say more than the cue attributes.
    """
    text = ctx.text
    start = cue[1]
    while start < q.open and text[start] in " \t,:":
        start += 1
    end = clause_end(text, q.open + 1, s_end, ctx.stops) or q.end
    if end > q.after + 40 and tag_of(text[cue[0]:cue[1]]) == QUOTE_ONLY:
        end = q.after
    return start, max(end, q.end)


def _cue_before(ctx: Context, q: Quote, s_start: int, used: set[int]) -> Range | None:
    """An unused cue shortly before a quoted fragment, unless the fragment is a title ("on 'This Week'")."""
    text = ctx.text
    before = text[max(s_start, q.open - 30):q.open].split()
    if before and before[-1].lower() in _TITLE_BEFORE:
        return None
    last = None
    for m in cue_pattern().finditer(text, max(s_start, q.open - FRAGMENT_CUE_REACH), q.open):
        last = m
    if last is None or last.start() in used or ACCORDING_TO.match(text, last.start()):
        return None
    if (
        last.group() in NAMING
        and not text[last.end():q.open].strip()
        and NOUN_BEFORE.search(text, max(0, last.start() - 30), last.start())
    ):
        return None  # 'links called "trackers"': a name given, not what someone said
    form = last.group()
    bare = form == cue_base(form) and not form.endswith(("ed", "ing", "s"))
    if bare and not _BASE_FORM_BEFORE.search(text, max(0, last.start() - 12), last.start()):
        return None  # a bare "brand", "call" or "label" is a noun unless a subject or modal precedes it
    gap = text[last.end():q.open].split()
    if gap and gap[0].lower() in _TITLE_BEFORE:
        return None  # 'said on the programme "Morning Live"': where it was said, not what
    return last.start(), last.end()
