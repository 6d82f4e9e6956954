"""Speed and memory of the annotation engine over the BBC corpus, in one process.

Usage (from the repository root; needs the BBC corpus, see README.md):

    python tests/bench/bench_engine.py            # 3 runs, medians
    python tests/bench/bench_engine.py --runs 5
    python tests/bench/bench_engine.py --runs 1 --dump /tmp/before.jsonl   # then after a change:
    python tests/bench/bench_engine.py --runs 1 --dump /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

Prints words per second (wall clock and per CPU second) of `core.annotate.annotate` (each article's body, one
call per article, as the site build does) and the process's peak RSS, which
issue 5 caps at 300 MB. The first run includes the engine's one-off loading
of its word lists; the median over several runs is the steady-state figure.
The slowest articles are listed too, because one pathological input (a regex
that backtracks) hides easily inside an average.

`--dump` writes every article's annotation JSON (one line each, in corpus
order) so that a change meant only to make the engine faster can be checked
to leave its output byte for byte the same. `--pickle` times pickling the
corpus's annotations both ways, as worker processes send them to a build.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import time
from pathlib import Path

import bbc_projects as bp

from mkdocs_briefings.core.annotate import annotate
from mkdocs_briefings.core.contract import annotation_to_json
from mkdocs_briefings.core.model import Annotation

RSS_LIMIT_MB = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="passes over the corpus (medians reported)")
    parser.add_argument("--dump", type=Path, help="write each article's annotation JSON, one line each, to this file")
    parser.add_argument("--pickle", action="store_true", help="time pickling the corpus's annotations, both ways")
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
    annotations: list[Annotation] = []
    for run in range(1, args.runs + 1):
        n_entities = n_claims = 0
        annotations = []
        start, cpu_start = time.perf_counter(), time.process_time()
        for doc_id, text in texts:
            t = time.perf_counter()
            ann = annotate(text)
            took = time.perf_counter() - t
            slowest[doc_id] = took if run == 1 else min(slowest[doc_id], took)
            annotations.append(ann)
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
    if args.pickle:
        _time_pickling(annotations, max(args.runs, 3))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for (doc_id, _), ann in zip(texts, annotations, strict=True):
                out.write(json.dumps(annotation_to_json(ann, doc_id), ensure_ascii=False, sort_keys=True) + "\n")
        print(f"annotations written to {args.dump}")


def _time_pickling(annotations: list[Annotation], runs: int) -> None:
    """CPU seconds to pickle each annotation and to read it back, medians of `runs`, as a pool's workers do."""
    dumps: list[float] = []
    loads: list[float] = []
    for _ in range(runs):
        t = time.process_time()
        blobs = [pickle.dumps(ann) for ann in annotations]
        dumps.append(time.process_time() - t)
        t = time.process_time()
        back = [pickle.loads(blob) for blob in blobs]
        loads.append(time.process_time() - t)
    assert back == annotations, "an annotation changed in a pickle round trip"
    size = sum(map(len, blobs)) / 1e6
    print(f"pickling: dump {bp.median(dumps):.3f} s, load {bp.median(loads):.3f} s CPU, {size:.1f} MB (medians of {runs})")


if __name__ == "__main__":
    main()
