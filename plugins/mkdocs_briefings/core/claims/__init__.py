"""Claim extraction: direct quotes, reported speech and mixed quotes, with speakers.

The pipeline, each step in its own module:

1. `quotes`: pair quotation marks into quotations (continued paragraphs joined);
2. `direct`: attach a quotation to the cue and speaker written beside it;
3. `indirect` (with `reported`, `trailing`, `according`): for every other
   cue, the reported clause it introduces (a clause holding a quotation
   makes a *mixed* claim);
4. `fragments`: quotations left over either continue the previous
   speaker's quote, take a cue earlier in their sentence, or are scare
   quotes and titles (dropped); `labelled` adds "Name: statement" lines;
5. `assemble`: speaker spans resolved to entities (`resolve`, pronouns to
   their antecedents), hedges found (`hedges`), ids given.

Speaker spans are found from the text alone (`speakers`, `speaker_before`,
`speaker_words`); entities only resolve them, so the engine works,
unresolved, even when given no entities.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import partial

from ..model import Claim, Entity
from .according import drop_relayed
from .asked import asked_claims
from .assemble import assemble
from .context import Context
from .cues import NESTED_STANCES, cue_base, cue_pattern
from .direct import Attribution, after_quote, before_quote
from .draft import Draft, Range, covered, inside
from .fragments import leftover_claims
from .indirect import reported_claim
from .intents import intent_claims
from .labelled import introduced_blocks, labelled_claims
from .nouns import noun_claims, phrase_claims
from .quotes import Quote, find_quotes
from .reported import ClauseStops
from .resolve import Resolver
from .topics import topic_claims

__all__ = ["find_claims"]

#: Speakers who are the writer: reported speech outside quotation marks with these
#: subjects is the article's own voice (a column, a reader's comment), not a source's.
WRITER: frozenset[str] = frozenset(("i",))


def find_claims(text: str, entities: Sequence[Entity]) -> list[Claim]:
    """Every sourced claim in `text`, in text order, with ids claim-1, claim-2, ...

    Never raises on a string: any input yields a (possibly empty) list of
    claims whose spans satisfy `text == input[start:end]`.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    ctx = Context(text)
    drafts = _extract(ctx)
    return assemble(text, ctx.layout, drafts, Resolver(text, entities), ctx.stops.quoted)


def _extract(ctx: Context) -> list[Draft]:
    """All claims of the text as drafts, in text order."""
    text = ctx.text
    quotes = find_quotes(text)
    ctx.stops = ClauseStops(text, [(q.open, q.close) for q in quotes])
    direct = _attribute_quotes(ctx, quotes)
    used_cues = {att.cue[0] for att in direct.values() if att.cue}
    drafts: list[Draft] = []
    quoted = [(q.open, q.after) for q in quotes]
    for draft in asked_claims(ctx):
        if draft.cue and draft.cue[0] not in used_cues and not inside(quoted, *draft.cue):
            used_cues.add(draft.cue[0])
            drafts.append(draft)
    for m in cue_pattern().finditer(text):
        if m.start() in used_cues or inside(quoted, m.start(), m.end()):
            continue  # a cue inside a quotation is the speaker's words, not an attribution
        found = reported_claim(ctx, m.start(), m.end())
        if found is None:
            continue
        if found.speaker is not None and text[slice(*found.speaker)].lower() in WRITER:
            continue  # "I think she came to the start line drained": the writer's own view, not a source's
        drafts.append(found)
        if found.speaker and found.cue and cue_base(text[found.cue[0]:found.cue[1]]) not in NESTED_STANCES:
            # a side taken is no saying: "when his mother mentioned the devil, he ... said" is his
            ctx.note_speaker(found.cue[0], found.speaker)
    claimed = sorted(d.content for d in drafts)
    for found in noun_claims(ctx) + phrase_claims(ctx):
        # "despite Sony's assertion that ...": kept unless a verb's claim already covers the words
        lo, hi = found.content
        near = claimed[bisect_left(claimed, (lo - NOUN_OVERLAP_REACH, 0)):bisect_left(claimed, (hi, 0))]
        if found.cue and not inside(quoted, *found.cue) and not any(a < hi and lo < b for a, b in near):
            drafts.append(found)
    drafts.sort(key=lambda d: (d.content[0], d.content[1]))
    drafts = drop_relayed(text, drafts)
    reported = sorted(d.content for d in drafts)
    _mark_mixed(drafts, quotes)
    for i, q in enumerate(quotes):
        att = direct.get(i)
        if att is None:
            continue
        previous = direct.get(i - 1)
        if att.cue and previous is not None and previous.cue == att.cue and drafts and drafts[-1].cue == att.cue:
            drafts[-1].content = (drafts[-1].content[0], q.end)  # '"A," she said, "B."': one quotation
            continue
        if att.lead is not None:
            drafts.append(Draft("mixed", (att.lead, q.after), att.cue, att.speaker, ctx.sentence_key(q.start)))
            continue
        drafts.append(Draft("direct", (q.start, q.end), att.cue, att.speaker, ctx.sentence_key(q.start)))
    drafts.sort(key=lambda d: (d.content[0], d.content[1]))
    drafts = leftover_claims(ctx, quotes, direct, drafts, reported)
    drafts = _drop_nested_stances(text, drafts)
    # after the quotations: a stated intention never becomes the speaker a quotation continues
    drafts.extend(intent_claims(ctx, sorted(d.content for d in drafts), quoted))
    drafts.extend(topic_claims(ctx, sorted(d.content for d in drafts), quoted))
    drafts.sort(key=lambda d: (d.content[0], d.content[1]))
    return _with_labels(ctx, drafts)


