"""Corpus -> pages: one Jinja environment, compiled once per build.

Like mkdocs-material's tags plugin, the plugin only orchestrates and this
Renderer does the work. A generated page is a `PageSpec`: its path, title
and front matter, the editor-written markdown it shows (if any), and a
function that makes its HTML on demand. The HTML never goes through
Python-Markdown: seed text cannot turn into markdown, and a site of tens of
thousands of pages does not pay for parsing markup we wrote ourselves. Links
are made here, as final relative URLs, only to pages this renderer
generates (tests crawl built sites to check that every one resolves).
Seed-derived text reaches the page only through Jinja autoescaping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..core.corpus import PAGE_DIRS, Corpus, EntityRecord, SpeakerGroup, briefing_page, letter_of, letter_slug, listing_page
from ..core.model import LINK_CONFIDENCE, Briefing, Claim, Entity, Span
from .article import Paragraph, layout
from .safety import clean, html_text, json_ld, markdown_source, web_url

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"

#: Where the stylesheet and script are published in the site.
CSS_URI = "assets/briefings/briefings.css"
JS_URI = "assets/briefings/briefings.js"

KIND_LABELS: dict[str, tuple[str, str]] = {
    "person": ("Person", "People"),
    "organisation": ("Organisation", "Organisations"),
    "place": ("Place", "Places"),
    "group": ("Group", "Groups"),
    "other": ("Other", "Other names"),
}
CLAIM_LABELS: dict[str, str] = {"direct": "Direct quote", "indirect": "Reported speech", "mixed": "Mixed quote"}
SCHEMA_TYPES: dict[str, str] = {"person": "Person", "organisation": "Organization", "place": "Place"}

#: Licences we can link to their deed.
LICENCES: dict[str, str] = {
    "cc by 2.5": "https://creativecommons.org/licenses/by/2.5/",
    "cc by 3.0": "https://creativecommons.org/licenses/by/3.0/",
    "cc by 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc by-sa 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
}

#: The index pages, in nav order (mkdocs.yml lists the same paths).
ENTITY_INDEXES: tuple[str, ...] = ("person", "organisation", "place")


@dataclass(frozen=True)
class Badge:
    """A label on a claim; `key` is the stable `data-badge` value that CSS, JS and tests select on.

    What each badge means is said once, in the script (as a tooltip) and in
    "How to read a briefing", not in the markup of every claim.
    """

    key: str  # data-badge value: unnamed | hedged | verified | disputed | unverified | false
    label: str


@lru_cache(maxsize=1 << 16)
def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL mkdocs gives a page source: 'a/b.md' -> 'a/b/' (or 'a/b.html'); 'a/index.md' -> 'a/'."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return "./"
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@lru_cache(maxsize=1 << 16)
def _folders(src_uri: str, directory_urls: bool) -> tuple[str, ...]:
    """The folders of a page's URL: 'briefings/a.md' -> ('briefings', 'a') with directory URLs."""
    url = page_url(src_uri, directory_urls)
    return () if url == "./" else tuple(url.split("/")[:-1])


def _rel(here: str, target: str, directory_urls: bool) -> str:
    # What mkdocs.utils.get_relative_url gives (which the core cannot import;
    # tests compare the two), without its path normalisation: this runs for
    # every link of every page, and both URLs are already clean.
    base = _folders(here, directory_urls)
    url = page_url(target, directory_urls)
    parts = [""] if url == "./" else url.split("/")
    i, n = 0, min(len(base), len(parts) - 1)
    while i < n and base[i] == parts[i]:
        i += 1
    up, rest = "../" * (len(base) - i), "/".join(parts[i:])
    return up + rest if rest else up or "./"


def rel(here: str, target: str, anchor: str = "", directory_urls: bool = True) -> str:
    """The link from page source `here` to page source `target` ("path.md" or "path.md#anchor")."""
    if "#" in target:
        target, own = target.split("#", 1)
        anchor = anchor or own
    href = _rel(here, target, directory_urls)
    return f"{href}#{anchor}" if anchor else href


