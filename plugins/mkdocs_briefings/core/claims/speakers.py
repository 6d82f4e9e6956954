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
from functools import lru_cache

from .cues import cue_forms

#: A name (titles, initials and a party parenthesis allowed), then appositives after a comma, then
#: the cue: "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said",
#: "Paul Goosens, head of Preventon told".
NAME_THEN_APPOSITIVES = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019\-]*\.?[ \t]+){0,4}[A-Z][\w'\u2019\-]*(?:[ \t]+\([^()\n]{1,20}\))?)"
    r"[ \t]*,[^\"\u201c\u201d;:\n]{1,200}?(?:,[ \t]*|[ \t]+)(?:[a-z]+ly[ \t]+)?"
)

#: The same at the start of a sentence, before its cue: appositives may quote a phrase.
_NAME_FIRST = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019\-]*\.?[ \t]+){0,4}[A-Z][\w'\u2019\-]*(?:[ \t]+\([^()\n]{1,20}\))?)"
    r"[ \t]*,[^;:\n]{1,200}?,[ \t]*(?:[a-z]+ly[ \t]+)?"
)

#: How far from a cue a speaker may start (characters): bounds the work per cue.
WINDOW = 120
#: The most words a speaker phrase may have.
MAX_WORDS = 9

_YEAR = re.compile(r"(?:19|20)\d\d")
_TOKEN = re.compile(r"\w[\w'\u2019\-&]*\w|\w|[^\s\w]")

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
_BETWEEN: frozenset[str] = frozenset(
    """also has have had was is are were been being will would later previously repeatedly again then once reportedly recently
    always usually sometimes ever
    publicly privately initially originally earlier first frequently often never not did does do even just
    only still already long now further allegedly apparently simply flatly quickly swiftly subsequently
    herself himself themselves itself on last this yesterday today tonight monday tuesday wednesday thursday
    friday saturday sunday morning afternoon evening night week""".split()
)

#: Sentence adverbs that precede a subject without being part of it.
_LEAD: frozenset[str] = frozenset(
    "however meanwhile but and so yet still separately earlier later now instead also then indeed "
    "previously nonetheless nevertheless moreover furthermore finally initially".split()
)

#: Titles and initials whose full stop does not end a name.
_DOTTED: frozenset[str] = frozenset("mr mrs ms dr sen rep gov gen lt col sgt capt prof rev st jr sr".split())

PRONOUNS: frozenset[str] = frozenset("he she they it we i you".split())
RELATIVES: frozenset[str] = frozenset("who which".split())
_COORD: frozenset[str] = frozenset(("and", "but", "or"))


def is_plain_name(phrase: str) -> bool:
    """Whether capitalised words are a name, not a sentence opener ("In London", "However")."""
    return not any(w.lower().rstrip(".") in STOP or w.lower() in _LEAD or w.lower() in _TIME_WORDS for w in phrase.split())


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


