"""One part of a run stripped to its name: fillers, titles and honorifics before it (see `recognise.py`).

Sentence-initial "The" or "During" go; "Ukrainian President" becomes the role of "Volodymyr
Zelenskyy"; "Mr Smith" keeps the honorific in its span; an office with nobody named ("US
Secretary") keeps only its place.
"""

from __future__ import annotations

from .candidate import ARTICLES, GROUP, GUESS, OFFICES, ORG, OTHER, PARTICLES, PERSON, PLACE, STRONG, UNKNOWN, Candidate
from .chunks import CONNECTORS, Word
from .lexicon import Lexicon
from .recognise_kinds import classify_name, common_word, is_place, org_of

#: What "First" makes a title of: the head of state's spouse.
_SPOUSES: frozenset[str] = frozenset(("Lady", "Gentleman"))


def analyse(text: str, part: list[Word], initial: bool, lex: Lexicon) -> Candidate | None:
    """Strip what is not the name from one part, and classify what is left."""
    n = len(part)
    last = part[-1].text
    suffix_kind = (ORG if last in lex.org_suffixes or org_of(part, lex) else PLACE if last in lex.place_suffixes
                   else OTHER if n > 1 and last in lex.event_suffixes else None)
    i = 0
    honorific = -1
    while i < n:
        w = part[i].text
        rest = text[part[i].start:part[-1].end]
        if initial and i + 1 == n and common_word(w, lex):
            return None  # "Police said": a capitalised ordinary word opening a sentence
        if rest in lex.known or rest in lex.places or rest in lex.groups:
            break
        if w in ARTICLES or (w in lex.stop and w not in lex.honorifics) or (w in CONNECTORS and w not in PARTICLES):
            i += 1  # "The", or a connector left at the start by a cut ("and Skills", "of Scots")
            initial = False
            continue
        if w.rstrip(".") in lex.honorifics:
            if i + 1 < n:
                honorific = i
            break
        if initial and i + 1 < n and (suffix_kind is not None or w in lex.titles or w in lex.groups):
            break  # "Security Council", "Mayor Igor Kolykhaev": the first word is no filler
        if initial and common_word(w, lex) and not (w in lex.first_names and i + 1 < n):
            i += 1
            initial = False
            continue
        break
    if i >= n:
        return None
    # Titles and nationalities before the name: "Ukrainian President", "Defence Minister".
    j = honorific + 1 if honorific >= 0 else i
    has_title = False
    while j < n - 1 or (honorific < 0 and j < n):
        w = part[j].text
        if text[part[j].start:part[-1].end] in lex.known:
            break
        if w in lex.titles or w.rstrip(".") in lex.titles:
            has_title = True
        elif w == "First" and j + 2 < n and part[j + 1].text in _SPOUSES:
            has_title = True  # "First Lady Michelle Obama": a title, though "Lady" alone is an honorific
            j += 1
        elif w in lex.groups or (w in CONNECTORS and j + 1 < n and part[j + 1].text in lex.titles):
            pass
        elif j + 1 < n and f"{w} {part[j + 1].text}" in lex.groups:
            j += 1
        else:
            break
        j += 1
    while j < n and part[j].text in CONNECTORS and part[j].text not in PARTICLES:
        j += 1  # "Education and Skills": a portfolio, not a title before a name
    if j >= n:
        return None  # only titles or nationalities: "Russian President", "Ukrainians"
    if honorific >= 0 and j == n - 1 and (part[j].text in lex.titles or part[j].text in OFFICES):
        return None  # "Lord Chancellor", "Lord Mayor": an office, nobody named
    role = ""
    name_start = part[i].start
    if honorific >= 0:
        # "Mr Smith" keeps its honorific in the span; titles after it are the role.
        if j > honorific + 1:
            role = text[part[honorific + 1].start:part[j - 1].end]
        name_start = part[j].start
    elif j > i and suffix_kind is None:
        # "Ukrainian President Volodymyr Zelenskyy": the title is the role, not the name.
        # A name ending like an organisation keeps them ("Russian Defence Ministry").
        if has_title:
            role = text[part[i].start:part[j - 1].end]
        name_start = part[j].start
    if honorific < 0 and suffix_kind is None and last in OFFICES and n > 1 and part[-2].text not in lex.first_names:
        # "US Secretary", "City Councillor": a role phrase with no holder named in it;
        # only a place before the office is a name ("US").
        k = n - 1
        while k > i and (part[k - 1].text in OFFICES or part[k - 1].text in lex.titles):
            k -= 1
        head = text[part[i].start:part[k - 1].end] if k > i else ""
        if head and is_place(head, lex):
            entry = lex.known.get(head)
            c = Candidate(part[i].start, part[k - 1].end, head, PLACE, STRONG, known=entry)
            return c
        return None
    name = text[name_start:part[-1].end]
    span_start = part[honorific].start if honorific >= 0 else name_start
    if honorific < 0 and " " not in name and (name in lex.alone or len(name) == 1):
        return None  # "the West", "in May", a stray initial
    if role and " " not in name and name.endswith("s") and name.lower() in lex.common_words:
        return None  # "State Legislatures": a title word before a plural noun is no person
    cand = Candidate(span_start, part[-1].end, name, None, UNKNOWN, role=role)
    classify_name(cand, name, honorific >= 0 or bool(role), lex)
    if cand.kind == PERSON and honorific < 0 and not role and i > 0 and part[i - 1].text == "The":
        cand.kind, cand.strength = OTHER, GUESS  # "The Amber Spyglass": nobody is called "The John Smith"
    if role and cand.kind == PERSON:
        royal = _royal_title(role)
        if royal:
            cand.name = f"{royal} {name}"  # "Prince Charles", "Crown Princess Mary": how royals are named
    if cand.kind == GROUP:
        return None
    return cand


#: Titles that are part of a royal's name ("Prince Charles"), unlike offices ("President Bush").
ROYAL = frozenset("Crown King Queen Prince Princess Emperor Empress Pope Kings Queens Princes Princesses".split())


def _royal_title(role: str) -> str:
    """The royal title ending a role ("Crown Prince" of "Danish Crown Prince"), or ""."""
    words = role.split(" ")
    k = len(words)
    while k > 0 and words[k - 1] in ROYAL:
        k -= 1
    return " ".join(words[k:]) if k < len(words) and words[-1] != "Crown" else ""
