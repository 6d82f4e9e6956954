"""Attributing a direct quotation to the cue and speaker written beside it.

News attaches a quotation in a handful of ways: after it ('"...," he
said', '"...," said the mayor', '"..." Zelenskyy said.', '"...,"
according to X') or before it ('Walker said, "..."', 'Hannity
interjected: "..."'). Anything else (a quotation inside a reported
clause, a scare quote, a title) is left to the other rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .cues import ACCORDING_TO, ADDRESSEE_VERBS, cue_pattern
from .quotes import Quote
from .reported import skip_addressee
from .speaker_before import Coordinated, subject_before
from .speaker_words import is_plain_name
from .speakers import NAME_THEN_APPOSITIVES, np_after, speaker_for_cue, starts_like_speaker
from .trailing import opens_clause

#: How far after a quotation its attribution may end, and how far before it may start.
_AFTER_REACH = 120
_BEFORE_REACH = 160
_LEAD_GAP = re.compile(r"[ \t]*[,:\u2013\u2014-]?[ \t]*")
_BREAK = re.compile("''|[;\"\u201c\u201d\n]")
#: A dash introducing a signature: '"..." ― Name'.
_DASH = re.compile("[ \t\u00a0]*[\u2015\u2014\u2013][ \t\u00a0]*(?=[A-Z])")
#: What may follow an inverted speaker ("said the mayor." / "said Orlov, the mayor" / "said Orlov in a statement").
_ENDS_ATTRIBUTION = re.compile(
    r"\s*(?:[.,;:!?\"\u201c\u201d\n(\u2013\u2014]|$|(?:in|on|at|during|after|before|while|when|of|to|who|"
    r"from|for|with|as|according|told|adding|and)\b)"
)
#: What may precede a quotation that is attributed after it: nothing, or a break in the sentence.
_STANDS_ALONE = re.compile(r"(?:^|[\n.!?:;,\u2013\u2014(\"\u201d\u2019']|\band|\bbut)\s*$")
_LEADING_TAIL = re.compile(r"[^.!?;\"\u201c\u201d\n]{0,160}?[,:]\s*|\s*")
#: A short description before a name, ended by a comma ("another friend, " in '..." another friend, Mariam Emara told').
_APPOSITIVE = re.compile(r"[a-z][\w'\u2019-]*(?:[ \t]+[\w'\u2019-]+){0,5},[ \t]*")
#: A finite verb or "that" in what follows a cue: a reported clause, not an adverbial tail.
_THAT_NEXT = re.compile(r"\s*that\b")
_FINITE_OR_THAT = re.compile(
    r"\b(?:that|is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do)\b"
)
#: A determiner before a cue form makes it a noun ("one of the states suing the EPA").
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|of|his|her|their|its|our|my|your|these|those)\s+$", re.IGNORECASE)
#: After a quotation that ends its sentence (or clause) there is only punctuation or the end of the line.
_QUOTE_ENDS_SENTENCE = re.compile(r"[ \t]*(?:[.,;:!?\u2013\u2014\n]|$)")


#: A cue that ends in a colon and a quotation introduces that quotation, not the one before it
#: ('"...concerned." The Man Utd boss continued: "I don't know ..."').
_INTRODUCES = re.compile("[^.!?;\"\u201c\u201d\n]{0,60}:[ \t]*(?:''|[\"\u201c])")


#: A quotation that ends its own sentence.
_ENDS_STATEMENT = re.compile("[.!?][\u2019']?$")
#: What opens a reported clause or an object right after a cue ("said her father ...", "said that ...").
_TAKES_CLAUSE = re.compile(
    r"[ \t]+(?:that|her|his|their|its|the|a|an|he|she|they|it|we|I|there|this|these|those|no|some|any|"
    r"(?!during|including|regarding|concerning|following|according)[a-z]+ing)\b"
)


@dataclass(frozen=True)
class Attribution:
    """A cue and speaker for a quotation (offsets), either possibly missing."""

    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    #: Where the claim starts when words of the same clause come before the quotation
    #: ('The "animosity is like I've never seen before," he said'); None: at the quotation.
    lead: int | None = None


def _lead(text: str, quote: Quote, s_start: int | None) -> int | None:
    """The start of the clause a quotation completes, when the quotation does not open its sentence.

    'Still, golf clubs are "just scratching out a profit," he said' and '...
    about the layoffs and "that group is now leaving," said X' attribute the
    whole sentence: a short run of words before the quotation, with no cue
    or other quotation of its own, is part of what was said.
    """
    if s_start is None or s_start >= quote.open or quote.open - s_start > _LEAD_CHARS:
        return None
    before = text[s_start:quote.open]
    if not before.strip() or _MARK_OR_STOP.search(before) or len(before.split()) > _LEAD_WORDS:
        return None
    if cue_pattern().search(before):
        return None
    return s_start


#: The most words of a clause that may come before a quotation attributed after it.
_LEAD_WORDS = 25
_LEAD_CHARS = 300  # bounds the look-back per quotation, whatever the sentence's length
_MARK_OR_STOP = re.compile("''|[\"\u201c\u201d.;:!?\n]")
#: A "speaker" after a quotation that is the rest of its clause and then the speaker: a verb first, a comma later.
_CLAUSE_GOES_ON = re.compile(r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b[^,]*,\s")
_ENDS_CONJUNCTION = re.compile(r"\b(?:and|but)\s*$")


def after_quote(
    text: str, quote: Quote, para_end: int, sentence_end: Callable[[int], int], s_start: int | None = None
) -> Attribution | None:
    """An attribution written right after the quotation, if there is one.

    `sentence_end(pos)` gives the end of the sentence holding `pos`: the
    attribution may not run past it (abbreviations like "Sen." do not end it).
    `s_start`, the start of the quotation's sentence, lets a quotation that
    completes a clause begun before it take that clause with it.
    """
    lead = None
    before = text[max(0, quote.open - 40):quote.open]
    if not _STANDS_ALONE.search(before) or _ENDS_CONJUNCTION.search(before):
        lead = _lead(text, quote, s_start)
        if lead is None:
            return None  # a fragment inside a sentence ('calls Trump a "sociopath," said ...')
    att = _after(text, quote, para_end, sentence_end)
    if att is None or lead is None:
        return att
    return Attribution(att.cue, att.speaker, lead)


def _after(text: str, quote: Quote, para_end: int, sentence_end: Callable[[int], int]) -> Attribution | None:
    """The cue and speaker right after a quotation that may be attributed after it."""
    dash = _DASH.match(text, quote.after, para_end)
    if dash is not None:
        # '"..." ― Carlos Raúl': a signature after the quotation, no verb.
        speaker = np_after(text, dash.end(), para_end)
        return Attribution(None, speaker) if speaker is not None else None
    gap = _LEAD_GAP.match(text, quote.after, para_end)
    assert gap is not None  # the pattern matches the empty string
    pos = gap.end()
    limit = min(para_end, pos + _AFTER_REACH)
    cues = cue_pattern()
    inverted = cues.match(text, pos, limit)
    if inverted is not None:
        speaker = None
        start = inverted.end()
        while start < limit and text[start] in " \t,":
            start += 1
        if starts_like_speaker(text, start):
            speaker = np_after(text, start, limit)
            if speaker is not None and not _ENDS_ATTRIBUTION.match(text, speaker[1]):
                return None  # '"...," said he doesn't ...': a new clause, not an inverted attribution
        return Attribution((inverted.start(), inverted.end()), speaker)
    limit = min(limit, max(sentence_end(pos), pos))
    stop = _BREAK.search(text, pos, limit)
    hi = stop.start() if stop is not None else limit
    cue = next(_verb_cues(text, pos, hi), None)
    if cue is None or cue.start() == pos:
        return None
    try:
        speaker = subject_before(text, pos, cue.start())
    except Coordinated:
        return None
    if speaker is None:
        return None
    if _CLAUSE_GOES_ON.match(text, pos, cue.start()):
        return None  # 'A cashier who "steals $20s" is held accountable, Warren said': the clause goes on past the quotation
    between = text[pos:speaker[0]]
    if between.strip(" \t,"):
        named = NAME_THEN_APPOSITIVES.fullmatch(text, pos, cue.start())
        if named is not None and is_plain_name(named.group("name")) and next(_verb_cues(text, pos, cue.start()), None) is None:
            # '"...," Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said':
            # the name written first is the speaker, the appositives only describe them.
            speaker = named.span("name")
        elif not _APPOSITIVE.fullmatch(between) or cues.search(between):
            return None  # words other than the speaker stand between quotation and cue
        else:
            speaker = (pos, speaker[1])  # '"...," another friend, Mariam Emara, told CNN': one speaker phrase
    if ACCORDING_TO.match(text, cue.start()) or _INTRODUCES.match(text, cue.end(), para_end):
        return None
    ends = _ENDS_STATEMENT.search(text, max(quote.start, quote.end - 2), quote.end) is not None
    if _reports_clause(text, cue.group().lower() in ADDRESSEE_VERBS, cue.end(), sentence_end(cue.end()), not ends):
        # '"...generous." Jill said her father would be missed.': a new sentence reporting its own
        # clause, not an attribution of the finished quotation before it.
        return None
    return Attribution((cue.start(), cue.end()), speaker)


def _reports_clause(text: str, addressee: bool, cue_end: int, s_end: int, to_comma: bool = False) -> bool:
    """Whether a cue is followed, in its sentence, by a clause of its own ("said rates will drop").

    After a verb with an addressee ("told his news conference") a determiner opens the addressee.
    With `to_comma` (a quotation ending in a comma, which an attribution usually follows), only
    a clause opening right after the cue counts ('"Face the Nation," Ryan said the spate ...').
    """
    if not addressee and _TAKES_CLAUSE.match(text, cue_end):
        return True
    if to_comma:
        return addressee and _THAT_NEXT.match(text, skip_addressee(text, cue_end, s_end)) is not None
    if _FINITE_OR_THAT.search(text, cue_end, min(s_end, cue_end + 200)) is not None:
        return True
    # "Mr Kennedy also said students want action": more than an adverbial follows the cue
    return not addressee and opens_clause(text, cue_end, s_end)


def _verb_cues(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The cues in [lo, hi) that are verbs: a determiner before a cue form makes it a noun ("the states")."""
    for m in cue_pattern().finditer(text, lo, hi):
        if not _NOUN_BEFORE.search(text, max(lo, m.start() - 8), m.start()):
            yield m


