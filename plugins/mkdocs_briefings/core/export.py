"""What `briefings.json` holds besides the briefings: what is found across them (issue 17).

Kept apart from the adapter so that the schema lives next to the data it
describes (docs/about.md documents it) and stays deterministic: every list is
sorted.

- `duplicates`: the groups of briefings that are one story, each a sorted list of slugs.
"""

from __future__ import annotations

from typing import Any

from .corpus import Corpus


def across(corpus: Corpus) -> dict[str, Any]:
    """The cross-briefing part of `briefings.json`."""
    return {"duplicates": [list(g) for g in corpus.duplicates.groups]}
