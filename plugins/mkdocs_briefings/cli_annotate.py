"""`briefings annotate`: the annotation JSON (or `--pretty` text) of files, or of JSON Lines on stdin.

Files are read the site's own way (`core/seeds.py`), so a seed with front
matter is annotated as the site annotates it: its body.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .core.annotate import annotate
from .core.cache import engine_register
from .core.contract import annotation_to_json
from .core.diagnostics import Diagnostic
from .core.model import Annotation, RegisterEntry
from .core.register import load_register
from .core.review import body_layout
from .core.seeds import read_seed, read_text, split_front_matter
from .pretty import pretty


def run_annotate(args: argparse.Namespace) -> int:
    """Print the annotation JSON (or `--pretty` text) for files, or for JSON Lines on stdin."""
    out = sys.stdout

    def emit(name: str, text: str, annotation: Annotation) -> None:
        if args.pretty:
            out.write(pretty(name, text, annotation))
        else:
            out.write(json.dumps(annotation_to_json(annotation, name), ensure_ascii=False) + "\n")

    register: tuple[RegisterEntry, ...] = ()
    if args.register:
        if not Path(args.register).is_file():
            print(Diagnostic(args.register, 0, "register file not found", "error"), file=sys.stderr)
            return 2
        entries, problems = load_register(Path(args.register), args.register)
        for problem in problems:
            print(problem, file=sys.stderr)
        if any(p.is_error for p in problems):
            return 2
        register = engine_register(entries)
    if args.jsonl:
        for lineno, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                doc_id, text = record["id"], record["text"]
            except (ValueError, KeyError, TypeError) as exc:
                print(Diagnostic("<stdin>", lineno, f"not a JSON object with 'id' and 'text' ({exc})"), file=sys.stderr)
                return 2
            emit(str(doc_id) if args.pretty else doc_id, str(text), annotate(str(text), register))
        return 0
    if not args.files:
        print("briefings annotate: give FILES or --jsonl (JSON Lines on stdin)", file=sys.stderr)
        return 2
    status = 0
    for path in args.files:
        text, first_line, problems = _read_for_annotation(path)
        for problem in problems:
            print(problem, file=sys.stderr)
        if text is None:
            status = 1
            continue
        if args.pretty:
            out.write(pretty(path, text, annotate(text, register), first_line))
        else:
            emit(path, text, annotate(text, register))
    return status


def _read_for_annotation(path: str) -> tuple[str | None, int, list[Diagnostic]]:
    """The text to annotate, the file line it starts on, and the problems met reading it.

    The site's own reading path, so the refusals and `file:line` messages are
    the ones `check` gives. A file with YAML front matter is read as a seed:
    the site annotates its body, so that is what is annotated (offsets count
    from the body); any other file is annotated as it is.
    """
    raw, failure = read_text(Path(path), path, "file")
    if raw is None:
        return None, 1, [failure or Diagnostic(path, 0, "cannot read file", "error")]
    if not raw.startswith("---"):
        return raw, 1, []
    seed, problems = read_seed(Path(path), Path(path).name, path)
    if seed is None:
        return None, 1, problems
    _, _, body, _ = split_front_matter(raw, path)
    return seed.text, body_layout(path, raw, body).first_line, problems
