"""The claims ledger's pages (`core/ledger.py`), and the "also in N briefings" link of a claim.

Paginated like the other indexes, `LEDGER_PER_PAGE` entries to a page,
flagged entries first. Unlike them the ledger pages are searched: each
entry is a section search indexes with the statement and who it is
credited to, so searching for a phrase finds where it travelled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..core.corpus import Corpus
from ..core.ledger import FLAGS, GUESSED, NAMED, UNNAMED, Appearance, Entry
from ..core.model import Claim
from .contexts import Context
from .jinja import Templates
from .pages import Outline, PageSpec, Parts, Section
from .paths import briefing_page, ledger_anchor, ledger_page
from .safety import html_text

#: Entries on one ledger page.
LEDGER_PER_PAGE = 50
#: Characters of a statement its entry's heading shows (the table below gives every wording in full).
HEADING_CHARS = 120


@dataclass(frozen=True)
class LedgerLink:
    """What a claim's callout says of its ledger entry: where it is, and in how many other briefings."""

    href: str
    others: int


@dataclass(frozen=True)
class LedgerContext(Context):
    """`ledger_index.html`: one page of the claims ledger."""

    here: str
    title: str
    entries: Sequence[Entry]
    sections: Mapping[str, Section]  # entry id -> its heading
    flags: Mapping[str, str]  # flag key -> what it says
    page: int
    pages: Sequence[tuple[int, str]]  # (number, page)
    first: int  # the number of the first entry on the page
    total: int
    flagged: int  # flagged entries on every page


def heading_of(entry: Entry) -> str:
    """An entry's heading: its statement, cut at a word near HEADING_CHARS."""
    text = " ".join(entry.text.split())
    if len(text) <= HEADING_CHARS:
        return f"“{text}”"
    cut = text[:HEADING_CHARS].rsplit(" ", 1)[0]
    return f"“{cut} …”"


def credited(a: Appearance, corpus: Corpus) -> str:
    """Who an appearance credits, in words (plain text): the search index and tests read the same as the page."""
    if a.credit == NAMED and a.entity in corpus.entities:
        return corpus.entities[a.entity].name
    if a.credit == UNNAMED:
        return f"unnamed source ({a.speaker})" if a.speaker else "unnamed source"
    if a.credit == GUESSED:
        return f"{a.speaker} (not identified)" if a.speaker else "not identified"
    return "no source given"


class LedgerPages:
    """The ledger pages of a corpus, made with the renderer's templates."""

    corpus: Corpus
    templates: Templates
    rel: Callable[..., str]  # the renderer's: a link from one generated page to another

    def ledger_chunks(self) -> list[tuple[Entry, ...]]:
        entries = self.corpus.ledger.entries
        return [entries[i : i + LEDGER_PER_PAGE] for i in range(0, len(entries), LEDGER_PER_PAGE)] or [()]

    def ledger_targets(self) -> dict[str, str]:
        """Entry id -> "page#anchor" of its heading."""
        return {e.id: f"{ledger_page(n)}#{ledger_anchor(e.id)}"
                for n, chunk in enumerate(self.ledger_chunks(), 1) for e in chunk}

    def ledger_link(self, here: str, claim: Claim) -> LedgerLink | None:
        """The "also in N briefings" link of a claim on the briefing page `here`, or None."""
        slug = self._slug_of_page.get(here)
        entry_id = self.corpus.ledger.entry_of(slug, claim.id) if slug else None
        if entry_id is None:
            return None
        entry = self._entries[entry_id]
        return LedgerLink(self.rel(here, self._ledger_targets[entry_id]), len(entry.briefings) - 1)

    def init_ledger(self) -> None:
        """The lookups `ledger_link` needs (once per renderer)."""
        self._slug_of_page = {briefing_page(s): s for s in self.corpus.by_slug}
        self._entries = {e.id: e for e in self.corpus.ledger.entries}
        self._ledger_targets = self.ledger_targets()

    def ledger_pages(self) -> Iterator[PageSpec]:
        """ledger/index.md, ledger/page/2.md, ...: every entry with each appearance, flagged entries first."""
        chunks = self.ledger_chunks()
        page_list = [(n, ledger_page(n)) for n in range(1, len(chunks) + 1)]
        total = len(self.corpus.ledger.entries)
        flagged = sum(1 for e in self.corpus.ledger.entries if e.flags)
        for n, chunk in enumerate(chunks, 1):
            here = ledger_page(n)
            title = "Claims ledger" if n == 1 else f"Claims ledger, page {n}"
            outline = Outline(body=tuple(Section(2, ledger_anchor(e.id), heading_of(e), indexed=True) for e in chunk))

            def make(n: int = n, here: str = here, title: str = title, chunk: tuple[Entry, ...] = chunk,
                     outline: Outline = outline) -> Parts:
                sections = {e.id: s for e, s in zip(chunk, outline.body, strict=True)}
                text = {s.id: "<p>" + html_text(e.text + " — " + "; ".join(
                            dict.fromkeys(credited(a, self.corpus) for a in e.appearances))) + "</p>"
                        for e, s in zip(chunk, outline.body, strict=True)}
                return Parts(self.templates.page("ledger_index.html", LedgerContext(
                    here=here, title=title, entries=chunk, sections=sections, flags=FLAGS, page=n,
                    pages=page_list, first=(n - 1) * LEDGER_PER_PAGE + 1, total=total, flagged=flagged,
                )), "", self.templates.search_head(title) + self.templates.search_sections(outline.body, text))

            yield PageSpec(here, title, {"title": title, "hide": ["toc"]}, make, outline.ids(), index=n == 1,
                           outline=outline)
