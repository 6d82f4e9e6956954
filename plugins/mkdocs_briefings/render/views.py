"""What templates print, as typed views: small frozen dataclasses made from the corpus.

A template never digs through the corpus for what a callout or a sidebar
needs: a view says it (a name, the page it links to, a role), so a site that
overrides a template (see docs/templates.md) reads fields with names and
types, and the words the site uses for badges, claim kinds and licences are
written once, here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date as Date

from ..core.corpus import Corpus
from ..core.entity_records import EntityRecord
from ..core.kinds import BY_KEY, KINDS
from ..core.model import LINK_CONFIDENCE, STATUSES, Briefing, Claim, Entity, Span
from ..core.speaker_groups import ClaimRef
from .article import Paragraph
from .paths import entity_link
from .safety import web_url

#: What each claim kind is called on the site.
CLAIM_LABELS: Mapping[str, str] = {"direct": "Direct quote", "indirect": "Reported speech", "mixed": "Mixed quote"}

#: Licences we can link to their deed.
LICENCES: Mapping[str, str] = {
    "cc by 2.5": "https://creativecommons.org/licenses/by/2.5/",
    "cc by 3.0": "https://creativecommons.org/licenses/by/3.0/",
    "cc by 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc by-sa 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
}

#: How much of a sentence an entity page shows either side of a mention.
CONTEXT_CHARS = 80


@dataclass(frozen=True, slots=True)
class Badge:
    """A label on a claim; `key` is the stable `data-badge` value that CSS, JS and tests select on.

    What a badge means (`help`) is said once a page, by the script (as a
    tooltip, from the table this module writes into it) and in "How to read
    a briefing", not in the markup of every claim. `filter` is its choice
    on the claims index's filter.
    """

    key: str  # data-badge value: unnamed | hedged | verified | disputed | unverified | false
    label: str
    filter: str
    help: str


def _status_badge(status: str) -> Badge:
    return Badge(status, status.capitalize(), status, f"Editorial status: {status}")


UNNAMED = Badge("unnamed", "Unnamed source", "unnamed sources", "The text does not name who said this.")
HEDGED = Badge("hedged", "Hedged", "hedged claims", "The text itself qualifies this claim.")

#: Every badge, in the order a claim shows them (the statuses an overlay may give last).
BADGES: tuple[Badge, ...] = (UNNAMED, HEDGED, *(_status_badge(s) for s in STATUSES))


def badges(claim: Claim) -> tuple[Badge, ...]:
    """The badges of a claim, in a fixed order."""
    out: list[Badge] = []
    if claim.speaker is None or claim.speaker.entity is None:
        out.append(UNNAMED)
    if claim.hedges:
        out.append(HEDGED)
    if claim.status:
        out.append(_status_badge(claim.status))
    return tuple(out)


def adds_to(name: str, written: str) -> bool:
    """Whether the words that name a speaker in the text tell the reader more than the name.

    "He", "the minister" or "a spokesman" do: they show how the speaker
    was resolved. "Mr Blair" for Tony Blair, or "chairman Richard Parsons",
    only restate the name (its last word is among them).
    """
    words = re.findall(r"\w+", written.casefold())
    last = re.findall(r"\w+", name.casefold())[-1:]
    return not (written.casefold() in name.casefold() or (last and last[0] in words))


def context(sentence: str, mention: Span, width: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """A mention with up to `width` characters of its sentence either side, cut at a word.

    Most news sentences fit whole; a team sheet or a list of names runs to
    hundreds of characters, and an entity page shows one per briefing.
    """
    before, name, after = sentence[: mention.start], sentence[mention.start : mention.end], sentence[mention.end :]
    if len(before) > width:
        cut = before[-width:]
        space = cut.find(" ")
        before = "…" + (cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut)
    if len(after) > width:
        cut = after[:width]
        space = cut.rfind(" ")
        after = (cut[:space] if space > 0 else cut) + "…"
    return before, name, after


def plain_text(para: Paragraph) -> str:
    """The text of a laid-out paragraph (what the search index holds)."""
    return "".join(p.text for run in para.runs for p in run.pieces)


def date_label(d: Date | None) -> str:
    """'4 March 2022' (locale-independent, so builds match on every machine)."""
    if d is None:
        return "Undated"
    months = "January February March April May June July August September October November December".split()
    return f"{d.day} {months[d.month - 1]} {d.year}"


def full_stop(sentence: str) -> str:
    """The "." that ends a sentence, unless it already ends in one ("… of mkdocs-briefings." gets none)."""
    return "" if sentence.rstrip().endswith((".", "!", "?", "…")) else "."


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity as its mentions in one briefing show it: link target, full name, role (for the tooltip)."""

    page: str | None  # its page or listing entry ("path" or "path#id"); None: plain text
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class SidebarEntry:
    """One name in a briefing's sidebar."""

    id: str
    name: str
    role: str
    count: int  # mentions in this briefing
    page: str | None


