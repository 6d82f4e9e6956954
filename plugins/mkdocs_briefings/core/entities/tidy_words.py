"""The word tests every rule of `tidy.py` shares: function words, ordinary words, titles.

A name's words are judged against the lexicon's lists: a capitalised function word ("In",
"They") or a lone letter is no name, an ordinary English word may not be one, a title ends a
role. Each test is a few set lookups.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .candidate import ORG, PERSON, PLACE
from .lexicon import Lexicon
from .resolved import Resolved

LINKED = frozenset((PERSON, ORG, PLACE))
WEAK = 0.45  # below LINK_CONFIDENCE: shown, never linked
REGISTER = 1.0  # an editor's register entry: always as the editor wrote it
#: Person titles beside the lexicon's role nouns ("Speaker Pelosi", "Sheriff Clarke").
_PERSON_TITLES = frozenset(("speaker", "sheriff", "congressman", "congresswoman", "sergeant", "inspector",
                            "detective", "constable", "lord", "lady", "sir", "dame", "pope", "cardinal", "bishop",
                            "rep", "sen", "gov", "rev", "sgt", "lt", "col", "gen", "capt"))
PARTICLES = frozenset(
    ["de", "du", "des", "del", "della", "la", "le", "van", "von", "der", "den", "da", "di", "dos", "das", "y", "al", "bin", "ibn", "el"]
)
#: Function words that are also names ("Theresa May", "Will Smith", "Channel Four", "The Who").
_NAMELIKE = frozenset([
    "will", "can", "may", "might", "must", "shall", "would", "could", "do", "does", "did", "who",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "well", "all", "such",
])
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ial")


def is_adjective(word: str) -> bool:
    """A capitalised adjective by its ending, in no word list ("Transcranial", "Magnetic")."""
    return len(word) > 4 and word.isalpha() and word[1:].islower() and word.lower().endswith(_ADJECTIVE_ENDINGS)


def ordinary_word(word: str, lex: Lexicon) -> bool:
    """An ordinary English word that is no given name ("Week"; not "Will")."""
    return word.lower() in lex.common_words and word not in lex.first_names


def person_title(role: str, lex: Lexicon) -> bool:
    """Whether a role ends in a word for a person ("President Bush", "Chancellor Brown"), not in
    one for a department or a thing ("Health | Care", "Speaker of the | House", "Grand | Master")."""
    last = role.rsplit(" ", 1)[-1]
    return last.lower() in lex.role_nouns or last.lower() in _PERSON_TITLES or last in lex.honorifics


def narrowed_to(m: Resolved, toks: list[tuple[int, int, str]], role: str | None = None) -> Resolved:
    """The mention narrowed to the tokens `toks`."""
    name = " ".join(t[2] for t in toks)
    return replace(m, start=toks[0][0], end=toks[-1][1], key=name, name=name,
                   role=m.role if role is None else role)


def function_word(tok: str, lex: Lexicon) -> bool:
    """A capitalised function word ("In", "They"), not a particle or a letter ("A" of "Mr. A")."""
    return tok in _capitalised(lex.function_words)


@lru_cache(maxsize=4)
def _capitalised(function_words: frozenset[str]) -> frozenset[str]:
    """Function words as they start a sentence ("In"), without those that are names or particles."""
    return frozenset(w.capitalize() for w in function_words if len(w) > 1 and w not in PARTICLES and w not in _NAMELIKE)


def no_name(tok: str, lex: Lexicon) -> bool:
    """A single letter or initial ("A", "I."), a company suffix alone ("Co", "Ltd")."""
    bare = tok.rstrip(".")
    if len(bare) <= 1 or (bare.lower() in lex.function_words and bare.lower() not in _NAMELIKE):
        return True  # "A", "No."
    return tok in lex.org_suffixes and tok not in lex.known and (bare.lower() not in lex.common_words or len(bare) <= 3)


_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "ed", "ing")


def no_surname(word: str, lex: Lexicon) -> bool:
    """An ordinary word shaped like no surname: a role ("Officer"), an abstract noun
    ("Administration"), a plural ("Situations")."""
    low = word.lower()
    if low in lex.role_nouns or low.endswith(_NOUN_ENDINGS):
        return True
    return low.endswith("s") and not low.endswith("ss") and low[:-1] in lex.common_words


def all_ordinary(words: list[str], lex: Lexicon) -> bool:
    """Only ordinary English words, none a given name ("Technical Officer", "Week")."""
    return all(w.lower() in lex.common_words and w not in lex.first_names and w.isalpha() for w in words)
