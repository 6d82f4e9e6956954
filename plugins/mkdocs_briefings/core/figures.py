"""Figures: the numbers a briefing states, what they count, about where, and on whose word.

A figure is a number the text states as a quantity: "nearly 500 civilians
were killed", "more than 2000 residents", "about 300,000 people", "$17.5bn
in annual profit", "15.1% of the vote", "two million people". Each gets its
value (17.5bn is 17,500,000,000), its unit (a currency sign, "%", or none
for a count), its qualifier in one canonical wording per meaning ("over"
and "more than" are both "more than"), what it counts (the noun phrase
after it, with the participle that says what happened to them: "civilians
killed"), the place or organisation it is about (the nearest one the
annotation names in the same clause), and its source: the speaker of the
claim it sits in, or the article itself.

Precision comes before recall: a figure shown must be right, so a number
is left out whenever its context is ambiguous. Not figures:

- years ("in 2019", "the 2020 election", "the original 1977 scripts"): a
  four-digit number from 1000 to 2100 is a year unless a qualifier or a
  currency comes with it ("more than 2000 civilians", "2000 euros"), so
  "2000 civilians" alone is left out;
- dates and times ("March 3", "3 March", "10:30", "3pm", "at 10.30");
- ages and durations ("aged 45", "45-year-old", "John Smith, 45,", "three
  days", "15 years in prison": a number counting units of time);
- ordinals ("3rd", "21st"; spelt-out ordinals are never numbers here);
- numbers inside names, codes and labels ("Apollo 11", "Boeing 747",
  "COVID-19", "G7", "Interstate 75", "page 5", "section 3", "round 4",
  "No. 10"): a number joined to letters or hyphens, or after a
  capitalised word or a label word;
- scores and ranges written with a dash ("3-1", "43–5", "2019-20"),
  fractions and numeric dates ("1/2", "3/4/2020");
- phone numbers and other digit strings (a leading zero, a "+", or digit
  groups side by side);
- rates' denominators ("per 100,000"), list markers ("(2)");
- vague amounts with no number ("dozens", "thousands of", "tens of
  thousands"), and the word "one" (nearly always "one of", "one day").
  Spelt-out numbers from two up count only with a multiplier ("two
  million") or a plural noun after them ("three soldiers"), never after
  "the", "both" or a possessive ("the two men" refers, it does not count);
  "a dozen" is 12 under the same rule.

A number must also say what it is: a currency amount and a percentage
are figures on their own, a plain count only with the noun it counts
("500 civilians", "a population of 300,000"). A bare number ("the vote
was 52") is left out.

Cost: one regular-expression scan of each sentence, and a bounded look at
the characters either side of each number: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .figures_about import figure_about
from .figures_counts import normalise
from .figures_numbers import DIGITS, SMALL, TENS, WORDS, Found
from .figures_reading import read_digits, read_spelt
from .model import LINK_CONFIDENCE, Briefing, Claim, Entity
from .text import paragraphs, sentences


@dataclass(frozen=True, slots=True)
class Figure:
    """One number a briefing states, with what the text says about it.

    `start`/`end` are offsets of the number as written ("$17.5bn",
    "300,000", "two million") in the briefing's text; `phrase` adds the
    qualifier's words before it ("more than 2000").
    """

    start: int
    end: int
    text: str  # the number as written
    phrase: str  # the qualifier's words as written, and the number
    value: float  # 17.5bn -> 17500000000.0
    unit: str  # "" (a count), "%" or a currency: "$", "£", "€", "¥", "₹", "US$", ...
    qualifier: str  # one of QUALIFIERS' keys, or "" (exact)
    counts: str  # what it counts, as written: "civilians killed", "Ukrainian soldiers", or "" (money, percentages)
    key: str  # what it counts, normalised for comparing figures: "civilian killed" ("" with nothing counted)
    about: str | None  # the id of the place or organisation it is about, if the clause names one
    claim: str | None  # the id of the claim it is stated in, or None: the article says it
    speaker: str | None  # that claim's speaker's entity id, when named with confidence
    speaker_text: str  # the words naming that speaker ("he", "a senior official"), or ""


def figures(b: Briefing, confidence: float = LINK_CONFIDENCE) -> tuple[Figure, ...]:
    """Every figure of a briefing, in text order (see the module's docstring for what counts)."""
    text = b.text
    ann = b.annotation
    claims = sorted(ann.claims, key=lambda c: (c.content.start, c.content.end))
    starts = [c.content.start for c in claims]
    mentions = sorted(((m.start, m.end, e) for e in ann.entities if e.kind in ("place", "organisation")
                       and e.confidence >= confidence for m in e.mentions), key=lambda t: (t[0], t[1], t[2].id))
    m_starts = [m[0] for m in mentions]
    return tuple(_place(fig, text, s, e, claims, starts, mentions, m_starts, confidence) for fig, s, e in _found(text))


#: Where a number written in digits may start (a run of digits), found at C speed; the full pattern is
#: matched only there. Scanning the text with the full patterns tried at every position cost ten times more.
_DIGIT_RUN = re.compile(r"\d+")
_CURRENCY_BEFORE = re.compile(r"(?:US|AU|CA|NZ|HK|A|C|S)?[$£€¥₹]$")
#: The words a spelt-out number may start with or end on (each found with str.find, in lower and title case).
_TRIGGERS: tuple[str, ...] = (*(w for w in SMALL if SMALL[w] >= 2), *TENS, "hundred", "thousand", "million",
                              "billion", "trillion", "dozen")
_ARTICLE_BEFORE = re.compile(r"\b(?:half\s+a|an?|one)\s+$", re.IGNORECASE)


def _found(text: str) -> list[tuple[Found, int, int]]:
    """Every figure of the text with its sentence's range, in text order: candidates are found at C speed
    (digit runs; number words with str.find), then each is matched and judged within its sentence."""
    paras = paragraphs(text)
    p_starts = [p[0] for p in paras]
    split: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}  # a paragraph's sentences, split when first needed

    def sentence_of(pos: int) -> tuple[int, int] | None:
        k = bisect_right(p_starts, pos) - 1
        if k < 0 or pos >= paras[k][1]:
            return None
        if k not in split:
            ranges = sentences(text, *paras[k])
            split[k] = (ranges, [r[0] for r in ranges])
        ranges, r_starts = split[k]
        i = bisect_right(r_starts, pos) - 1
        return ranges[i] if i >= 0 and pos < ranges[i][1] else None

    out: list[tuple[Found, int, int]] = []
    taken: list[tuple[int, int]] = []
    last = -1
    for run in _DIGIT_RUN.finditer(text):
        st = run.start()
        if st < last:
            continue
        cur = _CURRENCY_BEFORE.search(text, max(0, st - 3), st)
        if cur:
            st = cur.start()
        sentence = sentence_of(st)
        if sentence is None:
            continue
        m = DIGITS.match(text, st, sentence[1])
        if m is None:
            continue
        last = m.end()
        taken.append((m.start(), m.end()))
        f = read_digits(text, m, *sentence)
        if f:
            out.append((f, *sentence))
    hits: set[int] = set()
    low = text.lower() if text.isascii() else None  # ASCII: lower-casing keeps every offset
    for word in _TRIGGERS:
        for form in ((word,) if low is not None else (word, word.capitalize())):
            haystack = low if low is not None else text
            n = len(form)
            p = haystack.find(form)
            while p >= 0:
                if (p == 0 or not text[p - 1].isalnum()) and (p + n >= len(text) or not text[p + n].isalnum()):
                    hits.add(p)
                p = haystack.find(form, p + n)
    t_starts = [t[0] for t in taken]
    last = -1
    for p in sorted(hits):
        if p < last:
            continue
        i = bisect_right(t_starts, p) - 1
        if i >= 0 and p < taken[i][1]:
            continue  # inside a number in digits: "2 million"
        article = _ARTICLE_BEFORE.search(text, max(0, p - 7), p)
        st = article.start() if article else p
        sentence = sentence_of(st)
        if sentence is None:
            continue
        m = WORDS.match(text, st, sentence[1]) or (WORDS.match(text, p, sentence[1]) if article else None)
        if m is None:
            continue
        last = m.end()
        f = read_spelt(text, m, *sentence)
        if f:
            out.append((f, *sentence))
    out.sort(key=lambda t: t[0].start)
    return out


