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
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .model import LINK_CONFIDENCE, Briefing, Claim, Entity
from .text import paragraphs, sentences

#: Characters either side of a number that decide whether it is a figure (bounds the work per number).
WINDOW = 60
#: Words "what it counts" takes at most (before the participle).
NOUN_WORDS = 3


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


#: Each canonical qualifier and the wordings that mean it (longest are tried first).
QUALIFIERS: Mapping[str, tuple[str, ...]] = {
    "at least": ("at least", "no fewer than", "no less than", "a minimum of"),
    "more than": ("more than", "over", "above", "in excess of", "upwards of", "just over", "well over",
                  "more then", "exceeding", "higher than", "greater than", "larger than", "bigger than"),
    "nearly": ("nearly", "almost", "close to", "just under", "approaching", "just shy of"),
    "about": ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "circa",
              "an approximate", "approx."),
    "up to": ("up to", "as many as", "as much as", "at most", "no more than", "a maximum of", "a maximum"),
    "fewer than": ("fewer than", "less than", "under", "below", "lower than", "smaller than"),
}
_QUALIFIER_OF = {w: k for k, ws in QUALIFIERS.items() for w in ws}
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(" + "|".join(re.escape(w) for w in sorted(_QUALIFIER_OF, key=len, reverse=True))
    + r")\s+(?:an?\s+)?$", re.IGNORECASE)

_MULTIPLIERS: Mapping[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_CURRENCY = r"(?:US|A|AU|C|CA|NZ|HK|S)?[$£€¥₹]"
_PERCENT = r"(?:\s?%|\s(?:per\s?cent|percent)\b)"
_DIGITS = re.compile(
    r"(?P<cur>" + _CURRENCY + r")?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<mult>(?:\s(?:hundred|thousand|million|billion|trillion)|(?:bn|mn|mln|tn|trn|m|k|b))(?![\w$£€%]))?"
    r"(?P<pct>" + _PERCENT + r")?",
)

_SMALL = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n >= 2}
_WORDNUM = (r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(w for w in _SMALL if 2 <= _SMALL[w] < 10) + r"))?"
            r"|" + "|".join(sorted((w for w in _SMALL if _SMALL[w] >= 2), key=len, reverse=True)) + r"|a\sdozen)")
_SCALE = r"\s(?:hundred|thousand|million|billion|trillion)"
_WORDS = re.compile(
    r"\b(?:(?P<num>" + _WORDNUM + r")(?P<mult>" + _SCALE + r")?|(?P<anum>a|one|half\sa)(?P<amult>" + _SCALE + r"))"
    r"(?P<pct>" + _PERCENT + r")?\b",
    re.IGNORECASE,
)

_MONTHS = frozenset("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries night nights weekend weekends time times season seasons hrs mins yrs
    am pm a.m p.m a.m. p.m. gmt utc bst est edt pst pdt cet cest jst ist aest aedt nzt nzdt o'clock""".split())
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
#: Words that may not be part of what a number counts.
_STOP = frozenset("""a an the and or but nor of in on at to from by for with about as into onto than that this these
    those who whom whose which what when where while why how is are was were be been being has have had do does did
    will would shall should can could may might must not no nor so if then there their its his her our your my they
    them we he she it i you per each every all both either neither some any more most less least many much few
    fewer several such other another same own only just also still even ever yet already again out up down off
    over under after before since until till upon via across along around among between through during against
    without within including except like unlike plus minus versus said says say told according reported higher lower
    bigger smaller larger greater fewer cheaper dearer better worse last next earlier later ago mark level threshold
    barrier because although though unless whether whereas seen taken given shown made done paid sold held kept won
    lost spent left hundred thousand million billion trillion""".split())
#: Participles that say what happened to what is counted ("500 civilians killed", "were injured").
_PARTICIPLES = frozenset("""killed injured wounded dead died arrested detained displaced missing evacuated infected
    hospitalised hospitalized rescued affected confirmed recovered deported jailed charged convicted sentenced
    executed kidnapped abducted sacked laid employed vaccinated tested hurt drowned stranded trapped homeless
    fired captured freed released murdered shot stabbed""".split())
_AUX = frozenset("were was are is have has had been being be reportedly".split())
#: Determiners after which a spelt-out number refers rather than counts ("the two men").
_REFERRING = frozenset("the these those both all his her their its our your my whose every each".split())
#: Nouns never counted by a spelt-out number: "two of", "three times" (a frequency).
_WORD_NUMBER_NOUNS_BLOCKED = frozenset("of times".split())
#: Currencies written as a word after the number (not "pounds", which may weigh).
_CURRENCY_WORDS: Mapping[str, str] = {"dollars": "$", "euros": "€", "euro": "€", "yen": "¥", "rupees": "₹"}
#: Fractions: "two thirds" is not a count of thirds.
_FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths sixth sixths tenth tenths".split())
#: Words that are not nouns a figure counts, although they end in -s or follow a number.
_NOT_NOUNS = frozenset("""its is was has does says this thus plus less unless yes always perhaps towards afterwards
    whereas besides sometimes""".split())

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:/[A-Za-z]+)?\.?")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’.\-]*)\W*$")
_OF_BEFORE = re.compile(r"(?:^|\s)((?:[a-z][a-z\-]+\s){0,1}[a-z][a-z\-]+)\s+of\s+$", re.IGNORECASE)


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


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    q_start: int
    value: float
    unit: str
    qualifier: str
    counts: str


