"""What `briefings.json` holds besides the briefings: what is found across them (issue 17).

Kept apart from the adapter so that the schema lives next to the data it
describes (docs/about.md documents it for readers) and stays deterministic:
every list is sorted, as the corpus sorts it.

- `duplicates`: the groups of briefings that are one story, each a sorted list of slugs.
- `ledger`: the claims ledger, flagged entries first; each entry is
  `{"id", "statement", "stories", "flags": [...], "appearances": [...]}`,
  each appearance `{"briefing", "claim", "text", "date", "source",
  "speaker": {"text", "entity", "credit"}}` where `credit` is `named`,
  `unnamed`, `guessed` (a speaker the engine could not identify with
  confidence) or `none` (no source found).
"""

from __future__ import annotations

from typing import Any

from .corpus import Corpus


def across(corpus: Corpus) -> dict[str, Any]:
    """The cross-briefing part of `briefings.json`."""
    return {
        "duplicates": [list(g) for g in corpus.duplicates.groups],
        "ledger": [
            {
                "id": e.id,
                "statement": e.text,
                "stories": e.stories,
                "flags": list(e.flags),
                "appearances": [
                    {
                        "briefing": a.slug,
                        "claim": a.claim,
                        "text": a.text,
                        "date": a.date.isoformat() if a.date else None,
                        "source": a.source,
                        "speaker": {"text": a.speaker or None, "entity": a.entity, "credit": a.credit},
                    }
                    for a in e.appearances
                ],
            }
            for e in corpus.ledger.entries
        ],
    }
