"""What a generated page is, to the adapter and the page store: `PageSpec`, `Parts` and its `Outline`.

A page's structure is written once, as its outline (each section's level,
id and title), and the rest is derived from it: the ids mkdocs validates
anchors against, the table of contents, the headings the templates print
(the `heading` macro) and the sections of the lean HTML the search index
gets. Like mkdocs-material's tags plugin, which builds the table of
contents of a listing from its own structure (`AnchorLink`s from tags, in
`structure/listing/manager/toc.py`) rather than from the HTML it renders,
nothing parses our own headings back out of our own markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..search.document import Facts


@dataclass(frozen=True, slots=True)
class Section:
    """One heading of a page: `<h{level} id="{id}">` with `title` (plain text) in it."""

    level: int
    id: str
    title: str
    indexed: bool = False  # search indexes this section (the page's own HTML always shows it)


class TocEntry(Protocol):
    """What the editor's markdown's table of contents gives (mkdocs' `AnchorLink`).

    Read-only properties, so that `AnchorLink`'s `list[AnchorLink]` children fit.
    """

    @property
    def level(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...  # HTML text
    @property
    def children(self) -> Sequence[TocEntry]: ...


def headings_of(toc: Iterable[TocEntry]) -> tuple[Section, ...]:
    """The headings of an editor's markdown, in document order, from its table of contents."""
    out: list[Section] = []
    for link in toc:
        out.append(Section(link.level, link.id, html.unescape(link.title)))
        out.extend(headings_of(link.children))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Outline:
    """A page's sections either side of the editor's markdown (if any): `head` before it, `body` after."""

    head: tuple[Section, ...] = ()
    body: tuple[Section, ...] = ()

    def ids(self) -> frozenset[str]:
        return frozenset(s.id for s in (*self.head, *self.body))

    def toc(self, editor: Sequence[Section] = ()) -> list[dict[str, Any]]:
        """The table of contents as Python-Markdown toc tokens: h2s, each h3 under the h2 before it."""
        tokens: list[dict[str, Any]] = []
        for s in (*self.head, *editor, *self.body):
            if s.level not in (2, 3):
                continue
            token = {"level": s.level, "id": s.id, "name": html.escape(s.title.strip(), quote=False), "children": []}
            if s.level == 3 and tokens:
                tokens[-1]["children"].append(token)
            else:
                tokens.append(token)
        return tokens

    def to_json(self) -> dict[str, Any]:
        return {part: [[s.level, s.id, s.title, s.indexed] for s in getattr(self, part)] for part in ("head", "body")}

    @classmethod
    def from_json(cls, data: Any) -> Outline:
        """The outline `to_json` wrote, checked: the page store is outside input (CI restores caches),
        and a section's id reaches the theme's table of contents, which does not escape it.
        Anything else raises ValueError."""
        if not isinstance(data, dict) or set(data) != {"head", "body"}:
            raise ValueError("outline is not a head and a body")
        return cls(_sections(data["head"]), _sections(data["body"]))


#: What a section id may be: what our pages and an editor's markdown give (slugs, "speaker-…").
_SAFE_ID = re.compile(r"[\w.:-]{1,200}")


def _sections(items: Any) -> tuple[Section, ...]:
    if not isinstance(items, list):
        raise ValueError("outline sections are not a list")
    out = []
    for item in items:
        if not (isinstance(item, list) and len(item) == 4):
            raise ValueError("outline section is not [level, id, title, indexed]")
        level, anchor, title, indexed = item
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 6:
            raise ValueError("outline section level is not 1 to 6")
        if not isinstance(anchor, str) or _SAFE_ID.fullmatch(anchor) is None:
            raise ValueError("outline section id is not an id")
        if not isinstance(title, str) or not isinstance(indexed, bool):
            raise ValueError("outline section title or flag has the wrong type")
        out.append(Section(level, anchor, title, indexed))
    return tuple(out)


@dataclass(frozen=True)
class Parts:
    """A page's HTML, either side of the editor's markdown, and what of it search should index.

    The search index gets its own lean HTML (headings and plain text): the
    page itself carries sidebars, callouts and markup that search would only
    have to parse and then skip. `facts` are what Pagefind's document takes
    from the page itself (date, tags, mentions, claims), and `quoteless` is
    `search_after` with those claims' words cut out, both made where the
    page is made (`pagemaker.made`); None: not made (search makes them).
    """

    before: str
    after: str
    search_before: str
    search_after: str = ""
    facts: Facts | None = None
    quoteless: str | None = None


@dataclass(frozen=True)
class PageSpec:
    """One generated page. `make()` is called when the page is written, so a
    site's pages are never all held in memory at once."""

    src_uri: str
    title: str  # plain text
    meta: Mapping[str, Any]
    make: Callable[[], Parts]
    anchors: frozenset[str] = frozenset()  # ids on the page, for mkdocs' anchor validation: the outline's and more
    markdown: str = ""  # editor-written markdown (already sanitised), rendered by mkdocs itself
    index: bool = False  # one of the index pages (the only pages fit for the nav)
    outline: Outline = field(default_factory=Outline)
