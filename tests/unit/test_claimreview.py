"""ClaimReview JSON-LD (render/claimreview.py) for the claims editors rated."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mkdocs_briefings.render.claimreview import claim_reviews
from mkdocs_briefings.render.views import SpeakerView

TEXT = 'Zelenskyy said "more than 2000 civilians have died".'


def reviews(make_briefing, speaker: SpeakerView | None = None, **claim: str) -> list[dict]:
    b = make_briefing("b", TEXT, [], [{"content": "more than 2000 civilians have died", "speaker": "Zelenskyy", **claim}],
                      date=date(2022, 3, 4))
    out = claim_reviews(b, {"claim-1": speaker} if speaker else {})
    return json.loads(out) if out else []


@pytest.mark.parametrize(("status", "rating"), [("verified", "Verified"), ("disputed", "Disputed"),
                                                ("unverified", "Unverified"), ("false", "False")])
def test_each_status_is_a_rating(make_briefing, status: str, rating: str) -> None:
    (review,) = reviews(make_briefing, status=status)
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == "more than 2000 civilians have died"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": rating}
    assert review["itemReviewed"]["datePublished"] == "2022-03-04"
    assert review["itemReviewed"]["appearance"] == [{"@type": "CreativeWork", "url": "https://en.wikinews.org/wiki/b"}]


@pytest.mark.parametrize("claim", [{}, {"note": "a note without a status"}, {"status": "maybe"}])
def test_no_status_no_review(make_briefing, claim: dict[str, str]) -> None:
    assert reviews(make_briefing, **claim) == []


def test_note_source_and_speaker(make_briefing) -> None:
    zel = SpeakerView(name="Volodymyr Zelenskyy", page=None, role="", written="Zelenskyy", kind="person")
    kyiv = SpeakerView(name="Kyiv", page=None, role="", written="Kyiv", kind="place")
    (r,) = reviews(make_briefing, zel, status="disputed", note="Ukraine's own count.", status_source="https://example.org/x")
    assert r["reviewBody"] == "Ukraine's own count." and r["isBasedOn"] == "https://example.org/x"
    assert r["itemReviewed"]["author"] == {"@type": "Person", "name": "Volodymyr Zelenskyy"}
    (r,) = reviews(make_briefing, kyiv, status="disputed", status_source="the ministry, by phone")
    assert "isBasedOn" not in r  # not a web address
    assert r["itemReviewed"]["author"] == {"@type": "Organization", "name": "Kyiv"}  # a place speaks through its government


def test_nothing_breaks_out_of_the_script(make_briefing) -> None:
    b = make_briefing("b", TEXT, [], [{"content": "more than 2000 civilians have died", "status": "false",
                                       "note": "</script><script>alert(1)</script> <!--"}])
    out = claim_reviews(b, {})
    assert "</script" not in out and "<!--" not in out and "<" not in out
    assert json.loads(out)[0]["reviewBody"].startswith("</script>")
