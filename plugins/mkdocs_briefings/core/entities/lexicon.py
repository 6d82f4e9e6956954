"""The word lists the entity engine decides with, loaded once from `data/`.

Recognition without a statistical model rests on knowing words: which
capitalised words are titles, organisation or place endings, nationalities,
given names, places, or ordinary English words that merely start a sentence.
They live in data files (hand-written `lexicon.txt`; generated, attributed
`*.gz` files, see `data/make_data.py`) so that they can be reviewed and grown
without touching code.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import KINDS

_DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Known:
    """A well-known name from the lexicon: its canonical name, kind and aliases."""

    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """All word lists, as sets and dicts for constant-time lookups."""

    honorifics: frozenset[str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    org_suffixes: frozenset[str]
    org_heads: frozenset[str]
    place_suffixes: frozenset[str]
    groups: frozenset[str]  # nationality words, singular and plural ("Ukrainian", "Ukrainians")
    stop: frozenset[str]
    alone: frozenset[str]  # no name on their own ("the West", "in May"), fine inside one
    event_suffixes: frozenset[str]  # "World Cup", "U.S. Open": kind "other"
    known: dict[str, Known]  # every surface form (name or alias) -> entry
    known_folded: dict[str, Known]  # casefolded surface form -> entry, for "NATO"/"Nato"
    companies: dict[str, Known]  # listed companies, every form ("Adobe Inc.", "Adobe") -> entry
    places: dict[str, str]  # place name -> type (country, city, ...)
    first_names: frozenset[str]
    common_words: frozenset[str]  # lower-case English words
    function_words: frozenset[str]  # "and", "under", "including": never part of a name or a role


def _lines(path: Path) -> list[str]:
    """Non-comment lines of a data file, plain or gzipped."""
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            raw = f.read()
    else:
        raw = path.read_text(encoding="utf-8")
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def _sections(path: Path) -> dict[str, list[str]]:
    """`[name]` sections of lexicon.txt, comments and blank lines dropped."""
    out: dict[str, list[str]] = {}
    current: list[str] = []
    for line in _lines(path):
        text = line.split("#", 1)[0].rstrip() if "\t" not in line else line.rstrip()
        if not text:
            continue
        if text.startswith("[") and text.endswith("]"):
            current = out.setdefault(text[1:-1], [])
        else:
            current.append(text.strip() if "\t" not in text else text)
    return out


def _plurals(words: list[str]) -> frozenset[str]:
    """Nationality words with their plurals ("Ukrainians", "Swiss" stays as is)."""
    out = set(words)
    for w in words:
        if not w.endswith(("s", "sh", "ch", "ese")):
            out.add(w + "s")
        if w.endswith("man"):
            out.add(w[:-3] + "men")
    return frozenset(out)


def _title_plurals(titles: list[str], role_nouns: list[str]) -> frozenset[str]:
    """"Senators Kamala Harris and Cory Booker": plural titles of offices before names are titles too
    (only offices people hold: "States" of "United States" is no title)."""
    offices = set(role_nouns)
    return frozenset(t + "s" for t in titles if t.lower() in offices and t[-1] != "s" and t.isalpha())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded on first use (about 0.2 s) and shared afterwards."""
    sec = _sections(_DATA / "lexicon.txt")
    known: dict[str, Known] = {}
    for row in sec.get("known", []):
        parts = row.split("\t")
        name, kind = parts[0].strip(), parts[1].strip() if len(parts) > 1 else "other"
        if kind not in KINDS:
            kind = "other"
        aliases = tuple(a.strip() for a in parts[2].split("|") if a.strip()) if len(parts) > 2 else ()
        entry = Known(name, kind, aliases)
        for form in (name, *aliases):
            known.setdefault(form, entry)
    folded: dict[str, Known] = {}
    for form in sorted(known):
        folded.setdefault(form.casefold(), known[form])
    common_words = frozenset(_lines(_DATA / "common_words.txt.gz"))
    given_names = frozenset(_lines(_DATA / "first_names.txt.gz"))
    companies: dict[str, Known] = {}
    for line in _lines(_DATA / "companies.tsv.gz"):
        form, _, short = line.partition("\t")
        if form in known or (" " not in form and (form.lower() in common_words or form.title() in given_names)):
            continue  # the hand-written list wins; "City", "Next", "Gates", "Douglas" are words or names far more often
        companies[form] = Known(short, "organisation", ())
    places = {}
    for line in _lines(_DATA / "places.tsv.gz"):
        name, _, typ = line.partition("\t")
        places[name] = typ
    for name in sec.get("regions", []):
        places.setdefault(name, "region")
    return Lexicon(
        honorifics=frozenset(sec.get("honorifics", [])),
        titles=frozenset(sec.get("titles", [])) | _title_plurals(sec.get("titles", []), sec.get("role_nouns", [])),
        role_nouns=frozenset(sec.get("role_nouns", [])),
        org_suffixes=frozenset(sec.get("org_suffixes", [])),
        org_heads=frozenset(sec.get("org_heads", [])),
        place_suffixes=frozenset(sec.get("place_suffixes", [])),
        groups=_plurals(sec.get("groups", [])),
        stop=frozenset(sec.get("stop", [])),
        alone=frozenset(sec.get("alone", [])),
        event_suffixes=frozenset(sec.get("event_suffixes", [])),
        known=known,
        known_folded=folded,
        companies=companies,
        places=places,
        first_names=frozenset(_lines(_DATA / "first_names.txt.gz"))
        - {w.title() for line in sec.get("function_words", []) for w in line.split()},
        common_words=common_words,
        function_words=frozenset(w for line in sec.get("function_words", []) for w in line.split()),
    )
