"""Claim extraction: direct quotes, reported speech and mixed quotes, with speakers.

The pipeline, each step in its own module:

1. `quotes`: pair quotation marks into quotations (continued paragraphs joined);
2. `direct`: attach a quotation to the cue and speaker written beside it;
3. `reported`: for every other cue verb, the reported clause it introduces
   (a clause holding a quotation makes a *mixed* claim);
4. quotations left over either continue the previous speaker's quote, take
   a cue earlier in their sentence, or are scare quotes and titles (dropped);
5. `resolve`: speaker spans to entities (pronouns to their antecedents);
6. `hedges`: the hedging words around each claim.

Speaker spans are found from the text alone; entities only resolve them,
so the engine works (unresolved) even when no entities are given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Claim, Entity, Span, Speaker
from .cues import ACCORDING_TO, ASK_VERBS, QUOTE_ONLY, TO_VERBS, cue_pattern, tag_of
from .direct import Attribution, after_quote, before_quote
from .hedges import hedge_index, hedges_between
from .labelled import labelled_claims
from .layout import Layout
from .quotes import Quote, find_quotes
from .reported import ClauseStops, clause_after, clause_end
from .resolve import OTHER_PRONOUNS, PERSON_PRONOUNS, PRONOUN_REACH, Resolver
from .speakers import np_after, speaker_for_cue

__all__ = ["find_claims"]

#: How far before a quotation (characters, same sentence) a cue may attribute it.
FRAGMENT_CUE_REACH = 90


@dataclass
class _Draft:
    """A claim being assembled: offsets only, resolved at the end."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    sentence: tuple[int, int]  # (paragraph, sentence) key of the claim's sentence


