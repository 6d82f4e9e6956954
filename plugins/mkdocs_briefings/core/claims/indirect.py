"""Reported speech for one cue: who said it and which clause is what they said.

Most cue forms in running text attribute nothing ("was told", "did not
say", "its claims", "promising results"); the cheap tests on the words
around the cue come first, so those are rejected before their sentence is
even looked up. What remains goes to the clause after the cue
("X said (that) ..."), or, when there is none, to an attribution closing
the sentence ("..., officials said"), a headline, or "according to".
"""

from __future__ import annotations

import re

from .according import according_to_claim
from .context import Context
from .cues import ACCORDING_TO, ASK_VERBS, OBJECT_VERBS, QUOTE_ONLY, TO_VERBS, WEAK_FORMS, cue_base, tag_of
from .draft import Draft
from .reported import clause_after, shown_by_evidence
from .speakers import PARTICIPLE_LEADS, plausible_speaker, speaker_for_cue
from .trailing import headline_claim, sentence_final_claim

#: Words before a cue that make it passive, infinitive, negated or a noun.
_NOT_BEFORE_CUE: frozenset[str] = frozenset(
    "was were been being be is are so-called to not never the a an his her its their this that these those "
    "of no any some our my your fewer more less few having".split()
)
#: Adjectives that make the cue form after them a noun when a determiner opens the phrase
#: ("his initial tweet", "her firmest promise"); a closed list, because "the official said" has
#: a noun in the same place.
_NOUN_ADJECTIVES: frozenset[str] = frozenset(
    "constant initial firmest latest recent earlier previous repeated frequent own overt renewed "
    "explicit implicit vague bold famous infamous controversial stated".split()
)
_DETERMINERS: frozenset[str] = frozenset("his her their its the a an our my your this that".split())
_PROGRESSIVE: frozenset[str] = frozenset("is are was were been be".split())
_COMMA_BEFORE = re.compile(r",\s*$")
#: A subject, then one appositive between commas, then the cue: "Megan Hester, a senior associate, said".
_APPOSITIVE_SUBJECT = re.compile(
    r"[ \t]*[A-Z][^,.;:!?\"\u201c\u201d\n]{0,80},(?!\s*(?:and|but|or|so|yet)\b)[^,;:!?\"\u201c\u201d\n]{1,160},[ \t]*"
)
#: "shows that ..." reports, whoever shows it; "a show that plays ..." is a programme (see below).
_THAT_NEXT = re.compile(r"\s+that\s+(?!plays|played|airs|aired|runs|ran|features|featured|stars|starred)")
#: A subject pronoun right after a cue form: the form is a verb ("claims he will"); "that" may be
#: a relative pronoun after a noun ("the attacks that have defined his bid").
#: Verbs whose infinitive after them is still their subject's saying ("continues to insist that").
_CATENATIVES: frozenset[str] = frozenset("continues continued continue appeared appears appear seemed seems went began begins".split())
#: Nouns-or-verbs that are the verb before "that" after a name ("Trump claims that ..."; "its claims that" has no name).
_THAT_FORMS: frozenset[str] = frozenset(("claims", "fears", "demands", "promises"))


def prev_word(text: str, pos: int) -> str:
    """The word right before `pos` (no punctuation between), or ""."""
    words = text[max(0, pos - 40):pos].split()
    return words[-1] if words and text[pos - 1:pos] == " " else ""


_CLAUSE_NEXT = re.compile(r"\s+(?:he|she|they|we|I)\s")
#: Cue forms that are as often nouns ("support", "backing"), and the words after them that show the noun.
_NOUN_FIRST: frozenset[str] = frozenset(("support", "backing"))
_NOUN_NEXT = re.compile(
    r"\s+(?:among|amid|for|from|of|in|on|at|to|was|is|has|had|have|were|are|needed|which|that|grew|fell|rose|"
    r"slipped|remains|remained|base)\b|[\s,.;:]*$|\s*[,.;:]"
)
_ANONYMITY = re.compile(r"\s+(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b")


def _after_with(before: list[str]) -> bool:
    """Whether the words before an -ing cue read "with X" ("with officials confirming")."""
    return any(w == "with" for w in before[-6:-1])


