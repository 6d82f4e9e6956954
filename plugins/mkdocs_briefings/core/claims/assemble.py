"""Drafts to the model's claims: speakers resolved, hedges found, ids given.

Speakers are resolved in text order because a pronoun ("he said") goes to
the nearest earlier compatible speaker; hedges are looked for in the
sentences a claim spans, from its first part (speaker, cue or content) to
its last.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Claim, Span, Speaker
from .draft import Draft, Range
from .hedges import hedge_index, hedges_between
from .layout import Layout
from .links import Linker
from .resolve import Resolver


def assemble(
    text: str, layout: Layout, drafts: list[Draft], resolver: Resolver, quoted: list[Range] | None = None
) -> list[Claim]:
    """The claims of `drafts` (already in text order), numbered claim-1, claim-2, ...

    `quoted` holds the (opening, closing mark) of every quotation, in order:
    a name inside one is the speaker's words, never a pronoun's antecedent.
    """
    claims: list[Claim] = []
    scopes = [_scope(layout, d) for d in drafts]
    hedges_found = hedge_index(text, scopes)
    hedge_starts = [h[0] for h in hedges_found]
    linker = Linker(text, layout, resolver, quoted=list(quoted or []))
    for n, (d, scope) in enumerate(zip(drafts, scopes, strict=True), start=1):
        speaker = None
        if d.speaker is not None:
            # A source named inside what another source said ("Weitz said he had visited Pullman,
            # who had told him ...") is not who "he" refers to next.
            nested = any(c.content.start <= d.speaker[0] < c.content.end for c in claims[-3:])
            entity, confidence = linker.link(*d.speaker, d.sentence, salient=not nested)
            speaker = Speaker(Span.of(text, *d.speaker), entity, confidence)
        claims.append(
            Claim(
                id=f"claim-{n}",
                kind=d.kind,
                content=Span.of(text, *d.content),
                cue=Span.of(text, *d.cue) if d.cue else None,
                speaker=speaker,
                hedges=_own_hedges(text, d, hedges_found, hedge_starts, scope),
            )
        )
    return claims


def _scope(layout: Layout, d: Draft) -> Range:
    """Where a claim's hedges may be: the sentences from its first to its last part."""
    parts = [d.content, *(r for r in (d.cue, d.speaker) if r is not None)]
    lo = min(r[0] for r in parts)
    hi = max(r[1] for r in parts)
    return layout.sentence(lo)[0], max(hi, layout.sentence(max(hi - 1, 0))[1])


#: A hedge after a comma and before a participle, past the claim and its attribution, is the
#: writer's aside about the context (', apparently referring to recent photos'), not a doubt
#: about what was said.
_ASIDE = re.compile(r"[ \t]*[A-Za-z]+[ \t]+[a-z]+ing\b")


def _own_hedges(
    text: str, d: Draft, index: list[tuple[int, str]], starts: list[int], scope: Range
) -> tuple[str, ...]:
    """The hedges of a claim's scope, without the writer's asides after its attribution."""
    tail = max(r[1] for r in (d.content, d.cue, d.speaker) if r is not None)
    lo, hi = scope
    if tail < hi:
        k = bisect_left(starts, tail)
        asides = [
            pos for pos, _ in index[k:bisect_left(starts, hi)]
            if text[max(0, pos - 3):pos].rstrip().endswith(",") and _ASIDE.match(text, pos)
        ]
        if asides:
            kept = [h for h in index[bisect_left(starts, lo):bisect_left(starts, hi)] if h[0] not in asides]
            return hedges_between(kept, [h[0] for h in kept], lo, hi)
    return hedges_between(index, starts, lo, hi)