#: Where a number written in digits may start (a run of digits), found at C speed; the full pattern is
#: matched only there. Scanning the text with the full patterns tried at every position cost ten times more.
_DIGIT_RUN = re.compile(r"\d+")
_CURRENCY_BEFORE = re.compile(r"(?:US|AU|CA|NZ|HK|A|C|S)?[$£€¥₹]$")
#: The words a spelt-out number may start with or end on (each found with str.find, in lower and title case).
_TRIGGERS: tuple[str, ...] = (*(w for w in _SMALL if _SMALL[w] >= 2), *_TENS, "hundred", "thousand", "million",
                              "billion", "trillion", "dozen")
_ARTICLE_BEFORE = re.compile(r"\b(?:half\s+a|an?|one)\s+$", re.IGNORECASE)


def _found(text: str) -> list[tuple[_Found, int, int]]:
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

    out: list[tuple[_Found, int, int]] = []
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
        m = _DIGITS.match(text, st, sentence[1])
        if m is None:
            continue
        last = m.end()
        taken.append((m.start(), m.end()))
        f = _digits(text, m, *sentence)
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
        m = _WORDS.match(text, st, sentence[1]) or (_WORDS.match(text, p, sentence[1]) if article else None)
        if m is None:
            continue
        last = m.end()
        f = _spelt(text, m, *sentence)
        if f:
            out.append((f, *sentence))
    out.sort(key=lambda t: t[0].start)
    return out


def _qualifier(text: str, start: int, s: int) -> tuple[str, int]:
    """The canonical qualifier just before `start`, and where its words begin (or "", start)."""
    before = text[max(s, start - 30):start]
    m = _QUALIFIER_RE.search(before)
    if not m:
        return "", start
    return _QUALIFIER_OF[m.group(1).lower()], start - len(before) + m.start(1)


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


def _digits(text: str, m: re.Match[str], s: int, e: int) -> _Found | None:
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
    value = float(Decimal(num.replace(",", "")) * Decimal(_MULTIPLIERS[mult.strip().lower()] if mult else 1))
    unit = "%" if pct else cur
    words = _words_after(text, end, e)
    low = [w.lower() for w in words]
    prev, prev_at = _prev_word(text, start, s)
    prev_low = prev.lower().rstrip(".")
    qualifier, q_start = _qualifier(text, start, s)
    if low and low[0] in _TIME_UNITS and not cur and not pct:
        return None  # a time or a duration: "3 pm", "10 days", "45 years old"
    if low and low[0] in _MULTIPLIERS and mult:
        return None  # "$4.5bn trillion": a typo, or words we cannot read
    if prev_low in _MONTHS or prev_low in _DAYS or (low and low[0] in _MONTHS) or (
            len(low) > 1 and low[0] == "of" and low[1] in _MONTHS):
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
    counts = _counted(words, low, money=bool(cur))
    if pct and counts and low[:1] != ["of"] and not _ARTICLE_END.search(text, max(s, q_start - 12), start):
        counts = ""  # "72 percent support term limits": a verb; "a 15% rise", "an 80% success rate": nouns
    if not cur and not pct and counts and not _countable(counts):
        counts = ""
    if year_like and not qualifier and not cur:
        return None  # "the original 1977 scripts": a year; "more than 2000 civilians" says it is not one
    if not counts:
        counts = _of_before(text, q_start, s)
        rate = _RATE_ONLY.match(text, end, min(e, end + WINDOW)) if counts else None
        if rate:
            counts = f"{counts} per {rate.group(1).lower()}"  # "earnings of $10 a share"
    if not counts and not cur and not pct:
        return None  # a bare number: nothing says what it is
    if _SCORE.match(text, end, min(e, end + WINDOW)):
        return None  # a score: "22 points to 10", "won by 3 goals to 1"
    return _Found(start, end, q_start, value, unit, qualifier, _rate(text, end, e, counts))


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
                          + _CURRENCY + r")?\d")
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