def reported_claim(ctx: Context, cue_start: int, cue_end: int) -> Draft | None:
    """A reported-speech claim for the cue at these offsets, or None."""
    text = ctx.text
    if text[cue_start].isupper() and not text.startswith("According", cue_start):
        return headline_claim(ctx, cue_start, cue_end)
    according = ACCORDING_TO.match(text, cue_start) is not None
    subject_end = cue_start  # where the subject ends: before the cue, or before "continues to"
    if not according:
        lowered = text[cue_start:cue_end].lower()
        if lowered in WEAK_FORMS and not _CLAUSE_NEXT.match(text, cue_end) and not (
                lowered in _THAT_FORMS and _THAT_NEXT.match(text, cue_end) and prev_word(text, cue_start)[:1].isupper()):
            return None  # "its claims", "the states": nouns, unless a clause follows ("Parry claims he will")
        if lowered in _NOUN_FIRST and _NOUN_NEXT.match(text, cue_end):
            return None  # "her support among black voters", "support was more solid": the noun
        if tag_of(lowered) == QUOTE_ONLY and lowered not in ASK_VERBS and lowered not in TO_VERBS and cue_base(lowered) not in OBJECT_VERBS:
            return None
        window = text[max(0, cue_start - 80):cue_start]
        before = window.lower().split()
        prev = before[-1] if before else ""
        # "have been warning that", "is defending his tweets": a progressive verb takes what it reports as the simple form does
        progressive = lowered.endswith("ing") and prev in _PROGRESSIVE
        # "continues to insist that", "appeared to suggest that": the subject's own saying, through a catenative verb
        catenative = prev == "to" and len(before) > 1 and before[-2] in _CATENATIVES and _THAT_NEXT.match(text, cue_end) is not None
        if catenative:
            subject_end = text.rfind(before[-2], max(0, cue_start - 80), cue_start)
        if (prev in _NOT_BEFORE_CUE and not progressive and not catenative) or prev.endswith(("'s", "\u2019s", "n't", "n\u2019t")):
            return None  # passive, infinitive, negated, or a noun: "was told", "did not say", "its claims"
        if prev in _NOUN_ADJECTIVES and len(before) > 1 and before[-2] in _DETERMINERS:
            return None  # "his constant vow to", "her firmest promise yet": a noun after its adjective
        if lowered.endswith("ing") and not (
            window.rstrip().endswith((",", "\u2014", "\u2013", "--"))
            or prev in _PROGRESSIVE
            or prev in PARTICIPLE_LEADS
            or prev == "and"
            or _after_with(before)
        ):
            return None  # "promising", "warning" as adjectives or nouns
    if not according and not _THAT_NEXT.match(text, cue_end) and not shown_by_evidence(text, cue_start, cue_end):
        return None  # "TV show That's Life", "summer shows, discovering ...": a programme, not a report
    if _ANONYMITY.match(text, cue_end):
        return None  # "an official who declined to be named said ...": how the source is hidden, not a claim
    si = ctx.sentence_key(cue_start)
    s_start, s_end = ctx.layout.bounds(si)
    s_start = ctx.sentence_start(s_start)
    if according:
        return according_to_claim(ctx, cue_start, cue_end, si, s_start, s_end)
    subject_first = _APPOSITIVE_SUBJECT.fullmatch(text, s_start, cue_start) is not None
    clause = clause_after(text, cue_start, cue_end, s_end, ctx.stops, subject_first)
    if clause is None:
        return sentence_final_claim(ctx, cue_start, cue_end, si, s_start, s_end)
    speaker = speaker_for_cue(text, s_start, subject_end, cue_end, ctx.shared(s_start, cue_start))
    if speaker is None or not plausible_speaker(text[speaker[0]:speaker[1]]):
        return None
    if _COMMA_BEFORE.search(text, max(s_start, speaker[0] - 3), speaker[0]) and text[
        cue_end:clause[0]
    ].strip().startswith(","):
        # "This campaign, he says, is different": the claim is the whole sentence around the attribution.
        clause = (s_start, clause[1])
    return Draft("indirect", clause, (cue_start, cue_end), speaker, si)
