"""Paragraphs, sentences and tokens of raw article text, as offsets.

Every function returns ranges into the exact string it was given, so that
later stages never have to re-find text. Nothing here raises on any input.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj st jr sr
    mt ft no vs etc inc corp co ltd bros dept univ est approx jan feb mar apr
    jun jul aug sep sept oct nov dec rev hon pres supt insp det cpl pvt messrs
    mme mlle u.s u.k u.n e.g i.e a.m p.m d.c al fig""".split()
)

_PARA = re.compile(r"[^\n\r]+")
_TOKEN = re.compile(
    r"[^\W\d_](?:[\w]|[.'\u2019\-&](?=[^\W_]))*"  # a word, with inner . ' - & ("U.S", "O'Brien", "AT&T")
    r"|\d+(?:[.,:/]\d+)*"  # a number
    r"|\S"  # any other single character
)
# A run of sentence-final marks (and closing quotes or brackets) before white space or the end,
# or a line break. Written to open with one character class, which the regex engine scans for
# quickly, and to branch only after it: four times faster than the plain alternation
# r"[.!?]+[closers]*(?=\s+|$)|[\n\r]+", with exactly the same matches.
_SENT_END = re.compile(r"[.!?\n\r](?:(?<=[.!?])[.!?]*[\"'\u201d\u2019)\]]*(?=\s|$)|(?<=[\n\r])[\n\r]*)")


@dataclass(frozen=True)
class Token:
    """A word, number or punctuation mark with its offsets."""

    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines: the seed format puts one paragraph on each line."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words, numbers and single punctuation marks in `text[start:end]`."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        out.append(Token(m.start(), m.end(), m.group()))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` belongs to an abbreviation or initial."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # A single capital initial ("John F. Kennedy"), or dotted initials ("U.S.").
    if len(word) == 1 and text[i].isupper():
        return True
    return "." in word and all(len(p) <= 2 for p in word.split("."))


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence ranges in `text[start:end]`, trimmed of surrounding white space.

    A full stop ends a sentence unless it belongs to an abbreviation or an
    initial and the next word does not look like a new sentence; line breaks
    always end one (each line is a paragraph).
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        punct = m.group()
        if punct[0] == "." and len(punct.rstrip("\"'\u201d\u2019)]")) == 1 and _is_abbreviation(text, m.start()):
            nxt = text[m.end():m.end() + 40].lstrip()
            # "Mr. Smith" never splits; "in the U.S. The next" splits on a capitalised function word.
            first = nxt.split(" ", 1)[0] if nxt else ""
            if not first or not first[:1].isupper() or first.lower() not in _SENTENCE_STARTERS:
                continue
        _push(text, s, m.end(), out)
        s = m.end()
    _push(text, s, end, out)
    return out


_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i but and in on at this that these those there his her their its "
    "however meanwhile after before when while if".split()
)


def _push(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        out.append((s, e))


#: The shape of every id and slug: lower-case ASCII letters and digits in hyphen-joined runs.
#: Ids become file names and URL parts, so anything read back from outside (a cache entry)
#: must match it before it is used. `slugify` makes at most SLUG_MAX characters; an entity id
#: may add a suffix ("-organisation", "-2"), so ids may be up to ID_MAX.
SLUG_MAX = 80
ID_MAX = 128
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_slug(value: object) -> bool:
    """Whether `value` is a slug `slugify` could have made (so it cannot name another folder)."""
    return isinstance(value, str) and len(value) <= ID_MAX and _SLUG.fullmatch(value) is not None


#: Letters and digits of other scripts spelt in ASCII (see data/make_translit.py).
_TRANSLIT_FILE = Path(__file__).parent / "data" / "translit.tsv.gz"
#: Length of the hash that keeps a slug unique when a name cannot be spelt in full.
HASH_CHARS = 8


@lru_cache(maxsize=1)
def _translit() -> dict[str, str]:
    table: dict[str, str] = {}
    with gzip.open(_TRANSLIT_FILE, "rt", encoding="ascii") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            cp, spelt = line.rstrip("\n").split("\t", 1)
            table[chr(int(cp, 16))] = spelt
    return table


def transliterate(name: str) -> tuple[str, bool]:
    """`name` in ASCII, and whether every letter and digit of it could be spelt.

    Each character is looked up in the table generated from anyascii
    ("ł" -> "l", "ß" -> "ss", "Ж" -> "Zh"), else decomposed (accents and
    compatibility forms: "é" -> "e", Hangul syllables -> jamo) and its
    pieces looked up; combining marks go, other symbols become a space.
    """
    if name.isascii():
        return name, True
    table = _translit()
    out: list[str] = []
    complete = True
    for char in name:
        if char.isascii():
            out.append(char)
        elif char in table:
            out.append(table[char])
        else:
            for piece in unicodedata.normalize("NFKD", char):
                category = unicodedata.category(piece)
                if piece.isascii():
                    out.append(piece)
                elif piece in table:
                    out.append(table[piece])
                elif category[0] == "M":
                    continue
                elif category[0] in "LN":
                    complete = False
                    out.append(" ")
                else:
                    out.append(" ")
    return "".join(out), complete


def name_hash(name: str) -> str:
    """A short hash of a name, the same however it is spaced or cased."""
    key = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:HASH_CHARS]


#: Apostrophes and the marks written for them (okina, ayn, primes, accents, backtick) are
#: dropped, not made separators: "O'Brien", "O’Brien" and "O´Brien" are one slug, as are
#: "Nuku'alofa" and "Nukuʻalofa".
_APOSTROPHES = str.maketrans(dict.fromkeys("'`\u00b4\u02b9\u02bb\u02bc\u02be\u02bf\u02c8\u2018\u2019\u2032\uff07"))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """An ASCII slug for ids and URLs: 'Volodymyr Zelenskyy' -> 'volodymyr-zelenskyy'.

    Names are transliterated ('Łódź' -> 'lodz', 'Владимир Путин' ->
    'vladimir-putin'), so the same name spelt with or without accents, or in
    another script, gets the same page. Two different names must never share
    a slug by accident: when some letter cannot be spelt in ASCII, or the
    slug is cut to SLUG_MAX characters, a short hash of the whole name is
    added ('x-1a2b3c4d' for a name with nothing spellable).
    """
    spelt, complete = transliterate(name.translate(_APOSTROPHES))
    slug = _NOT_SLUG.sub("-", spelt.lower().translate(_APOSTROPHES)).strip("-")
    if not name:
        return "x"
    if not slug:
        return f"x-{name_hash(name)}"
    if not complete or len(slug) > SLUG_MAX:
        slug = f"{slug[:SLUG_MAX - HASH_CHARS - 1].rstrip('-')}-{name_hash(name)}"
    return slug
