"""schema.org JSON-LD for a briefing: a NewsArticle, what it mentions, and its direct quotes.

Machines read who and what an article names from this rather than from the
page's markup. Only entities a reader would see linked are typed (a name
typed on weak evidence is not claimed to be a Person), and the JSON goes
through `safety.json_ld`, so no quote can close the script element.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.corpus import Corpus
from ..core.kinds import kind_of
from ..core.model import LINK_CONFIDENCE, Briefing
from .safety import json_ld, web_url
from .views import SpeakerView


def news_article(b: Briefing, corpus: Corpus, speakers: Mapping[str, SpeakerView]) -> str:
    """The NewsArticle of a briefing (`speakers`: each claim's, by claim id), ready for its script element."""
    mentions = []
    for ent in sorted(b.annotation.entities, key=lambda e: e.id):
        rec = corpus.record(ent.id)
        schema_type = kind_of(rec.kind if rec else ent.kind).schema_type
        if schema_type and (rec is not None or ent.confidence >= LINK_CONFIDENCE):
            mentions.append({"@type": schema_type, "name": rec.name if rec else ent.name})
    quotes = []
    for claim in b.annotation.claims:
        if claim.kind != "direct":
            continue
        q: dict[str, Any] = {"@type": "Quotation", "text": claim.content.text}
        sp = speakers[claim.id]
        if sp.name:
            # A quote is spoken by a person or an organisation; a place speaks through its government.
            stype = kind_of(sp.kind).schema_type or "Person"
            q["spokenByCharacter"] = {"@type": stype if stype != "Place" else "Organization", "name": sp.name}
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
