"""Drafts to the model's claims: speakers resolved, hedges found, ids given.

Speakers are resolved in text order because a pronoun ("he said") goes to
the nearest earlier compatible speaker; hedges are looked for in the
sentences a claim spans, from its first part (speaker, cue or content) to
its last.
"""

from __future__ import annotations

from ..model import Claim, Span, Speaker
from .draft import Draft, Range, SentenceKey
from .hedges import hedge_index, hedges_between
from .layout import Layout
from .resolve import OTHER_PRONOUNS, PERSON_PRONOUNS, PRONOUN_REACH, Resolver


def assemble(text: str, layout: Layout, drafts: list[Draft], resolver: Resolver) -> list[Claim]:
    """The claims of `drafts` (already in text order), numbered claim-1, claim-2, ..."""
    claims: list[Claim] = []
    scopes = [_scope(layout, d) for d in drafts]
    hedges_found = hedge_index(text, scopes)
    hedge_starts = [h[0] for h in hedges_found]
    recent: list[tuple[SentenceKey, str, str]] = []  # (sentence, entity, kind) of earlier speakers
    for n, (d, scope) in enumerate(zip(drafts, scopes), start=1):
        speaker = None
        if d.speaker is not None:
            s, e = d.speaker
            word = text[s:e].lower()
            if word in PERSON_PRONOUNS or word in OTHER_PRONOUNS:
                entity = _pronoun(layout, word, s, d.sentence, recent, resolver)
            else:
                entity = resolver.head_entity(s, e)
            speaker = Speaker(Span.of(text, s, e), entity)
            if entity is not None:
                recent.append((d.sentence, entity, resolver.kind(entity) or ""))
        claims.append(
            Claim(
                id=f"claim-{n}",
                kind=d.kind,
                content=Span.of(text, *d.content),
                cue=Span.of(text, *d.cue) if d.cue else None,
                speaker=speaker,
                hedges=hedges_between(hedges_found, hedge_starts, *scope),
            )
        )
    return claims


def _scope(layout: Layout, d: Draft) -> Range:
    """Where a claim's hedges may be: the sentences from its first to its last part."""
    parts = [d.content, *(r for r in (d.cue, d.speaker) if r is not None)]
    lo = min(r[0] for r in parts)
    hi = max(r[1] for r in parts)
    return layout.sentence(lo)[0], max(hi, layout.sentence(max(hi - 1, 0))[1])


def _pronoun(
    layout: Layout,
    word: str,
    pos: int,
    sentence: SentenceKey,
    recent: list[tuple[SentenceKey, str, str]],
    resolver: Resolver,
) -> str | None:
    """The entity a pronoun speaker refers to: a near earlier speaker, else a sentence subject.

    "he"/"she" want a person, "it"/"they" anything else; the previous
    claim's speaker wins when it is compatible and a few sentences away at
    most, otherwise the first compatible mention of the nearest sentence
    (its subject, as a rule) that has one.
    """
    want_person = word in PERSON_PRONOUNS
    if recent:
        sent, ent, kind = recent[-1]
        near = layout.distance(sent, sentence, PRONOUN_REACH) < PRONOUN_REACH
        if near and (kind == "person") == want_person:
            return ent
    finder = resolver.persons_before if want_person else resolver.others_before
    key: SentenceKey | None = sentence
    for back in range(PRONOUN_REACH + 1):
        if key is None:
            break
        a, b = layout.bounds(key)
        found = finder(a, pos if back == 0 else b)
        if found:
            return found[0][1]
        key = layout.previous(key)
    return None
