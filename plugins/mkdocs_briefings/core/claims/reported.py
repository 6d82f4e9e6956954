"""Reported speech: where the clause a cue introduces begins and ends.

"Zelenskyy said that prospects ... didn't seem promising, but emphasised
the need to negotiate, adding that ..." holds two claims: each reported
clause starts after its cue (and any adverbials or addressee: "told
reporters on Friday that") and ends where the sentence does, or where the
next attribution of the same sentence starts. Like PolNeAR, the clause
keeps its "that" and drops the sentence's final full stop.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .cues import ADDRESSEE_VERBS, ASK_VERBS, CLAUSE, OBJECT_VERBS, TO_VERBS, cue_base, cue_forms, cue_pattern, tag_of

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
_MEDIUM = (
    r"(?:statement|interview|post|tweet|briefing|conference|speech|video|message|letter|email|address|call|"
    r"appearance|Twitter|Facebook|X|television|radio|broadcast|report|filing|hearing|session|meeting|op-ed|"
    r"podcast|documents?|court|parliament|Parliament|Congress)s?"
)
#: An adverbial between a cue and its clause ("said on Friday (NZT) in a statement that").
_ADVERBIAL = re.compile(
    r"(?:\s*(?:,|\((?:[A-Z]{2,5}|local time)\)|(?:"
    r"(?:on\s+)?(?:(?:last|this|late|early)\s+)?" + _DAY + r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next|earlier|later)\s+(?:week|month|year|weekend)"
    r"|(?:in|on|at|during|via|through)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w\-]+\s+){0,3}?" + _MEDIUM +
    r"|(?:again|also|publicly|privately|repeatedly|recently|earlier|later|separately|flatly|simply|bluntly|"
    r"then|too|previously|now|once|only|frankly|firmly|angrily|calmly|quietly)"
    r")\b))*"
)
_THAT = re.compile(r"\bthat\b")
#: Verbs that report what evidence shows: their subject must be a document or its figures.
_EVIDENCE_VERBS: frozenset[str] = frozenset(("show", "shows", "showed", "shown"))
_EVIDENCE = re.compile(
    r"\b(?:polls?|surveys?|figures|results|data|stud(?:y|ies)|research|reports?|statistics|tests?|analysis|"
    r"findings|records?|documents?|evidence|numbers|estimates?|index|audit|review|ads?|advert\w*|videos?|footage|"
    r"photos?|photographs?|images?|pictures?|tapes?|recordings?|charts?|maps?|graphs?|transcripts?|e-?mails?|"
    r"letters?|memos?|tweets?|accounts?|experiments?|trials?|scans?|tests?|tally|this)\b[^.;:!?]{0,100}$",
    re.IGNORECASE,
)
def shown_by_evidence(text: str, cue_start: int, cue_end: int) -> bool:
    """Whether a cue is not "show", or its subject is evidence ("polls show", not "TV show")."""
    if text[cue_start:cue_end].lower() not in _EVIDENCE_VERBS:
        return True
    window = max(0, cue_start - 130)
    return _EVIDENCE.search(text, window, cue_start) is not None or _AVERAGE.search(text, window, cue_start) is not None


#: A polling average right before its verb ("the Real Clear Politics average shows"); "an average
#: player shows" has a noun between, so the adjective never counts.
_AVERAGE = re.compile(r"\baverages?\s+$", re.IGNORECASE)


#: What finds as an inquiry does: a study, a poll, a panel ("a 2014 study by ... found 31 incidents").
_FINDERS = re.compile(
    r"\b(?:polls?|surveys?|stud(?:y|ies)|research|researchers|reports?|analys[ie]s|investigations?|inquiry|"
    r"inquiries|probe|review|audit|panel|jury|court|tests?|experiments?|data|census)\b[^.;:!?\"\u201c\u201d]{0,60}$",
    re.IGNORECASE,
)
_FIND_VERBS: frozenset[str] = frozenset(("find", "finds", "found"))


def found_by_inquiry(text: str, cue_start: int, cue_end: int) -> bool:
    """Whether a cue is "found" with an inquiry as subject, which then takes a bare clause or object.

    "A study found most voters undecided" reports the study's finding as
    "found that" would; "he found the keys" (no inquiry before it) does not.
    """
    if text[cue_start:cue_end].lower() not in _FIND_VERBS:
        return False
    return _FINDERS.search(text, max(0, cue_start - 80), cue_start) is not None


#: Participles of naming: "a test called Linpack".
NAMING: frozenset[str] = frozenset(("called", "dubbed", "labelled", "labeled", "branded"))
NOUN_BEFORE = re.compile(r"\b(?!(?:she|they|who|you|also|then|once|had|has|have|was|were)\b)[a-z]{3,}\s+$")
_CLAUSE_START_BAD = re.compile(
    r"(?:to|of|in|on|at(?!\s+least\b)|for|with|by|from|about|into|as|after|before|during|over|under|than|and|or|but|so|"
    r"it\.|nothing|something|anything|goodbye|hello|thanks|sorry|"
    r"[.,;:!?)\]\u2013\u2014-])(?:\b|\s|$)|(?:yes|no)(?=\s*(?:[.,;:!?\"\u201d]|$))|$"
)


@lru_cache(maxsize=1)
def _clause_stop() -> re.Pattern[str]:
    """Where a reported clause stops before the sentence does: the next attribution or a new clause."""
    return re.compile(
        r",[\"\u201d']?\s*(?:adding|saying|noting|stating|arguing|insisting|claiming|explaining|warning|telling|"
        r"writing|according to)\b"
        r"|,\s*(?:he|she|they|it)\s+(?:said|says|added|adds)\b"
        r"|,[\"\u201d']?\s*(?:while|whereas|although|though|however|compared\s+(?:with|to))\b"
        r"|,?\s+(?:and|but)\s+(?:he|she|they|I|we)\s+(?=[a-z])"
        r"|,\s+(?:and|but)\s+(?:[\w'\u2019-]+\s+){1,6}?(?:said|says|say|told|added|argued|noted|wrote|believe|think)\b"
        r"|(?P<participle>,[\"\u201d']?\s*(?:[a-z]+ly\s+)?[a-z]+ing)\b"
        r"|,?\s+(?:but|and)\s+(?:also\s+|then\s+|later\s+)?(?P<coord>[a-z]+)\b"
        r"|;|\s[\u2013\u2014]\s"
    )


_SENT_FINAL = ".!?"
#: Words in -ing after a comma that go on with the reported clause rather than end it: a list
#: ("..., including ..."), a result ("raised $21m, bringing its total to ..."), or no verb at all.
_CONTINUING: frozenset[str] = frozenset(
    "including during nothing something everything anything depending ranging bringing showing working "
    "looking having speaking protecting holding watching imposing requiring letting hitting standing "
    "leading making using building going".split()
)
#: A participle after a comma ends a clause ("..., echoing a memo"), unless quoted words
#: attributed by the same cue still follow ('Volnovakha ..., leading to ..., "has been destroyed"').
_QUOTE_MARK = re.compile("''|[\"\u201c\u201d]")


#: Auxiliaries that open a second predicate of the cue's subject ("says she will vote for
#: him but has withheld her endorsement"), by the tense of cue they go with.
_AUX_PAST: frozenset[str] = frozenset("was were had did".split())
_AUX_PRESENT: frozenset[str] = frozenset("is are has have does".split())


def _predicate(word: str) -> bool:
    """Whether a word after "and"/"but" may open a second predicate (an auxiliary or a past verb)."""
    return word in _AUX_PAST or word in _AUX_PRESENT or (word.endswith("ed") and len(word) > 4)


def _same_tense(cue: str, verb: str) -> bool:
    """Whether a verb after "and" can share the cue's subject ("said ... and added", not "says he'd ... and tell")."""
    cue, verb = cue.lower(), verb.lower()
    if verb in _AUX_PAST or verb in _AUX_PRESENT:
        past_cue = not (cue.endswith("s") and not cue.endswith("ss")) and cue != cue_base(cue)
        return verb in (_AUX_PAST if past_cue else _AUX_PRESENT)
    if cue.endswith("ing") and verb.endswith("s") and not verb.endswith("ss") and verb in cue_forms():
        return True  # "is telling voters that ... and says he will": a progressive, then the present
    if cue.endswith("ing") or verb.endswith("ing"):
        return cue.endswith("ing") and verb.endswith("ing")
    present = cue.endswith("s") and not cue.endswith("ss")
    return present == (verb.endswith("s") and not verb.endswith("ss")) and (
        present or verb != cue_base(verb)
    )