def find_claims(text: str, entities: Sequence[Entity]) -> list[Claim]:
    """Every sourced claim in `text`, in text order, with ids claim-1, claim-2, ...

    Never raises on a string: any input yields a (possibly empty) list of
    claims whose spans satisfy `text == input[start:end]`.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    doc = _Document(text)
    drafts = doc.extract()
    return doc.finish(drafts, Resolver(text, entities))


class _Document:
    """One text with its sentences and paragraphs, for offset look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.layout = Layout(text)
        self.paragraph_of = self.layout.paragraph_of
        self.sentence_key = self.layout.sentence_key
        self.sentence = self.layout.sentence
        self.stops = ClauseStops(text)
        self._speakers: dict[int, list[tuple[int, tuple[int, int]]]] = {}

    def extract(self) -> list[_Draft]:
        text = self.text
        quotes = find_quotes(text)
        used_cues: set[int] = set()
        direct: dict[int, tuple[Quote, Attribution]] = {}
        for i, q in enumerate(quotes):
            s_start = self.sentence(q.open)[0]
            att = after_quote(text, q, self._para_end(q), self._sentence_end)
            if att is None:
                att = before_quote(text, q, s_start, lambda cue, s=s_start: self._shared(s, cue))
            if att is not None:
                direct[i] = (q, att)
                if att.cue:
                    used_cues.add(att.cue[0])
                    if att.speaker:
                        self._note_speaker(att.cue[0], att.speaker)
        drafts: list[_Draft] = []
        quoted = [(q.open, q.after) for q in quotes]
        for m in cue_pattern().finditer(text):
            if m.start() in used_cues or _inside(quoted, m.start(), m.end()):
                continue  # a cue inside a quotation is the speaker's words, not an attribution
            draft = self._reported(m.start(), m.end())
            if draft is not None:
                drafts.append(draft)
                if draft.speaker and draft.cue:
                    self._note_speaker(draft.cue[0], draft.speaker)
        drafts = _drop_relayed(self.text, drafts)
        reported_ranges = sorted((d.content for d in drafts))
        opens = [q.open for q in quotes]
        for d in drafts:
            # A reported clause holding a quotation is a mixed claim.
            k = bisect_left(opens, d.content[0])
            if k < len(quotes) and quotes[k].after <= d.content[1] + 1:
                d.kind = "mixed"
        for i, q in enumerate(quotes):
            if _inside(reported_ranges, q.open, q.after) and i not in direct:
                continue
            if i in direct:
                _, att = direct[i]
                if att.cue and i - 1 in direct and direct[i - 1][1].cue == att.cue and drafts and drafts[-1].cue == att.cue:
                    # '"A," she said, "B."': one quotation split by its attribution.
                    drafts[-1].content = (drafts[-1].content[0], q.end)
                    continue
                drafts.append(_Draft("direct", (q.start, q.end), att.cue, att.speaker, self.sentence_key(q.start)))
        drafts.sort(key=lambda d: (d.content[0], d.content[1]))
        drafts = self._leftovers(quotes, direct, drafts, reported_ranges)
        return self._with_labels(drafts)

    def _with_labels(self, drafts: list[_Draft]) -> list[_Draft]:
        """Add "Name: statement" claims; a label's claim replaces the claims found inside it."""
        labelled = labelled_claims(self.text, self.layout.paras)
        if not labelled:
            return drafts
        spans = sorted(content for _, content, _ in labelled)
        kept = [d for d in drafts if not _inside(spans, d.content[0], d.content[1])]
        for kind, content, speaker in labelled:
            kept.append(_Draft(kind, content, None, speaker, self.sentence_key(content[0])))
        kept.sort(key=lambda d: (d.content[0], d.content[1]))
        return kept

    def _note_speaker(self, cue_start: int, speaker: tuple[int, int]) -> None:
        """Remember who speaks at this cue, for later cues of the same sentence."""
        self._speakers.setdefault(self.sentence(cue_start)[0], []).append((cue_start, speaker))

    def _shared(self, s_start: int, cue_start: int) -> tuple[int, int] | None:
        """The speaker of the latest attribution before `cue_start` in its sentence, if any."""
        found = None
        for at, speaker in self._speakers.get(s_start, ()):
            if at < cue_start and (found is None or at > found[0]):
                found = (at, speaker)
        return found[1] if found else None

    def _para_end(self, q: Quote) -> int:
        return self.layout.paragraph(self.paragraph_of(max(q.after - 1, 0)))[1]

    def _sentence_end(self, pos: int) -> int:
        """The end of the sentence at `pos`, read past a full stop inside parentheses ("(D-Wis.) said")."""
        end = self.sentence(pos)[1]
        for _ in range(3):
            if not self.text.endswith(".)", 0, end) or self.paragraph_of(end) != self.paragraph_of(pos):
                break
            nxt = self.sentence(end + 1)
            if nxt[1] <= end:
                break
            end = nxt[1]
        return end

    def _reported(self, cue_start: int, cue_end: int) -> _Draft | None:
        """A reported-speech claim for the cue at these offsets, or None.

        The cheap tests on the words around the cue come first: most cue
        forms in running text are rejected before their sentence is looked up.
        """
        text = self.text
        according = ACCORDING_TO.match(text, cue_start) is not None
        if not according:
            lowered = text[cue_start:cue_end].lower()
            if tag_of(lowered) == QUOTE_ONLY and lowered not in ASK_VERBS and lowered not in TO_VERBS:
                return None
            window = text[max(0, cue_start - 80):cue_start]
            before = window.lower().split()
            prev = before[-1] if before else ""
            if prev in _NOT_BEFORE_CUE or prev.endswith(("'s", "\u2019s", "n't", "n\u2019t")):
                return None  # passive, infinitive, negated, or a noun: "was told", "did not say", "its claims"
            if lowered.endswith("ing") and not (
                window.rstrip().endswith(",") or prev in _PROGRESSIVE or _after_with(before)
            ):
                return None  # "promising", "warning" as adjectives or nouns
        si = self.sentence_key(cue_start)
        s_start, s_end = self.layout.bounds(si)
        if according:
            return self._according_to(cue_start, cue_end, si, s_start, s_end)
        clause = clause_after(text, cue_start, cue_end, s_end, self.stops)
        if clause is None:
            return self._sentence_final(cue_start, cue_end, si, s_start, s_end)
        speaker = speaker_for_cue(text, s_start, cue_start, cue_end, self._shared(s_start, cue_start))
        if speaker is None or not _plausible_speaker(text[speaker[0]:speaker[1]]):
            return None
        if _PARENTHETICAL_BEFORE.search(text, max(s_start, speaker[0] - 3), speaker[0]) and text[
            cue_end:clause[0]
        ].strip().startswith(","):
            # "This campaign, he says, is different": the claim is the whole sentence around the attribution.
            clause = (s_start, clause[1])
        return _Draft("indirect", clause, (cue_start, cue_end), speaker, si)

    def _sentence_final(
        self, cue_start: int, cue_end: int, si: tuple[int, int], s_start: int, s_end: int
    ) -> _Draft | None:
        """Attribution closing its sentence: "The ferry sank, officials said." / "..., said the mayor."

        The claim is the sentence up to the comma before the attribution;
        after the cue only a short adverbial (or the inverted speaker) may
        follow before the sentence ends.
        """
        text = self.text
        rest = text[cue_end:s_end]
        if len(rest) > 120 or not _FINAL_REST.fullmatch(rest):
            return None
        before = text[max(s_start, cue_start - 160):cue_start]
        speaker: tuple[int, int] | None
        if before.rstrip().endswith(","):
            speaker = np_after(text, _skip_space(text, cue_end), s_end)  # ", said the mayor."
            comma = max(s_start, cue_start - len(before)) + before.rstrip().rfind(",")
        else:
            speaker = speaker_for_cue(text, s_start, cue_start, cue_end, self._shared(s_start, cue_start))
            if speaker is None:
                return None
            lead = text[max(s_start, speaker[0] - 4):speaker[0]].rstrip().rstrip("\"'\u201d\u2019")
            if not lead.endswith(","):
                return None
            comma = max(s_start, speaker[0] - 4) + len(lead) - 1
        if speaker is None or not _plausible_speaker(text[speaker[0]:speaker[1]]):
            return None
        start, end = s_start, comma
        while end > start and text[end - 1] in " \t,":
            end -= 1
        if len(text[start:end].split()) < 3:
            return None
        return _Draft("indirect", (start, end), (cue_start, cue_end), speaker, si)

    def _according_to(
        self, cue_start: int, cue_end: int, si: tuple[int, int], s_start: int, s_end: int
    ) -> _Draft | None:
        """"X, according to Y" and "According to Y, X": the claim is the rest of the sentence."""
        text = self.text
        speaker = np_after(text, cue_end + 1, s_end)
        if speaker is None:
            return None
        if not text[s_start:cue_start].strip(" \t,\"'\u201c\u201d"):
            comma = text.find(",", speaker[1], min(s_end, speaker[1] + 61))
            if comma < 0:
                return None
            start, end = comma + 1, s_end
        elif (
            text.startswith(",", speaker[1])
            and len(text[speaker[1]:s_end].split()) > 3
            and text[s_start:cue_start].split()[0].lower() not in _ANAPHORS
        ):
            start, end = s_start, s_end  # "Over the long term, according to the office, the rise ..."
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
        prev = self.layout.previous(si)
        if len(words) <= 2 and prev is not None and words and words[0].lower() in _ANAPHORS:
            start, end = self.layout.bounds(prev)  # "That's according to ...": the previous sentence is the claim
            while end > start and text[end - 1] in " \t.":
                end -= 1
        if len(text[start:end].split()) < 2:
            return None
        return _Draft("indirect", (start, end), (cue_start, cue_end), speaker, si)

    def _leftovers(
        self, quotes: list[Quote], direct: dict[int, tuple[Quote, Attribution]], drafts: list[_Draft],
        reported_ranges: list[tuple[int, int]],
    ) -> list[_Draft]:
        """Quotations with no attribution of their own: continuations, fragments, or scare quotes."""
        text = self.text
        by_start = {d.content[0]: d for d in drafts if d.kind == "direct"}
        used = {d.cue[0] for d in drafts if d.cue}
        out = list(drafts)
        last: _Draft | None = None
        last_para = -10
        claimed = sorted(d.content for d in drafts)
        for i, q in enumerate(quotes):
            if i in direct:
                last = by_start.get(q.start, last)
                last_para = self.paragraph_of(q.after - 1 if q.after else 0)
                continue
            if _inside(reported_ranges, q.open, q.after) or _inside(claimed, q.start, q.end):
                continue
            si = self.sentence_key(q.open)
            s_start, s_end = self.layout.bounds(si)
            opens_sentence = not text[s_start:q.open].strip()
            para = self.paragraph_of(q.open)
            if opens_sentence and last is not None and last.speaker is not None and para - last_para <= 1:
                # The same speaker goes on: '"A," she said. "B."' or a next paragraph that is
                # only a quotation. Like PolNeAR, one claim runs from the first to the last.
                last.content = (last.content[0], q.end)
                last_para = self.paragraph_of(q.after - 1 if q.after else 0)
                continue
            # Otherwise only a cue earlier in the sentence makes it a claim
            # ("called their son 'an American hero'"); without one it is a
            # scare quote or a title.
            cue = self._cue_before(q, s_start, used)
            if cue is None:
                continue
            speaker = speaker_for_cue(text, s_start, cue[0], cue[1], self._shared(s_start, cue[0]))
            if speaker is None:
                continue
            out.append(_Draft("mixed", self._fragment_clause(cue, q, s_end), cue, speaker, si))
        out.sort(key=lambda d: (d.content[0], d.content[1]))
        return out

    def _fragment_clause(self, cue: tuple[int, int], q: Quote, s_end: int) -> tuple[int, int]:
        """What a cue says about a quoted fragment: from the cue to the end of its clause.

        'called the use of executive orders "quite dangerous"' attributes the
        whole phrase, not just the quoted words; after a verb of naming or
        describing, a long clause goes on to say more than the cue attributes.
        """
        text = self.text
        start = cue[1]
        while start < q.open and text[start] in " \t,:":
            start += 1
        end = clause_end(text, q.open + 1, s_end, self.stops) or q.end
        if end > q.after + 40 and tag_of(text[cue[0]:cue[1]]) == QUOTE_ONLY:
            end = q.after
        return start, max(end, q.end)

    def _cue_before(self, q: Quote, s_start: int, used: set[int]) -> tuple[int, int] | None:
        """An unused cue shortly before a quoted fragment, unless the fragment is a title ("on 'This Week'")."""
        before = self.text[max(s_start, q.open - 30):q.open].split()
        if before and before[-1].lower() in _TITLE_BEFORE:
            return None
        last = None
        for m in cue_pattern().finditer(self.text, max(s_start, q.open - FRAGMENT_CUE_REACH), q.open):
            last = m
        if last is None or last.start() in used or ACCORDING_TO.match(self.text, last.start()):
            return None
        gap = self.text[last.end():q.open].split()
        if gap and gap[0].lower() in _TITLE_BEFORE:
            return None  # 'said on the programme "Morning Live"': where it was said, not what
        return last.start(), last.end()

    def finish(self, drafts: list[_Draft], resolver: Resolver) -> list[Claim]:
        """Resolve speakers, find hedges, number the claims."""
        text = self.text
        claims: list[Claim] = []
        scopes = [self._scope(d) for d in drafts]
        hedges_found = hedge_index(text, scopes)
        hedge_starts = [h[0] for h in hedges_found]
        recent: list[tuple[tuple[int, int], str, str]] = []  # (sentence, entity, kind) of earlier speakers
        for n, (d, scope) in enumerate(zip(drafts, scopes), start=1):
            entity = None
            speaker = None
            if d.speaker is not None:
                s, e = d.speaker
                word = text[s:e].lower()
                if word in PERSON_PRONOUNS or word in OTHER_PRONOUNS:
                    entity = self._pronoun(word, s, d.sentence, recent, resolver)
                else:
                    entity = resolver.head_entity(s, e)
                speaker = Speaker(Span.of(text, s, e), entity)
                if entity is not None:
                    recent.append((d.sentence, entity, resolver.kind(entity) or ""))
            hedges = hedges_between(hedges_found, hedge_starts, *scope)
            claims.append(
                Claim(
                    id=f"claim-{n}",
                    kind=d.kind,
                    content=Span.of(text, *d.content),
                    cue=Span.of(text, *d.cue) if d.cue else None,
                    speaker=speaker,
                    hedges=hedges,
                )
            )
        return claims

    def _scope(self, d: _Draft) -> tuple[int, int]:
        """Where a claim's hedges may be: the sentences from its first to its last part."""
        lo = min(d.content[0], d.cue[0] if d.cue else d.content[0], d.speaker[0] if d.speaker else d.content[0])
        hi = max(d.content[1], d.cue[1] if d.cue else d.content[1], d.speaker[1] if d.speaker else d.content[1])
        return self.sentence(lo)[0], max(hi, self.sentence(max(hi - 1, 0))[1])

    def _pronoun(
        self,
        word: str,
        pos: int,
        sentence: tuple[int, int],
        recent: list[tuple[tuple[int, int], str, str]],
        resolver: Resolver,
    ) -> str | None:
        """The entity a pronoun speaker refers to: a near earlier speaker, else a sentence subject."""
        want_person = word in PERSON_PRONOUNS
        if recent:
            sent, ent, kind = recent[-1]
            near = self.layout.distance(sent, sentence, PRONOUN_REACH) < PRONOUN_REACH
            if near and (kind == "person") == want_person:
                return ent
        finder = resolver.persons_before if want_person else resolver.others_before
        key: tuple[int, int] | None = sentence
        for back in range(PRONOUN_REACH + 1):
            if key is None:
                break
            a, b = self.layout.bounds(key)
            found = finder(a, pos if back == 0 else b)
            if found:
                return found[0][1]
            key = self.layout.previous(key)
        return None


