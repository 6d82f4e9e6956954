"""The index pages: briefings newest first, A-Z of each kind with pages, and claims by speaker.

Each paginates: briefings `per_page` to a page, claims about
`claims_per_page` to a page (a speaker's claims stay on one page), and each
kind's A-Z index has one listing page per letter that describes every
entity without a page of its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..core.corpus import Corpus
from ..core.entity_pages import letter_of
from ..core.entity_records import EntityRecord
from ..core.kinds import BY_KEY, PAGE_DIRS
from ..core.speaker_groups import SpeakerGroup
from .contexts import BriefingsIndexContext, ClaimsIndexContext, EntityIndexContext, HomeContext, Letter, LetterContext
from .jinja import Templates
from .pages import Outline, PageSpec, Parts, Section
from .paths import (
    HOME,
    briefings_page,
    claims_page,
    entity_anchor,
    kind_index,
    letter_anchor,
    listing_page,
    speaker_anchor,
)
from .safety import html_text
from .views import BADGES, CLAIM_LABELS, badges, lead

#: How many of the latest briefings the home page lists.
HOME_LATEST = 10


def claims_pages(speakers: Sequence[SpeakerGroup], per_page: int) -> list[list[SpeakerGroup]]:
    """The speaker groups of each claims page, at most `per_page` claims to a page.

    Pages break between speakers; a speaker with more than a page of claims
    (an unnamed source, a head of state) fills pages of their own, their
    group continued from page to page.
    """
    pages: list[list[SpeakerGroup]] = [[]]
    size = 0
    for g in speakers:
        if size and size + len(g.claims) > per_page:
            pages.append([])
            size = 0
        for start in range(0, len(g.claims), per_page):
            if start:
                pages.append([])
                size = 0
            part = g.claims[start:start + per_page]
            pages[-1].append(g if len(part) == len(g.claims) else replace(g, claims=part))
            size += len(part)
    return pages


def claim_counts(speakers: Sequence[SpeakerGroup]) -> dict[str, dict[str, int]]:
    """Every claim of the site counted by kind, then by badge ("" for all of the kind's claims):
    what the claims index's filters match on all of its pages, for the script to add up."""
    counts = {k: {"": 0, **{b.key: 0 for b in BADGES}} for k in CLAIM_LABELS}
    for g in speakers:
        for ref in g.claims:
            row = counts.get(ref.claim.kind)
            if row is None:
                continue
            row[""] += 1
            for b in badges(ref.claim):
                row[b.key] += 1
    return counts


def _index_meta(title: str) -> dict[str, object]:
    """An index page's front matter: search leaves it out (it names what the pages it lists hold)."""
    return {"title": title, "search": {"exclude": True}, "hide": ["toc"]}


class IndexPages:
    """The index pages of a corpus, made with the renderer's templates."""

    corpus: Corpus
    templates: Templates
    per_page: int
    claims_pages: list[list[SpeakerGroup]]

    def entity_indexes(self, kind: str) -> Iterator[PageSpec]:
        """People / Organisations / Places: an A-Z index, and one listing page per letter.

        The index names every entity with a page of its own; each letter page
        lists every entity of that letter, those without a page in full.
        """
        letters: dict[str, list[EntityRecord]] = {}
        for rec in self.corpus.by_kind(kind):
            letters.setdefault(letter_of(rec.name), []).append(rec)
        ordered = sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0]))
        here = kind_index(kind)
        title = BY_KEY[kind].plural
        listing: list[Letter] = [
            (letter, Section(2, letter_anchor(letter), letter), listing_page(kind, letter), recs)
            for letter, recs in ordered
        ]
        outline = Outline(body=tuple(section for _, section, _, _ in listing))

        def make_index() -> Parts:
            return Parts(self.templates.page("entity_index.html", EntityIndexContext(
                here=here, title=title, kind=kind, letters=listing, total=sum(len(v) for v in letters.values()),
                with_page=sum(1 for v in letters.values() for r in v if r.has_page),
            )), "", "")

        yield PageSpec(here, title, _index_meta(title), make_index, outline.ids(), index=True, outline=outline)
        for letter, _, uri, recs in listing:
            yield self._letter_page(kind, title, letter, uri, recs, listing)

    def _letter_page(self, kind: str, title: str, letter: str, uri: str, recs: list[EntityRecord],
                     listing: list[Letter]) -> PageSpec:
        """One letter's listing: its entities with a page, linked; the others described, each under its heading."""
        listed = [r for r in recs if not r.has_page]
        # Each entry is a section search finds (name and roles only).
        outline = Outline(body=tuple(Section(2, entity_anchor(r), r.name, indexed=True) for r in listed))

        def make() -> Parts:
            roles = {s.id: f"<p>{html_text(', '.join(r.roles))}</p>" for s, r in zip(outline.body, listed, strict=True)}
            search = self.templates.search_head(f"{title}: {letter}") + self.templates.search_sections(outline.body, roles)
            return Parts(self.templates.page("entity_letter.html", LetterContext(
                here=uri, title=title, kind=kind, letter=letter, recs=recs, letters=listing,
                entries={r.id: s for s, r in zip(outline.body, listed, strict=True)},
            )), "", search)

        page_title = f"{title}: {letter}"
        return PageSpec(uri, page_title, {"title": html_text(page_title), "hide": ["toc"]}, make, outline.ids(),
                        outline=outline)

    def home_page(self, markdown: str = "", meta: dict[str, object] | None = None) -> PageSpec:
        """The home page: the site's docs/index.md text (`markdown`, rendered by mkdocs) and after it
        a search box, the counts with links to their indexes, and the latest briefings."""
        c = self.corpus
        latest = c.briefings[:HOME_LATEST]
        outline = Outline(body=(Section(2, "latest-briefings", "Latest briefings"),))
        counts: list[tuple[str, int, str | None]] = [("briefings", len(c.briefings), briefings_page(1))]
        for kind in PAGE_DIRS:
            counts.append((BY_KEY[kind].plural.lower(), len(c.by_kind(kind)), kind_index(kind)))
        counts.append(("claims", c.claim_count(), claims_page(1)))

        def make() -> Parts:
            html = self.templates.page("home.html", HomeContext(
                here=HOME, latest=latest, counts=counts, leads={b.slug: lead(b) for b in latest},
                all_briefings=briefings_page(1), sections={"latest": outline.body[0]},
            ))
            search = self.templates.search_sections(
                outline.body, {"latest-briefings": "".join(f"<p>{html_text(b.title)}</p>" for b in latest)})
            return Parts("", html, "", search)

        return PageSpec(HOME, "Home", dict(meta or {}), make, outline.ids() | {"bf-home-q"}, markdown=markdown,
                        index=True, outline=outline)

    def briefing_indexes(self) -> Iterator[PageSpec]:
        """Briefings newest first, `per_page` to a page: briefings/index.md, briefings/page/2.md, ..."""
        items = self.corpus.briefings
        per_page = self.per_page
        pages = max(1, -(-len(items) // per_page))
        page_uris = [(i, briefings_page(i)) for i in range(1, pages + 1)]
        for n, here in page_uris:
            title = "Briefings" if n == 1 else f"Briefings, page {n}"

            def make(n: int = n, here: str = here, title: str = title) -> Parts:
                return Parts(self.templates.page("briefings_index.html", BriefingsIndexContext(
                    here=here, title=title, items=items[(n - 1) * per_page : n * per_page],
                    page=n, pages=pages, first=(n - 1) * per_page + 1, total=len(items),
                    prev=briefings_page(n - 1) if n > 1 else None, next=briefings_page(n + 1) if n < pages else None,
                    page_uris=page_uris,
                )), "", "")

            yield PageSpec(here, title, _index_meta(title), make, index=n == 1)

    def claims_indexes(self) -> Iterator[PageSpec]:
        """All claims grouped by speaker, with kind and badge filters, about `claims_per_page` to a page."""
        c = self.corpus

        def span(groups: list[SpeakerGroup]) -> str:
            if not groups:
                return ""
            first, last = groups[0].label, groups[-1].label
            return first if first == last else f"{first} – {last}"

        page_list = [(i, claims_page(i), span(chunk)) for i, chunk in enumerate(self.claims_pages, 1)]
        every = json.dumps(claim_counts(c.speakers), sort_keys=True, separators=(",", ":"))
        all_claims = c.claim_count()
        for n, groups in enumerate(self.claims_pages, 1):
            here = claims_page(n)
            title = "Claims" if n == 1 else f"Claims, page {n}"
            outline = Outline(body=tuple(Section(2, speaker_anchor(g), g.label) for g in groups))

            def make(n: int = n, here: str = here, title: str = title, groups: list[SpeakerGroup] = groups,
                     outline: Outline = outline) -> Parts:
                counts = dict.fromkeys(CLAIM_LABELS, 0)
                for g in groups:
                    for ref in g.claims:
                        if ref.claim.kind in counts:
                            counts[ref.claim.kind] += 1
                return Parts(self.templates.page("claims_index.html", ClaimsIndexContext(
                    here=here, title=title, groups=groups, sections=outline.body, counts=counts,
                    total=sum(len(g.claims) for g in groups), all=all_claims, page=n, pages=page_list,
                    every=every,
                )), "", "")

            yield PageSpec(here, title, _index_meta(title), make, outline.ids(), index=n == 1, outline=outline)