def runs_html(para: Paragraph, mentions: Mapping[str, Mapping[str, Any]], here: str, link: Callable[[str, str], str]) -> Markup:
    """One laid-out paragraph as HTML: claims highlighted and numbered, first mentions linked.

    Plain Python rather than template macros: this runs for every paragraph
    of every briefing, and a macro call per mention was most of the cost.
    The markup is as lean as the stylesheet allows: in the article's
    paragraphs a link is a mention (its kind is the folder it leads into:
    people/, organisations/, places/), `<u>` a further mention of a name
    already linked in the paragraph, a `<sup>` link a claim number. An
    archive's pages carry tens of thousands of each, and every byte of their
    markup is multiplied. Every piece of seed text goes through `html_text`.
    """
    out: list[str] = []
    for run in para.runs:
        if run.claim:
            out.append("<mark>")
        for p in run.pieces:
            text = html_text(p.text)
            m = mentions.get(p.entity) if p.entity else None
            if m is None:
                out.append(text)
            elif p.link and m["page"]:
                # The stylesheet's tooltip names the kind; data-tip adds only what the kind
                # does not say: the full name when the text uses another form ("Mr Blair"), the role.
                extra = " · ".join(x for x in (m["name"] if p.text != m["name"] else "", m["role"]) if x)
                tip = f' data-tip="{html_text(extra)}"' if extra else ""
                out.append(f'<a href="{html_text(link(here, m["page"]))}"{tip}>{text}</a>')
            else:
                out.append(f"<u>{text}</u>")
        if run.claim:
            out.append("</mark>")
            if run.ends_claim:
                out.append(f'<sup><a href="#{html_text(run.claim)}">{html_text(run.claim.rsplit("-", 1)[-1])}</a></sup>')
    return Markup("".join(out))


def adds_to(name: str, written: str) -> bool:
    """Whether the words that name a speaker in the text tell the reader more than the name.

    "He", "the minister" or "a spokesman" do: they show how the speaker
    was resolved. "Mr Blair" for Tony Blair, or "chairman Richard Parsons",
    only restate the name (its last word is among them).
    """
    words = re.findall(r"\w+", written.casefold())
    last = re.findall(r"\w+", name.casefold())[-1:]
    return not (written.casefold() in name.casefold() or (last and last[0] in words))


def badges_html(claim: Claim) -> str:
    """The badges of a claim as HTML (their explanations come from the script, once per page)."""
    return "".join(f'<span data-badge="{html_text(b.key)}">{html_text(b.label)}</span>' for b in badges(claim))


def callout_html(claim: Claim, sp: Mapping[str, Any], here: str, link: Callable[[str, str], str]) -> Markup:
    """A claim's callout: kind, badges, content, speaker (linked), cue, hedges, editorial status.

    Python rather than a template macro for the same reason as `runs_html`:
    a page has a callout per claim, and the site thousands of pages. Inside
    `.bf-claim` the stylesheet styles by element (header, blockquote,
    footer and its first child, the speaker), not by a class on each. The
    header's "#" link to the callout is added by the script: without it the
    claim's number in the text links the callout just the same.
    """
    cid, kind = html_text(claim.id), html_text(claim.kind)
    out = [
        f'<aside class="bf-claim" id="{cid}" data-kind="{kind}">\n'
        f"<header><b>{html_text(CLAIM_LABELS.get(claim.kind, claim.kind))}</b>"
        f"{badges_html(claim)}</header>\n"
        f"<blockquote>{html_text(claim.content.text)}</blockquote>\n<footer>"
    ]
    if sp["name"]:
        name = html_text(sp["name"])
        out.append(f'<a href="{html_text(link(here, sp["page"]))}">{name}</a>' if sp["page"] else f"<span>{name}</span>")
        if sp["role"]:
            out.append(f', {html_text(sp["role"])}')
    else:
        out.append(f'<span class="bf-unnamed">{html_text(sp["written"] or "No source given")}</span>')
    # The " · cue:" and " · " before the cue and "as written" come from the stylesheet.
    if claim.cue:
        out.append(f" <i>{html_text(claim.cue.text)}</i>")
    if sp["name"] and sp["written"]:
        out.append(f' <small>as written: “{html_text(sp["written"])}”</small>')
    out.append("</footer>\n")
    if claim.hedges:
        out.append('<p class="bf-claim__hedges">Hedged in the text: ' + ", ".join(f"<q>{html_text(h)}</q>" for h in claim.hedges) + "</p>\n")
    if claim.status or claim.note:
        out.append(f'<p class="bf-claim__status" data-status="{html_text(claim.status or "")}">')
        if claim.status:
            out.append(f"<strong>Editors: {html_text(claim.status)}.</strong>")
        if claim.note:
            out.append(f" {html_text(claim.note)}")
        if claim.status_source:
            src = web_url(claim.status_source)
            out.append(f' <a href="{html_text(src)}" rel="nofollow noopener">Source</a>' if src else f" Source: {html_text(claim.status_source)}")
        out.append("</p>\n")
    out.append("</aside>")
    return Markup("".join(out))


