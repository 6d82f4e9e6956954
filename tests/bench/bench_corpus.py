"""Does every BBC article build? One cold build of the whole corpus, with its warnings.

Usage (from the repository root; needs the BBC corpus, see README.md):

    python tests/bench/bench_corpus.py            # prints warnings, pages, time
    python tests/bench/bench_corpus.py --strict   # also fail on any warning

Real articles hold what hand-made tests forget (bullet lists flattened to
text, readers' comments, tables, odd quotes), so the whole corpus is the
robustness check of last resort. The script counts the briefing pages in the
built site, prints every warning (grouped by message, with a count), and
exits non-zero when the build fails, a page is missing or a traceback shows.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import bbc_projects as bp

_LOG_LINE = re.compile(r"^(WARNING|ERROR)\s*-\s*(.*)$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strict", action="store_true", help="build with --strict (a warning fails the build)")
    args = parser.parse_args()

    articles = bp.read_corpus()
    with tempfile.TemporaryDirectory(prefix="briefings-corpus-") as tmp:
        root = bp.write_ours(Path(tmp) / "ours", articles)
        result = bp.build(root, *(["--strict"] if args.strict else []), quiet=False)
        output = result.stdout + result.stderr
        problems = [m.groups() for m in map(_LOG_LINE.match, output.splitlines()) if m]
        pages = sorted((root / "site" / "briefings").glob("*/index.html"))
        pages = [p for p in pages if p.parent.name != "page"]

    print(f"{len(articles)} articles: build exit {result.returncode} in {result.wall:.1f} s, "
          f"peak RSS {result.maxrss_kb / 1024:.0f} MB")
    print(f"briefing pages: {len(pages)} (expected {len(articles)})")
    levels = Counter(level for level, _ in problems)
    print(f"warnings: {levels['WARNING']}, errors: {levels['ERROR']}")
    # Group by message with digits masked, so 500 "claim N" warnings read as one line.
    groups = Counter(f"{level}: {re.sub(r'[0-9]+', 'N', message)[:160]}" for level, message in problems)
    for message, count in groups.most_common(20):
        print(f"  {count:5d} x {message}")
    traceback = "Traceback" in output
    if traceback:
        print("a traceback was printed:\n" + output[-3000:])
    ok = result.returncode == 0 and len(pages) == len(articles) and not traceback
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