#: How far back a claim may start and still overlap a noun's claim (characters; bounds the look-up).
NOUN_OVERLAP_REACH = 4000


def _attribute_quotes(ctx: Context, quotes: list[Quote]) -> dict[int, Attribution]:
    """The attribution written beside each quotation that has one, by quotation index."""
    direct: dict[int, Attribution] = {}
    for i, q in enumerate(quotes):
        s_start = ctx.sentence(q.open)[0]
        att = after_quote(ctx.text, q, ctx.paragraph_end(max(q.after - 1, 0)), ctx.sentence_end, s_start)
        if att is None:
            att = before_quote(ctx.text, q, s_start, partial(ctx.shared, s_start))
        if att is not None:
            direct[i] = att
            if att.cue and att.speaker:
                ctx.note_speaker(att.cue[0], att.speaker)
    return direct


#: Cues whose claim inside another claim's content is part of that claim: sides taken, and naming
#: ("encourage Americans to check out what he called her 'sex tape'").
_NESTED: frozenset[str] = NESTED_STANCES | {"call", "refuse", "decline", "agree", "seek", "aim", "hope"}


def _drop_nested_stances(text: str, drafts: list[Draft]) -> list[Draft]:
    """Drop a side-taking verb's claim whose cue lies inside another claim ("says he opposes the bill")."""
    spans = sorted(d.content for d in drafts)
    kept = []
    for d in drafts:
        if d.cue and cue_base(text[d.cue[0]:d.cue[1]]) in _NESTED and covered(spans, *d.cue):
            continue
        kept.append(d)
    return kept


def _mark_mixed(drafts: list[Draft], quotes: list[Quote]) -> None:
    """A reported clause holding a quotation is a mixed claim.

    A quotation opened inside the clause and still open where the sentence
    ends ('added that the account should "be seen in hindsight. It must be
    terrible ..."') carries the clause on to its closing mark.
    """
    opens = [q.open for q in quotes]
    for d in drafts:
        k = bisect_left(opens, d.content[0])
        if k < len(quotes) and quotes[k].open < d.content[1]:
            d.kind = "mixed"
            if quotes[k].after > d.content[1] + 1:
                d.content = (d.content[0], quotes[k].after)


def _with_labels(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Add "Name: statement" claims and paragraphs introduced by "He said:".

    Such a claim replaces the claims found inside it.
    """
    found: list[tuple[str, Range, Range | None, Range]] = [
        (kind, content, None, speaker) for kind, content, speaker in labelled_claims(ctx.text, ctx.layout.paras)
    ]
    found += [("indirect", content, cue, speaker) for content, cue, speaker in introduced_blocks(ctx.text, ctx.layout.paras)]
    if not found:
        return drafts
    spans = sorted(content for _, content, _, _ in found)
    kept = [d for d in drafts if not inside(spans, d.content[0], d.content[1])]
    for kind, content, cue, speaker in found:
        kept.append(Draft(kind, content, cue, speaker, ctx.sentence_key(content[0])))
    kept.sort(key=lambda d: (d.content[0], d.content[1]))
    return kept
