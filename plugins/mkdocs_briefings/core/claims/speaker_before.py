"""The speaker phrase written before its cue ("Mayor Igor Kolykhaev confirmed", "Orlov, the mayor
of Enerhodar, said", "a spokesman, who said"): appositives, relative clauses and parentheses
read back to the noun they describe.
"""

from __future__ import annotations

import re

from .speaker_words import (
    BETWEEN,
    COORD,
    PRONOUNS,
    RELATIVES,
    WINDOW,
    YEAR,
    is_adverb,
    is_description,
    is_name,
    is_np_word,
    is_plain_name,
    is_sentence_adverb,
    np_end_back,
    token_span,
    tokens_in,
)

#: The same at the start of a sentence, before its cue: appositives may quote a phrase.
_NAME_FIRST = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019\-]*\.?[ \t]+){0,4}[A-Z][\w'\u2019\-]*(?:[ \t]+\([^()\n]{1,20}\))?)"
    r"[ \t]*,[^;:\n]{1,200}?,[ \t]*(?:[a-z]+ly[ \t]+)?"
)


class Coordinated(Exception):
    """Raised inside the module when a cue's subject is shared with an earlier verb."""


def subject_before(text: str, lo: int, cue: int) -> tuple[int, int] | None:
    """The speaker phrase ending just before the cue at `cue`, searching no earlier than `lo`.

    Raises `Coordinated` when the cue follows "and"/"but" ("confirmed ... and
    said"): the caller then uses the subject of the whole sentence.
    """
    toks = tokens_in(text, max(lo, cue - WINDOW), cue)
    j = len(toks) - 1
    # A parenthesis before the cue ("Rep. Gwen Moore (D-Wis.) said") belongs to the name.
    end_paren = None
    while j >= 0 and toks[j][2].lower() in BETWEEN:
        j -= 1
    if j >= 0 and toks[j][2] == ")":
        k = j - 1
        while k >= 0 and toks[k][2] != "(" and j - k < 12:
            k -= 1
        if k >= 0 and toks[k][2] == "(":
            end_paren = toks[j][1]
            j = k - 1
    if end_paren is not None:
        first = np_end_back(toks, j)
        if first <= j:
            return toks[first][0], end_paren
    j = len(toks) - 1
    # Skip words standing between subject and cue: adverbs, auxiliaries, a day or time.
    while j >= 0 and (
        toks[j][2].lower() in BETWEEN
        or is_adverb(toks[j][2])
        or toks[j][2] in "()"
        or (toks[j][2].isupper() and len(toks[j][2]) <= 4 and j > 0 and toks[j - 1][2] == "(")
        or (YEAR.fullmatch(toks[j][2]) and j > 0 and toks[j - 1][2].lower() in ("in", "since"))
    ):
        j -= 1
        if j >= 0 and toks[j][2].lower() in ("in", "since") and YEAR.fullmatch(toks[j + 1][2]):
            j -= 1  # "The Downing Street Strategy Unit in 2003 said"
    if j < 0:
        return None
    last = toks[j][2].lower()
    if last in COORD:
        raise Coordinated
    if last in RELATIVES:
        return _antecedent(toks, j)
    if toks[j][2] == ",":
        named = _NAME_FIRST.fullmatch(text, toks[0][0], cue) if toks[0][0] == lo else None
        if named is not None and is_plain_name(named.group("name")):
            # 'Barbara Follet, one of the so-called "Blair Babes" elected in 1997, told': the name opens the sentence.
            return named.span("name")
        # A parenthetical between subject and cue: "Orlov, the mayor of Enerhodar, said".
        k = j - 1
        while k >= 0 and toks[k][2] not in ",;:\"\u201c\u201d" and toks[k][2].lower() not in RELATIVES:
            k -= 1
        if k >= 0 and toks[k][2].lower() in RELATIVES:
            return _antecedent(toks, k)
        if k < 0 or toks[k][2] != ",":
            return token_span(toks, np_end_back(toks, j - 1), j - 1)
        first = np_end_back(toks, k - 1)
        if first <= k - 1:
            if is_name(toks, k + 1, j - 1) and is_description(toks, first, k - 1):
                # "A spokesperson for the Ministry of Transport, Daniel Reyes, said": the name is the speaker.
                return token_span(toks, k + 1, j - 1)
            return token_span(toks, first, k - 1)
        return token_span(toks, np_end_back(toks, j - 1), j - 1)
    first = np_end_back(toks, j)
    # "A Ukrainian official who attended the talks said": the speaker is the official.
    for k in range(j, max(j - _RELATIVE_REACH, -1), -1):
        if toks[k][2] in ",;:":
            break
        if toks[k][2].lower() in RELATIVES:
            if first == k + 1:
                return token_span(toks, first, j)  # "programs, which they argue": the speaker is "they"
            ante = _antecedent(toks, k)
            if ante is not None:
                return ante
            break
    if first > j:
        return None
    if (
        first >= 3
        and toks[first - 1][2].lower() in _PARTICIPLE_PREPS
        and toks[first - 2][2].islower()
        and toks[first - 2][2].endswith("ing")
    ):
        # "Protesters marching through the streets chanted": the marchers, described in full, not the streets.
        before = np_end_back(toks, first - 3)
        if before <= first - 3 and toks[first - 3][2].lower() not in PRONOUNS:
            return token_span(toks, before, j)
    if first >= 2 and toks[first - 1][2].lower() in _PP_LINKS and is_np_word(toks[first - 2][2]):
        # "Officials in the village said", "Residents in Kyiv said": the phrase is modified, not replaced.
        before = np_end_back(toks, first - 2)
        if before <= first - 2 and toks[first - 2][2].lower() not in PRONOUNS:
            first = before
    if first >= 2 and toks[first - 1][2] == "," and is_description(toks, first, j):
        # "Christoph Caselitz, president of the networks division at the firm says": the name speaks.
        name_first = np_end_back(toks, first - 2)
        opens = name_first == 0 or toks[name_first - 1][2].lower() in _CLAUSE_OPENERS
        adverb = name_first == first - 2 and is_sentence_adverb(toks[name_first][2])  # "Surprisingly,", "Overall,"
        if opens and not adverb and name_first <= first - 2 and is_name(toks, name_first, first - 2) and is_plain_name(
            " ".join(t[2] for t in toks[name_first:first - 1])
        ):
            return token_span(toks, name_first, first - 2)
    return token_span(toks, first, j)


