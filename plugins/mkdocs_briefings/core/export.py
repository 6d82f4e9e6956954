"""`briefings.json`: every briefing with its metadata and annotation, and what is found across them.

The briefings' annotations are written with the annotation contract
(`contract.py`). What is found across them (issue 17) is kept apart from the adapter so that the schema lives next to the data it
describes (docs/about.md documents it for readers) and stays deterministic:
every list is sorted, as the corpus sorts it.

- `duplicates`: the groups of briefings that are one story, each a sorted list of slugs.
- `duplicate_kinds`: for each group of `duplicates`, in the same order, what
  kind of duplicate each member is of the others, as
  `{"copies", "headlines", "bodies", "same"}`: the group split three ways,
  each part a sorted list of slugs, parts sorted by their first slug:
  `copies` by headline and body words together (exact copies: the page says
  "Same story as"), `headlines` by headline words, `bodies` by body words;
  two members in different `copies` are versions of the story ("Other
  versions of this story"): a new headline when their `headlines` differ,
  an edited text when their `bodies` do. `same` gives, for two edited
  texts, `[a, b, percent]`: a and b are the first slugs of two `bodies`
  parts, percent the share of their texts that is the same (Jaccard of word
  5-grams), whole, rounded down; a group of `duplicates.MAX_MEASURED`
  different bodies or more is not measured (`same` is empty). Partitions
  rather than pairs keep the file linear in the number of briefings.
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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from typing import Any

from .contract import annotation_to_json
from .corpus import Corpus
from .duplicates import MAX_MEASURED, Duplicates
from .figures import Figure
from .model import Briefing, SourceInfo
from .sourcing import briefing_profile, grouped, month, outlets, tags


def across(corpus: Corpus) -> dict[str, Any]:
    """The cross-briefing part of `briefings.json`."""
    return {
        "duplicates": [list(g) for g in corpus.duplicates.groups],
        "duplicate_kinds": [_duplicate_kinds(corpus.duplicates, g) for g in corpus.duplicates.groups],
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


def _duplicate_kinds(duplicates: Duplicates, group: tuple[str, ...]) -> dict[str, Any]:
    """One group's members split by headline and body words, and how much of each two edited bodies is the same."""
    kinds = {s: duplicates.kinds.get(s, ("", "")) for s in group}

    def split(key: Callable[[str], object]) -> list[list[str]]:
        parts: dict[object, list[str]] = {}
        for s in group:  # the group is sorted: so is each part, and the parts by their first slug
            parts.setdefault(key(s), []).append(s)
        return list(parts.values())

    bodies = split(lambda s: kinds[s][0])
    firsts = [part[0] for part in bodies]
    measured = firsts if len(firsts) < MAX_MEASURED else []  # else none is: their pairs are not even looked at
    same = [[a, b, duplicates.same[(kinds[a][0], kinds[b][0])]] for i, a in enumerate(measured) for b in measured[i + 1 :]
            if (kinds[a][0], kinds[b][0]) in duplicates.same]
    return {"copies": split(lambda s: kinds[s]), "headlines": split(lambda s: kinds[s][1]), "bodies": bodies, "same": same}


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
