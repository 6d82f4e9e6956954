"""schema.org `ClaimReview` JSON-LD for the claims editors gave a status (verified / disputed / unverified / false).

Only an editor's status makes a review: the engine never rates a claim.
Each review names the claim's words, who it is credited to (when named
with confidence), where it appeared (the original article) and the
editors' rating as words (`alternateName`), with their note as the review
body and their source, when it is a web address, as what the review is
based on. No numeric rating is invented for "unverified", which rates
nothing. The JSON goes through `safety.json_ld`, so no claim or note can
close the script element.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.kinds import kind_of
from ..core.model import Briefing
from .safety import json_ld, web_url
from .views import SpeakerView

#: How each editorial status reads as a rating.
RATINGS: Mapping[str, str] = {"verified": "Verified", "disputed": "Disputed", "unverified": "Unverified",
                              "false": "False"}


def claim_reviews(b: Briefing, speakers: Mapping[str, SpeakerView]) -> str:
    """The ClaimReviews of a briefing's rated claims as JSON for a script element, or "" when none is rated."""
    reviews: list[dict[str, Any]] = []
    urls = [u for u in (web_url(s.url) for s in b.sources) if u]
    for claim in b.annotation.claims:
        if claim.status is None or claim.status not in RATINGS:
            continue
        item: dict[str, Any] = {"@type": "Claim"}
        sp = speakers.get(claim.id)
        if sp is not None and sp.name:
            stype = kind_of(sp.kind).schema_type or "Person"
            item["author"] = {"@type": stype if stype != "Place" else "Organization", "name": sp.name}
        if b.date:
            item["datePublished"] = b.date.isoformat()
        if urls:
            item["appearance"] = [{"@type": "CreativeWork", "url": u} for u in urls]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": claim.content.text,
            "itemReviewed": item,
            "reviewRating": {"@type": "Rating", "alternateName": RATINGS[claim.status]},
        }
        if claim.note:
            review["reviewBody"] = claim.note
        source = web_url(claim.status_source) if claim.status_source else None
        if source:
            review["isBasedOn"] = source
        reviews.append(review)
    return json_ld(reviews) if reviews else ""
