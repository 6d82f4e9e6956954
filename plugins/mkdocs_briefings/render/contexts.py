"""What each page template is given: one typed context per template (docs/templates.md lists them).

A site may override any template (see `jinja.py`), so what a template is
given is a contract: these dataclasses are it. Their fields are the
template's variable names; `Templates.page` renders a template with one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.entity_records import EntityRecord
from ..core.model import Briefing
from ..core.related import Related
from ..core.speaker_groups import ClaimRef, SpeakerGroup
from .article import Article
from .pages import Outline, Section
from .views import FigureView, Mention, RolesView, SidebarGroup, SourceView, SpeakerView


class Context:
    """A template's variables, by name."""

    def variables(self) -> dict[str, Any]:
        # Shallow on purpose (not dataclasses.asdict, which copies every view): each subclass is a
        # dataclass without slots, so its attributes are exactly its fields.
        return dict(vars(self))


@dataclass(frozen=True)
class BriefingContext(Context):
    """`briefing_head.html` and `briefing_body.html`: a briefing, either side of its editor's summary."""

    b: Briefing
    here: str
    groups: tuple[SidebarGroup, ...]  # the sidebar
    mentions: Mapping[str, Mention]  # entity id -> how its mentions show
    article: Article
    speakers: Mapping[str, SpeakerView]  # claim id -> who said it
    related: Sequence[tuple[Briefing, Related]]
    sources: tuple[SourceView, ...]
    jsonld: str  # already escaped for its script element
    has_summary: bool
    outline: Outline
    sections: Mapping[str, Section]  # the body's sections by id
    cap_notes: Sequence[str] = ()  # sentences telling the reader what a cap left out (core/limits.py)
    figures: Sequence[FigureView] = ()  # the "Figures" table's rows, in text order (render/figures.py)


@dataclass(frozen=True)
class EntityContext(Context):
    """`entity_head.html` and `entity_body.html`: an entity's page, either side of its register description."""

    rec: EntityRecord
    here: str
    kind_label: str
    links: Sequence[str]  # checked http(s) links from the register
    companions: Sequence[tuple[EntityRecord, int]]  # (entity, briefings shared), most first
    said: Sequence[tuple[Briefing, Sequence[ClaimRef]]]  # what it said, by briefing, in `rec.said`'s order
    roles: RolesView | None  # its main role and what else it is described as
    outline: Outline
    sections: Mapping[str, Section]
    companion_sample: int = 0  # when companions were counted on a sample of crowded briefings: its size


#: An A-Z listing: (letter, its heading on the index, its listing page, its entities).
Letter = tuple[str, Section, str, list[EntityRecord]]


@dataclass(frozen=True)
class EntityIndexContext(Context):
    """`entity_index.html`: a kind's A-Z index."""

    here: str
    title: str
    kind: str
    letters: Sequence[Letter]
    total: int
    with_page: int


@dataclass(frozen=True)
class LetterContext(Context):
    """`entity_letter.html`: one letter's A-Z listing of a kind."""

    here: str
    title: str
    kind: str
    letter: str
    recs: Sequence[EntityRecord]
    letters: Sequence[Letter]
    entries: Mapping[str, Section]  # entity id -> the heading of its entry (entities without a page)


@dataclass(frozen=True)
class BriefingsIndexContext(Context):
    """`briefings_index.html`: one page of the briefings, newest first."""

    here: str
    title: str
    items: Sequence[Briefing]
    page: int
    pages: int
    first: int  # the number of the first briefing on the page
    total: int
    prev: str | None
    next: str | None
    page_uris: Sequence[tuple[int, str]]


@dataclass(frozen=True)
class ClaimsIndexContext(Context):
    """`claims_index.html`: one page of the claims, by speaker."""

    here: str
    title: str
    groups: Sequence[SpeakerGroup]
    sections: Sequence[Section]  # one per group, in order
    counts: Mapping[str, int]  # claims on this page per claim kind
    total: int  # claims on this page
    all: int  # claims on every page
    page: int
    pages: Sequence[tuple[int, str, str]]  # (number, page, speakers on it)
    every: str  # JSON: every claim of the site by kind, then badge ("" for all), for the filters' counts


@dataclass(frozen=True)
class HomeContext(Context):
    """`home.html`: the generated home page, after the text of the site's docs/index.md."""

    here: str
    latest: Sequence[Briefing]  # newest first
    counts: Sequence[tuple[str, int, str | None]]  # (what, how many, the index page that lists them)
    leads: Mapping[str, str]  # briefing slug -> its line (summary or lead)
    all_briefings: str  # the briefings index
    sections: Mapping[str, Section]