#: Lower-case words in -ed that are adjectives in a speaker phrase rather than verbs.
_ED_ADJECTIVES: frozenset[str] = frozenset(
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


def _is_np_word(tok: str) -> bool:
    """Whether a token may be part of a speaker phrase: not a function word, a cue or a past verb."""
    if not tok[0].isalnum():
        return False
    lower = tok.lower()
    if tok.isupper() and len(tok) > 1 and tok not in ("I",):
        return True  # an acronym ("The US firm"), not the pronoun "us"
    if lower in STOP or lower in _past_cues() or lower.endswith(("n't", "n\u2019t")):
        return False
    return not (tok.islower() and lower.endswith("ed") and len(lower) > 4 and lower not in _ED_ADJECTIVES)


class Coordinated(Exception):
    """Raised inside the module when a cue's subject is shared with an earlier verb."""


def _np_end_back(toks: list[tuple[int, int, str]], j: int) -> int:
    """The index of the first token of the noun phrase ending at token `j` (inclusive); j+1 if none."""
    i = j
    count = 0
    while i >= 0 and count < MAX_WORDS:
        tok = toks[i][2]
        if _is_np_word(tok):
            i -= 1
            count += 1
            if tok.lower() in PRONOUNS:
                break  # a pronoun is a whole phrase: "assures his audience he" is not one
            continue
        if tok == "." and i > 0 and toks[i - 1][1] == toks[i][0]:
            prev = toks[i - 1][2]
            if prev.lower() in _DOTTED or (len(prev) == 1 and prev.isupper()):
                i -= 1
                continue
        if tok.lower() in ("this", "these") and i < j:
            i -= 1  # "this remarkably active senior citizen": a demonstrative opens the phrase
        break
    first = i + 1
    # A phrase never starts with a full stop or a sentence adverb.
    while first <= j and (toks[first][2] == "." or toks[first][2].lower() in _LEAD):
        first += 1
    return first


def subject_before(text: str, lo: int, cue: int) -> tuple[int, int] | None:
    """The speaker phrase ending just before the cue at `cue`, searching no earlier than `lo`.

    Raises `Coordinated` when the cue follows "and"/"but" ("confirmed ... and
    said"): the caller then uses the subject of the whole sentence.
    """
    toks = _tokens(text, max(lo, cue - WINDOW), cue)
    j = len(toks) - 1
    # A parenthesis before the cue ("Rep. Gwen Moore (D-Wis.) said") belongs to the name.
    end_paren = None
    while j >= 0 and toks[j][2].lower() in _BETWEEN:
        j -= 1
    if j >= 0 and toks[j][2] == ")":
        k = j - 1
        while k >= 0 and toks[k][2] != "(" and j - k < 12:
            k -= 1
        if k >= 0 and toks[k][2] == "(":
            end_paren = toks[j][1]
            j = k - 1
    if end_paren is not None:
        first = _np_end_back(toks, j)
        if first <= j:
            return toks[first][0], end_paren
    j = len(toks) - 1
    # Skip words standing between subject and cue: adverbs, auxiliaries, a day or time.
    while j >= 0 and (
        toks[j][2].lower() in _BETWEEN
        or _is_adverb(toks[j][2])
        or toks[j][2] in "()"
        or (toks[j][2].isupper() and len(toks[j][2]) <= 4 and j > 0 and toks[j - 1][2] == "(")
        or (_YEAR.fullmatch(toks[j][2]) and j > 0 and toks[j - 1][2].lower() in ("in", "since"))
    ):
        j -= 1
        if j >= 0 and toks[j][2].lower() in ("in", "since") and _YEAR.fullmatch(toks[j + 1][2]):
            j -= 1  # "The Downing Street Strategy Unit in 2003 said"
    if j < 0:
        return None
    last = toks[j][2].lower()
    if last in _COORD:
        raise Coordinated
    if last in RELATIVES:
        return _antecedent(toks, j)
    if toks[j][2] == ",":
        named = _NAME_FIRST.fullmatch(text, toks[0][0], cue) if toks[0][0] == lo else None
        if named is not None and is_plain_name(named.group("name")):
            # 'Barbara Follet, one of the so-called "Blair Babes" elected in 1997, told': the name opens the sentence.
            return named.span("name")
        # A parenthetical between subject and cue: "Orlov, the mayor of Enerhodar, said".
        k = j - 1
        while k >= 0 and toks[k][2] not in ",;:\"\u201c\u201d" and toks[k][2].lower() not in RELATIVES:
            k -= 1
        if k >= 0 and toks[k][2].lower() in RELATIVES:
            return _antecedent(toks, k)
        if k < 0 or toks[k][2] != ",":
            return _span(toks, _np_end_back(toks, j - 1), j - 1)
        first = _np_end_back(toks, k - 1)
        if first <= k - 1:
            if _is_name(toks, k + 1, j - 1) and _is_description(toks, first, k - 1):
                # "A spokesperson for the Ministry of Transport, Daniel Reyes, said": the name is the speaker.
                return _span(toks, k + 1, j - 1)
            return _span(toks, first, k - 1)
        return _span(toks, _np_end_back(toks, j - 1), j - 1)
    first = _np_end_back(toks, j)
    # "A Ukrainian official who attended the talks said": the speaker is the official.
    for k in range(j, max(j - _RELATIVE_REACH, -1), -1):
        if toks[k][2] in ",;:":
            break
        if toks[k][2].lower() in RELATIVES:
            if first == k + 1:
                return _span(toks, first, j)  # "programs, which they argue": the speaker is "they"
            ante = _antecedent(toks, k)
            if ante is not None:
                return ante
            break
    if first > j:
        return None
    if (
        first >= 3
        and toks[first - 1][2].lower() in _PARTICIPLE_PREPS
        and toks[first - 2][2].islower()
        and toks[first - 2][2].endswith("ing")
    ):
        # "Protesters marching through the streets chanted": the marchers, described in full, not the streets.
        before = _np_end_back(toks, first - 3)
        if before <= first - 3 and toks[first - 3][2].lower() not in PRONOUNS:
            return _span(toks, before, j)
    if first >= 2 and toks[first - 1][2].lower() in _PP_LINKS and _is_np_word(toks[first - 2][2]):
        # "Officials in the village said", "Residents in Kyiv said": the phrase is modified, not replaced.
        before = _np_end_back(toks, first - 2)
        if before <= first - 2 and toks[first - 2][2].lower() not in PRONOUNS:
            first = before
    if first >= 2 and toks[first - 1][2] == "," and _is_description(toks, first, j):
        # "Christoph Caselitz, president of the networks division at the firm says": the name speaks.
        name_first = _np_end_back(toks, first - 2)
        opens = name_first == 0 or toks[name_first - 1][2].lower() in _CLAUSE_OPENERS
        adverb = name_first == first - 2 and is_sentence_adverb(toks[name_first][2])  # "Surprisingly,", "Overall,"
        if opens and not adverb and name_first <= first - 2 and _is_name(toks, name_first, first - 2) and is_plain_name(
            " ".join(t[2] for t in toks[name_first:first - 1])
        ):
            return _span(toks, name_first, first - 2)
    return _span(toks, first, j)


#: Endings of sentence adverbs ("Surprisingly", "Separately"), which names ("Kelly", "Stanley") lack.
_ADVERB_ENDING = re.compile(r"(?:ingly|ally|edly|ately|ously|ively|ently|antly|arly|fully|ibly|ably)$")

#: What may stand before a subject that opens its clause ("But Christoph Caselitz, ...").
_CLAUSE_OPENERS: frozenset[str] = frozenset(("but", "and", "yet", "so", ".", ";", ":", "\u2014", "\u2013", "-"))


#: Prepositions after a participle that modifies the subject ("marching through", "standing outside").
_PARTICIPLE_PREPS: frozenset[str] = frozenset(
    "through in on at outside inside near across around along into from behind".split()
)

#: Lower-case words in -ly that are nouns, not adverbs ("the family said").
_LY_NOUNS: frozenset[str] = frozenset(
    "family ally rally supply assembly monopoly bully belly fly reply anomaly daily weekly monthly quarterly".split()
)


def _is_adverb(word: str) -> bool:
    """Whether a word is an adverb in -ly standing between speaker and cue ("bluntly suggested")."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


def _antecedent(toks: list[tuple[int, int, str]], rel: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at token `rel` refers to, without the relative clause.

    "a senior Pentagon official, who claimed" and "A Ukrainian official who
    attended the talks said" name the official; "An official familiar with
    the inspection, who spoke on condition of anonymity, said" names the
    official too, so a phrase after "with", "in", "at", "from" or "on" is
    read back to the noun it modifies.
    """
    j = rel - 1
    if j >= 0 and toks[j][2] == ",":
        j -= 1
    if j < 0:
        return None
    first = _np_end_back(toks, j)
    if first > j:
        return None
    for _ in range(2):
        if first < 2 or toks[first - 1][2].lower() not in _PP_LINKS or not _is_np_word(toks[first - 2][2]):
            break
        before = _np_end_back(toks, first - 2)
        if before > first - 2 or toks[first - 2][2].lower() in PRONOUNS:
            break
        first = before
    return toks[first][0], toks[j][1]


#: Prepositions whose phrase may modify the noun a relative clause refers back to.
_PP_LINKS: frozenset[str] = frozenset(("with", "in", "at", "from", "on"))
#: How many tokens back from a cue a relative pronoun may be ("who declined to be named said").
_RELATIVE_REACH = 10


def _is_name(toks: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """Whether tokens first..last are a name: capitalised words (after an optional "the")."""
    if first > last or last - first > 5:
        return False
    if toks[first][2] in ("the", "The"):
        first += 1
    return first <= last and all(t[2][:1].isupper() and _is_np_word(t[2]) for t in toks[first:last + 1])


def _is_description(toks: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """Whether a phrase describes rather than names: it has a lower-case content word ("spokesperson")."""
    return any(
        t[2].islower() and t[2] not in _DETERMINERS and t[2] not in ("of", "for", "and", "at") for t in toks[first:last + 1]
    )


def _span(toks: list[tuple[int, int, str]], first: int, last: int) -> tuple[int, int] | None:
    if first > last or first < 0:
        return None
    return toks[first][0], toks[last][1]


def np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The speaker phrase starting at `pos` ("said the mayor", "according to officials")."""
    toks = _tokens(text, pos, min(hi, pos + WINDOW))
    n = 0
    while n < len(toks) and n < MAX_WORDS + 3:
        tok = toks[n][2]
        if _is_np_word(tok) or (tok.lower() in ("of", "for", "at") and n > 0):
            n += 1
            continue
        if tok == "." and n > 0 and toks[n - 1][1] == toks[n][0]:
            prev = toks[n - 1][2]
            if prev.lower() in _DOTTED or (len(prev) == 1 and prev.isupper()):
                n += 1
                continue
        break
    while n > 0 and toks[n - 1][2].lower() in ("of", "for", "at", "the", "a", "an"):
        n -= 1
    if n == 0:
        return None
    end = toks[n - 1][1]
    if _is_description(toks, 0, n - 1):
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
    m = _TOKEN.match(text, start)
    if m is None:
        return False
    word = m.group()
    lower = word.lower()
    if lower in _BETWEEN or lower in STOP or lower in _TIME_WORDS or not word[0].isalpha():
        return False
    # A lower-case "-ing"/"-ed" word is a verb phrase, not a speaker ("denies plying a boy ...");
    # anything else is a name, a pronoun, a determiner or a title ("said former adviser David Axelrod").
    return not (word.islower() and lower.endswith(("ing", "ed")) and lower not in _ED_ADJECTIVES)


_TIME_WORDS: frozenset[str] = frozenset(
    "ago later earlier last next this yesterday today tonight monday tuesday wednesday thursday friday saturday "
    "sunday morning afternoon evening night week weeks month months year years day days hours minutes".split()
)


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
    if first in STOP or first in _LEAD or participle or first in _TIME_WORDS or last in ("ago", "later", "earlier"):
        return k + 1
    if first in _SENTENCE_ADVERBS or (k == i + 1 and is_sentence_adverb(toks[i][2])):
        return k + 1  # "Recently, however, it issued ...", "Once in his twenties, he said": not the subject
    return i


#: Sentence adverbs without an adverb's ending ("Overall, the fund predicted").
_SENTENCE_ADVERBS: frozenset[str] = frozenset(
    "overall once otherwise likewise elsewhere altogether instead still again together thus hence".split()
)


def is_sentence_adverb(word: str) -> bool:
    """Whether a capitalised word before a comma is a sentence adverb ("Recently,", "Overall,"), not a name."""
    lower = word.lower()
    return lower in _SENTENCE_ADVERBS or (lower not in _LY_NOUNS and _ADVERB_ENDING.search(lower) is not None)


def sentence_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject at the head of a sentence, after any leading adverbial phrase."""
    toks = _tokens(text, start, min(end, start + WINDOW))
    i = 0
    while i < len(toks) and toks[i][2] in "\"\u201c\u201d'(":
        i += 1
    for _ in range(2):
        i = _fronted(toks, i)
    while i < len(toks) and toks[i][2].lower() in _LEAD:
        i += 1
    j = i
    while j < len(toks) and j - i < MAX_WORDS:
        tok = toks[j][2]
        if _is_np_word(tok) or (tok.lower() in ("of", "for") and j > i):
            j += 1
            continue
        if tok == "." and j > i and toks[j - 1][2].lower() in _DOTTED:
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


_DETERMINERS: frozenset[str] = frozenset(
    "the a an his her its their this that these those our my your some any no fewer more less few many "
    "several all both each every most".split()
)


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
    if last in _DETERMINERS or last.endswith(("'s", "\u2019s")):
        return False
    return not (last.endswith("ing") and words[-1].islower())
