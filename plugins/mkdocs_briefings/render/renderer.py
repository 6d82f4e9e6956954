"""Corpus -> page sources: one Jinja environment, compiled once per build.

Like mkdocs-material's tags plugin, the plugin only orchestrates and this
Renderer does the work. Each page source is YAML front matter plus HTML
fenced for `htmlblock` (so links stay visible to mkdocs' validation) and,
where editors wrote it, sanitised markdown. Seed-derived text reaches the
page only through Jinja autoescaping.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..core.corpus import Corpus, EntityRecord, PAGE_DIRS, briefing_page
from ..core.model import Briefing, Claim, Entity
from .article import layout
from .htmlblock import fence
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
    """A label on a claim; `key` is the stable `data-badge` value that CSS, JS and tests select on."""

    key: str  # data-badge value: unnamed | hedged | verified | disputed | unverified | false
    label: str
    help: str


def rel(here: str, target: str, anchor: str = "") -> str:
    """A relative `.md` link from page source `here` to `target`, as mkdocs validates them."""
    path = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return f"{path}#{anchor}" if anchor else path


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
        out.append(Badge("unnamed", "Unnamed source", "The text does not name who said this."))
    if claim.hedges:
        out.append(Badge("hedged", "Hedged", "The text itself qualifies this claim: " + "; ".join(claim.hedges)))
    if claim.status:
        out.append(Badge(claim.status, claim.status.capitalize(), f"Editorial status: {claim.status}"))
    return tuple(out)


def page_dir(kind: str) -> str:
    """The folder of an entity kind's pages and index."""
    return PAGE_DIRS[kind]


def letter_of(name: str) -> str:
    """The A-Z heading a name files under; digits and symbols go under '#'."""
    first = unicodedata.normalize("NFKD", name.strip()[:1]).encode("ascii", "ignore").decode().upper()
    return first if first.isalpha() else "#"


