"""Every error of the engine on a briefings-format gold set, one line each, for error analysis.

Usage (from the repository root; `../shared/eval/run.sh bbc` keeps its predictions in a folder it names):

    OUT=/tmp/ev ../shared/eval/run.sh bbc
    python tests/bench/eval_errors.py ../shared/gold/bbc-dev.jsonl /tmp/ev/bbc-pred.jsonl [ents|quotes|all]

The scorer (`../shared/eval/score.py briefings`) prints totals; this lists what
they are made of, matched the same way (its own `norm` and `pred_forms`):

- `FP[junk]`, `FP[kind:...]`, `FP[dup]`: a person, organisation or place the
  gold does not have, has with another kind, or has already matched (an
  unmerged alias);
- `FN[missing]`, `FN[pred-kind:...]`: a gold entity not found, or found with
  another kind;
- `QMISS`, `QSPK`, `QFP`: a gold quote no claim covers, a claim with the wrong
  speaker, a claim matching no gold quote.

The last line counts each class. Reads the gold only to measure: nothing of it
is kept.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "shared" / "eval"))
from score import SHOWN_KINDS, load, norm, overlap, pred_forms  # the scorer lives beside the gold, not in a package


def entity_errors(g: dict[str, Any], p: dict[str, Any], counts: Counter[str]) -> list[str]:
    """The false positives and misses of one document's entities, as the scorer matches them."""
    gforms = [{norm(e["name"])} | {norm(a) for a in e.get("aliases", [])} for e in g["entities"]]
    used: set[int] = set()
    out: list[str] = []
    for pe in (e for e in p.get("entities", []) if e.get("kind") in SHOWN_KINDS):
        pf = pred_forms(pe)
        hit = next((i for i, ge in enumerate(g["entities"]) if i not in used and pf & gforms[i] and pe["kind"] == ge["kind"]), None)
        if hit is not None:
            used.add(hit)
            continue
        first = next((i for i in range(len(gforms)) if pf & gforms[i]), None)
        why = "junk" if first is None else "dup" if first in used else f"kind:{g['entities'][first]['kind']}"
        counts["FP " + why.split(":")[0]] += 1
        out.append(f"  FP[{why}] {pe['kind']}: {pe['name']!r} forms={sorted({m['text'] for m in pe['mentions']})}")
    for i, ge in enumerate(g["entities"]):
        if i in used:
            continue
        found = next((pe for pe in p.get("entities", []) if pred_forms(pe) & gforms[i]), None)
        why = "missing" if found is None else f"pred-kind:{found['kind']}"
        counts["FN " + why.split(":")[0]] += 1
        out.append(f"  FN[{why}] {ge['kind']}: {ge['name']!r} aliases={ge.get('aliases')}")
    return out


def quote_errors(g: dict[str, Any], p: dict[str, Any], counts: Counter[str]) -> list[str]:
    """The missed quotes, wrong speakers and spurious claims of one document."""
    text, claims = g["text"], p.get("claims", [])
    gforms = [{norm(e["name"])} | {norm(a) for a in e.get("aliases", [])} for e in g["entities"]]
    by_id = {e.get("id"): e for e in p.get("entities", [])}
    hit: set[int] = set()
    out: list[str] = []
    for q in g["quotes"]:
        s = text.find(q["snippet"])
        e = s + len(q["snippet"])
        spans = [(c["content"]["start"], c["content"]["end"]) for c in claims]
        best = max(range(len(claims)), default=None, key=lambda i: overlap((s, e), spans[i]))
        if best is None or overlap((s, e), spans[best]) * 2 < e - s:
            counts["Q missed"] += 1
            out.append(f"  QMISS {q['speaker']!r} named={q['speaker_named']} direct={q['direct']} :: {q['snippet']!r}")
            continue
        hit.add(best)
        sp = claims[best].get("speaker") or {}
        pe = by_id.get(sp.get("entity"))
        if q.get("speaker_named", True):
            gi = next((i for i, ge in enumerate(g["entities"]) if ge["name"] == q["speaker"]), None)
            ok = bool(gi is not None and pe and pred_forms(pe) & gforms[gi])
        else:
            ok = bool({w for w in norm(q["speaker"]).split() if len(w) > 3} & set(norm(sp.get("text") or "").split()))
        if not ok:
            counts["Q wrong speaker"] += 1
            shown = pe["name"] if pe else None
            out.append(f"  QSPK gold={q['speaker']!r} pred={sp.get('text')!r}->{shown!r} :: {q['snippet'][:60]!r}")
    for i, c in enumerate(claims):
        if i not in hit:
            counts["Q spurious"] += 1
            out.append(f"  QFP {c['kind']} sp={(c.get('speaker') or {}).get('text')!r} :: {c['content']['text'][:100]!r}")
    return out


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit(__doc__)
    gold, pred = load(argv[0]), load(argv[1])
    what = argv[2] if len(argv) > 2 else "all"
    counts: Counter[str] = Counter()
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        lines = (entity_errors(g, p, counts) if what in ("ents", "all") else []) + (
            quote_errors(g, p, counts) if what in ("quotes", "all") else [])
        if lines:
            print(f"== {doc_id}", *lines, sep="\n")
    print(", ".join(f"{k}: {n}" for k, n in sorted(counts.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
