"""Which numbers are figures: a number read in its sentence, or left out (see `figures.py`'s docstring).

Years, dates and times, ages and durations, ordinals, numbers inside names, codes and labels,
scores and ranges, phone numbers, rates' denominators and bare numbers are left out; what is
left gets its value, unit, qualifier and what it counts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from .figures_counts import MONTHS, TIME_UNITS, countable, counted_phrase, measure_before
from .figures_numbers import CURRENCY, MULTIPLIERS, WINDOW, Found, qualifier_before, spelt_value

_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Words before a number that make it a label, not a quantity ("page 5", "round 4", "No. 10").
_LABELS = frozenset("""page pages p pp section sections article articles chapter clause paragraph para rule resolution bill
    act amendment number no nos flight route highway interstate room platform gate level category phase stage round
    game week day episode season series volume vol item figure fig table version type class grade division district
    ward tier line runway terminal channel hole lap leg match step question exhibit code unit block floor apartment
    suite building street avenue road lot box station precinct zone sector row seat position rank ranked top model
    mark mk aged age ages covid sars h1n1 flight hall lane bus squad cell pier cup title kb mb gb tb v vs versus
    appendix annex schedule rev revision part verse psalm dose grade level phase than rated score scored scoring
    of per every in between""".split()) - {"of", "than", "in", "between"}
#: Words that may be capitalised before a number without making it part of a name ("Nearly 500", "In 2019").
_FUNCTION = frozenset("""a an the and or but of in on at to from by for with about around nearly almost over more than
    some up as just only another those these all some roughly approximately fewer less under below above at least
    estimated an additional while when after before since until during into including among between so yet also
    then there here it its their his her our we they he she you i that which who whose where what how why if though
    although because whereas each every another further additional total exactly precisely just well no
    mr mrs ms dr""".split())
#: Determiners after which a spelt-out number refers rather than counts ("the two men").
_REFERRING = frozenset("the these those both all his her their its our your my whose every each".split())
#: Nouns never counted by a spelt-out number: "two of", "three times" (a frequency).
_WORD_NUMBER_NOUNS_BLOCKED = frozenset("of times".split())
#: Currencies written as a word after the number (not "pounds", which may weigh).
_CURRENCY_WORDS: Mapping[str, str] = {"dollars": "$", "euros": "€", "euro": "€", "yen": "¥", "rupees": "₹"}
#: Fractions: "two thirds" is not a count of thirds.
_FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths sixth sixths tenth tenths".split())

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:/[A-Za-z]+)?\.?")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’.\-]*)\W*$")


def _prev_word(text: str, start: int, s: int) -> tuple[str, int]:
    """The word just before `start` in the sentence (as written) and where it starts, or ("", -1)."""
    before = text[max(s, start - WINDOW):start]
    m = _PREV_WORD.search(before)
    if not m:
        return "", -1
    return m.group(1), start - len(before) + m.start(1)


def _words_after(text: str, end: int, e: int, n: int = 6) -> list[str]:
    after = text[end:min(e, end + WINDOW)]
    out: list[str] = []
    pos = 0
    while len(out) < n:
        m = _WORD_RE.match(after, pos) if pos < len(after) else None
        if m is None:
            # skip spaces only: any other mark (a comma, a bracket) ends the phrase
            if pos < len(after) and after[pos] == " ":
                pos += 1
                continue
            break
        out.append(m.group().rstrip("."))
        pos = m.end()
        if m.group().endswith("."):
            break
    return out


def read_digits(text: str, m: re.Match[str], s: int, e: int) -> Found | None:
    """A number written in digits (`m`, in the sentence `s`..`e`) as a figure, or None when it is none."""
    start, end = m.start(), m.end()
    num, cur, mult, pct = m.group("num"), m.group("cur") or "", m.group("mult"), m.group("pct")
    if cur:
        start = m.start("num") - len(cur)
    before = text[start - 1] if start > s else ""
    after = text[end] if end < e else ""
    after2 = text[end + 1] if end + 1 < e else ""
    # Joined to letters, digits or code punctuation: a name, a code, a score, a date, a time, an ordinal.
    if before and (before.isalnum() or before in "-–—/:#+_.@'’&°§"):
        return None
    if after and (after.isalnum() or after in "/:+_@°&′″'’" or (after in "-–—" and (after2.isalnum() or not after2))):
        return None
    if after in ".," and after2.isdigit():
        return None  # "1,2" or a version "2.0.1"
    if _RANGE_AFTER.match(text, m.end("num"), e) or _RANGE_BEFORE.search(text, max(s, start - 20), start):
        return None  # one end of a range: "$3.8m to $4.9m", "between 6.6% and 8.6%" (neither end is the figure)
    if mult and mult in ("m", "k", "b") and not cur:
        return None  # "5m" may be metres: a short multiplier needs a currency ("$5m")
    if not cur and not mult and not pct:
        if num[0] == "0" and not num.startswith("0."):
            return None  # a code or phone number: "0800", "007"
        if re.match(r"[ ,]\s?\d", text[end:end + 3]) or re.search(r"\d\s$", text[max(s, start - 2):start]):
            return None  # digit groups side by side or a list of numbers: a phone number, "March 3, 2020"
    if before == "(" and after == ")":
        return None  # a list marker, or an age after a name: "(2)", "(45)"
    if _CONVERSION.search(text, max(s, start - 60), start):
        return None  # a conversion of the figure before it: "16.4bn rupees ($375m; £198m)", "3 mph (6 kph)"
    # In decimal, so "16.4bn" is 16400000000, not 16399999999.999998.
    value = float(Decimal(num.replace(",", "")) * Decimal(MULTIPLIERS[mult.strip().lower()] if mult else 1))
    unit = "%" if pct else cur
    words = _words_after(text, end, e)
    low = [w.lower() for w in words]
    prev, prev_at = _prev_word(text, start, s)
    prev_low = prev.lower().rstrip(".")
    qualifier, q_start = qualifier_before(text, start, s)
    if low and low[0] in TIME_UNITS and not cur and not pct:
        return None  # a time or a duration: "3 pm", "10 days", "45 years old"
    if low and low[0] in MULTIPLIERS and mult:
        return None  # "$4.5bn trillion": a typo, or words we cannot read
    if prev_low in MONTHS or prev_low in _DAYS or (low and low[0] in MONTHS) or (
            len(low) > 1 and low[0] == "of" and low[1] in MONTHS):
        return None  # a date: "March 3", "3 March", "the 3 of March"
    if prev_low in ("per", "every") or (prev_low == "of" and _prev_word(text, prev_at, s)[0].lower() == "out"):
        return None  # a rate's denominator: "per 100,000", "3 out of 10"
    if not cur and not pct and not mult and not qualifier:
        if prev_low in _LABELS:
            return None  # "page 5", "round 4", "aged 45"
        if prev and prev[0].isupper() and prev_low not in _FUNCTION:
            return None  # part of a name: "Apollo 11", "Boeing 747", "Channel 4"
        if prev_low == "at" and "." in num:
            return None  # a time: "at 10.30"
        if _age_after_name(text, start, end, s, e, value):
            return None
    year_like = (not cur and not pct and not mult and "," not in num and "." not in num and len(num) == 4
                 and 1000 <= value <= 2100)
    if not cur and not pct and low and low[0] in _CURRENCY_WORDS:
        cur = unit = _CURRENCY_WORDS[low[0]]  # "1.5 billion euros" is an amount of money, like "€1.5bn"
        words, low = words[1:], low[1:]
        end = _past_word(text, end)
    if (low and low[0] in _FRACTIONS) or (len(low) > 1 and low[0] == "-" and low[1] in _FRACTIONS):
        return None  # "two thirds": a fraction, not a count of thirds
    counts = counted_phrase(words, low, money=bool(cur))
    if pct and counts and low[:1] != ["of"] and not _ARTICLE_END.search(text, max(s, q_start - 12), start):
        counts = ""  # "72 percent support term limits": a verb; "a 15% rise", "an 80% success rate": nouns
    if not cur and not pct and counts and not countable(counts):
        counts = ""
    if year_like and not qualifier and not cur:
        return None  # "the original 1977 scripts": a year; "more than 2000 civilians" says it is not one
    if not counts:
        counts = measure_before(text, q_start, s)
        rate = _RATE_ONLY.match(text, end, min(e, end + WINDOW)) if counts else None
        if rate:
            counts = f"{counts} per {rate.group(1).lower()}"  # "earnings of $10 a share"
    if not counts and not cur and not pct:
        return None  # a bare number: nothing says what it is
    if _SCORE.match(text, end, min(e, end + WINDOW)):
        return None  # a score: "22 points to 10", "won by 3 goals to 1"
    return Found(start, end, q_start, value, unit, qualifier, _rate(text, end, e, counts))


#: A rate after what a number counts: "deaths per 100,000 people", "1,000 deaths per day", "a year".
_RATE = re.compile(r"(?:\s*%)?(?:\s+[A-Za-z][\w'-]*){0,5}?\s+(per\s+(?:\d[\d,]*\s+)?[a-z]+|(?:a|each|every)\s+(?:day|week|month|year)"
                   r"|annually|daily|weekly|monthly|yearly)\b(?!\s+(?:earlier|ago|later|before|after|on|from|since))")


def _rate(text: str, end: int, e: int, counts: str) -> str:
    """What a number counts, with the rate it is given at, if any ("deaths per day"): a rate is not a total.
    An amount with nothing counted takes a rate right after it ("$10 a month")."""
    if not counts:
        m = _RATE_ONLY.match(text, end, min(e, end + WINDOW))
        return f"per {m.group(1).lower()}" if m else counts
    m = _RATE.match(text, end, min(e, end + WINDOW))
    if not m or " ".join(counts.split()[-1:]) not in text[end:m.start(1)]:
        return counts
    return f"{counts} {' '.join(m.group(1).split())}"


#: An article before a percentage (or in its qualifier): what follows is a noun it qualifies ("a 15% rise").
_ARTICLE_END = re.compile(r"\b(?:a|an|the|its|their|his|her|our)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
#: A number in brackets right after another: a conversion of it (its qualifier stays with the first).
_CONVERSION = re.compile(r"\d[\d,.]*\s?(?:bn|mn|m|k|million|billion|trillion|%)?(?:\s+[a-z][\w/]*){0,3}\s*\((?:[^()]{0,30}[;,]\s*)?$")
_RATE_ONLY = re.compile(r"\s+(?:a|an|per|each|every)\s+(day|week|month|year|hour|head|person|share|barrel|litre|gallon)\b")
_RANGE_AFTER = re.compile(r"(?:\s?(?:bn|mn|m|k|%|thousand|hundred|million|billion|per\s?cent))?\s*(?:to|and|-|–)\s*(?:"
                          + CURRENCY + r")?\d")
_RANGE_BEFORE = re.compile(r"\d(?:\s?(?:bn|mn|m|k|%|thousand|hundred|million|billion|per\s?cent))?\s*(?:to|and|-|–)\s*$")
_SCORE = re.compile(r"\s+\w+\s+(?:to|-|–)\s*\d")


def _past_word(text: str, end: int) -> int:
    """The end of the word after `end` (past the spaces before it): a currency written as a word."""
    m = _NEXT_WORD.match(text, end)
    return m.end() if m else end


_NEXT_WORD = re.compile(r"\s+[A-Za-z]+")


def _age_after_name(text: str, start: int, end: int, s: int, e: int, value: float) -> bool:
    """ "John Smith, 45, said": a number between commas after a capitalised word is an age."""
    if not (0 < value < 130) or start - 2 < s:
        return False
    if text[start - 2:start] != ", " or end >= e or text[end] not in ",)":
        return False
    prev, _ = _prev_word(text, start - 2, s)
    return bool(prev) and prev[0].isupper()


def read_spelt(text: str, m: re.Match[str], s: int, e: int) -> Found | None:
    """A spelt-out number (`m`, in the sentence `s`..`e`) as a figure, or None when it is none."""
    start, end = m.start(), m.end()
    num = " ".join((m.group("num") or m.group("anum")).lower().split())
    mult, pct = m.group("mult") or m.group("amult"), m.group("pct")
    if end < e and text[end] in "-–":
        return None  # "two-thirds", "three-year-old"
    if start > s and (text[start - 1].isalnum() or text[start - 1] in "-–"):
        return None
    value = spelt_value(num)
    if mult:
        value *= MULTIPLIERS[mult.strip().lower()]
    unit = "%" if pct else ""
    words = _words_after(text, end, e)
    low = [w.lower() for w in words]
    prev, _ = _prev_word(text, start, s)
    if prev.lower() in _REFERRING or prev.lower() in _LABELS:
        return None
    if low and (low[0] in TIME_UNITS or low[0] in _WORD_NUMBER_NOUNS_BLOCKED) and not pct:
        return None
    if prev.lower() in MONTHS or (low and low[0] in MONTHS):
        return None
    if text[start].isupper() and words and words[0][:1].isupper():
        return None  # a name: "Six Nations", "Three Lions"
    if low and low[0] in _FRACTIONS:
        return None  # "two thirds": a fraction, not a count of thirds
    if low and low[0] in _CURRENCY_WORDS and not pct:
        unit = _CURRENCY_WORDS[low[0]]  # "two million dollars"
        counts = counted_phrase(words[1:], low[1:], money=True)
        end = _past_word(text, end)
        qualifier, q_start = qualifier_before(text, start, s)
        return Found(start, end, q_start, value, unit, qualifier, counts)
    counts = counted_phrase(words, low)
    if counts and not pct and not countable(counts):
        counts = ""
    qualifier, q_start = qualifier_before(text, start, s)
    if not counts and not pct:
        return None  # "two" alone, "two of them", "a million" with nothing counted
    return Found(start, end, q_start, value, unit, qualifier, _rate(text, end, e, counts))
