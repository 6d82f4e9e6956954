"""The words a speaker's noun phrase may hold, and reading one back from its last word.

No parser: a phrase is a run of words that may belong to a noun phrase (names, determiners,
nouns, adjectives), stopped by those that cannot (`STOP`: prepositions, auxiliaries,
conjunctions, verbs of saying); words between a speaker and its cue (`BETWEEN`), sentence
adverbs and time words are told apart by their lists and endings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import cue_forms

#: How far from a cue a speaker may start (characters): bounds the work per cue.
WINDOW = 120
#: The most words a speaker phrase may have.
MAX_WORDS = 9

YEAR = re.compile(r"(?:19|20)\d\d")
TOKEN = re.compile(r"\w[\w'\u2019\-&]*\w|\w|[^\s\w]")

#: Words that cannot be inside a speaker's noun phrase.
STOP: frozenset[str] = frozenset(
    """in on at with by to from into onto about after before during over under than as like since until
    through against without within among amongst between across toward towards upon via per despite amid
    that which whom whose when where while because if but or nor so yet although though whether then also
    is are was were be been being has have had do does did will would can could should may might must shall
    not no never him them me us it's there here this these those what how why
    say says said saying tell tells told telling added adds adding according who
    won lost made took gave went came got ran beat hit set left held led met saw became began fell felt found
    kept knew paid sent sat stood spoke brought bought caught fought taught built spent meant heard
    sought chose drew grew threw rose shot struck swore tore woke""".split()
)

#: Words between a speaker and its cue that belong to neither ("he also said", "Putin on Thursday said").
BETWEEN: frozenset[str] = frozenset(
    """also has have had was is are were been being will would later previously repeatedly again then once reportedly recently
    always usually sometimes ever
    publicly privately initially originally earlier first frequently often never not did does do even just
    only still already long now further allegedly apparently simply flatly quickly swiftly subsequently
    herself himself themselves itself on last this yesterday today tonight monday tuesday wednesday thursday
    friday saturday sunday morning afternoon evening night week""".split()
)

#: Sentence adverbs that precede a subject without being part of it.
LEAD: frozenset[str] = frozenset(
    "however meanwhile but and so yet still separately earlier later now instead also then indeed "
    "previously nonetheless nevertheless moreover furthermore finally initially".split()
)

#: Titles and initials whose full stop does not end a name.
DOTTED: frozenset[str] = frozenset("mr mrs ms dr sen rep gov gen lt col sgt capt prof rev st jr sr".split())

PRONOUNS: frozenset[str] = frozenset("he she they it we i you".split())
RELATIVES: frozenset[str] = frozenset("who which".split())
COORD: frozenset[str] = frozenset(("and", "but", "or"))


def is_plain_name(phrase: str) -> bool:
    """Whether capitalised words are a name, not a sentence opener ("In London", "However")."""
    return not any(w.lower().rstrip(".") in STOP or w.lower() in LEAD or w.lower() in TIME_WORDS for w in phrase.split())


def tokens_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The tokens of `text[start:end]` as (start, end, token): words, and each punctuation mark alone."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


#: Lower-case words in -ed that are adjectives in a speaker phrase rather than verbs.
ED_ADJECTIVES: frozenset[str] = frozenset(
    "unnamed unidentified retired elected alleged accused armed united detained embattled indicted "
    "appointed designated disgraced ousted exiled jailed wounded injured concerned interested".split()
)


@lru_cache(maxsize=1)
def _past_cues() -> frozenset[str]:
    """Cue forms that can only be verbs here (past tense, participles), unlike "state" or "reports"."""
    out = set()
    for form in cue_forms():
        if form.endswith(("ed", "ing")) or form in ("said", "told", "wrote", "written", "thought", "knew", "sang"):
            out.add(form)
    return frozenset(out)


def is_np_word(tok: str) -> bool:
    """Whether a token may be part of a speaker phrase: not a function word, a cue or a past verb."""
    if not tok[0].isalnum():
        return False
    lower = tok.lower()
    if tok.isupper() and len(tok) > 1 and tok not in ("I",):
        return True  # an acronym ("The US firm"), not the pronoun "us"
    if lower in STOP or lower in _past_cues() or lower.endswith(("n't", "n\u2019t")):
        return False
    return not (tok.islower() and lower.endswith("ed") and len(lower) > 4 and lower not in ED_ADJECTIVES)


def np_end_back(toks: list[tuple[int, int, str]], j: int) -> int:
    """The index of the first token of the noun phrase ending at token `j` (inclusive); j+1 if none."""
    i = j
    count = 0
    while i >= 0 and count < MAX_WORDS:
        tok = toks[i][2]
        if is_np_word(tok):
            i -= 1
            count += 1
            if tok.lower() in PRONOUNS:
                break  # a pronoun is a whole phrase: "assures his audience he" is not one
            continue
        if tok == "." and i > 0 and toks[i - 1][1] == toks[i][0]:
            prev = toks[i - 1][2]
            if prev.lower() in DOTTED or (len(prev) == 1 and prev.isupper()):
                i -= 1
                continue
        if tok.lower() in ("this", "these") and i < j:
            i -= 1  # "this remarkably active senior citizen": a demonstrative opens the phrase
        break
    first = i + 1
    # A phrase never starts with a full stop or a sentence adverb.
    while first <= j and (toks[first][2] == "." or toks[first][2].lower() in LEAD):
        first += 1
    return first


#: Endings of sentence adverbs ("Surprisingly", "Separately"), which names ("Kelly", "Stanley") lack.
_ADVERB_ENDING = re.compile(r"(?:ingly|ally|edly|ately|ously|ively|ently|antly|arly|fully|ibly|ably)$")

#: Lower-case words in -ly that are nouns, not adverbs ("the family said").
_LY_NOUNS: frozenset[str] = frozenset(
    "family ally rally supply assembly monopoly bully belly fly reply anomaly daily weekly monthly quarterly".split()
)


def is_adverb(word: str) -> bool:
    """Whether a word is an adverb in -ly standing between speaker and cue ("bluntly suggested")."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


