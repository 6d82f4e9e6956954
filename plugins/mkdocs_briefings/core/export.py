"""`briefings.json`: every briefing with its metadata and annotation, and what is found across them.

The briefings' annotations are written with the annotation contract
(`contract.py`). What is found across them (issue 17) is kept apart from the adapter so that the schema lives next to the data it
describes (docs/about.md documents it for readers) and stays deterministic:
every list is sorted, as the corpus sorts it.

- `duplicates`: the groups of briefings that are one story, each a sorted list of slugs.
- `duplicate_pairs`: every pair of briefings in one such group, sorted by
  `briefings`, each `{"briefings": [a, b], "kind", "new_headline", "edited",
  "same"}`: `kind` is `copy` (the same headline and body words: the page
  says "Same story as") or `version` (the headline changed, `new_headline`,
  and/or the text was edited, `edited`: the page lists it under "Other
  versions of this story"); `same` is an edited version's similarity in
  whole percent, rounded down (`null` for copies, for a new headline over
  the same words, and in a group too large to measure).
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
- `figures`: each briefing's figures (by slug, in text order), and
  `figures_ledger`: the series of figures counting one thing about one
  place across stories, disputed ones first (docs/about.md gives every field).
- `said_about`: entity id (of each entity with a page) -> the claims whose
  words name it and that it did not make itself, each `{"briefing", "claim"}`,
  newest briefing first (`said_about.py`, as its page's "Said about" lists them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from .contract import annotation_to_json
from .corpus import Corpus
from .duplicates import Duplicates
from .figures import Figure
from .model import Briefing, SourceInfo
from .sourcing import briefing_profile, grouped, month, outlets, tags


def across(corpus: Corpus) -> dict[str, Any]:
    """The cross-briefing part of `briefings.json`."""
    return {
        "duplicates": [list(g) for g in corpus.duplicates.groups],
        "duplicate_pairs": _duplicate_pairs(corpus.duplicates),
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
        "said_about": {
            entity: [{"briefing": ref.slug, "claim": ref.claim.id} for ref in refs]
            for entity, refs in corpus.said_about.items()
        },
        "sourcing": {
            "briefings": {b.slug: asdict(briefing_profile(b)) for b in sorted(corpus.briefings, key=lambda b: b.slug)},
            **{name: {k: asdict(p) for k, p in grouped(corpus.briefings, keys).items()}
               for name, keys in (("outlets", outlets), ("tags", tags), ("months", month))},
        },
        "figures": {slug: [_figure(f) for f in figs] for slug, figs in sorted(corpus.figures.items()) if figs},
        "figures_ledger": [
            {
                "id": s.id, "counts": s.counts, "key": s.key, "about": s.about, "unit": s.unit, "stories": s.stories,
                "disputed": [d.isoformat() for d in s.disputed],
                "figures": [
                    {"briefing": r.slug, "date": r.date.isoformat() if r.date else None, "start": r.figure.start,
                     "value": _value(r.figure.value), "qualifier": r.figure.qualifier, "text": r.figure.text,
                     "source": r.figure.speaker or ("unnamed" if r.figure.claim else "article")}
                    for r in s.readings
                ],
            }
            for s in corpus.figures_ledger.series
        ],
    }


def _duplicate_pairs(duplicates: Duplicates) -> list[dict[str, Any]]:
    """Each pair (a < b) of one story, with its kind (`copy` or `version`) and what differs; sorted by the pair."""
    versions = duplicates.version_pairs()
    out = []
    for a, b in sorted(duplicates.pairs()):
        v = versions.get((a, b))
        out.append({"briefings": [a, b], "kind": "version" if v else "copy", "new_headline": bool(v and v.new_headline),
                    "edited": bool(v and v.edited), "same": v.same if v else None})
    return out


def _value(v: float) -> int | float:
    """A whole number as an integer in JSON (17500000000, not 17500000000.0)."""
    return int(v) if v.is_integer() and abs(v) < 1e18 else v


def _figure(f: Figure) -> dict[str, Any]:
    return {
        "text": f.text, "phrase": f.phrase, "value": _value(f.value), "unit": f.unit, "qualifier": f.qualifier,
        "counts": f.counts, "about": f.about, "start": f.start, "end": f.end,
        "source": {"claim": f.claim, "entity": f.speaker, "text": f.speaker_text or None},
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