def _place(f: Found, text: str, s: int, e: int, claims: Sequence[Claim], starts: Sequence[int],
           mentions: Sequence[tuple[int, int, Entity]], m_starts: Sequence[int], confidence: float) -> Figure:
    """A found number made a Figure: its source (the claim holding it) and what it is about (the clause's place)."""
    claim: Claim | None = None
    i = bisect_right(starts, f.start) - 1
    while i >= 0 and i >= bisect_right(starts, f.start) - 4:  # claims do not nest deeply; look back a few
        c = claims[i]
        if c.content.start <= f.start < c.content.end:
            claim = c
            break
        i -= 1
    speaker, speaker_text, speaker_span = None, "", (-1, -1)
    if claim is not None and claim.speaker is not None:
        sp = claim.speaker
        speaker_text = sp.span.text
        speaker_span = (sp.span.start, sp.span.end)
        if sp.entity is not None and sp.confidence >= confidence:
            speaker = sp.entity
    # The clause: the sentence between semicolons, dashes or a colon either side of the number.
    c_start, c_end = s, e
    for mark in (";", " – ", " — ", ": ", ", while ", ", but ", ", whereas ", ", and ", ", after ", ", as ", ", when "):
        k = text.rfind(mark, s, f.q_start)
        if k >= 0:
            c_start = max(c_start, k + len(mark))
        k = text.find(mark, f.end, e)
        if k >= 0:
            c_end = min(c_end, k)
    about = figure_about(text, f, c_start, c_end, mentions, m_starts, speaker_span)
    return Figure(
        start=f.start, end=f.end, text=text[f.start:f.end], phrase=text[f.q_start:f.end], value=f.value,
        unit=f.unit, qualifier=f.qualifier, counts=f.counts, key=normalise(f.counts), about=about,
        claim=claim.id if claim else None, speaker=speaker, speaker_text=speaker_text,
    )