def _spelt(text: str, m: re.Match[str], s: int, e: int) -> _Found | None:
    start, end = m.start(), m.end()
    num = " ".join((m.group("num") or m.group("anum")).lower().split())
    mult, pct = m.group("mult") or m.group("amult"), m.group("pct")
    if end < e and text[end] in "-–":
        return None  # "two-thirds", "three-year-old"
    if start > s and (text[start - 1].isalnum() or text[start - 1] in "-–"):
        return None
    value = _spelt_value(num)
    if mult:
        value *= _MULTIPLIERS[mult.strip().lower()]
    unit = "%" if pct else ""
    words = _words_after(text, end, e)
    low = [w.lower() for w in words]
    prev, _ = _prev_word(text, start, s)
    if prev.lower() in _REFERRING or prev.lower() in _LABELS:
        return None
    if low and (low[0] in _TIME_UNITS or low[0] in _WORD_NUMBER_NOUNS_BLOCKED) and not pct:
        return None
    if prev.lower() in _MONTHS or (low and low[0] in _MONTHS):
        return None
    if text[start].isupper() and words and words[0][:1].isupper():
        return None  # a name: "Six Nations", "Three Lions"
    if low and low[0] in _FRACTIONS:
        return None  # "two thirds": a fraction, not a count of thirds
    if low and low[0] in _CURRENCY_WORDS and not pct:
        unit = _CURRENCY_WORDS[low[0]]  # "two million dollars"
        counts = _counted(words[1:], low[1:], money=True)
        end = _past_word(text, end)
        qualifier, q_start = _qualifier(text, start, s)
        return _Found(start, end, q_start, value, unit, qualifier, counts)
    counts = _counted(words, low)
    if counts and not pct and not _countable(counts):
        counts = ""
    qualifier, q_start = _qualifier(text, start, s)
    if not counts and not pct:
        return None  # "two" alone, "two of them", "a million" with nothing counted
    return _Found(start, end, q_start, value, unit, qualifier, _rate(text, end, e, counts))


def _spelt_value(num: str) -> float:
    if num == "a dozen":
        return 12.0
    if num == "half a":
        return 0.5
    if num in ("a", "one"):
        return 1.0
    total = 0
    for part in re.split(r"[-\s]", num):
        total += _SMALL.get(part, _TENS.get(part, 0))
    return float(total)


#: Counted nouns that do not end in -s: units and collective nouns.
_UNCOUNTED_PLURALS = frozenset("""people police staff personnel children women men cattle livestock troops crew
    mph kph km kg mm cm ft lb mw gw kw kwh ha km2 sq km/h dead injured wounded missing homeless""".split())


def _plural(word: str) -> bool:
    """Whether a lower-case word looks like a plural noun or a unit ("civilians", "people", "km")."""
    return word in _UNCOUNTED_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
                                          and word not in _NOT_NOUNS and len(word) > 2)


def _countable(counts: str) -> bool:
    """Whether what a plain count counts is a plural noun, a unit or a participle ("civilians", "km", "dead")."""
    words = counts.lower().split()
    head = words[-1]
    if head in _PARTICIPLES and len(words) > 1:
        head = words[-2]
    return head in _UNCOUNTED_PLURALS or head in _PARTICIPLES or (
        head.endswith("s") and not head.endswith(("ss", "us", "is", "ous")) and head not in _NOT_NOUNS)


#: Capitalised words that may end what a number counts: demonyms and parties ("500 Palestinians", "two Republicans").
_PROPER_PLURAL = ("ans", "ians", "is", "ons", "ese", "ats", "ists")


