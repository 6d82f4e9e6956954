"""Duplicate stories on the BBC corpus: pair precision and recall against `duplicates.tsv`, and the threshold.

`duplicates.tsv` (research data next to the corpus, never copied here) lists
each byte-identical copy (headline and body) next to the file kept first; it
is used to measure only. Both the listed pairs and the found groups are
closed transitively (a story published three times is three pairs) before
they are compared. Precision and recall are printed twice: (a) for the
copies (the same headline and body words: what a page calls "Same story
as"), and (b) for every same-story pair, copies and versions (a new
headline, an edited text), with the count of each kind of version. Also
prints the similarity of the most similar candidate pairs that are not
listed, and the least similar listed ones: the gap the threshold sits in.

    python tests/bench/bench_duplicates.py [--scale 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bbc_projects import BBC_DIR, copies, read_corpus

from mkdocs_briefings.core.duplicates import THRESHOLD, candidate_scores, find_duplicates


def slug_of(path: str) -> str:
    """'business/007.txt' -> 'business-007', the slug the bench projects give it."""
    return path.removesuffix(".txt").replace("/", "-")


def closed_pairs(pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Every pair within the groups the pairs link."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in {x for p in pairs for x in p}:
        groups[find(x)].append(x)
    return {(a, b) for g in groups.values() for a in sorted(g) for b in sorted(g) if a < b}


def scores_line(found: set[tuple[str, str]], gold: set[tuple[str, str]]) -> str:
    """Precision and recall of found pairs against the listed ones, with their counts."""
    tp = len(found & gold)
    return (f"precision {tp / len(found) if found else 0:.3f} ({tp}/{len(found)})  "
            f"recall {tp / len(gold) if gold else 0:.3f} ({tp}/{len(gold)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=1, help="copies of the corpus (only timing; P/R is at 1x)")
    args = ap.parse_args()
    articles = read_corpus()
    triples = [(slug, a.title, "\n".join(a.paragraphs)) for slug, a in copies(articles, 1)]
    texts = [(slug, text) for slug, _, text in triples]
    lines = (BBC_DIR / "duplicates.tsv").read_text(encoding="utf-8").splitlines()[1:]
    gold = closed_pairs([(slug_of(a), slug_of(b)) for a, b in (line.split("\t") for line in lines if line.strip())])

    t = time.perf_counter()
    found = find_duplicates(triples)
    took = time.perf_counter() - t
    print(f"articles {len(texts)}, listed pairs {len(gold)}, found pairs {len(found.pairs())} in {len(found.groups)} groups"
          f"  threshold {THRESHOLD}  time {took:.2f}s")
    copy_pairs, pairs = found.copy_pairs(), found.pairs()
    print(f"(a) copies ('Same story as'):             {scores_line(copy_pairs, gold)}")
    print(f"(b) all same-story pairs (copies+versions): {scores_line(pairs, gold)}")
    versions = found.version_pairs()
    kinds = Counter(", ".join(k for k, on in (("new headline", v.new_headline), ("edited text", v.edited)) if on)
                    for v in versions.values())
    print(f"versions: {len(versions)} pairs: " + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())))
    title = {slug: a.title for slug, a in copies(articles, 1)}
    for (a, b), v in sorted(versions.items()):
        if v.edited:
            print(f"  {v.describe()}: {a} {b}: {title[a]!r} / {title[b]!r}")
    listed_versions = sorted(set(versions) & gold)
    print(f"versions listed in duplicates.tsv (should be none): {len(listed_versions)}")
    for a, b in listed_versions:
        print(f"  {a} {b}: {versions[(a, b)].describe()}")
    for a, b in sorted(gold - pairs):
        print(f"  listed, not found: {a} {b}")

    scores = candidate_scores(texts)
    unlisted = [(s, a, b) for s, a, b in scores if (a, b) not in gold]
    print(f"candidate pairs of distinct texts scored: {len(scores)} (texts with the same words are one text)")
    print("most similar candidate pairs of distinct texts:")
    for s, a, b in unlisted[:10]:
        print(f"  {s:.3f} {a} {b}")
    for lo, hi in ((0.9, 1.01), (0.8, 0.9), (0.6, 0.8), (0.4, 0.6), (0.2, 0.4)):
        print(f"  candidate pairs with similarity in [{lo}, {hi}): {sum(1 for s, _, _ in unlisted if lo <= s < hi)}")

    if args.scale > 1:
        big = [(slug, a.title, "\n".join(a.paragraphs)) for slug, a in copies(articles, args.scale)]
        t = time.perf_counter()
        found = find_duplicates(big)
        print(f"{args.scale}x: {len(big)} articles, {len(found.groups)} groups in {time.perf_counter() - t:.2f}s")


if __name__ == "__main__":
    main()
