"""The one table of entity kinds: what every layer needs to know about a kind.

A kind used to be spelled out in many places (the model's list, the corpus's
folders and thresholds, the renderer's labels and schema.org types, the
stylesheet's folder rules). Each now reads this table, so a new kind, or a
new word for one, is one row. The engine's own constants
(`entities/candidate.py`) are the same strings; `tests/unit/test_kinds.py`
keeps them in step.

Which kinds earn pages is a site decision (folder not None); the folder is
the last segment of a page path the render layer builds (`render/paths.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Kind:
    """One entity kind and how the site presents it."""

    key: str  # the annotation contract's value: "person", "organisation", ...
    singular: str  # "Person": an entity page's kind line, a mention's tooltip
    plural: str  # "People": the sidebar group, the A-Z index title
    folder: str | None = None  # the folder of its pages and A-Z index; None: no pages of its own
    schema_type: str | None = None  # its schema.org type in JSON-LD; None: not typed there
    min_briefings: int | None = None  # default of `min_briefings` for a kind with pages


#: Every kind, in the order the site groups them (the briefing sidebar, the nav's indexes).
#: From how many briefings an entity earns a page by default: a page gathers what one
#: briefing cannot show, and readers come looking for people above all (who said what).
#: Organisations and places are named far more often and quoted far less: in the BBC archive
#: (2,225 articles, 13,458 names) 101 people, 152 organisations and 127 places reach 10
#: briefings, but only 50 organisations and 64 places reach 20. Each page costs a theme
#: render and ~9 KB of theme markup; a listing entry names every briefing and links every claim.
TABLE: tuple[Kind, ...] = (
    Kind("person", "Person", "People", "people", "Person", 10),
    Kind("organisation", "Organisation", "Organisations", "organisations", "Organization", 20),
    Kind("place", "Place", "Places", "places", "Place", 20),
    Kind("group", "Group", "Groups"),
    Kind("other", "Other", "Other names"),
)

#: Entity kinds, in the order the site groups them.
KINDS: tuple[str, ...] = tuple(k.key for k in TABLE)

#: Each kind by its key.
BY_KEY: Mapping[str, Kind] = MappingProxyType({k.key: k for k in TABLE})

#: The kinds that earn pages, in nav order: their folder by key.
PAGE_DIRS: Mapping[str, str] = MappingProxyType({k.key: k.folder for k in TABLE if k.folder})

#: Default of `min_briefings`: from how many briefings an entity of each kind with pages earns one.
MIN_BRIEFINGS: Mapping[str, int] = MappingProxyType(
    {k.key: k.min_briefings for k in TABLE if k.folder and k.min_briefings is not None}
)


def kind_of(key: str) -> Kind:
    """The row of a kind; an unknown key reads as "other" (every stored kind is checked on the way in)."""
    return BY_KEY.get(key, BY_KEY["other"])