def is_name(toks: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """Whether tokens first..last are a name: capitalised words (after an optional "the")."""
    if first > last or last - first > 5:
        return False
    if toks[first][2] in ("the", "The"):
        first += 1
    return first <= last and all(t[2][:1].isupper() and is_np_word(t[2]) for t in toks[first:last + 1])


def is_description(toks: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """Whether a phrase describes rather than names: it has a lower-case content word ("spokesperson")."""
    return any(
        t[2].islower() and t[2] not in DETERMINERS and t[2] not in ("of", "for", "and", "at") for t in toks[first:last + 1]
    )


def token_span(toks: list[tuple[int, int, str]], first: int, last: int) -> tuple[int, int] | None:
    """The text offsets of tokens first..last, or None when that range is empty."""
    if first > last or first < 0:
        return None
    return toks[first][0], toks[last][1]


TIME_WORDS: frozenset[str] = frozenset(
    "ago later earlier last next this yesterday today tonight monday tuesday wednesday thursday friday saturday "
    "sunday morning afternoon evening night week weeks month months year years day days hours minutes".split()
)

#: Sentence adverbs without an adverb's ending ("Overall, the fund predicted").
SENTENCE_ADVERBS: frozenset[str] = frozenset(
    "overall once otherwise likewise elsewhere altogether instead still again together thus hence".split()
)


def is_sentence_adverb(word: str) -> bool:
    """Whether a capitalised word before a comma is a sentence adverb ("Recently,", "Overall,"), not a name."""
    lower = word.lower()
    return lower in SENTENCE_ADVERBS or (lower not in _LY_NOUNS and _ADVERB_ENDING.search(lower) is not None)


DETERMINERS: frozenset[str] = frozenset(
    "the a an his her its their this that these those our my your some any no fewer more less few many "
    "several all both each every most".split()
)