#: What may follow a sentence-final cue: the inverted speaker or an adverbial, then the sentence's end.
_FINAL_REST = re.compile(r"[^.!?;:\"\u201c\u201d]*[.!?]?[\"\u201d']?\s*")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


_PARENTHETICAL_BEFORE = re.compile(r",\s*$")
_ANAPHORS = frozenset(("that's", "that\u2019s", "that", "this", "this's", "this\u2019s"))
_TITLE_BEFORE = frozenset("on in at from of by with for to into about titled headlined".split())
_NOT_BEFORE_CUE = frozenset(
    "was were been being be is are so-called to not never the a an his her its their this that these those "
    "of no any some our my your fewer more less few".split()
)
_PROGRESSIVE = frozenset("is are was were been be".split())
_DETERMINERS = frozenset(
    "the a an his her its their this that these those our my your some any no fewer more less few many "
    "several all both each every most".split()
)


def _after_with(before: list[str]) -> bool:
    """Whether the words before an -ing cue read "with X" ("with officials confirming")."""
    return any(w == "with" for w in before[-6:-1])


def _plausible_speaker(phrase: str) -> bool:
    """Reject phrases that are a bare determiner, a possessive, or end in an adjective in -ing."""
    words = phrase.split()
    last = words[-1].lower()
    if last in _DETERMINERS or last.endswith(("'s", "\u2019s")):
        return False
    return not (last.endswith("ing") and words[-1].islower())


def _drop_relayed(text: str, drafts: list[_Draft]) -> list[_Draft]:
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
            if k < len(cues) and cues[k] < d.content[1]:
                continue
        out.append(d)
    return out


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted ranges."""
    i = bisect_right(ranges, (start, 1 << 62)) - 1
    for j in range(i, max(i - 16, -1), -1):  # claims nest shallowly: a few steps back suffice
        a, b = ranges[j]
        if a <= start and end <= b + 1:
            return True
    return False
