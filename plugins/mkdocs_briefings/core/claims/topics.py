"""What a source spoke about: "Trump complained about his microphone", "she spoke of her ties to ...".

A verb of talking and its topic attribute the topic to the speaker as a
reported stance does: PolNeAR annotates the topic as the content. The rule
is narrow, as for stated intentions (`intents`):

- a finite verb of talking, complaining or worrying, then "about" (or "of"
  after "spoke"/"speaks", never "on", as in "spoke on condition of
  anonymity"), then the topic, a noun phrase or a question ("about how
  the police treat minorities");
- its subject is a source (`intents.source_like`), and the verb has no
  auxiliary of the passive, negation or a modal before it;
- the words are not already inside another claim or a quotation.
"""

from __future__ import annotations

import re

from ..patterns import trie_regex
from .context import Context
from .draft import Draft, Range, covered, inside
from .intents import negated, source_like, words_before
from .reported import object_end
from .speakers import speaker_for_cue

#: Verbs of talking, complaining or worrying (finite forms and the progressive's participle).
_TALK_VERBS = (
    "talk talks talked talking spoke speaks speaking complain complains complained complaining joked jokes "
    "boasted bragged worried worries testified wrote writes tweeted lied raved ranted fretted frets mused muses"
).split()
#: The verb, an adverb or none, then the preposition of the topic, ending where "about" or "of"
#: ends: the text is scanned for the preposition with `str.find` (three passes at C speed) and the
#: verb is read back from there, since most texts hold no such verb at all.
TOPIC = re.compile(
    r"(?<![\w'\u2019-])(?P<cue>(?:" + trie_regex(_TALK_VERBS) + r")(?:\s+(?:openly|publicly|privately|repeatedly|"
    r"often|frequently|again|also|bitterly|at\s+length))?\s+about|(?:spoke|speaks)\s+of)$"
)
#: The prepositions looked for, each with a space before and after it.
_ANCHORS: tuple[str, ...] = (" about ", " of ")
#: How far before its preposition a verb and an adverb may start (characters).
_REACH = 40
_WORD = re.compile(r"[\w'\u2019-]+")


def topic_claims(ctx: Context, claimed: list[Range], quoted: list[Range]) -> list[Draft]:
    """A claim for each topic a source spoke about, outside other claims and quotations."""
    text = ctx.text
    out: list[Draft] = []
    for cue, start in _topics(text):
        if inside(quoted, *cue) or covered(claimed, *cue):
            continue
        si, s_start, s_end, prev = words_before(ctx, cue[0])
        verb = _WORD.match(text, cue[0])
        assert verb is not None  # the pattern opens with a word
        progressive = verb.group(0).endswith("ing") and bool(prev) and prev[-1] in _PROGRESSIVE
        if negated(prev) and not progressive:
            continue  # "was talked about": a passive; "is talking about": the subject's own
        end = object_end(text, start, s_end, ctx.stops)
        if end is None or len(text[start:end].split()) < 2:
            continue
        speaker = speaker_for_cue(text, s_start, cue[0], verb.end())
        if speaker is None or not source_like(text[speaker[0]:speaker[1]]):
            continue
        out.append(Draft("indirect", (start, end), cue, speaker, si))
    return out


#: Auxiliaries of the progressive, which keep the subject's stance ("Trump is talking about").
_PROGRESSIVE: frozenset[str] = frozenset("is are was were been".split())


def _topics(text: str) -> list[tuple[Range, int]]:
    """(cue span, where the topic starts) for each verb of talking and its preposition, in text order."""
    found: list[tuple[Range, int]] = []
    for anchor in _ANCHORS:
        pos = text.find(anchor)
        while pos >= 0:
            prep_end = pos + len(anchor) - 1
            if anchor == " about " or text.endswith(("spoke", "speaks"), max(0, pos - 6), pos):
                m = TOPIC.search(text, max(0, pos - _REACH), prep_end)
                if m is not None:
                    found.append((m.span("cue"), prep_end + 1))
            pos = text.find(anchor, pos + 1)
    found.sort()
    return found