@dataclass(frozen=True, slots=True)
class SidebarGroup:
    """The names of one kind in a briefing's sidebar, most mentioned first."""

    kind: str
    label: str
    items: tuple[SidebarEntry, ...]


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """Who said a claim, as its callout shows it."""

    name: str | None  # the entity's name; None: an unnamed source, or none found
    page: str | None  # where the name links; None for a guessed speaker (named, never linked)
    role: str
    written: str | None  # the words of the text, when they tell more than the name (or name no one)
    kind: str = "person"  # the speaker's entity kind (schema.org type in JSON-LD)


NO_SPEAKER = SpeakerView(None, None, "", None)


@dataclass(frozen=True, slots=True)
class FigureView:
    """One figure as a table row shows it; every target is a page source ("path.md#anchor") or None."""

    text: str  # as written: "$17.5bn"
    value: str  # digits: "17500000000"
    qualifier: str  # "more than", "", ...
    counts: str
    about: str  # the place or organisation's name, or ""
    about_page: str | None
    source: str  # who gives it: a name, "Unnamed source: “officials”", "The article"
    source_page: str | None  # the speaker's page or listing entry
    source_kind: str  # "named", "unnamed", "guessed" or "article"
    claim: str | None  # the claim's anchor on the briefing's page, when stated in a claim
    series: str | None  # its series on the figures ledger ("path.md#anchor"), if any


@dataclass(frozen=True, slots=True)
class SourceView:
    """One source of a briefing, for its "Source and licence" list."""

    title: str
    source: str
    url: str | None  # a checked http(s) URL, or None
    date: Date | None
    license: str
    license_url: str | None


def role_of(ent: Entity, rec: EntityRecord | None) -> str:
    """The role to show beside a name: this briefing's first, else the corpus's most common."""
    return ent.roles[0] if ent.roles else (rec.roles[0] if rec and rec.roles else "")


