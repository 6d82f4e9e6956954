"""Finding the source of a claim as written: the noun phrase beside its cue.

There is no parser here: a speaker is the longest run of words next to the
cue that could belong to a noun phrase (names, determiners, nouns and
adjectives), stopped by the words that cannot (prepositions, auxiliaries,
conjunctions, complementisers). That is enough for the patterns news
attribution uses ("Mayor Igor Kolykhaev confirmed", "Dmytro Orlov, the
mayor of Enerhodar, said", "said a senior Pentagon official", "a
spokesman, who said"), runs in time linear in the window it is given, and
does not depend on the entity engine, which only resolves the span found.
"""

from __future__ import annotations

import re

from .speaker_before import Coordinated, subject_before
from .speaker_words import (
    BETWEEN,
    DETERMINERS,
    DOTTED,
    ED_ADJECTIVES,
    LEAD,
    MAX_WORDS,
    SENTENCE_ADVERBS,
    STOP,
    TIME_WORDS,
    TOKEN,
    WINDOW,
    is_description,
    is_np_word,
    is_sentence_adverb,
    tokens_in,
)

#: A name (titles, initials and a party parenthesis allowed), then appositives after a comma, then
#: the cue: "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said",
#: "Paul Goosens, head of Preventon told".
NAME_THEN_APPOSITIVES = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019\-]*\.?[ \t]+){0,4}[A-Z][\w'\u2019\-]*(?:[ \t]+\([^()\n]{1,20}\))?)"
    r"[ \t]*,[^\"\u201c\u201d;:\n]{1,200}?(?:,[ \t]*|[ \t]+)(?:[a-z]+ly[ \t]+)?"
)


def np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The speaker phrase starting at `pos` ("said the mayor", "according to officials")."""
    toks = tokens_in(text, pos, min(hi, pos + WINDOW))
    n = 0
    while n < len(toks) and n < MAX_WORDS + 3:
        tok = toks[n][2]
        if is_np_word(tok) or (tok.lower() in ("of", "for", "at") and n > 0):
            n += 1
            continue
        if tok == "." and n > 0 and toks[n - 1][1] == toks[n][0]:
            prev = toks[n - 1][2]
            if prev.lower() in DOTTED or (len(prev) == 1 and prev.isupper()):
                n += 1
                continue
        break
    while n > 0 and toks[n - 1][2].lower() in ("of", "for", "at", "the", "a", "an"):
        n -= 1
    if n == 0:
        return None
    end = toks[n - 1][1]
    if is_description(toks, 0, n - 1):
        # "said EEF chief economist, Steve Radley.": the name after the comma is the speaker's.
        named = _APPOSITIVE_NAME.match(text, end, min(hi, end + 60))
        if named is not None and named.group(1).split()[0] not in _DAY_NAMES:
            end = named.end(1)
    return toks[0][0], end


_APPOSITIVE_NAME = re.compile(
    r",[ \t]+((?:[A-Z][\w'\u2019.\-]*[ \t]+){0,3}[A-Z][\w'\u2019\-]*)(?=[ \t]*(?:[.,;:!?)\n]|$))"
)
_DAY_NAMES: frozenset[str] = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)


def starts_like_speaker(text: str, start: int) -> bool:
    """Whether an inverted speaker may start here: a name, a pronoun, or a determiner."""
    m = TOKEN.match(text, start)
    if m is None:
        return False
    word = m.group()
    lower = word.lower()
    if lower in BETWEEN or lower in STOP or lower in TIME_WORDS or not word[0].isalpha():
        return False
    # A lower-case "-ing"/"-ed" word is a verb phrase, not a speaker ("denies plying a boy ...");
    # anything else is a name, a pronoun, a determiner or a title ("said former adviser David Axelrod").
    return not (word.islower() and lower.endswith(("ing", "ed")) and lower not in ED_ADJECTIVES)


def _fronted(toks: list[tuple[int, int, str]], i: int) -> int:
    """Skip a fronted adverbial phrase ending in a comma ("During the talks,", "Hours later,")."""
    k = next((k for k in range(i, min(len(toks), i + 16)) if toks[k][2] == ","), None)
    if k is None or k == i:
        return i
    first = toks[i][2].lower()
    last = toks[k - 1][2].lower()
    # A participle opens an adverbial ("Walking to the door,"); a name in -ing ("Ebeling") only
    # looks like one, so a capitalised -ing word counts only where any word is capitalised.
    participle = first.endswith("ing") and (i == 0 or toks[i][2].islower())
    if first in STOP or first in LEAD or participle or first in TIME_WORDS or last in ("ago", "later", "earlier"):
        return k + 1
    if first in SENTENCE_ADVERBS or (k == i + 1 and is_sentence_adverb(toks[i][2])):
        return k + 1  # "Recently, however, it issued ...", "Once in his twenties, he said": not the subject
    return i


def sentence_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject at the head of a sentence, after any leading adverbial phrase."""
    toks = tokens_in(text, start, min(end, start + WINDOW))
    i = 0
    while i < len(toks) and toks[i][2] in "\"\u201c\u201d'(":
        i += 1
    for _ in range(2):
        i = _fronted(toks, i)
    while i < len(toks) and toks[i][2].lower() in LEAD:
        i += 1
    j = i
    while j < len(toks) and j - i < MAX_WORDS:
        tok = toks[j][2]
        if is_np_word(tok) or (tok.lower() in ("of", "for") and j > i):
            j += 1
            continue
        if tok == "." and j > i and toks[j - 1][2].lower() in DOTTED:
            j += 1
            continue
        break
    while j > i and toks[j - 1][2].lower() in ("of", "for"):
        j -= 1
    if j == i:
        return None
    return toks[i][0], toks[j - 1][1]


#: Words before a participle cue that give it the sentence's subject ("by saying", "while insisting").
PARTICIPLE_LEADS: frozenset[str] = frozenset("by while after before when also despite".split())


def speaker_for_cue(
    text: str, s_start: int, cue_start: int, cue_end: int, shared: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The speaker of a cue in the sentence starting at `s_start`.

    A participle after a comma (", adding that", ", saying") and a verb
    coordinated with an earlier one ("confirmed ... and said") share the
    speaker of the sentence's earlier attribution (`shared`, if any: '"...,"
    Trump said, adding that') or else its subject; otherwise the speaker is
    the phrase before the cue.
    """
    if text[cue_start:cue_end].endswith("ing"):
        lead = text[max(s_start, cue_start - 8):cue_start].rstrip()
        words = lead.split()
        if lead.endswith((",", "\u2014", "\u2013", "--")) or (words and words[-1].lower() in PARTICIPLE_LEADS):
            return shared or sentence_subject(text, s_start, cue_start)
    try:
        return subject_before(text, s_start, cue_start)
    except Coordinated:
        return shared or sentence_subject(text, s_start, cue_start)


#: Quantifiers that stand alone as a speaker, for the people counted ("Many said ...").
_QUANTIFIERS: frozenset[str] = frozenset("several many some most both all few others".split())


def plausible_speaker(phrase: str) -> bool:
    """Reject phrases that are a bare determiner, a possessive, or end in an adjective in -ing."""
    words = phrase.split()
    if not words or words[0] in STOP:
        return False  # "of Republican": a phrase cut after a preposition
    last = words[-1].lower()
    if len(words) == 1 and last in _QUANTIFIERS:
        return True  # "Several said they would rather ...", "many said Monday that ..."
    if last in DETERMINERS or last.endswith(("'s", "\u2019s")):
        return False
    return not (last.endswith("ing") and words[-1].islower())