def _counted(words: Sequence[str], low: Sequence[str], money: bool = False) -> str:
    """What the number counts: the noun phrase right after it, and a participle ("civilians killed").

    A capitalised word may begin it ("Ukrainian soldiers") but end it only as a demonym or a
    party's members ("Palestinians"): anything else capitalised is a name, not what is counted.
    """
    i = 0
    if low[:1] == ["of"] or (money and low[:1] in (["in"], ["worth"])):
        i = 1
        if money and low[:2] == ["worth", "of"]:
            i = 2
        if i < len(low) and low[i] in ("the", "them", "those", "these", "its", "their", "his", "her", "our", "us"):
            if low[i] in ("them", "us", "those", "these"):
                return ""
            i += 1
    if i == 0 and low and low[0].endswith("ing"):
        return ""  # "12% saying": a verb, not what is counted
    noun: list[str] = []
    while i < len(low) and len(noun) < NOUN_WORDS:
        w, lw = words[i], low[i]
        if lw in _STOP or lw in _PARTICIPLES or lw in _TIME_UNITS or lw in _MONTHS or lw.endswith("ly") \
                or "'" in w or "’" in w or (len(lw) < 2 and lw not in ("m",)):
            break
        if w != lw:  # capitalised: an adjective before a noun, or a demonym ending the phrase
            nxt = low[i + 1] if i + 1 < len(low) else ""
            if not (w[0].isupper() and w[1:].islower()):
                break
            if not (nxt and words[i + 1] == nxt and nxt not in _STOP and nxt not in _TIME_UNITS) and not lw.endswith(_PROPER_PLURAL):
                break
        noun.append(w)
        i += 1
        if _plural(lw) and not (lw in _UNCOUNTED_PLURALS and i < len(low) and words[i] == low[i] and _plural(low[i])
                                and low[i] not in _STOP):
            break  # a plural noun ends the phrase ("residents remain", "masses ends"), but "police officers" goes on
    if noun and noun[-1].lower().endswith("ed") and noun[-1].lower() not in _PARTICIPLES:
        noun = noun[:-1]  # "the budget allocated": a verb, the noun is before it
    if noun and noun[-1].lower() in _NOT_NOUNS:
        return ""
    j = i
    while j < len(low) and j < i + 2 and low[j] in _AUX:
        j += 1
    if j < len(low) and low[j] in _PARTICIPLES and (noun or j == 0):
        noun.append(words[j].lower())
    return " ".join(noun)


#: Nouns a number after "of" measures ("a population of 300,000", "profits of $17.5bn"); "a city of 280,000"
#: or "the age of 18" say something else, so only these are taken.
_MEASURES = frozenset("""population populations total toll count number numbers sum budget budgets profit profits loss
    losses revenue revenues deficit debt debts fine fines rate rates turnout majority margin salary salaries cost costs
    price prices value fund funding investment income tax taxes aid spending share shares average median increase
    rise fall drop decline growth magnitude capacity crowd attendance estimate estimates payment payments bail
    compensation damages reward bonus wage wages sales earnings valuation worth award grant loan loans bid offer fee
    fees ransom tally deaths casualties injuries cases infections arrests votes seats""".split())


#: Words that may come before such a noun as part of it ("death toll", "annual profits", "net income").
_MEASURE_MODIFIERS = frozenset("""death annual net gross pre-tax operating total trade budget quarterly yearly monthly
    average median voter casualty jobless unemployment inflation growth interest""".split())


def _of_before(text: str, start: int, s: int) -> str:
    """What a number counts when it comes after it: "a population of 300,000", "profits of $17.5bn"."""
    before = text[max(s, start - 40):start]
    m = _OF_BEFORE.search(before)
    if not m:
        return ""
    words = m.group(1).lower().split()
    if not words or words[-1] not in _MEASURES:
        return ""
    return " ".join(words[-2:] if len(words) > 1 and words[-2] in _MEASURE_MODIFIERS else words[-1:])


#: Words that do not change what is counted: "confirmed coronavirus cases" are "cases", as news reports use them.
_NEUTRAL = frozenset("""total reported recorded known confirmed official officially coronavirus covid-19 covid
    sars-cov-2""".split())