class Renderer:
    """Page sources for every generated page of the site."""

    def __init__(self, corpus: Corpus, per_page: int = 50) -> None:
        self.corpus = corpus
        self.per_page = max(1, int(per_page))
        self.env = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=clean,
        )
        self.env.globals.update(
            rel=rel,
            date_label=date_label,
            badges=badges,
            kind_labels=KIND_LABELS,
            claim_labels=CLAIM_LABELS,
            corpus=corpus,
            web_url=web_url,
            briefing_page=briefing_page,
        )
        self._templates = {name: self.env.get_template(name) for name in self.env.list_templates(["html"])}

    # -- assembling ---------------------------------------------------------

    def _html(self, name: str, **context: Any) -> str:
        return fence(self._templates[name].render(**context))

    @staticmethod
    def _source(meta: dict[str, Any], *parts: str) -> str:
        """Front matter plus parts; the title is HTML-escaped because themes print it raw."""
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1 << 16)
        return "---\n" + front + "---\n\n" + "\n\n".join(p for p in parts if p) + "\n"

    def pages(self) -> Iterator[tuple[str, str]]:
        """Every generated page as (src_uri, markdown source), in a fixed order."""
        c = self.corpus
        yield from self.briefing_indexes()
        for b in sorted(c.briefings, key=lambda b: b.slug):
            yield briefing_page(b.slug), self.briefing(b)
        for kind in ENTITY_INDEXES:
            yield f"{page_dir(kind)}/index.md", self.entity_index(kind)
        for rec in c.entities.values():
            if rec.page:
                yield rec.page, self.entity(rec)
        yield "claims/index.md", self.claims_index()

    # -- briefing -----------------------------------------------------------

    def _entity_groups(self, b: Briefing) -> list[dict[str, Any]]:
        """The sidebar: entities of this briefing by corpus kind, most mentioned first."""
        groups: dict[str, list[dict[str, Any]]] = {k: [] for k in KIND_LABELS}
        for ent in b.annotation.entities:
            rec = self.corpus.record(ent.id)
            kind = rec.kind if rec else ent.kind
            if kind not in groups:
                kind = "other"
            role = ent.roles[0] if ent.roles else ""
            groups[kind].append(
                {"id": ent.id, "name": rec.name if rec else ent.name, "role": role, "count": len(ent.mentions),
                 "page": rec.page if rec else None}
            )
        out = []
        for kind, items in groups.items():
            if items:
                items.sort(key=lambda i: (-i["count"], i["name"].casefold(), i["id"]))
                out.append({"kind": kind, "label": KIND_LABELS[kind][1], "items": items})
        return out

    def _mention_info(self, b: Briefing) -> dict[str, dict[str, Any]]:
        """Per entity id of this briefing: link target, kind and tooltip text."""
        info: dict[str, dict[str, Any]] = {}
        for ent in b.annotation.entities:
            rec = self.corpus.record(ent.id)
            kind = rec.kind if rec else ent.kind
            role = ent.roles[0] if ent.roles else (rec.roles[0] if rec and rec.roles else "")
            label = KIND_LABELS.get(kind, ("Other", ""))[0]
            name = rec.name if rec else ent.name
            tip = f"{label} · {role}" if role else label
            # The accessible name starts with the visible text (WCAG 2.5.3), so the
            # template builds it per mention: "AP — Associated Press (Organisation)".
            info[ent.id] = {"page": rec.page if rec else None, "kind": kind, "tip": tip, "name": name}
        return info

    def _speaker(self, b: Briefing, claim: Claim, ents: dict[str, Entity] | None = None) -> dict[str, Any]:
        """Who said it, as the callout shows it (`ents`: the briefing's entities by id, to avoid rescans)."""
        if claim.speaker is None:
            return {"name": None, "page": None, "role": "", "written": None}
        ent = (ents.get(claim.speaker.entity or "") if ents is not None
               else b.annotation.entity(claim.speaker.entity))
        rec = self.corpus.record(claim.speaker.entity) if ent else None
        written = claim.speaker.span.text
        if ent is None:
            return {"name": None, "page": None, "role": "", "written": written}
        name = rec.name if rec else ent.name
        role = ent.roles[0] if ent.roles else (rec.roles[0] if rec and rec.roles else "")
        # "as written" only adds something when the text used another form ("he", "the minister").
        shown = None if written.casefold() in name.casefold() else written
        return {"name": name, "page": rec.page if rec else None, "role": role, "written": shown}

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

    def _json_ld(self, b: Briefing) -> str:
        """schema.org NewsArticle: mentions by type, direct quotes as Quotations."""
        mentions = []
        for ent in sorted(b.annotation.entities, key=lambda e: e.id):
            rec = self.corpus.record(ent.id)
            kind = rec.kind if rec else ent.kind
            if kind in SCHEMA_TYPES:
                mentions.append({"@type": SCHEMA_TYPES[kind], "name": rec.name if rec else ent.name})
        quotes = []
        ents = {e.id: e for e in b.annotation.entities}
        for claim in b.annotation.claims:
            if claim.kind != "direct":
                continue
            q: dict[str, Any] = {"@type": "Quotation", "text": claim.content.text}
            sp = self._speaker(b, claim, ents)
            if sp["name"]:
                ent = ents.get(claim.speaker.entity or "") if claim.speaker else None
                rec = self.corpus.record(ent.id) if ent else None
                stype = SCHEMA_TYPES.get(rec.kind if rec else "", "Person")
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

    def briefing(self, b: Briefing) -> str:
        """A briefing page: head and sidebar, editor's summary, article with callouts, related, sources."""
        here = briefing_page(b.slug)
        ents = {e.id: e for e in b.annotation.entities}
        ctx: dict[str, Any] = {
            "b": b,
            "here": here,
            "groups": self._entity_groups(b),
            "mentions": self._mention_info(b),
            "article": layout(b, self.corpus),
            "speakers": {c.id: self._speaker(b, c, ents) for c in b.annotation.claims},
            "related": [(self.corpus.by_slug[r.slug], r) for r in self.corpus.related.get(b.slug, ())],
            "sources": self._sources(b),
            "jsonld": self._json_ld(b),
            "has_summary": bool(b.summary.strip()),
        }
        meta = {"title": html_text(b.title), "hide": ["toc"]}
        summary = markdown_source(b.summary).strip() if b.summary.strip() else ""
        return self._source(
            meta, self._html("briefing_head.html", **ctx), summary, self._html("briefing_body.html", **ctx)
        )

    # -- entities -----------------------------------------------------------

    def entity(self, rec: EntityRecord) -> str:
        """An entity page: who, what they said, where they appear, who with."""
        assert rec.page is not None
        reg = rec.register
        ctx = {
            "rec": rec,
            "here": rec.page,
            "kind_label": KIND_LABELS[rec.kind][0],
            "links": [u for u in (web_url(x) for x in (reg.links if reg else ())) if u],
            "companions": [(self.corpus.entities[i], n) for i, n in rec.companions if i in self.corpus.entities],
        }
        description = markdown_source(reg.description).strip() if reg and reg.description.strip() else ""
        meta = {"title": html_text(rec.name)}
        return self._source(
            meta, self._html("entity_head.html", **ctx), description, self._html("entity_body.html", **ctx)
        )

    def entity_index(self, kind: str) -> str:
        """People / Organisations / Places A-Z with briefing counts."""
        letters: dict[str, list[EntityRecord]] = {}
        for rec in self.corpus.by_kind(kind):
            letters.setdefault(letter_of(rec.name), []).append(rec)
        ordered = sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0]))
        here = f"{page_dir(kind)}/index.md"
        title = KIND_LABELS[kind][1]
        meta = {"title": title, "search": {"exclude": True}, "hide": ["toc"]}
        return self._source(meta, self._html(
                "entity_index.html", here=here, title=title, letters=ordered, kind=kind,
                total=sum(len(v) for v in letters.values()),
            ),)

    # -- briefing indexes ---------------------------------------------------

    def briefing_indexes(self) -> Iterator[tuple[str, str]]:
        """Briefings newest first, `per_page` to a page: briefings/index.md, briefings/page/2.md, ..."""
        items = self.corpus.briefings
        pages = max(1, -(-len(items) // self.per_page))

        def uri(n: int) -> str:
            return "briefings/index.md" if n == 1 else f"briefings/page/{n}.md"

        for n in range(1, pages + 1):
            chunk = items[(n - 1) * self.per_page : n * self.per_page]
            here = uri(n)
            title = "Briefings" if n == 1 else f"Briefings, page {n}"
            ctx = {
                "here": here, "title": title, "items": chunk, "page": n, "pages": pages,
                "first": (n - 1) * self.per_page + 1, "total": len(items),
                "prev": uri(n - 1) if n > 1 else None, "next": uri(n + 1) if n < pages else None,
                "page_uris": [(i, uri(i)) for i in range(1, pages + 1)],
            }
            meta = {"title": title, "search": {"exclude": True}, "hide": ["toc"]}
            yield here, self._source(meta, self._html("briefings_index.html", **ctx))

    # -- claims -------------------------------------------------------------

    def claims_index(self) -> str:
        """All claims grouped by speaker, with kind and badge filters."""
        c = self.corpus
        counts = {k: 0 for k in CLAIM_LABELS}
        for g in c.speakers:
            for ref in g.claims:
                if ref.claim.kind in counts:
                    counts[ref.claim.kind] += 1
        ctx = {"here": "claims/index.md", "groups": c.speakers, "total": c.claim_count(), "counts": counts}
        meta = {"title": "Claims", "search": {"exclude": True}, "hide": ["toc"]}
        return self._source(meta, self._html("claims_index.html", **ctx))

    # -- assets -------------------------------------------------------------

    @staticmethod
    def assets() -> list[tuple[str, bytes]]:
        """The stylesheet and script, as (site path, bytes)."""
        return [(CSS_URI, (ASSETS / "briefings.css").read_bytes()), (JS_URI, (ASSETS / "briefings.js").read_bytes())]