def before_quote(
    text: str, quote: Quote, lo: int, shared: Callable[[int], tuple[int, int] | None] | None = None
) -> Attribution | None:
    """An attribution introducing the quotation ('Walker said, "..."'), if there is one.

    `lo` is the start of the quotation's sentence (or paragraph): the cue
    must lie between it and the opening mark, followed only by adverbials
    and a comma or colon. `shared(cue_start)` gives the speaker of an
    earlier attribution in the sentence, for '..." he said, adding, "..."'.
    """
    start = max(lo, quote.open - _BEFORE_REACH)
    last = None
    for m in _verb_cues(text, start, quote.open):
        last = m
    if last is None:
        return None
    tail = _LEADING_TAIL.fullmatch(text, last.end(), quote.open)
    if tail is None:
        return None
    if not text[last.end():quote.open].strip() and not _QUOTE_ENDS_SENTENCE.match(text, quote.after):
        return None  # 'testified "thousands" of emails were ...': the quotation is part of a clause
    if ACCORDING_TO.match(text, last.start()):
        speaker = np_after(text, last.end() + 1, quote.open)
        return Attribution((last.start(), last.end()), speaker)
    earlier = shared(last.start()) if shared is not None else None
    # 'told the crowd that if he wants our guns, "come and take it."': the claim is the whole clause.
    that = _THAT.search(text, last.end(), quote.open)
    return Attribution(
        (last.start(), last.end()),
        speaker_for_cue(text, lo, last.start(), last.end(), earlier),
        that.start() if that is not None else None,
    )


_THAT = re.compile(r"\bthat\b")
