"""Duplicate stories on the BBC corpus: pair precision and recall against `duplicates.tsv`, and the threshold.

`duplicates.tsv` (research data next to the corpus, never copied here) lists
each byte-identical copy next to the file kept first; it is used to measure
only. Both the listed pairs and the found groups are closed transitively
(a story published three times is three pairs) before they are compared.
Also prints the similarity of the most similar candidate pairs that are not
listed, and the least similar listed ones: the gap the threshold sits in.

    python tests/bench/bench_duplicates.py [--scale 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bbc_projects import BBC_DIR, copies, read_corpus

from mkdocs_briefings.core.duplicates import THRESHOLD, candidate_scores, find_duplicates, jaccard, shingles, words


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=1, help="copies of the corpus (only timing; P/R is at 1x)")
    args = ap.parse_args()
    articles = read_corpus()
    texts = [(slug, "\n".join(a.paragraphs)) for slug, a in copies(articles, 1)]
    lines = (BBC_DIR / "duplicates.tsv").read_text(encoding="utf-8").splitlines()[1:]
    gold = closed_pairs([(slug_of(a), slug_of(b)) for a, b in (line.split("\t") for line in lines if line.strip())])

    t = time.perf_counter()
    found = find_duplicates(texts)
    took = time.perf_counter() - t
    pairs = found.pairs()
    tp = len(pairs & gold)
    print(f"articles {len(texts)}, listed pairs {len(gold)}, found pairs {len(pairs)} in {len(found.groups)} groups")
    print(f"precision {tp / len(pairs):.3f} ({tp}/{len(pairs)})  recall {tp / len(gold):.3f} ({tp}/{len(gold)})"
          f"  threshold {THRESHOLD}  time {took:.2f}s")
    body = dict(texts)
    title = {slug: a.title for slug, a in copies(articles, 1)}
    same_words = {(a, b) for a, b in pairs - gold if words(body[a]) == words(body[b])}
    extra = sorted(pairs - gold - same_words)
    print(f"found, not listed: {len(pairs - gold)}; of them {len(same_words)} with the same words in the body "
          f"(only the headline differs), {len(extra)} lightly edited:")
    for a, b in extra:
        print(f"  {jaccard(shingles(words(body[a])), shingles(words(body[b]))):.3f} {a} {b}: "
              f"{title[a]!r} / {title[b]!r}")
    near = gold | same_words
    tp2 = len(pairs & near)
    print(f"precision counting same-body pairs as duplicates too: {tp2 / len(pairs):.3f} ({tp2}/{len(pairs)})")
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
        big = [(slug, "\n".join(a.paragraphs)) for slug, a in copies(articles, args.scale)]
        t = time.perf_counter()
        found = find_duplicates(big)
        print(f"{args.scale}x: {len(big)} articles, {len(found.groups)} groups in {time.perf_counter() - t:.2f}s")


if __name__ == "__main__":
    main()
