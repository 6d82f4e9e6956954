"""Corpus -> pages: the renderer only assembles pages from views, templates and outlines.

Like mkdocs-material's tags plugin, the plugin only orchestrates and this
Renderer does the work. A generated page is a `PageSpec` (`pages.py`): its
path, title and front matter, its outline, the editor-written markdown it
shows (if any), and a function that makes its HTML on demand. The HTML never
goes through Python-Markdown: seed text cannot turn into markdown, and a
site of tens of thousands of pages does not pay for parsing markup we wrote
ourselves. Where things live is `paths.py`'s to say, what templates print
`views.py`'s, the JSON-LD `jsonld.py`'s; links are final relative URLs, only
to pages this renderer generates (tests crawl built sites to check that every
one resolves). Seed-derived text reaches the page only through Jinja
autoescaping (or `html_text`, in `markup.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from markupsafe import Markup

from ..core.corpus import Corpus
from ..core.entity_records import EntityRecord
from ..core.kinds import BY_KEY, PAGE_DIRS, kind_of
from ..core.limits import cap_notes
from ..core.model import LINK_CONFIDENCE, Briefing, Claim
from ..core.related import COMPANION_SAMPLE
from ..core.speaker_groups import ClaimRef
from . import static
from .article import Paragraph, layout
from .claimreview import claim_reviews
from .contexts import BriefingContext, EntityContext
from .figures import FiguresPages
from .indexes import IndexPages, claims_pages
from .jinja import Templates
from .jsonld import news_article
from .ledger import LedgerPages
from .markup import runs_html
from .pages import Outline, PageSpec, Parts, Section
from .paths import CSS_URI, JS_URI, briefing_page, claims_page, entity_page, page_url, rel, speaker_anchor
from .safety import html_text, markdown_source, web_url
from .sourcing import SourcingPages, bar, summary
from .views import (
    BADGES,
    CLAIM_LABELS,
    Mention,
    SpeakerView,
    Views,
    adds_to,
    badges,
    context,
    date_label,
    full_stop,
    inner_quotes,
    plain_text,
    roles_view,
    said_by_briefing,
)

# Re-exported: the adapter and the page store import these from here.
__all__ = ["CSS_URI", "JS_URI", "PageSpec", "Parts", "Renderer", "adds_to", "badges", "context", "date_label",
           "full_stop", "page_url", "rel"]


#: The id of a briefing's "In this briefing" box (briefing_entities.html), linked from under its title.
ENTITIES_ANCHOR = "in-this-briefing"


class Renderer(IndexPages, LedgerPages, SourcingPages, FiguresPages):
    """Every generated page of the site, as `PageSpec`s."""

    def __init__(self, corpus: Corpus, per_page: int = 50, directory_urls: bool = True, claims_per_page: int = 100,
                 overrides: Path | None = None, home: bool = False) -> None:
        self.corpus = corpus
        self.views = Views(corpus)
        self.per_page = max(1, int(per_page))
        self.directory_urls = directory_urls
        self.home = home  # the site's docs/index.md asked for the generated home page
        self.claims_pages = claims_pages(corpus.speakers, max(1, int(claims_per_page)))
        #: Speaker key -> (the claims page that holds the speaker's claims, their group's anchor).
        self._claims_of: dict[str, tuple[str, str]] = {}
        for n, groups in enumerate(self.claims_pages, 1):
            for g in groups:  # a speaker whose claims fill several pages: the first
                self._claims_of.setdefault(g.key, (claims_page(n), speaker_anchor(g)))
        # What every template may use (docs/templates.md lists it for sites that override them).
        self.templates = Templates({
            "rel": self.rel, "date_label": date_label, "full_stop": full_stop, "badges": badges,
            "all_badges": BADGES, "kinds": BY_KEY, "claim_labels": CLAIM_LABELS, "corpus": corpus,
            "web_url": web_url, "context": context, "claims_of": self.claims_of, "briefing_page": briefing_page,
            "entity_page": entity_page, "entity_link": self.views.link, "zip": zip,
            "runs": self.runs, "callout": self.callout, "note": self.note, "inner_quotes": inner_quotes,
            "roles_view": roles_view, "ledger_link": self.ledger_link,
            "sourcing": self.sourcing, "sourcing_bar": bar, "sourcing_summary": summary,
            "said_about": self.said_about, "said_by": self.said_by, "claim_reviews": claim_reviews,
        }, overrides)
        self.init_ledger()
        self.init_figures()

    def rel(self, here: str, target: str, anchor: str = "") -> str:
        """A link from one generated page to another, as this site's URLs are laid out."""
        return rel(here, target, anchor, self.directory_urls)

    def claims_of(self, here: str, entity_id: str) -> str:
        """The link from `here` to an entity's claims on the claims index (its speaker group)."""
        return self.rel(here, *self._claims_of[entity_id])

    def said_about(self, rec: EntityRecord) -> tuple[ClaimRef, ...]:
        """The claims whose content names an entity with a page, newest first (core/said_about.py)."""
        return self.corpus.said_about.get(rec.id, ())

    def said_by(self, claim: Claim) -> EntityRecord | None:
        """The record of the speaker a claim is credited to, if named with confidence (else None)."""
        sp = claim.speaker
        return self.corpus.record(sp.entity) if sp and sp.entity and sp.confidence >= LINK_CONFIDENCE else None

    def runs(self, para: Paragraph, mentions: dict[str, Mention], here: str) -> Markup:
        """A paragraph of the article, as HTML."""
        return runs_html(para, mentions, here, self.rel)

    def callout(self, claim: Claim, speaker: SpeakerView, here: str, full: bool = True) -> Markup:
        """A claim's details: the `claim.html` template, which a site may override. `full` (the
        "Claims in this briefing" list) repeats the claim's words; a note beside the text does not."""
        return self.templates.fragment("claim.html", claim=claim, speaker=speaker, here=here, full=full)

    def note(self, claim: Claim, speaker: SpeakerView, here: str) -> Markup:
        """A claim's note beside its paragraph (`claim_note.html`): a chip that opens on its details."""
        return self.templates.fragment("claim_note.html", claim=claim, speaker=speaker, here=here)

    def pages(self) -> Iterator[PageSpec]:
        """Every generated page, in a fixed order."""
        c = self.corpus
        if self.home:
            yield self.home_page()
        yield from self.briefing_indexes()
        for b in sorted(c.briefings, key=lambda b: b.slug):
            yield self.briefing(b)
        for kind in PAGE_DIRS:
            yield from self.entity_indexes(kind)
        for rec in c.entities.values():
            if rec.has_page:
                yield self.entity(rec)
        yield from self.claims_indexes()
        yield from self.ledger_pages()
        yield from self.figures_pages()
        yield from self.sources_pages()

    def briefing(self, b: Briefing) -> PageSpec:
        """A briefing page: head and sidebar, editor's summary, article with callouts, related, sources."""
        here = briefing_page(b.slug)
        has_summary = bool(b.summary.strip())
        related = self.corpus.related.get(b.slug, ())
        outline = Outline(
            head=(Section(2, "summary", "Editor’s summary", indexed=True),) if has_summary else (),
            body=(
                Section(2, "article", "Article", indexed=True),
                *((Section(2, "claims", "Claims in this briefing"),) if b.annotation.claims else ()),
                *((Section(2, "figures", "Figures"),) if self.corpus.figures.get(b.slug) else ()),
                *((Section(2, "related-briefings", "Related briefings"),) if related else ()),
                Section(2, "sources", "Source and licence"),
            ),
        )

        def make() -> Parts:
            ents = {e.id: e for e in b.annotation.entities}
            article = layout(b, self.corpus)
            speakers = {c.id: self.views.speaker(c, ents) for c in b.annotation.claims}
            ctx = BriefingContext(
                b=b, here=here, groups=self.views.sidebar(b), mentions=self.views.mentions(b), article=article,
                speakers=speakers, related=[(self.corpus.by_slug[r.slug], r) for r in related],
                sources=self.views.sources(b), jsonld=news_article(b, self.corpus, speakers), has_summary=has_summary,
                outline=outline, sections={s.id: s for s in outline.body},
                cap_notes=[note[0].upper() + note[1:] + "." for note in cap_notes(b.annotation)],
                figures=self.figure_views(b),
            )
            paras = ([article.caption] if article.caption else []) + list(article.paragraphs)
            text = "".join(f"<p>{html_text(plain_text(p))}</p>" for p in paras)
            return Parts(
                self.templates.page("briefing_head.html", ctx), self.templates.page("briefing_body.html", ctx),
                self.templates.search_head(b.title) + self.templates.search_sections(outline.head),
                self.templates.search_sections(outline.body, {"article": text}),
            )

        return PageSpec(
            # Tags for a site's tags plugin (the adapter drops them where none runs), escaped: themes print them as they are.
            here, b.title, {"title": html_text(b.title), "hide": ["toc"], **({"tags": [html_text(t) for t in b.tags]} if b.tags else {})},
            make,
            # and each claim's note, and the "In this briefing" box
            outline.ids() | {c.id for c in b.annotation.claims} | {ENTITIES_ANCHOR},
            markdown=markdown_source(b.summary).strip() if has_summary else "", outline=outline,
        )

    def entity(self, rec: EntityRecord) -> PageSpec:
        """An entity page: who, what they said, where they appear, who with."""
        page = entity_page(rec)
        assert page is not None, rec.id  # only entities that earn a page get one
        reg = rec.register
        description = markdown_source(reg.description).strip() if reg and reg.description.strip() else ""
        outline = Outline(
            head=(Section(2, "about", "About", indexed=True),) if description else (),
            body=(
                Section(2, "said", "Said"),
                *((Section(2, "said-about", "Said about"),) if self.said_about(rec) else ()),
                Section(2, "mentioned-in", "Mentioned in"),
                *((Section(2, "appears-with", "Appears with"),) if rec.companions else ()),
            ),
        )
        kind_label = kind_of(rec.kind).singular

        def make() -> Parts:
            ctx = EntityContext(
                rec=rec, here=page, kind_label=kind_label,
                links=[u for u in (web_url(x) for x in (reg.links if reg else ())) if u],
                # A companion may be a name typed on weak evidence: it has no record, and is not listed.
                companions=[(self.corpus.entities[i], n) for i, n in rec.companions if i in self.corpus.entities],
                said=said_by_briefing(self.corpus, rec.said), roles=roles_view(rec.roles),
                outline=outline, sections={s.id: s for s in outline.body},
                companion_sample=COMPANION_SAMPLE if rec.companions_sampled else 0,
            )
            also = "Also written as: " + ", ".join(rec.aliases) if rec.aliases else ""
            search = self.templates.search_head(rec.name, " · ".join([kind_label, *rec.roles]), also)
            return Parts(
                self.templates.page("entity_head.html", ctx), self.templates.page("entity_body.html", ctx),
                search + self.templates.search_sections(outline.head),
            )

        return PageSpec(page, rec.name, {"title": html_text(rec.name)}, make, outline.ids(), markdown=description,
                        outline=outline)

    @staticmethod
    def assets() -> list[tuple[str, bytes]]:
        """The stylesheet and script, as (site path, bytes)."""
        return list(static.assets())
