"""The `briefings` command line: `briefings annotate ...` and friends.

Each verb is a small function taking parsed arguments and returning an exit
status, so tests can call `main([...])` directly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .core.annotate import annotate


def _annotate(args: argparse.Namespace) -> int:
    """Print the annotation JSON for files, or for JSON Lines on stdin."""
    out = sys.stdout
    if args.jsonl:
        for lineno, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                doc_id, text = record["id"], record["text"]
            except (ValueError, KeyError, TypeError) as exc:
                print(f"<stdin>:{lineno}: not a JSON object with 'id' and 'text' ({exc})", file=sys.stderr)
                return 2
            out.write(json.dumps(annotate(str(text)).to_json(doc_id), ensure_ascii=False) + "\n")
        return 0
    if not args.files:
        print("briefings annotate: give FILES or --jsonl (JSON Lines on stdin)", file=sys.stderr)
        return 2
    status = 0
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: cannot read: {exc}", file=sys.stderr)
            status = 1
            continue
        out.write(json.dumps(annotate(text).to_json(path), ensure_ascii=False) + "\n")
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefings", description="Annotated news briefings.")
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("annotate", help="print entities and claims as JSON")
    p.add_argument("files", nargs="*", help="UTF-8 text files")
    p.add_argument("--jsonl", action="store_true", help='read {"id", "text"} JSON Lines on stdin')
    p.set_defaults(func=_annotate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