#: What may stand before a subject that opens its clause ("But Christoph Caselitz, ...").
_CLAUSE_OPENERS: frozenset[str] = frozenset(("but", "and", "yet", "so", ".", ";", ":", "\u2014", "\u2013", "-"))

#: Prepositions after a participle that modifies the subject ("marching through", "standing outside").
_PARTICIPLE_PREPS: frozenset[str] = frozenset(
    "through in on at outside inside near across around along into from behind".split()
)


def _antecedent(toks: list[tuple[int, int, str]], rel: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at token `rel` refers to, without the relative clause.

    "a senior Pentagon official, who claimed" and "A Ukrainian official who
    attended the talks said" name the official; "An official familiar with
    the inspection, who spoke on condition of anonymity, said" names the
    official too, so a phrase after "with", "in", "at", "from" or "on" is
    read back to the noun it modifies.
    """
    j = rel - 1
    if j >= 0 and toks[j][2] == ",":
        j -= 1
    if j < 0:
        return None
    first = np_end_back(toks, j)
    if first > j:
        return None
    for _ in range(2):
        if first < 2 or toks[first - 1][2].lower() not in _PP_LINKS or not is_np_word(toks[first - 2][2]):
            break
        before = np_end_back(toks, first - 2)
        if before > first - 2 or toks[first - 2][2].lower() in PRONOUNS:
            break
        first = before
    return toks[first][0], toks[j][1]


#: Prepositions whose phrase may modify the noun a relative clause refers back to.
_PP_LINKS: frozenset[str] = frozenset(("with", "in", "at", "from", "on"))
#: How many tokens back from a cue a relative pronoun may be ("who declined to be named said").
_RELATIVE_REACH = 10
