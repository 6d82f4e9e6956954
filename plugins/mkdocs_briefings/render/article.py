"""The article text of a briefing, cut into runs the templates can print.

Annotations are offsets; a page needs nested markup (a highlighted claim
holding linked mentions). This module turns the offsets of one paragraph
into a flat list of runs (inside one claim or outside any) of pieces (plain
text or one mention), so templates never slice text themselves and the
plain text of every paragraph is exactly the seed's.

Overlaps are resolved here, in one place: claims and mentions are each made
non-overlapping (earliest first, longer first); a mention crossing a claim's
edge is cut in two, both halves marked.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.corpus import Corpus
from ..core.model import LINK_CONFIDENCE, Briefing, Claim
from ..core.text import paragraphs


@dataclass(frozen=True, slots=True)
class Piece:
    """Text with at most one entity mention."""

    text: str
    entity: str | None = None  # entity id of the mention
    link: bool = False  # the first mention of the entity in its paragraph: linked


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive pieces inside one claim's content, or outside every claim."""

    pieces: tuple[Piece, ...]
    claim: str | None = None
    ends_claim: bool = False  # the claim's content ends here: the link to its callout goes after


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph and the claims whose callouts follow it."""

    runs: tuple[Run, ...]
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """The article laid out: optional photo caption, paragraphs, and callouts left over."""

    caption: Paragraph | None
    paragraphs: tuple[Paragraph, ...]
    leftover: tuple[Claim, ...]  # claims outside every body paragraph (e.g. in the caption)


def _non_overlapping(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Earliest first, longer first; drop anything overlapping what was kept."""
    kept: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, key in spans:  # the usual case, once a paragraph: in order and apart already, nothing to sort
        if start < last_end or end <= start:
            break
        kept.append((start, end, key))
        last_end = end
    else:
        return kept
    kept, last_end = [], -1
    for start, end, key in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), s[2])):
        if start >= last_end and end > start:
            kept.append((start, end, key))
            last_end = end
    return kept


def _runs(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[tuple[int, int, str]],
    claims: Sequence[tuple[int, int, str]],
) -> tuple[Run, ...]:
    """Cut `text[start:end]` at every mention and claim edge and regroup the cuts.

    One sweep over the sorted cuts with a pointer into each (sorted,
    non-overlapping) span list: linear, even for a single huge paragraph.
    """
    ms = _non_overlapping([(max(s, start), min(e, end), k) for s, e, k in mentions if s < end and e > start])
    cs = _non_overlapping([(max(s, start), min(e, end), k) for s, e, k in claims if s < end and e > start])
    cuts = sorted({start, end, *(x for s, e, _ in ms for x in (s, e)), *(x for s, e, _ in cs for x in (s, e))})
    linked: set[str] = set()
    runs: list[Run] = []
    cur_claim: str | None = None
    cur: list[Piece] = []
    last_mention: tuple[int, int, str] | None = None
    claim_ends = {e: k for _, e, k in cs}
    mi = ci = 0
    for a, b in itertools.pairwise(cuts):
        while mi < len(ms) and ms[mi][1] <= a:
            mi += 1
        while ci < len(cs) and cs[ci][1] <= a:
            ci += 1
        mention = ms[mi] if mi < len(ms) and ms[mi][0] <= a else None
        claim = cs[ci][2] if ci < len(cs) and cs[ci][0] <= a else None
        if claim != cur_claim:
            if cur:
                runs.append(Run(tuple(cur), cur_claim, cur_claim is not None and claim_ends.get(a) == cur_claim))
            cur, cur_claim, last_mention = [], claim, None
        piece_text = text[a:b]
        if mention is not None and mention == last_mention and cur:
            prev = cur[-1]
            cur[-1] = Piece(prev.text + piece_text, prev.entity, prev.link)
            continue
        if mention is None and cur and cur[-1].entity is None:
            cur[-1] = Piece(cur[-1].text + piece_text)
            continue
        if mention is None:
            cur.append(Piece(piece_text))
        else:
            ent = mention[2]
            link = ent not in linked
            linked.add(ent)
            cur.append(Piece(piece_text, ent, link))
        last_mention = mention
    if cur:
        runs.append(Run(tuple(cur), cur_claim, cur_claim is not None and claim_ends.get(end) == cur_claim))
    return tuple(runs)


def _within(spans: Sequence[tuple[int, int, str]], starts: Sequence[int], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The spans (sorted by start) that start before `hi` and may reach into [lo, hi).

    Spans never cross paragraphs in practice, so looking back from the first
    start >= lo by the longest span length is enough and keeps this a bisect.
    """
    i = bisect_left(starts, lo)
    j = bisect_left(starts, hi)
    back = i
    while back > 0 and spans[back - 1][1] > lo:
        back -= 1
    return list(spans[back:j])


def layout(briefing: Briefing, corpus: Corpus) -> Article:
    """Lay out a briefing's text: caption apart, callouts after their paragraph.

    A claim's callout follows the paragraph where its content starts; a
    claim whose content starts outside every body paragraph (say in the
    caption) is listed after the article rather than lost.
    """
    text = briefing.text
    mentions = sorted(
        (m.start, m.end, ent.id)
        for ent in briefing.annotation.entities
        if ent.confidence >= LINK_CONFIDENCE  # a name typed on weak evidence stays plain text
        for m in ent.mentions
        if 0 <= m.start < m.end <= len(text)
    )
    claim_spans = sorted(
        (c.content.start, c.content.end, c.id)
        for c in briefing.annotation.claims
        if 0 <= c.content.start < c.content.end <= len(text)
    )
    m_starts = [m[0] for m in mentions]
    c_starts = [c[0] for c in claim_spans]
    cap = briefing.caption
    caption: Paragraph | None = None
    if cap is not None and 0 <= cap.start < cap.end <= len(text):
        caption = Paragraph(_runs(text, cap.start, cap.end, _within(mentions, m_starts, cap.start, cap.end), ()))
    body_from = cap.end if caption is not None and cap is not None else 0

    ranges: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        p_start = max(p_start, body_from)
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        if p_start < p_end:
            ranges.append((p_start, p_end))

    by_start = sorted(briefing.annotation.claims, key=lambda c: (c.content.start, c.content.end, c.id))
    claim_starts = [c.content.start for c in by_start]
    placed: set[str] = set()
    paras: list[Paragraph] = []
    for p_start, p_end in ranges:
        here = tuple(by_start[bisect_left(claim_starts, p_start):bisect_left(claim_starts, p_end)])
        placed.update(c.id for c in here)
        paras.append(Paragraph(
            _runs(text, p_start, p_end, _within(mentions, m_starts, p_start, p_end),
                  _within(claim_spans, c_starts, p_start, p_end)),
            here,
        ))
    leftover = tuple(c for c in briefing.annotation.claims if c.id not in placed)
    return Article(caption, tuple(paras), leftover)
