"""Definite descriptions as speakers: "the company", "the party", "the Ealing North MP".

News names a source once and then refers back to it by what it is: "the
bank said", "the pop star told reporters", "said the Man Utd boss". A
reader takes the description to mean the entity of that kind named most
recently (a person whose role matches first), and so does the engine.
Only a definite description whose head is a common noun of a known kind
counts: "the National Audit Office" is a name (the entity engine's
business), "a spokesman" is an unnamed source, "the government" and "the
spokesman" name no entity a reader could pick, and plurals ("the two
firms") are groups.
"""

from __future__ import annotations

import re

#: Heads of descriptions that refer to a person.
PERSON_HEADS: frozenset[str] = frozenset(
    """boss manager coach chief executive chairman chairwoman chair president minister secretary chancellor
    mp mep msp am senator congressman congresswoman governor mayor leader premier king queen prince princess
    duke duchess pope archbishop bishop ambassador envoy commissioner general admiral commander officer
    judge lawyer attorney prosecutor barrister solicitor star singer actor actress director producer
    presenter host comedian musician rapper drummer guitarist frontman songwriter composer artist author
    writer novelist poet playwright designer agent player striker midfielder defender goalkeeper keeper
    winger captain skipper batsman bowler fly-half centre lock prop jockey trainer driver rider cyclist
    runner athlete sprinter swimmer boxer golfer champion veteran legend founder owner entrepreneur tycoon
    businessman businesswoman investor economist analyst professor scientist researcher doctor surgeon
    campaigner activist chart-topper youngster teenager actor-director film-maker filmmaker citizen pensioner
    centenarian
    photographer journalist editor columnist broadcaster pundit dj""".split()
)

#: Heads that refer to an organisation (or a team or station, which the entity engine may type as a place).
ORGANISATION_HEADS: frozenset[str] = frozenset(
    """company firm bank party association alliance union council commission committee agency institute
    institution regulator watchdog authority board magazine newspaper paper broadcaster station channel
    network club side team charity society federation organisation organization group corporation
    consortium retailer supermarket chain carrier airline maker manufacturer giant operator insurer lender
    publisher studio label developer conglomerate foundation trust service league body""".split()
)

#: Heads that stand for a document, credited to the organisation that published it.
REPORT_HEADS: frozenset[str] = frozenset("report survey study poll review audit index".split())

#: Words of a phrase naming a document or its findings, credited to the organisation named in
#: the phrase ("a report by the National Audit Office", "DOE test results", "the NAO's survey").
DOCUMENT_WORDS: frozenset[str] = frozenset(
    "report reports survey study poll review audit results figures data research statistics statement "
    "analysis findings index forecast forecasts".split()
)

#: Heads that may name a team or club typed as a place ("Liverpool" the club).
_PLACE_OK: frozenset[str] = frozenset("club side team".split())

#: Words in a party's name, for "the party" when no name holds the word "party".
PARTY_WORDS = re.compile(
    r"\b(?:labour|conservatives?|tor(?:y|ies)|lib(?:eral)? dems?|liberal democrats?|democrats?|republicans?|"
    r"ukip|snp|plaid|greens?|nationalists?|socialists?|communists?)\b",
    re.IGNORECASE,
)

_DEFINITE = ("the", "The", "this", "This")
_ROLE_UPPER = frozenset(("MP", "MEP", "MSP", "AM", "DJ"))


def description_head(phrase: str) -> tuple[str, str] | None:
    """(wanted kind, head noun) for a definite description, else None.

    The kind is "person", "organisation" or "report". The head is the last
    word, lower case; it must be a common noun (lower case, or an
    abbreviation like "MP"), so a name ("the National Audit Office") is
    never taken for a description.
    """
    words = phrase.split()
    if len(words) < 2 or words[0] not in _DEFINITE:
        return None
    last = words[-1].rstrip(".,;:")
    if not last or not (last.islower() or last in _ROLE_UPPER):
        return None
    head = last.lower()
    if head in PERSON_HEADS or head.endswith("-year-old"):
        return "person", head
    if head in ORGANISATION_HEADS:
        return "organisation", head
    if head in REPORT_HEADS:
        return "report", head
    return None


def kind_fits(wanted: str, head: str, kind: str) -> bool:
    """Whether an entity of `kind` may be what a description of the wanted kind refers to."""
    if wanted == "person":
        return kind == "person"
    if kind == "organisation":
        return True
    return kind == "place" and head in _PLACE_OK


def name_fits(head: str, name: str) -> bool:
    """Whether an organisation's name says it is what the head noun names ("Countryside Alliance": alliance)."""
    lower = name.lower()
    if head in lower.split():
        return True
    return head == "party" and PARTY_WORDS.search(name) is not None


def role_fits(head: str, description: str, roles: tuple[str, ...], strict: bool = False) -> bool:
    """Whether a person's roles say they are what the description names ("the Ealing North MP": MP).

    `strict` asks for every word of the description in one role ("the prime minister" is the
    person whose role is prime minister, not the foreign minister); otherwise the head noun will do.
    """
    wanted = [w for w in description.lower().split()[1:] if w not in ("of", "the", "and", "for")]
    for role in roles:
        words = role.lower().split()
        if strict:
            if wanted and all(w in words for w in wanted):
                return True
            continue
        if head in words or (head == "boss" and "manager" in words) or (head == "manager" and "boss" in words):
            return True
        if len(words) > 1 and role.lower() in description.lower():
            return True
    return False
