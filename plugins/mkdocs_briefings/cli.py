"""The `briefings` command line: `briefings annotate ...` and friends.

Each verb is a small function taking parsed arguments and returning an exit
status, so tests can call `main([...])` directly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import yaml

from . import export_site
from .core.annotate import annotate
from .core.cache import engine_register
from .core.contract import annotation_to_json
from .core.model import LINK_CONFIDENCE, RegisterEntry
from .core.project import check_project
from .core.register import load_register
from .core.review import Finding, SeedLayout, body_layout, ordered, review
from .core.seeds import read_text, split_front_matter


def _annotate(args: argparse.Namespace) -> int:
    """Print the annotation JSON for files, or for JSON Lines on stdin."""
    out = sys.stdout
    register: tuple[RegisterEntry, ...] = ()
    if args.register:
        if not Path(args.register).is_file():
            print(f"{args.register}: register file not found", file=sys.stderr)
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
                print(f"<stdin>:{lineno}: not a JSON object with 'id' and 'text' ({exc})", file=sys.stderr)
                return 2
            out.write(json.dumps(annotation_to_json(annotate(str(text), register), doc_id), ensure_ascii=False) + "\n")
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
        out.write(json.dumps(annotation_to_json(annotate(text, register), path), ensure_ascii=False) + "\n")
    return status


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` and `!!python/name:` tags mean nothing here."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _plugin_options(config_file: Path) -> dict[str, object]:
    """The `briefings` plugin's options in mkdocs.yml, so `check` looks where the build looks."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader)  # a SafeLoader subclass
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for item in plugins if isinstance(plugins, list) else [plugins]:  # list form, or mapping form
        if isinstance(item, dict) and isinstance(item.get("briefings"), dict):
            return cast("dict[str, object]", item["briefings"])
    return {}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _check(args: argparse.Namespace) -> int:
    """Validate seeds, overlays and the register without building; 1 when anything is wrong.

    It annotates (through the cache) because whether a correction still
    matches a claim can only be known from the annotation.
    """
    root, seeds, briefings, cache = _project_dirs(args)
    project, problems = check_project(root, seeds, briefings, cache)
    for problem in problems:
        print(problem)
    if problems:
        errors = sum(1 for p in problems if p.is_error)
        print(
            f"briefings check: {_count(len(problems), 'problem')} "
            f"({_count(errors, 'error')}, {_count(len(problems) - errors, 'warning')})",
            file=sys.stderr,
        )
        return 1
    overlays = sum(1 for b in project.briefings if b.overlay)
    print(
        f"briefings check: ok — {len(project.briefings)} briefings ({overlays} with overlays), "
        f"{len(project.register)} register entries, no problems"
    )
    return 0


def _project_dirs(args: argparse.Namespace) -> tuple[Path, str, str, Path | None]:
    """Root, seeds and overlays folders and cache, as `mkdocs build` would use them."""
    root = Path(args.root)
    options = _plugin_options(root / "mkdocs.yml")
    seeds = args.seeds or str(options.get("seeds_dir", "seeds"))
    briefings = args.briefings or str(options.get("briefings_dir", "briefings"))
    cache = None if args.no_cache else root / str(options.get("cache_dir", ".cache/briefings"))
    return root, seeds, briefings, cache


def _layouts(root: Path, seeds: str, rels: list[str]) -> list[SeedLayout]:
    """Where each seed's body starts in its file, for file:line findings."""
    out: list[SeedLayout] = []
    for rel in rels:
        shown = f"{seeds}/{rel}"
        raw, _ = read_text(root / seeds / rel, shown, "seed")
        if raw is None:
            out.append(SeedLayout(shown, 1, 1 << 30))
            continue
        _, _, body, _ = split_front_matter(raw, shown)
        out.append(body_layout(shown, raw, body))
    return out


def _review(args: argparse.Namespace) -> int:
    """List, per briefing, the claims and names an editor should check first, with suggested fixes."""
    root, seeds, briefings, cache = _project_dirs(args)
    project, problems = check_project(root, seeds, briefings, cache)
    errors = [p for p in problems if p.is_error]
    for problem in errors:
        print(problem, file=sys.stderr)
    if errors:
        return 2
    found: dict[str, list[Finding]] = {}
    for b in project.briefings:
        found[b.slug] = review(b, _layouts(root, seeds, [s.seed for s in b.sources]), args.threshold)
    shown = ordered(found)
    if args.limit:
        shown = shown[:args.limit]
    for slug, findings in shown:
        print(f"== {slug}: {_count(len(findings), 'finding')}")
        for finding in findings:
            print(finding)
    total = sum(len(f) for f in found.values())
    with_findings = sum(1 for f in found.values() if f)
    print(f"briefings review: {_count(total, 'finding')} in {_count(with_findings, 'briefing')} "
          f"of {len(project.briefings)} (confidence below {args.threshold:.2f})", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefings", description="Annotated news briefings.")
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("annotate", help="print entities and claims as JSON")
    p.add_argument("files", nargs="*", help="UTF-8 text files")
    p.add_argument("--jsonl", action="store_true", help='read {"id", "text"} JSON Lines on stdin')
    p.add_argument("--register", metavar="PATH", help="an entity register (entities.yml) to apply")
    p.set_defaults(func=_annotate)
    p = verbs.add_parser("check", help="validate seeds, overlays and the register without building")
    p.add_argument("--root", default=".", help="project directory (default: current directory)")
    p.add_argument("--seeds", help="seeds directory, relative to the root (default: from mkdocs.yml, else seeds)")
    p.add_argument("--briefings", help="overlays directory, relative to the root (default: from mkdocs.yml, else briefings)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write .cache/briefings/")
    p.set_defaults(func=_check)
    p = verbs.add_parser(
        "review",
        help="list the claims and names an editor should check first, with suggested fixes",
        description="Per briefing (most findings first): claims whose speaker is missing, unresolved or "
        "guessed, and names typed on weak evidence, as seeds/<file>:<line> lines with the overlay or "
        "register lines that fix or confirm them.",
    )
    p.add_argument("--root", default=".", help="project directory (default: current directory)")
    p.add_argument("--seeds", help="seeds directory, relative to the root (default: from mkdocs.yml, else seeds)")
    p.add_argument("--briefings", help="overlays directory, relative to the root (default: from mkdocs.yml, else briefings)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write .cache/briefings/")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="show only the N briefings with most findings")
    p.add_argument("--threshold", type=float, default=LINK_CONFIDENCE, metavar="C",
                   help=f"list what the engine is less sure of than C (default {LINK_CONFIDENCE})")
    p.set_defaults(func=_review)
    export_site.add_parser(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
