"""Which entities earn a page of their own, and where the A-Z listings file a name.

`min_briefings` (the plugin option) says from how many briefings an entity
of each kind gets a page; a kind the site leaves out is fitted to the
site's size. The others are served by their entry on their kind's A-Z
listing.
"""

from __future__ import annotations

from collections.abc import Mapping

from .kinds import MIN_BRIEFINGS, PAGE_DIRS
from .text import transliterate

#: `min_briefings` as a site gives it: one number for every kind, or a number per kind.
Thresholds = int | Mapping[str, int]


def threshold(min_briefings: Thresholds, kind: str) -> int:
    """How many briefings an entity of `kind` needs for a page (a kind missing from a mapping takes the default)."""
    if isinstance(min_briefings, int):
        return min_briefings
    return int(min_briefings.get(kind, MIN_BRIEFINGS.get(kind, 1)))


#: The archive size the defaults (`kinds.MIN_BRIEFINGS`: a person from 10 briefings, an
#: organisation or a place from 20) were chosen for: the BBC archive has 2,225 articles.
FULL_SIZE = 2000


def fitted_thresholds(briefing_count: int, chosen: Thresholds | None = None) -> dict[str, int]:
    """`min_briefings` for a site of `briefing_count` briefings, one number per kind with pages.

    What the site chose wins (one number, or a number per kind). A kind it
    left out keeps the same share of briefings the defaults ask of an archive
    of `FULL_SIZE`: a person earns a page when named in 1 briefing in 200, an
    organisation or a place in 1 in 100 (at least 1 briefing, at most the
    default). Fixed defaults gave a 3-article site no entity page at all and
    no hint why; this way a small site gives every name a page (up to 200
    briefings for people, 100 for the others), the demo's 294 briefings give
    people named twice a page, and an archive of 2,000 or more keeps the
    defaults that keep it fast and small.
    """
    if isinstance(chosen, int):
        return dict.fromkeys(PAGE_DIRS, chosen)
    given = chosen or {}
    out: dict[str, int] = {}
    for kind in PAGE_DIRS:
        if kind in given:
            out[kind] = int(given[kind])
            continue
        default = MIN_BRIEFINGS[kind]
        out[kind] = max(1, min(default, -(-default * max(0, briefing_count) // FULL_SIZE)))
    return out


def earns_page(kind: str, briefings: int, registered: bool, min_briefings: Thresholds = MIN_BRIEFINGS) -> bool:
    """Whether an entity earns a page of its own, or its entry on the A-Z listing serves it.

    The one place that decides which entities earn a page. A page gathers
    what one briefing cannot show: many appearances with their sentences,
    what the entity said across them, who it appears with. Most names in a
    news archive are mentioned once or twice; their entry on the A-Z listing
    names every briefing they appear in and links what they said, and a
    page each would multiply the pages of a large site, and with them its
    build time and size. Entities in the editors' register always get a
    page: someone cared to describe them. Only kinds with a folder
    (`kinds.PAGE_DIRS`) have pages or listings at all.
    """
    return kind in PAGE_DIRS and (registered or briefings >= threshold(min_briefings, kind))


def letter_of(name: str) -> str:
    """The A-Z heading a name files under, as its slug spells it ("Łukasz" and "Людмила" under L);
    digits and symbols go under '#'."""
    first = transliterate(name.strip()[:1])[0][:1].upper()
    return first if first.isalpha() else "#"
