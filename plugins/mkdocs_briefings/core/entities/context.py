"""What the words around a name say about its kind: a company, a team, a work, a constituency.

A capitalised phrase seldom proves its own kind ("Ubisoft", "Twin Peaks",
"Bristol West"); the sentence around it usually does. "shares in Ubisoft",
"Ubisoft's chief executive" and "the French firm Ubisoft" make a company;
"the TV series Twin Peaks" or a title in quotation marks make a work (kind
"other": works, products, events and prizes are not people, organisations or
places); "the Labour MP for Bristol West" makes a constituency, a place.
Every test is a regular expression anchored at the name's edges and looking
a few words away only, so each costs constant time per mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..patterns import trie_regex

_W = r"[A-Za-z][\w'\u2019\-]*"

#: Nouns that, right before a name or in an apposition after it, say what kind of body it is.
ORG_NOUNS = (
    "firm|company|companies|group|giant|maker|makers|manufacturer|retailer|chain|supermarket|bank|lender|insurer|"
    "airline|carrier|operator|publisher|developer|broadcaster|network|newspaper|paper|tabloid|magazine|website|"
    "site|studio|studios|label|charity|agency|body|watchdog|regulator|organisation|organization|union|club|"
    "side|team|band|group's|conglomerate|firm's|company's|consultancy|consultants|analysts|thinktank|think-tank|"
    "association|federation|league|brewer|distributor|"
    "store|stores|exchange|fund|subsidiary|outfit|provider|"
    "supplier|startup|start-up|corporation|producers|bookmaker|pharmaceutical|"
    "drugmaker|drugs|telecoms|telecom|mobile|software|chipmaker|carmaker|automaker"
)
#: Words right after a name (or its possessive) that only organisations have.
_ORG_AFTER = re.compile(
    r"(?:['\u2019]s?)? (?:(?:chief executive|chief financial officer|chief operating officer|chief|boss|bosses|"
    r"chairman|chairwoman|board|shareholders|shares|share price|profits?|losses|revenues?|"
    r"turnover|earnings|spokesman|spokeswoman|spokesperson|staff|employees|workers|headquarters|"
    r"executives?|directors|subsidiary|takeover|shareholder|stake|bid|founder|"
    r"co-founder|manager|coach|squad|striker|midfielder|defender|goalkeeper|captain|players?)\b"
    r"|(?:Inc|Ltd|plc|Corp)\b|(?:said|says|announced|reported|posted|confirmed) (?:in a statement|its)\b"
    r"|(?:has|had) (?:announced|reported|posted|bought|sold|agreed|cut|launched|signed|acquired)\b"
    r"|(?:bought|acquired|employs|owns|reported|posted)\b)"
)
#: The same, less what people do as well as companies ("Matty Roberts posted an invitation").
_ORG_AFTER_SURE = re.compile(_ORG_AFTER.pattern.replace("|reported|posted)\\b)", ")\\b)"))
#: "shares in X", "the Japanese firm X", "rival X": organisation words before a name.
#: The nouns as a prefix tree (`patterns.trie_regex`): the patterns that end at a name are
#: searched for in the 30 or 40 characters before it, and try their nouns at each of them.
_ORG_TRIE = trie_regex(ORG_NOUNS.split("|"))
_ORG_BEFORE = re.compile(
    rf"(?:\b(?:[Ss]hares|[Ss]takes?|[Ii]nvestment|[Ii]nvestors) in|\b{_ORG_TRIE}|\bjoined|\bby (?:the )?{_ORG_TRIE})"
    rf"(?:,)? $"
)
#: Nouns of ORG_NOUNS that name people's jobs as well ("video game developer Perttu Ahola",
#: "co-developer Jing Wang", "its alleged operator Jong Woo Son"): before a name shaped like a
#: person's they say nothing of its kind.
PERSONAL_ORG_NOUNS: frozenset[str] = frozenset(
    "developer operator publisher producers analysts consultants distributor supplier provider".split()
)
_ORG_BEFORE_SURE = re.compile(
    rf"(?:\b(?:[Ss]hares|[Ss]takes?|[Ii]nvestment|[Ii]nvestors) in"
    rf"|\b{trie_regex(w for w in ORG_NOUNS.split('|') if w not in PERSONAL_ORG_NOUNS)}"
    rf"|\bjoined|\bby (?:the )?{_ORG_TRIE})(?:,)? $"
)
#: ", the Japanese electronics firm," after a name: an apposition ending in an organisation noun.
_ORG_APPOSITION = re.compile(
    rf", (?:the|a|an|its|which is the) (?:{_W} ){{0,4}}(?:{ORG_NOUNS})"
    rf"(?=[,.;:)]| (?:said|says|which|that|based|and|in|of|with|has|had|is|was|behind|whose)\b)"
)  # the noun ends the apposition: not "the firm's director"
#: The last words `_ORG_BEFORE` (and `_ORG_BEFORE_SURE`) can end with, before the comma and space.
_ORG_BEFORE_ENDS: tuple[str, ...] = tuple(sorted({*ORG_NOUNS.split("|"), "in", "joined"}))
#: Nouns that, before a name, make it a work, a product or an event ("the film Spirited Away").
WORK_NOUNS = (
    "film|films|movie|movies|show|shows|series|sitcom|soap|drama|dramas|programme|programmes|program|"
    "documentary|novel|novels|book|books|trilogy|album|albums|single|singles|song|songs|track|hit|hits|"
    "musical|play|opera|ballet|comedy|comedies|cartoon|blockbuster|sequel|remake|franchise|game|games|"
    "title|titles|console|consoles|handheld|gadget|device|player|chip|chips|processor|supercomputer|"
    "computer|phone|handset|browser|software|operating system|system|format|standard|technology|"
    "award|awards|prize|prizes|trophy|contest|competition|tournament|festival|event|campaign|scheme|"
    "bill|act|report|strategy|initiative|project|programme|musical|pantomime|panto|exhibition|"
    "painting|poem|poems|character|characters|version|edition|model|models|brand|drug|vaccine|virus|worm|"
    "column|starring|starred|directed|wrote|titled|entitled|dubbed"
)
_WORK_BEFORE = re.compile(rf"\b{trie_regex(WORK_NOUNS.split('|'))}(?: (?:as|in|on))? (?:the )?$", re.IGNORECASE)
_WORK_BEFORE_ENDS: tuple[str, ...] = tuple(sorted(set(WORK_NOUNS.split("|"))))
#: The longest text `_WORK_BEFORE` can match: the longest noun, " as", " " and "the ".
_WORK_BEFORE_LONGEST = max(map(len, _WORK_BEFORE_ENDS)) + 8
_WORK_AFTER = re.compile(
    r"(?: (?:film|movie|series|sitcom|soap|show|programme|album|single|novel|book|trilogy|game|"
    r"console|handheld|player|chip|software|browser|technology|format|award|prize|star|actor|actress|"
    r"creator|producer|director|sequel|franchise|character|episode|handset|phone|device|machine|"
    r"adaptation|author|fan|title|story|stories|spin-off|musical|play)s?\b"
    r"|\d{1,3}(?![\d,.:])|[A-Z]{2,3}\b)"
)
#: After a name that looks personal, only these make it a title: "the James Bond films", "Harry Potter books".
_TITLE_AFTER = re.compile(r" (?:film|movie|book|novel|series|game|franchise|trilogy|sequel|musical|sitcom)s?\b")
_TITLE_BEFORE = re.compile(
    r"\b(?:(?:film|movie|novel|book|title|game|sitcom|album|song|pantomime|panto|musical|opera)s?|shows|plays)"
    r"(?:,| such as| like|,? including)? (?:(?:19|20)\d\d['\u2019]s )?$"
)
_QUOTES_OPEN = frozenset("\"\u201c\u2018'")
_QUOTES_CLOSE = frozenset("\"\u201d\u2019'")
#: "MP for Bristol West", "constituency of Oldham East": words before a constituency.
_CONSTITUENCY_BEFORE = re.compile(r"\b(?:MP|MPs|candidate|seat|constituency|member|Member|by-election|majority) (?:for|of|in) $")
#: "Bristol West", "Leeds North West", "Cardiff Central": a place and a compass point.
CONSTITUENCY_TAIL = re.compile(r" (?:North|South|East|West|Central|North East|North West|South East|South West)$")


def _ends(text: str, start: int) -> tuple[int, ...]:
    """Where a pattern ending in `$`, searched for up to `start`, may end: there, or before a final newline."""
    return (start, start - 1) if start > 0 and text[start - 1] == "\n" else (start,)


# The patterns that end at a name are searched for in the 30 or 40 characters before it, and
# the regex engine tries them at each of those characters; for most names no organisation or
# work noun ends right before them. `str.endswith` with a tuple of the nouns (a loop in C) tells
# so first: each test below is true whenever its pattern could match, and the pattern decides.


def _after_org_noun(text: str, start: int) -> bool:
    """Whether `text` up to `start` ends like `_ORG_BEFORE` does: a last word it knows, a comma maybe, a space."""
    for e in _ends(text, start):
        if e >= 1 and text[e - 1] == " ":
            k = e - 2 if e >= 2 and text[e - 2] == "," else e - 1
            if text.endswith(_ORG_BEFORE_ENDS, 0, k):
                return True
    return False


def _after_work_noun(text: str, start: int) -> bool:
    """Whether `text` up to `start` ends like `_WORK_BEFORE` does: a work noun, " as"/" in"/" on"
    maybe, a space and "the " maybe, in any case."""
    lo = max(0, start - 30)
    for e in _ends(text, start):
        tail = text[lo:e]
        if not tail[-_WORK_BEFORE_LONGEST:].isascii():
            return True  # the pattern ignores case more widely than str.lower() does: let it decide
        tail = tail.lower()
        for base in (tail, tail[:-4]) if tail.endswith(" the ") else (tail,):
            if not base.endswith(" "):
                continue
            words = base[:-1]
            if words.endswith(_WORK_BEFORE_ENDS) or (
                words.endswith((" as", " in", " on")) and words[:-3].endswith(_WORK_BEFORE_ENDS)
            ):
                return True
    return False


def org_clue(text: str, start: int, end: int, personal: bool = False) -> bool:
    """Whether the words right around `text[start:end]` say it is an organisation.

    `personal` for a name shaped like a person's: then a job that people hold
    too ("developer", "operator") or a verb people do too ("posted") is no clue.
    """
    after, before = (_ORG_AFTER_SURE, _ORG_BEFORE_SURE) if personal else (_ORG_AFTER, _ORG_BEFORE)
    if after.match(text, end) is not None or _ORG_APPOSITION.match(text, end) is not None:
        return True
    return _after_org_noun(text, start) and before.search(text, max(0, start - 40), start) is not None


def work_clue(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is a title of a work, a product or an event, by the words around it.

    In quotation marks ("'Spirited Away'"), after a work noun ("the film",
    "the game", "starring in"), or before a product noun or a model number
    ("PlayStation 2", "Game Boy Advance SP").
    """
    if start > 0 and end < len(text) and text[start - 1] in _QUOTES_OPEN and text[end] in _QUOTES_CLOSE:
        return True
    if _after_work_noun(text, start) and _WORK_BEFORE.search(text, max(0, start - 30), start) is not None:
        return True
    return _WORK_AFTER.match(text, end) is not None


