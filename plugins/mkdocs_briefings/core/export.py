"""`briefings.json`: every briefing with its metadata and annotation, and what is found across them.

The briefings' annotations are written with the annotation contract
(`contract.py`). What is found across them (issue 17) is kept apart from the adapter so that the schema lives next to the data it
describes (docs/about.md documents it for readers) and stays deterministic:
every list is sorted, as the corpus sorts it.

- `duplicates`: the groups of briefings that are one story, each a sorted list of slugs.
- `ledger`: the claims ledger, flagged entries first; each entry is
  `{"id", "statement", "stories", "flags": [...], "appearances": [...]}`,
  each appearance `{"briefing", "claim", "text", "date", "source",
  "speaker": {"text", "entity", "credit"}}` where `credit` is `named`,
  `unnamed`, `guessed` (a speaker the engine could not identify with
  confidence) or `none` (no source found).
- `sourcing`: sourcing profiles (`sourcing.py`), each a mapping of counts
  (`claims`, `people`, `organisations`, `unnamed`, `none`, `hedged`,
  `direct`, `reported`, `mixed`, `voices`, `briefings`): per briefing (by
  slug), per outlet, per tag and per month (`YYYY-MM`); "" is the group of
  briefings without an outlet, or without a date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from .contract import annotation_to_json
from .corpus import Corpus
from .model import Briefing, SourceInfo
from .sourcing import briefing_profile, grouped, month, outlets, tags


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
        "sourcing": {
            "briefings": {b.slug: asdict(briefing_profile(b)) for b in sorted(corpus.briefings, key=lambda b: b.slug)},
            **{name: {k: asdict(p) for k, p in grouped(corpus.briefings, keys).items()}
               for name, keys in (("outlets", outlets), ("tags", tags), ("months", month))},
        },
    }


def _source_to_json(s: SourceInfo) -> dict[str, Any]:
    return {
        "seed": s.seed,
        "title": s.title,
        "date": s.date.isoformat() if s.date else None,
        "source": s.source,
        "url": s.url,
        "license": s.license,
    }


def briefing_to_json(b: Briefing) -> dict[str, Any]:
    """One briefing of `briefings.json`: its metadata and its annotation."""
    return {
        "slug": b.slug,
        "title": b.title,
        "date": b.date.isoformat() if b.date else None,
        "sources": [_source_to_json(s) for s in b.sources],
        "tags": list(b.tags),
        "summary": b.summary,
        "annotation": annotation_to_json(b.annotation, b.slug),
    }


def export_json(briefings: Iterable[Briefing], across: Mapping[str, Any] | None = None) -> bytes:
    """`briefings.json`: every briefing by slug, then what is found across them (`across`:
    duplicates, the claims ledger, sourcing profiles); compact, UTF-8, byte-identical for the same input."""
    records = [briefing_to_json(b) for b in sorted(briefings, key=lambda b: b.slug)]
    data = {"briefings": records, **(across or {})}
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def briefings_json(corpus: Corpus) -> bytes:
    """The site's whole `briefings.json`: every briefing, then what is found across them."""
    return export_json(corpus.briefings, across(corpus))