class Views:
    """The views of one briefing's parts, read from the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._links: dict[str, str | None] = {}

    def link(self, rec: EntityRecord) -> str | None:
        """`entity_link(rec)`, worked out once a build: a name recurs in briefing after briefing
        (its mentions, the "In this briefing" box, each claim it makes)."""
        try:
            return self._links[rec.id]
        except KeyError:
            made = self._links[rec.id] = entity_link(rec)
            return made

    def sidebar(self, b: Briefing) -> tuple[SidebarGroup, ...]:
        """The sidebar: entities of this briefing by corpus kind, most mentioned first."""
        groups: dict[str, list[SidebarEntry]] = {k: [] for k in KINDS}
        for ent in b.annotation.entities:
            rec = self.corpus.record(ent.id)
            kind = rec.kind if rec else ent.kind
            if kind not in groups or (rec is None and ent.confidence < LINK_CONFIDENCE):
                kind = "other"  # typed on weak evidence: not listed as a person, organisation or place
            groups[kind].append(SidebarEntry(
                ent.id, rec.name if rec else ent.name, ent.roles[0] if ent.roles else "", len(ent.mentions),
                self.link(rec) if rec else None,
            ))
        return tuple(
            SidebarGroup(kind, BY_KEY[kind].plural, tuple(sorted(items, key=lambda i: (-i.count, i.name.casefold(), i.id))))
            for kind, items in groups.items() if items
        )

    def mentions(self, b: Briefing) -> dict[str, Mention]:
        """Per entity id of this briefing: link target, full name and role (for the tooltip)."""
        out: dict[str, Mention] = {}
        for ent in b.annotation.entities:
            rec = self.corpus.record(ent.id)
            out[ent.id] = Mention(self.link(rec) if rec else None, rec.name if rec else ent.name, role_of(ent, rec))
        return out

    def speaker(self, claim: Claim, ents: Mapping[str, Entity]) -> SpeakerView:
        """Who said it, as the callout shows it (`ents`: the briefing's entities by id)."""
        if claim.speaker is None:
            return NO_SPEAKER
        written = claim.speaker.span.text
        ent = ents.get(claim.speaker.entity or "")
        if ent is None:
            return SpeakerView(None, None, "", written)
        rec = self.corpus.record(ent.id)
        name = rec.name if rec else ent.name
        sure = claim.speaker.confidence >= LINK_CONFIDENCE  # a guessed speaker is named, never linked
        return SpeakerView(
            name, self.link(rec) if rec and sure else None, role_of(ent, rec),
            written if adds_to(name, written) else None, rec.kind if rec else ent.kind,
        )

    @staticmethod
    def sources(b: Briefing) -> tuple[SourceView, ...]:
        out = []
        for s in b.sources:
            url = web_url(s.url)
            source = s.source or ""
            if not source and url and "wikinews.org" in url:
                source = "Wikinews"
            licence = s.license or ""
            out.append(SourceView(s.title or b.title, source, url, s.date, licence,
                                  LICENCES.get(" ".join(licence.lower().split()))))
        return tuple(out)


#: Double quotation marks a quoted text may carry inside it (straight, curly, low-9, guillemets).
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_ANY_DOUBLE = re.compile('["' + _OPEN_DOUBLE + _CLOSE_DOUBLE + "]")


def inner_quotes(text: str, nested: bool = True) -> str:
    """A claim's words, ready to go inside the site's own “…”: one style of quotation marks.

    The site wraps a quote in curly double marks (a callout's `::before`, a
    `<q>`); marks the text carries itself are nested quotes, so they become
    single curly marks (‘an aggression’), and a pair of marks wrapping the
    whole text is dropped, never doubled (`“it "an aggression…"”` was).
    With `nested` false (words the site does not wrap: reported speech) the
    marks stay double, only made curly.
    """
    s = text.strip()
    if not _ANY_DOUBLE.search(s):  # most claims: nothing to change (and this runs once per claim per page)
        return s
    if nested and len(s) >= 2 and s[0] in '"' + _OPEN_DOUBLE and s[-1] in '"' + _CLOSE_DOUBLE and \
            not _ANY_DOUBLE.search(s, 1, len(s) - 1):
        s = s[1:-1].strip()
    opening, closing = ("‘", "’") if nested else ("“", "”")
    # Only the marks change: visit them, and copy the text between them as it is (a character
    # at a time in Python was a tenth of a claim callout's cost).
    out: list[str] = []
    open_ = False
    last = 0
    for m in _ANY_DOUBLE.finditer(s):
        i = m.start()
        ch = s[i]
        if ch in _OPEN_DOUBLE:
            mark, open_ = opening, True
        elif ch in _CLOSE_DOUBLE:
            mark, open_ = closing, False
        else:
            # A straight mark opens after a space or an opening bracket (or at the start), else closes.
            opens = not open_ and (i == 0 or s[i - 1].isspace() or s[i - 1] in "([{—–-")
            mark, open_ = (opening if opens else closing), opens
        out += (s[last:i], mark)
        last = i + 1
    out.append(s[last:])
    return "".join(out)


#: How long a home page's line about a briefing may run.
LINE_CHARS = 200
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_`#>|]+")
_SENTENCE_END = re.compile(r"(\w*)[.!?…][\"”’)]*\s")
#: Words a full stop follows without ending the sentence ("Mr. Smith"); a single letter is an initial.
_ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr gen lt col sgt capt prof rev gov sen rep no vs etc inc co corp".split())


def one_line(text: str, limit: int = LINE_CHARS) -> str:
    """A briefing's line on the home page: the first sentence of `text`, cut at a word near `limit`.

    `text` may be an editor's markdown summary: link targets and emphasis
    marks go (the line is printed as text, escaped).
    """
    plain = " ".join(_MD_MARKS.sub("", _MD_LINK.sub(r"\1", text)).split())
    line = plain
    for m in _SENTENCE_END.finditer(plain + " "):
        word = m.group(1)
        if len(word) > 1 and word.casefold() not in _ABBREVIATIONS:
            line = plain[: m.end()].strip()
            break
    if len(line) > limit:
        cut = line[:limit]
        space = cut.rfind(" ")
        line = (cut[:space] if space > limit // 2 else cut).rstrip(",;:—– ") + "…"
    return line


def lead(b: Briefing) -> str:
    """The editor's summary's first sentence, else the article's (after any photo caption)."""
    if b.summary.strip():
        return one_line(b.summary)
    start = b.caption.end if b.caption is not None and 0 <= b.caption.end <= len(b.text) else 0
    return one_line(b.text[start:])


#: How many of an entity's other roles "also described as" names before "and N more".
ALSO_ROLES = 6


@dataclass(frozen=True, slots=True)
class RolesView:
    """An entity's roles as a page shows them: one main role, then a few others."""

    main: str
    also: tuple[str, ...]
    more: int  # roles left unnamed


def roles_view(roles: tuple[str, ...] | list[str], limit: int = ALSO_ROLES) -> RolesView | None:
    """The first (most common) role as the main one, "also described as" up to `limit` others."""
    if not roles:
        return None
    rest = tuple(roles[1:])
    return RolesView(roles[0], rest[:limit], max(0, len(rest) - limit))


def said_by_briefing(corpus: Corpus, said: tuple[ClaimRef, ...]) -> tuple[tuple[Briefing, tuple[ClaimRef, ...]], ...]:
    """An entity's claims grouped by briefing (each briefing's title given once), in the order they come."""
    groups: dict[str, list[ClaimRef]] = {}
    for ref in said:
        groups.setdefault(ref.slug, []).append(ref)
    return tuple((corpus.by_slug[slug], tuple(refs)) for slug, refs in groups.items() if slug in corpus.by_slug)