def title_clue(text: str, start: int, end: int) -> bool:
    """Whether a name that looks like a person's is a title ("the James Bond films", "'Harry Potter'",
    "the pantomime, Dick Whittington", "movies such as Harry Potter", "films, including 1947's Nicholas Nickleby")."""
    if start > 0 and end < len(text) and text[start - 1] in _QUOTES_OPEN and text[end] in _QUOTES_CLOSE:
        return True
    if _TITLE_BEFORE.search(text, max(0, start - 40), start) is not None:
        return True
    return _TITLE_AFTER.match(text, end) is not None


def constituency_clue(text: str, start: int) -> bool:
    """Whether a name follows "MP for", "candidate in", "seat of": a constituency, a place."""
    return _CONSTITUENCY_BEFORE.search(text, max(0, start - 30), start) is not None


#: Words of sports reports: a document with many of them names teams more than works.
SPORT_WORDS = frozenset(
    "match matches goal goals coach striker midfielder defender goalkeeper keeper season league cup championship "
    "tournament innings wicket wickets batsman bowler scored draw drew beat beaten victory defeat squad captain "
    "fixture semi-final quarter-final rugby football soccer cricket tennis golf baseball basketball hockey "
    "athletics olympic medal tries penalty referee unbeaten relegation promoted halftime half-time kick-off "
    "playoff play-off standings points club clubs player players team teams win won title champion champions "
    "final finals semi-finals manager transfer signing fans stadium medal medals athlete athletes sprinter "
    "ranking rankings seed seeded injury injured winger midfield international internationals caps trophy "
    "wimbledon olympics".split()
)
#: Sport words that politics and business use as much ("won the seat", "a team of scientists").
_WEAK_SPORT_WORDS = frozenset(
    "win won title season final finals team teams points player players fans international seed seeded "
    "victory defeat beat beaten draw drew champion champions ranking rankings transfer signing injury injured".split()
)
_LOWER_WORDS = re.compile(r"(?<![\w'\u2019-])[a-z][a-z\-]*(?![\w'\u2019])")
_SPORT_DENSITY = 0.02  # sport words per word: about one in 50


@lru_cache(maxsize=8)
def is_sport(text: str) -> bool:
    """Whether a document is a sports report: then an undecided name is most likely a team or club.

    Cached: recognition and resolution both ask about the same text.
    """
    words = text.count(" ") + 1
    if words < 20:
        return False
    found = list(filter(SPORT_WORDS.__contains__, _LOWER_WORDS.findall(text)))  # filter: a loop in C
    if len(found) < max(3.0, words * _SPORT_DENSITY):
        return False
    return len({w for w in found if w not in _WEAK_SPORT_WORDS}) >= 2  # not just "won the title this season"
