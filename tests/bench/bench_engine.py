"""Speed and memory of the annotation engine over the BBC corpus, in one process.

Usage (from the repository root; needs the BBC corpus, see README.md):

    python tests/bench/bench_engine.py            # 3 runs, medians
    python tests/bench/bench_engine.py --runs 5

Prints words per second (wall clock and per CPU second) of `core.annotate.annotate` (each article's body, one
call per article, as the site build does) and the process's peak RSS, which
issue 5 caps at 300 MB. The first run includes the engine's one-off loading
of its word lists; the median over several runs is the steady-state figure.
The slowest articles are listed too, because one pathological input (a regex
that backtracks) hides easily inside an average.
"""

from __future__ import annotations

import argparse
import resource
import time

import bbc_projects as bp

from mkdocs_briefings.core.annotate import annotate

RSS_LIMIT_MB = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="passes over the corpus (medians reported)")
    args = parser.parse_args()

    articles = bp.read_corpus()
    texts = [(f"{a.category}/{a.number}", "\n".join(a.paragraphs)) for a in articles]
    words = sum(len(text.split()) for _, text in texts)
    chars = sum(len(text) for _, text in texts)
    print(f"{len(texts)} articles, {words} words, {chars / 1e6:.1f} M characters, {args.runs} runs", flush=True)

    rates: list[float] = []
    cpu_rates: list[float] = []
    slowest: dict[str, float] = {}
    counts = (0, 0)
    for run in range(1, args.runs + 1):
        n_entities = n_claims = 0
        start, cpu_start = time.perf_counter(), time.process_time()
        for doc_id, text in texts:
            t = time.perf_counter()
            ann = annotate(text)
            took = time.perf_counter() - t
            slowest[doc_id] = took if run == 1 else min(slowest[doc_id], took)
            n_entities += len(ann.entities)
            n_claims += len(ann.claims)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        rates.append(words / wall)
        cpu_rates.append(words / cpu)
        counts = (n_entities, n_claims)
        print(f"  run {run}/{args.runs}: {wall:6.1f} s wall, {cpu:6.1f} s CPU, {words / wall:,.0f} words/s", flush=True)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nmedian: {bp.median(rates):,.0f} words/s wall ({1000 * words / bp.median(rates) / len(texts):.1f} ms per article), "
          f"{bp.median(cpu_rates):,.0f} words per CPU second (what a busy machine does not distort)")
    print(f"found: {counts[0]} entities, {counts[1]} claims per pass")
    verdict = "ok" if peak_mb < RSS_LIMIT_MB else "OVER LIMIT"
    print(f"peak RSS: {peak_mb:.0f} MB (limit {RSS_LIMIT_MB} MB)  {verdict}")
    print("slowest articles (best of the runs):")
    for doc_id, took in sorted(slowest.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
        print(f"  {doc_id}: {1000 * took:.0f} ms")


if __name__ == "__main__":
    main()
