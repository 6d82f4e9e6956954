"""What a figure counts: the noun phrase after the number (or the measure before it), and its key.

"500 civilians killed" counts "civilians killed"; "a population of 300,000" counts the
population; across briefings "confirmed coronavirus cases" and "cases" compare as "case".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Words "what it counts" takes at most (before the participle).
NOUN_WORDS = 3

MONTHS = frozenset("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries night nights weekend weekends time times season seasons hrs mins yrs
    am pm a.m p.m a.m. p.m. gmt utc bst est edt pst pdt cet cest jst ist aest aedt nzt nzdt o'clock""".split())
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
#: Words that are not nouns a figure counts, although they end in -s or follow a number.
_NOT_NOUNS = frozenset("""its is was has does says this thus plus less unless yes always perhaps towards afterwards
    whereas besides sometimes""".split())
_OF_BEFORE = re.compile(r"(?:^|\s)((?:[a-z][a-z\-]+\s){0,1}[a-z][a-z\-]+)\s+of\s+$", re.IGNORECASE)

#: Counted nouns that do not end in -s: units and collective nouns.
_UNCOUNTED_PLURALS = frozenset("""people police staff personnel children women men cattle livestock troops crew
    mph kph km kg mm cm ft lb mw gw kw kwh ha km2 sq km/h dead injured wounded missing homeless""".split())


def _plural(word: str) -> bool:
    """Whether a lower-case word looks like a plural noun or a unit ("civilians", "people", "km")."""
    return word in _UNCOUNTED_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
                                          and word not in _NOT_NOUNS and len(word) > 2)


def countable(counts: str) -> bool:
    """Whether what a plain count counts is a plural noun, a unit or a participle ("civilians", "km", "dead")."""
    words = counts.lower().split()
    head = words[-1]
    if head in _PARTICIPLES and len(words) > 1:
        head = words[-2]
    return head in _UNCOUNTED_PLURALS or head in _PARTICIPLES or (
        head.endswith("s") and not head.endswith(("ss", "us", "is", "ous")) and head not in _NOT_NOUNS)


#: Capitalised words that may end what a number counts: demonyms and parties ("500 Palestinians", "two Republicans").
_PROPER_PLURAL = ("ans", "ians", "is", "ons", "ese", "ats", "ists")


def counted_phrase(words: Sequence[str], low: Sequence[str], money: bool = False) -> str:
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
        if lw in _STOP or lw in _PARTICIPLES or lw in TIME_UNITS or lw in MONTHS or lw.endswith("ly") \
                or "'" in w or "’" in w or (len(lw) < 2 and lw not in ("m",)):
            break
        if w != lw:  # capitalised: an adjective before a noun, or a demonym ending the phrase
            nxt = low[i + 1] if i + 1 < len(low) else ""
            if not (w[0].isupper() and w[1:].islower()):
                break
            if not (nxt and words[i + 1] == nxt and nxt not in _STOP and nxt not in TIME_UNITS) and not lw.endswith(_PROPER_PLURAL):
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


def measure_before(text: str, start: int, s: int) -> str:
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