def normalise(counts: str) -> str:
    """What a figure counts, as compared across briefings: each word singular ("civilians killed" -> "civilian killed"),
    words that do not change what is counted left out ("confirmed coronavirus cases" -> "case")."""
    words = [w for w in counts.lower().split() if w not in _NEUTRAL]
    return " ".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    if word in ("people", "police", "staff", "children", "women", "men", "personnel", "news", "series", "species"):
        return {"children": "child", "women": "woman", "men": "man"}.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _place(f: _Found, text: str, s: int, e: int, claims: Sequence[Claim], starts: Sequence[int],
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
    about = _about(text, f, c_start, c_end, mentions, m_starts, speaker_span)
    return Figure(
        start=f.start, end=f.end, text=text[f.start:f.end], phrase=text[f.q_start:f.end], value=f.value,
        unit=f.unit, qualifier=f.qualifier, counts=f.counts, key=normalise(f.counts), about=about,
        claim=claim.id if claim else None, speaker=speaker, speaker_text=speaker_text,
    )


_REPORTS_AFTER = re.compile(r"(?:['’]s)?,?\s+(?:(?:has|had|have|also|later|then|now)\s+)?(?:said|says|say|reported|reports|report|"
                            r"announced|announces|estimated|estimates|stated|states|confirmed|confirms|told|tweeted|"
                            r"wrote|added|claimed|claims|counted|recorded|data|figures|statistics|report)\b")
_REPORTS_BEFORE = re.compile(r"(?:according\s+to|citing|cited\s+by|reported\s+by|by)\s+(?:the\s+)?$", re.IGNORECASE)


#: What comes before a place a figure is about: "in Chernihiv", "across the city of Kherson", "in Ukraine's north".
_LOCATIVE = re.compile(r"\b(?:in|at|near|across|throughout|inside|outside|around|within|nationwide in)\s+(?:the\s+)?"
                       r"(?:(?:city|town|village|region|province|state|county|district|capital|port|country)\s+of\s+)?$",
                       re.IGNORECASE)
#: What may come between an organisation and a figure about it: a verb or two before it ("Apple made",
#: "Tesco's"), a preposition after what it counts ("7000 employees from Tesco"); never punctuation.
_ORG_BEFORE = re.compile(r"(?:['’]s)?\s+(?:(?!(?:and|or|but|with|while)\s)[a-z]+\s+){0,2}")
_ORG_AFTER = re.compile(r"[%\s\w'’-]{0,40}?\s(?:from|at|of|in|by|for)\s+(?:the\s+)?")
#: A place named right after a figure (and what it counts): "62% in Sheffield Hallam", "500 homes in Gaza".
_OWN_PLACE = re.compile(r"(?:\s*%)?(?:\s+[a-z][\w'’-]*){0,4}?\s+(?:in|at)\s+(?:the\s+)?(?=[A-Z])")
#: A number right before a name: the name is what that number counts.
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:" + "|".join(w for w in _SMALL if _SMALL[w] >= 2) + r"|dozen|hundred|thousand|million))\s+$",
                             re.IGNORECASE)
#: A place whose own figure follows it: "Ukraine's 300 soldiers", "Britain's almost four million".
_OWNER = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}")


def _about(text: str, f: _Found, c_start: int, c_end: int, mentions: Sequence[tuple[int, int, Entity]],
           m_starts: Sequence[int], speaker_span: tuple[int, int]) -> str | None:
    """The nearest place named in the clause (else the nearest organisation), not the speaker themself."""
    lo = bisect_right(m_starts, c_start - 1)
    own = _OWN_PLACE.match(text, f.end, c_end)
    if own:  # "62% in Sheffield Hallam": the figure's own place; if the annotation did not find it, none
        k = bisect_left(m_starts, own.end())
        while k < len(mentions) and m_starts[k] == own.end():
            if mentions[k][2].kind == "place":
                return mentions[k][2].id
            k += 1
        return None
    best: tuple[int, int, str] | None = None
    for k in range(lo, len(mentions)):
        ms, me, ent = mentions[k]
        if ms >= c_end:
            break
        if me > c_end or (ms < f.end and me > f.q_start) or (speaker_span[0] <= ms < speaker_span[1]):
            continue
        if f.end <= ms < f.end + len(f.counts) + 8 and ent.name.split()[-1][:4] in f.counts:
            continue  # what is counted itself ("five Republicans"), not what the figure is about
        if _REPORTS_AFTER.match(text, me, min(len(text), me + 40)) or _REPORTS_BEFORE.search(text, max(0, ms - 20), ms):
            continue  # who gives the figure ("the WHO reported", "according to Reuters"), not what it is about
        distance = f.q_start - me if me <= f.q_start else ms - f.end - len(f.counts)
        if ent.kind != "place" and not (_ORG_BEFORE.fullmatch(text, me, f.q_start) if me <= f.q_start
                                        else _ORG_AFTER.fullmatch(text, f.end, ms)):
            continue  # only an organisation the figure is told of ("Apple made $17.5bn", "7000 staff at Tesco")
        if _COUNTED_BEFORE.search(text, max(0, ms - 20), ms):
            continue  # counted by another number ("231 Democrats and 194 Republicans")
        owner = me <= f.q_start and _OWNER.fullmatch(text, me, f.q_start)
        if ent.kind == "place" and not _LOCATIVE.search(text, max(0, ms - 40), ms) and not owner:
            continue  # a place the clause only mentions ("the column threatening Kyiv") is not where it happened
        rank = (0 if ent.kind == "place" else 1, distance, ent.id)
        if best is None or rank < best:
            best = rank
    return best[2] if best else None