#: How much of a sentence an entity page shows either side of a mention.
CONTEXT_CHARS = 80


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


def badges(claim: Claim) -> tuple[Badge, ...]:
    """The badges of a claim, in a fixed order."""
    out: list[Badge] = []
    if claim.speaker is None or claim.speaker.entity is None:
        out.append(Badge("unnamed", "Unnamed source"))
    if claim.hedges:
        out.append(Badge("hedged", "Hedged"))
    if claim.status:
        out.append(Badge(claim.status, claim.status.capitalize()))
    return tuple(out)


def _role(ent: Entity, rec: EntityRecord | None) -> str:
    """The role to show beside a name: this briefing's first, else the corpus's most common."""
    return ent.roles[0] if ent.roles else (rec.roles[0] if rec and rec.roles else "")


def page_dir(kind: str) -> str:
    """The folder of an entity kind's pages and index."""
    return PAGE_DIRS[kind]


def claims_uri(n: int) -> str:
    """The page source of page `n` of the claims index."""
    return "claims/index.md" if n == 1 else f"claims/page/{n}.md"


def claims_pages(speakers: Sequence[SpeakerGroup], per_page: int) -> list[list[SpeakerGroup]]:
    """The speaker groups of each claims page, about `per_page` claims to a page.

    A speaker's claims stay on one page; pages break between speakers.
    """
    pages: list[list[SpeakerGroup]] = [[]]
    size = 0
    for g in speakers:
        if size and size + len(g.claims) > per_page:
            pages.append([])
            size = 0
        pages[-1].append(g)
        size += len(g.claims)
    return pages


@dataclass(frozen=True)
class Parts:
    """A page's HTML, either side of the editor's markdown, and what of it search should index.

    The search index gets its own lean HTML (headings and plain text): the
    page itself carries sidebars, callouts and markup that search would only
    have to parse and then skip.
    """

    before: str
    after: str
    search_before: str
    search_after: str = ""


@dataclass(frozen=True)
class PageSpec:
    """One generated page. `make()` is called when the page is written, so a
    site's pages are never all held in memory at once."""

    src_uri: str
    title: str  # plain text
    meta: Mapping[str, Any]
    make: Callable[[], Parts]
    anchors: frozenset[str] = frozenset()  # ids on the page, for mkdocs' anchor validation
    markdown: str = ""  # editor-written markdown (already sanitised), rendered by mkdocs itself
    index: bool = False  # one of the index pages (the only pages fit for the nav)