class ClauseStops:
    """Where reported clauses may stop, found by one scan per sentence on first use.

    Searching from every cue to its sentence end would cost the sentence
    length per cue (quadratic on a run-on text full of cues); scanning each
    sentence once and answering by binary search keeps the engine linear,
    and sentences without a cue are never scanned.
    """

    def __init__(self, text: str, quoted: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        # (opening mark, closing mark) of each quotation, sorted: a comma or "and" inside
        # quoted words ('argued that "we will see liberals on the court, and ..."') is the
        # speaker's own punctuation, not the end of the reported clause.
        self.quoted = quoted or []
        self._quote_opens = [o for o, _ in self.quoted]
        # sentence end -> (scanned from, stop offsets, coordinated verb or None per stop)
        self._cache: dict[int, tuple[int, list[int], list[str | None]]] = {}

    def _scan(self, start: int, end: int) -> tuple[int, list[int], list[str | None]]:
        cached = self._cache.get(end)
        if cached is not None and cached[0] <= start:
            return cached
        forms = cue_forms()
        # "and"/"but" stop a clause only before a cue verb ("and added"), checked here
        # rather than in the pattern, which stays a cheap scan.
        starts: list[int] = []
        verbs: list[str | None] = []
        for m in _clause_stop().finditer(self.text, start, end):
            coord = m.group("coord")
            if coord and coord not in forms and not _predicate(coord):
                continue
            participle = m.group("participle")
            if participle and (
                _QUOTE_MARK.search(self.text, m.end(), end)
                or participle.rsplit(None, 1)[-1].lstrip(",\"\u201d'") in _CONTINUING
            ):
                continue
            if self._quoted(m.start(), m.end()):
                continue
            starts.append(m.start())
            verbs.append(coord)
        cached = (start, starts, verbs)
        self._cache[end] = cached
        return cached

    def _quoted(self, start: int, end: int) -> bool:
        """Whether [start, end) lies strictly inside one quotation's marks."""
        k = bisect_left(self._quote_opens, start) - 1
        return k >= 0 and self.quoted[k][0] < start and end <= self.quoted[k][1]

    def first(self, start: int, end: int, cue: str = "") -> int | None:
        """The first stop at or after `start` and before `end`, or None.

        A coordinated verb stops the clause only when it can share the cue's
        subject; "says he'd sit Putin down and tell him" goes on.
        """
        _, starts, verbs = self._scan(start, end)
        i = bisect_left(starts, start)
        for j in range(i, min(len(starts), i + 8)):
            if starts[j] >= end:
                return None
            verb = verbs[j]
            if verb is None or not cue or _same_tense(cue, verb):
                return starts[j]
        return None


def clause_after(
    text: str,
    cue_start: int,
    cue_end: int,
    sent_end: int,
    stops: ClauseStops | None = None,
    subject_first: bool = False,
) -> tuple[int, int] | None:
    """The reported clause a cue introduces, or None when what follows is not a clause.

    `subject_first` says the comma before the cue closes an appositive of
    the subject ("Megan Hester, a senior associate, said parents ..."), not
    a clause before an inverted speaker (", said the mayor").
    """
    cue = text[cue_start:cue_end]
    tag = tag_of(cue)
    adverbial = _ADVERBIAL.match(text, cue_end)
    assert adverbial is not None  # the pattern matches the empty string
    pos = adverbial.end()
    if cue.lower() in ADDRESSEE_VERBS:
        pos = skip_addressee(text, pos, sent_end)
    while pos < sent_end and text[pos].isspace():
        pos += 1
    inverted = not subject_first and text[max(0, cue_start - 3):cue_start].rstrip().endswith(",")
    if inverted and cue_base(cue) in OBJECT_VERBS and _NAME_TO_END.match(text, pos, sent_end):
        return None  # '"...," noted NBC's Dante Chinni.': the speaker after the cue, not what was noted
    if pos < sent_end and not _THAT.match(text, pos) and not shown_by_evidence(text, cue_start, cue_end):
        return None  # "Paula showed real bouncebackability": only evidence shows
    if (cue.lower() in NAMING and pos < sent_end and (text[pos].isupper() or text[pos] in "\"\u201c'\u2018")
            and NOUN_BEFORE.search(text, max(0, cue_start - 30), cue_start)):
        return None  # "a speed test called Linpack": a name given, not a claim
    if _THAT.match(text, pos):
        start = pos
    elif (that := _distant_that(text, pos, sent_end, cue.lower() in ADDRESSEE_VERBS)) is not None:
        start = that
    elif cue.lower() in ASK_VERBS and _QUESTION.match(text, pos):
        return _bounded(text, pos, sent_end, stops, cue)  # "asked whether ..."
    elif cue.lower() in ASK_VERBS and (q := _ASKED_OF.match(text, pos, min(sent_end, pos + 80))):
        return _bounded(text, q.start("word"), sent_end, stops, cue)  # "asked the students if ..."
    elif cue.lower() in TO_VERBS and _TO_VERB.match(text, pos):
        return _bounded(text, pos, sent_end, stops, cue, 2)  # "vowed to rebuild ...", "declined to comment"
    elif cue_base(cue) == "call" and (demand := _CALL_FOR.match(text, pos, sent_end)):
        return _object(text, demand.end(), sent_end, stops, "demand")  # "called for a special prosecutor"
    elif cue_base(cue) == "warn" and _WARNED_OF.match(text, pos, sent_end):
        return _object(text, pos, sent_end, stops, cue)  # "warned of a recession"
    elif pos >= sent_end or _CLAUSE_START_BAD.match(text, pos):
        return None
    elif tag != CLAUSE and not (inquiry := found_by_inquiry(text, cue_start, cue_end)):
        return _object(text, pos, sent_end, stops, cue)
    else:
        start = pos
        if tag != CLAUSE and inquiry and not _looks_finite(text, start, sent_end):
            return _object(text, pos, sent_end, stops, "show")  # "a study found 31 incidents of fraud"
    # "said his friends feel the same": a clause as a rule, but ", said the mayor" inverts the speaker.
    plain = cue_base(cue) in _PLAIN_SAY and not inverted
    if start == pos and not plain and not _THAT.match(text, pos) and not _looks_finite(text, start, sent_end):
        return _object(text, pos, sent_end, stops, cue)  # "claimed victory over the city"
    end = clause_end(text, start, sent_end, stops, cue)
    if end is None or len(text[start:end].split()) < 3:
        return None
    if start == pos and not plain and not _THAT.match(text, pos) and not _looks_finite(text, start, end):
        return _object(text, pos, sent_end, stops, cue)
    return start, end


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: A name (capitalised words, a possessive or "the" allowed) running to the sentence's end.
_NAME_TO_END = re.compile(r"(?:the\s+)?(?:[A-Z][\w.'\u2019&-]*\s*)+(?:[,(][^.!?]*)?[.!?\"\u201d]*\s*$")
#: Where a noun-phrase object gives way to an adverbial: when, how or despite what it was said.
_OBJECT_TAIL = re.compile(
    r"\s(?:after|before|despite|during|while|through|because|since|until|amid|following|via|"
    r"(?:on\s+|last\s+|this\s+|next\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"yesterday|today|tonight|last\s+(?:week|month|year)|earlier|later|in\s+(?:(?:early|mid|late)[\s-]+)?" + _MONTH + "|"
    r"(?:and|but)\s+[a-z]+ed)\b"
)

#: Verbs that, written with no "that", are followed by what was said far more often than by
#: an object; the others need a finite verb in what follows before it counts as a clause.
_PLAIN_SAY: frozenset[str] = frozenset(("say", "tell", "add"))


#: What a warning is about, after the verb ("warned of a recession", "warned against cuts").
_WARNED_OF = re.compile(r"(?:of|about|against)\s+")


def _object(text: str, pos: int, sent_end: int, stops: ClauseStops | None, cue: str) -> tuple[int, int] | None:
    """The noun-phrase object of a verb of stance ("announced his candidacy"), or None for other verbs."""
    if cue_base(cue) not in OBJECT_VERBS:
        return None
    if cue.lower() in ADDRESSEE_VERBS:
        # "warned the crowd": the object is who was warned; "warned of a recession": what of
        topic = _WARNED_OF.match(text, pos, sent_end)
        if topic is None:
            return None
        pos = topic.end()
    end = object_end(text, pos, sent_end, stops, cue)
    if end is None:
        return None
    if len(text[pos:end].split()) < 2 and not text[pos].isupper():
        return None  # one word is no claim, but a stance may be taken on one name ("Christie endorsed Trump")
    return pos, end


def object_end(text: str, pos: int, sent_end: int, stops: ClauseStops | None, cue: str = "") -> int | None:
    """Where a noun-phrase object starting at `pos` ends: at its comma, or before when or how it was said."""
    end = clause_end(text, pos, sent_end, stops, cue)
    if end is None:
        return None
    comma = text.find(", ", pos, end)
    if comma > pos:
        end = comma  # "claimed victory over the city, with ... stating": the object ends at its comma
    tail = _OBJECT_TAIL.search(text, pos, end)
    if tail is not None and tail.start() > pos:
        end = tail.start()  # "denied the charges through his lawyer": the object, not how or when
    return end


_PREPOSITIONS = frozenset("in on at to during after before from via through with".split())
_QUESTION = re.compile(r"(?:if|whether|how|what|why|who|when|where|which|about)\b")
#: The person asked, then the question: "the students if", "a group of voters whether".
_ASKED_OF = re.compile(r"(?:[\w'\u2019-]+\s+){1,6}?(?P<word>if|whether)\b")
_CALL_FOR = re.compile(r"(?:for|on)\s+")
_TO_VERB = re.compile(r"to\s+(?!(?:the|his|her|their|its|my|our|your|this|that|these|those|him|them|me|us)\b)[a-z]+")


def _bounded(
    text: str, start: int, sent_end: int, stops: ClauseStops | None, cue: str, least: int = 3
) -> tuple[int, int] | None:
    """A clause from `start` to its end, if it has at least `least` words."""
    end = clause_end(text, start, sent_end, stops, cue)
    if end is None or len(text[start:end].split()) < least:
        return None
    return start, end


def _distant_that(text: str, pos: int, sent_end: int, addressee: bool) -> int | None:
    """A "that" a few words on, past an addressee or adverbial ("told a town hall in Salem on Monday that").

    What stands between must have no verb, punctuation that ends a clause,
    quotation mark or other cue; otherwise the "that" belongs to something else
    ("said more than 2000 civilians have died, a claim that ...").
    """
    that = _THAT.search(text, pos, min(sent_end, pos + 100))
    if that is None:
        return None
    between = text[pos:that.start()]
    words = between.split()
    if not addressee and words and words[0].lower() not in _PREPOSITIONS:
        return None  # "stressed the raid that killed ...": a relative clause, not a report
    if len(words) > 12 or any(ch in between for ch in '.;:!?"\u201c\u201d()'):
        return None
    if _FINITE.search(between) or cue_pattern().search(between):
        return None
    return that.start()


#: Words that show a clause has a finite verb near its start ("troops had encircled").
_FINITE_WORDS = (
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|shall|"
    r"(?:is|are|was|were|has|have|had|wo|would|could|ca|should|did|does|do)n['\u2019]t|"
    r"[a-z]{3,}ed|went|came|made|took|gave|knew|thought|told|began|saw|got|left|won|lost|ran|"
    r"sent|met|kept|held|found|brought|felt|led|paid|spent|stood|became|needs|wants|remains|seems)"
)
_FINITE = re.compile(r"\b" + _FINITE_WORDS + r"\b")
#: For other modules: whether a stretch of text has a finite verb.
FINITE = _FINITE
_SUBJECT_PRONOUN = re.compile(r"(?:he|she|they|it|we|I|you|there|this)\b", re.IGNORECASE)


_QUOTED_VERB = re.compile("(?:''|[\"\u201c])\\s*" + _FINITE_WORDS + r"\b")


def _looks_finite(text: str, start: int, sent_end: int) -> bool:
    """Whether a bare reported clause has a subject pronoun or a verb within its first words.

    A quotation opening with a verb also counts ('said the town, where ...,
    "has been destroyed"'): it is the predicate of the reported clause.
    """
    if _SUBJECT_PRONOUN.match(text, start):
        return True
    words = text[start:min(sent_end, start + 90)].split()[:9]
    if _FINITE.search(" ".join(words)) is not None:
        return True
    return _QUOTED_VERB.search(text, start, min(sent_end, start + 300)) is not None


_ADDRESSEE = re.compile(
    r"\s*(?:(?:him|her|them|me|us|you|reporters|journalists|lawmakers|supporters|members|officials)\b"
    r"|[\"\u201c][^\"\u201c\u201d\n]{1,40}[\"\u201d](?=\s+that\b)"
    r"|(?:(?:the|a|an|his|her|their|its)\s+)?[A-Z][\w'\u2019.\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\u2019.\-]*){0,5})"
)


def skip_addressee(text: str, pos: int, sent_end: int) -> int:
    """Skip the person told ("told reporters", "told the BBC") before the clause."""
    m = _ADDRESSEE.match(text, pos, sent_end)
    if m is None or m.end() == pos:
        return pos
    adverbial = _ADVERBIAL.match(text, m.end())
    assert adverbial is not None  # the pattern matches the empty string
    return adverbial.end()


def clause_end(
    text: str, start: int, sent_end: int, stops: ClauseStops | None = None, cue: str = ""
) -> int | None:
    """Where the clause ends: before the next attribution, or the sentence's final mark."""
    if stops is None:
        stops = ClauseStops(text[: min(len(text), sent_end)])
    found = stops.first(start + 1, sent_end, cue)
    end = found if found is not None else sent_end
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SENT_FINAL + ","):
        end -= 1
    return end if end > start else None
