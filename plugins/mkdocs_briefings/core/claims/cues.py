"""The cue lexicon: verbs (and "according to") that mark an attribution.

The verbs live in `data/cue_verbs.txt`, a hand-curated list of ordinary
English verbs of saying, so that editors can extend it without touching
code. Each verb carries how it takes what was said: a bare reported clause
("said it was"), a clause only after "that" ("warned that"), or only a
direct quotation ("asked, '...'").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..patterns import trie_regex

_DATA = Path(__file__).parent / "data" / "cue_verbs.txt"

#: How a cue verb introduces what was said.
CLAUSE, THAT_CLAUSE, QUOTE_ONLY = "C", "T", "Q"

#: Verbs whose object is the person addressed, before the reported clause ("told reporters that").
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    "tell tells told telling inform informs informed informing assure assures assured assuring "
    "remind reminds reminded reminding warn warns warned warning ask asks asked asking "
    "convince convinces convinced convincing".split()
)

#: Verbs of asking, whose reported clause is a question ("asked whether the talks would resume").
ASK_VERBS: frozenset[str] = frozenset(
    "ask asks asked asking wonder wonders wondered wondering questioned inquire inquires inquired inquiring".split()
)
#: Verbs of promising and urging, whose reported content is an infinitive ("vowed to rebuild").
TO_VERBS: frozenset[str] = frozenset(
    "promise promises promised promising pledge pledges pledged pledging vow vows vowed vowing "
    "threaten threatens threatened threatening refuse refuses refused refusing agree agrees agreed agreeing "
    "offer offers offered offering decline declines declined declining "
    "seek seeks sought seeking aim aims aimed aiming hope hopes hoped hoping".split()
)

#: Verbs of stance and announcement whose noun-phrase object is what was said or held
#: ("announced his bid", "criticised the ruling", "polls showed a tight race"): with no
#: clause after them, the object itself is the claim's content (base forms).
OBJECT_VERBS: frozenset[str] = frozenset(
    "announce show endorse criticise criticize describe accuse defend praise reject dismiss blame cite "
    "claim allege argue insist acknowledge warn predict suggest admit confirm deny reveal disclose concede "
    "propose condemn demand question slam blast attack call express denounce "
    "support oppose backs endorse mention discuss decry tout mock liken championed applaud hail "
    "lambast ridicule prefer thank highlight proclaim indicate note declare laud".split()
)

#: Verbs of taking sides whose object is a stance only when nobody reports it: "Ryan endorsed
#: Trump" is Ryan's stance, but in "Rubio says he opposes the bill" the claim is what Rubio says,
#: so inside another claim's content they make no claim of their own (base forms).
NESTED_STANCES: frozenset[str] = frozenset(
    "support oppose backs endorse mention discuss decry tout mock liken championed applaud hail "
    "lambast ridicule prefer thank highlight".split()
)

#: Forms that are nouns far more often than verbs of saying ("his remarks", "attacks on", "the
#: states that vote"), or verbs of private belief ("thought leaders", "who he thought would
#: win") that rarely report anything: in running text they introduce no reported speech,
#: though they still attribute a quotation written beside them. "believes" is not among
#: them: "Souness believes Smith would be the perfect choice" is a stance news reports.
WEAK_FORMS: frozenset[str] = frozenset(
    "states remarks remark attacks attack questions question claims demands demand promises fears "
    "thought hoped call state report".split()
)

#: Cue forms that headlines write capitalised ("Sanders Says Brexit Vote Could Help Trump").
HEADLINE_CUES: frozenset[str] = frozenset(
    "says said tells told warns claims admits vows urges insists denies suggests predicts "
    "explains explained questions questioned slams slammed blasts blasted reveals revealed defends defended "
    "criticizes criticized criticises criticised praises praised wonders wondered".split()
)

ACCORDING_TO = re.compile(r"\b[Aa]ccording to\b")


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, str]:
    """Every inflected form of a cue verb, mapped to its tag."""
    forms: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        tag, words = parts[0], parts[1:]
        for word in words:
            forms.setdefault(word, tag)
    return forms


def word_matches(text: str, words: tuple[str, ...], pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of `pattern` at each occurrence of one of `words`, in text order.

    `str.find` for a few literal words runs at C speed, so a rule whose
    pattern opens with one of a handful of words only tries the regex where
    one occurs, instead of at the start of every word of the text.
    """
    found: list[re.Match[str]] = []
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            m = pattern.match(text, pos)
            if m is not None:
                found.append(m)
            pos = text.find(word, pos + 1)
    found.sort(key=lambda m: m.start())
    return found


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    """One compiled prefix-tree alternation of all cue forms, plus "according to".

    Lower case, except a few verbs of headlines ("Trump Says ..."), which
    count only in a title-case line: elsewhere a capitalised "Said" or
    "Reports" starts a sentence or a name far more often than an
    attribution. The look-behind rejects most positions (inside words)
    before the alternation is tried.
    """
    forms = list(cue_forms()) + [w.capitalize() for w in HEADLINE_CUES]
    return re.compile(r"(?<![\w'\u2019-])(?:[Aa]ccording to|" + trie_regex(forms) + r")(?![\w'\u2019-])")


@lru_cache(maxsize=1)
def _bases() -> dict[str, str]:
    """Each cue form mapped to the first form of its line (the base form)."""
    bases: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) > 1 and not parts[0].startswith("#"):
            for word in parts[1:]:
                bases.setdefault(word, parts[1])
    return bases


@lru_cache(maxsize=1 << 12)
def cue_base(cue: str) -> str:
    """The base form of a cue verb ("said" -> "say"); the word itself if unknown.

    Cached (like `tag_of`): asked dozens of times an article, about a few
    hundred words in all.
    """
    lower = cue.lower()
    return _bases().get(lower, lower)


@lru_cache(maxsize=1 << 12)
def tag_of(cue: str) -> str:
    """The tag of a cue form ("according to" counts as taking a clause)."""
    return cue_forms().get(cue.lower(), CLAUSE)