class Renderer:
    """Every generated page of the site, as `PageSpec`s."""

    def __init__(self, corpus: Corpus, per_page: int = 50, directory_urls: bool = True, claims_per_page: int = 500) -> None:
        self.corpus = corpus
        self.per_page = max(1, int(per_page))
        self.claims_per_page = max(1, int(claims_per_page))
        self.directory_urls = directory_urls
        self.claims_pages = claims_pages(corpus.speakers, self.claims_per_page)
        #: Speaker key -> (the claims page that holds the speaker's claims, their group's anchor).
        self._claims_of = {g.key: (claims_uri(n), g.anchor) for n, groups in enumerate(self.claims_pages, 1) for g in groups}
        self.env = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=clean,
        )
        self.env.globals.update(
            rel=self.rel,
            date_label=date_label,
            badges=badges,
            kind_labels=KIND_LABELS,
            claim_labels=CLAIM_LABELS,
            corpus=corpus,
            web_url=web_url,
            context=context,
            claims_of=self.claims_of,
            briefing_page=briefing_page,
            runs=lambda para, mentions, here: runs_html(para, mentions, here, self.rel),
            callout=lambda claim, sp, here: callout_html(claim, sp, here, self.rel),
        )
        self._templates = {name: self.env.get_template(name) for name in self.env.list_templates(["html"])}

    def rel(self, here: str, target: str, anchor: str = "") -> str:
        """A link from one generated page to another, as this site's URLs are laid out."""
        return rel(here, target, anchor, self.directory_urls)

    def _html(self, name: str, **context: Any) -> str:
        return self._templates[name].render(**context).strip()

    @staticmethod
    def _search_head(title: str, *lines: str) -> str:
        """A title and plain lines, as lean HTML for the search index."""
        # An h1 with an id starts search's first section (its location is the page itself).
        return f'<h1 id="title">{html_text(title)}</h1>' + "".join(f"<p>{html_text(x)}</p>" for x in lines if x)

    def pages(self) -> Iterator[PageSpec]:
        """Every generated page, in a fixed order."""
        c = self.corpus
        yield from self.briefing_indexes()
        for b in sorted(c.briefings, key=lambda b: b.slug):
            yield self.briefing(b)
        for kind in ENTITY_INDEXES:
            yield from self.entity_indexes(kind)
        for rec in c.entities.values():
            if rec.page:
                yield self.entity(rec)
        yield from self.claims_indexes()

    # -- briefing -----------------------------------------------------------

    def _entity_groups(self, b: Briefing) -> list[dict[str, Any]]:
        """The sidebar: entities of this briefing by corpus kind, most mentioned first."""
        groups: dict[str, list[dict[str, Any]]] = {k: [] for k in KIND_LABELS}
        for ent in b.annotation.entities:
            rec = self.corpus.record(ent.id)
            kind = rec.kind if rec else ent.kind
            if kind not in groups or (rec is None and ent.confidence < LINK_CONFIDENCE):
                kind = "other"  # typed on weak evidence: not listed as a person, organisation or place
            role = ent.roles[0] if ent.roles else ""
            groups[kind].append(
                {"id": ent.id, "name": rec.name if rec else ent.name, "role": role, "count": len(ent.mentions),
                 "page": rec.link if rec else None}
            )
        out = []
        for kind, items in groups.items():
            if items:
                items.sort(key=lambda i: (-i["count"], i["name"].casefold(), i["id"]))
                out.append({"kind": kind, "label": KIND_LABELS[kind][1], "items": items})
        return out

    def _mention_info(self, b: Briefing) -> dict[str, dict[str, Any]]:
        """Per entity id of this briefing: link target, full name and role (for the tooltip)."""
        info: dict[str, dict[str, Any]] = {}
        for ent in b.annotation.entities:
            rec = self.corpus.record(ent.id)
            info[ent.id] = {"page": rec.link if rec else None, "name": rec.name if rec else ent.name,
                            "role": _role(ent, rec)}
        return info

    def _speaker(self, claim: Claim, ents: Mapping[str, Entity]) -> dict[str, Any]:
        """Who said it, as the callout shows it (`ents`: the briefing's entities by id)."""
        if claim.speaker is None:
            return {"name": None, "page": None, "role": "", "written": None}
        ent = ents.get(claim.speaker.entity or "")
        rec = self.corpus.record(claim.speaker.entity) if ent else None
        written = claim.speaker.span.text
        if ent is None:
            return {"name": None, "page": None, "role": "", "written": written}
        name = rec.name if rec else ent.name
        shown = written if adds_to(name, written) else None
        sure = claim.speaker.confidence >= LINK_CONFIDENCE  # a guessed speaker is named, never linked
        return {"name": name, "page": rec.link if rec and sure else None, "role": _role(ent, rec), "written": shown}

    def _sources(self, b: Briefing) -> list[dict[str, Any]]:
        out = []
        for s in b.sources:
            url = web_url(s.url)
            source = s.source or ""
            if not source and url and "wikinews.org" in url:
                source = "Wikinews"
            licence = s.license or ""
            out.append({"title": s.title or b.title, "source": source, "url": url, "date": s.date,
                        "license": licence, "license_url": LICENCES.get(" ".join(licence.lower().split()))})
        return out

    def _json_ld(self, b: Briefing, speakers: Mapping[str, Mapping[str, Any]]) -> str:
        """schema.org NewsArticle: mentions by type, direct quotes as Quotations (`speakers`: by claim id)."""
        mentions = []
        for ent in sorted(b.annotation.entities, key=lambda e: e.id):
            rec = self.corpus.record(ent.id)
            kind = rec.kind if rec else ent.kind
            if kind in SCHEMA_TYPES and (rec is not None or ent.confidence >= LINK_CONFIDENCE):
                mentions.append({"@type": SCHEMA_TYPES[kind], "name": rec.name if rec else ent.name})
        quotes = []
        for claim in b.annotation.claims:
            if claim.kind != "direct":
                continue
            q: dict[str, Any] = {"@type": "Quotation", "text": claim.content.text}
            sp = speakers[claim.id]
            if sp["name"]:
                rec = self.corpus.record(claim.speaker.entity) if claim.speaker else None
                ent = b.annotation.entity(claim.speaker.entity) if claim.speaker else None
                stype = SCHEMA_TYPES.get(rec.kind if rec else ent.kind if ent else "", "Person")
                q["spokenByCharacter"] = {"@type": stype if stype != "Place" else "Organization", "name": sp["name"]}
            quotes.append(q)
        data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": b.title}
        if b.date:
            data["datePublished"] = b.date.isoformat()
        urls = [u for u in (web_url(s.url) for s in b.sources) if u]
        if urls:
            data["isBasedOn"] = urls
        if b.tags:
            data["keywords"] = list(b.tags)
        if mentions:
            data["mentions"] = mentions
        if quotes:
            data["hasPart"] = quotes
        return json_ld(data)

    def briefing(self, b: Briefing) -> PageSpec:
        """A briefing page: head and sidebar, editor's summary, article with callouts, related, sources."""
        here = briefing_page(b.slug)
        has_summary = bool(b.summary.strip())

        def make() -> Parts:
            ents = {e.id: e for e in b.annotation.entities}
            article = layout(b, self.corpus)
            speakers = {c.id: self._speaker(c, ents) for c in b.annotation.claims}
            ctx: dict[str, Any] = {
                "b": b,
                "here": here,
                "groups": self._entity_groups(b),
                "mentions": self._mention_info(b),
                "article": article,
                "speakers": speakers,
                "related": [(self.corpus.by_slug[r.slug], r) for r in self.corpus.related.get(b.slug, ())],
                "sources": self._sources(b),
                "jsonld": self._json_ld(b, speakers),
                "has_summary": has_summary,
            }
            paras = ([article.caption] if article.caption else []) + list(article.paragraphs)
            search_after = '<h2 id="article">Article</h2>' + "".join(
                f"<p>{html_text(plain_text(p))}</p>" for p in paras
            )
            search_before = self._search_head(b.title) + ('<h2 id="summary">Editor’s summary</h2>' if has_summary else "")
            return Parts(
                self._html("briefing_head.html", **ctx), self._html("briefing_body.html", **ctx),
                search_before, search_after,
            )

        anchors = {"article", "sources", *(c.id for c in b.annotation.claims)}
        if has_summary:
            anchors.add("summary")
        if self.corpus.related.get(b.slug):
            anchors.add("related-briefings")
        return PageSpec(
            here, b.title, {"title": html_text(b.title), "hide": ["toc"]}, make, frozenset(anchors),
            markdown=markdown_source(b.summary).strip() if has_summary else "",
        )

    # -- entities -----------------------------------------------------------

    def entity(self, rec: EntityRecord) -> PageSpec:
        """An entity page: who, what they said, where they appear, who with."""
        assert rec.page is not None
        reg = rec.register
        description = markdown_source(reg.description).strip() if reg and reg.description.strip() else ""

        def make() -> Parts:
            ctx = {
                "rec": rec,
                "here": rec.page,
                "kind_label": KIND_LABELS[rec.kind][0],
                "links": [u for u in (web_url(x) for x in (reg.links if reg else ())) if u],
                "companions": [(self.corpus.entities[i], n) for i, n in rec.companions if i in self.corpus.entities],
            }
            also = "Also written as: " + ", ".join(rec.aliases) if rec.aliases else ""
            search = self._search_head(rec.name, " · ".join([KIND_LABELS[rec.kind][0], *rec.roles]), also)
            if description:
                search += '<h2 id="about">About</h2>'
            return Parts(self._html("entity_head.html", **ctx), self._html("entity_body.html", **ctx), search)

        anchors = {"said", "mentioned-in", *(["appears-with"] if rec.companions else []), *(["about"] if description else [])}
        return PageSpec(rec.page, rec.name, {"title": html_text(rec.name)}, make, frozenset(anchors), markdown=description)

    def entity_indexes(self, kind: str) -> Iterator[PageSpec]:
        """People / Organisations / Places: an A-Z index, and one listing page per letter.

        The index names every entity with a page of its own; each letter page
        lists every entity of that letter, those without a page in full.
        """
        letters: dict[str, list[EntityRecord]] = {}
        for rec in self.corpus.by_kind(kind):
            letters.setdefault(letter_of(rec.name), []).append(rec)
        ordered = sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0]))
        folder = page_dir(kind)
        here = f"{folder}/index.md"
        title = KIND_LABELS[kind][1]
        listing = [(letter, letter_slug(letter), listing_page(kind, letter), recs) for letter, recs in ordered]

        def make_index() -> Parts:
            return Parts(self._html(
                "entity_index.html", here=here, title=title, kind=kind, letters=listing,
                total=sum(len(v) for v in letters.values()),
                with_page=sum(1 for v in letters.values() for r in v if r.page),
            ), "", "")

        meta = {"title": title, "search": {"exclude": True}, "hide": ["toc"]}
        yield PageSpec(here, title, meta, make_index, frozenset(f"letter-{slug}" for _, slug, _, _ in listing), index=True)

        for letter, _, uri, recs in listing:
            def make_letter(letter: str = letter, uri: str = uri, recs: list[EntityRecord] = recs) -> Parts:
                # Search finds each name without a page at its entry (name and roles only).
                search = self._search_head(f"{title}: {letter}") + "".join(
                    f'<h2 id="{html_text(r.id)}">{html_text(r.name)}</h2><p>{html_text(", ".join(r.roles))}</p>'
                    for r in recs if not r.page
                )
                return Parts(self._html(
                    "entity_letter.html", here=uri, title=title, kind=kind, letter=letter, recs=recs,
                    letters=listing,
                ), "", search)

            page_title = f"{title}: {letter}"
            anchors = frozenset(r.id for r in recs if not r.page)
            yield PageSpec(uri, page_title, {"title": html_text(page_title), "hide": ["toc"]}, make_letter, anchors)

    # -- briefing indexes ---------------------------------------------------

    def briefing_indexes(self) -> Iterator[PageSpec]:
        """Briefings newest first, `per_page` to a page: briefings/index.md, briefings/page/2.md, ..."""
        items = self.corpus.briefings
        pages = max(1, -(-len(items) // self.per_page))

        def uri(n: int) -> str:
            return "briefings/index.md" if n == 1 else f"briefings/page/{n}.md"

        for n in range(1, pages + 1):
            here = uri(n)
            title = "Briefings" if n == 1 else f"Briefings, page {n}"

            def make(n: int = n, here: str = here, title: str = title) -> Parts:
                ctx = {
                    "here": here, "title": title, "items": items[(n - 1) * self.per_page : n * self.per_page],
                    "page": n, "pages": pages, "first": (n - 1) * self.per_page + 1, "total": len(items),
                    "prev": uri(n - 1) if n > 1 else None, "next": uri(n + 1) if n < pages else None,
                    "page_uris": [(i, uri(i)) for i in range(1, pages + 1)],
                }
                return Parts(self._html("briefings_index.html", **ctx), "", "")

            meta = {"title": title, "search": {"exclude": True}, "hide": ["toc"]}
            yield PageSpec(here, title, meta, make, index=n == 1)

    # -- claims -------------------------------------------------------------

    def claims_of(self, here: str, entity_id: str) -> str:
        """The link from `here` to an entity's claims on the claims index (its speaker group)."""
        return self.rel(here, *self._claims_of[entity_id])

    def claims_indexes(self) -> Iterator[PageSpec]:
        """All claims grouped by speaker, with kind and badge filters, about `claims_per_page` to a page."""
        c = self.corpus

        def span(groups: list[Any]) -> str:
            if not groups:
                return ""
            first, last = groups[0].label, groups[-1].label
            return first if first == last else f"{first} – {last}"

        page_list = [(i, claims_uri(i), span(chunk)) for i, chunk in enumerate(self.claims_pages, 1)]
        for n, groups in enumerate(self.claims_pages, 1):
            here = claims_uri(n)
            title = "Claims" if n == 1 else f"Claims, page {n}"

            def make(n: int = n, here: str = here, title: str = title, groups: list[Any] = groups) -> Parts:
                counts = {k: 0 for k in CLAIM_LABELS}
                for g in groups:
                    for ref in g.claims:
                        if ref.claim.kind in counts:
                            counts[ref.claim.kind] += 1
                ctx = {
                    "here": here, "title": title, "groups": groups, "counts": counts,
                    "total": sum(len(g.claims) for g in groups), "all": c.claim_count(),
                    "page": n, "pages": page_list,
                }
                return Parts(self._html("claims_index.html", **ctx), "", "")

            meta = {"title": title, "search": {"exclude": True}, "hide": ["toc"]}
            anchors = frozenset(g.anchor for g in groups)
            yield PageSpec(here, title, meta, make, anchors, index=n == 1)

    # -- assets -------------------------------------------------------------

    @staticmethod
    def assets() -> list[tuple[str, bytes]]:
        """The stylesheet and script, as (site path, bytes)."""
        return [(CSS_URI, (ASSETS / "briefings.css").read_bytes()), (JS_URI, (ASSETS / "briefings.js").read_bytes())]
