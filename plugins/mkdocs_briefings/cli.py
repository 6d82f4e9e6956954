"""The `briefings` command line: `briefings annotate ...` and friends.

Each verb is a small function taking parsed arguments and returning an exit
status, so tests can call `main([...])` directly.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import yaml

from . import export_site
from .core.annotate import annotate, engine_version
from .core.cache import cache_size, engine_register, now, prune, used_keys
from .core.contract import annotation_to_json
from .core.diagnostics import Diagnostic
from .core.model import LINK_CONFIDENCE, Annotation, RegisterEntry
from .core.project import check_project
from .core.register import load_register
from .core.review import Finding, SeedLayout, body_layout, ordered, review
from .core.seeds import read_seed, read_text, split_front_matter
from .newsite import DEFAULT_REQUIREMENT, NewSiteError, make_site
from .pretty import pretty


def _annotate(args: argparse.Namespace) -> int:
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


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as mkdocs does (`!ENV` resolved, `INHERIT` merged, see `_site_config`);
    tags that only mean something to a build (`!!python/name:`, `!relative`) read as nothing."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _site_config(config_file: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    """mkdocs.yml as mkdocs loads it (its own YAML loader: `!ENV`, `INHERIT`), and its problems.

    No mkdocs.yml: an empty config (the plugin's defaults). A config `check`
    cannot read is a problem with its file and line, like any other input.
    """
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    shown = config_file.name
    try:
        with open(config_file, "rb") as f:
            config: object = yaml_load(f, get_yaml_loader(_LenientLoader))  # typed dict; a list or a scalar in fact
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [Diagnostic(shown, 0, f"cannot read the site's config: {exc.strerror or exc}", "error")]
    except ConfigurationError as exc:
        cause = exc.__context__
        mark = getattr(cause, "problem_mark", None) or getattr(cause, "context_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(cause, "problem", None) or str(cause or exc)
        return {}, [Diagnostic(shown, line, f"invalid YAML: {problem}", "error")]
    if not isinstance(config, dict):
        return {}, [Diagnostic(shown, 1, "the site's config is not a mapping of settings", "error")]
    return config, []


def _plugin_options(config: dict[str, Any]) -> dict[str, object]:
    """The `briefings` plugin's options in mkdocs.yml, so `check` looks where the build looks."""
    plugins = config.get("plugins")
    for item in plugins if isinstance(plugins, list) else [plugins]:  # list form, or mapping form
        if isinstance(item, dict) and isinstance(item.get("briefings"), dict):
            return cast("dict[str, object]", item["briefings"])
    return {}


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def _count(n: int, noun: str, nouns: str = "") -> str:
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


def _check(args: argparse.Namespace) -> int:
    """Validate seeds, overlays and the register without building; 1 when anything is wrong.

    It annotates (through the cache) because whether a correction still
    matches a claim can only be known from the annotation.
    """
    root, seeds, briefings, cache, site = _project_dirs(args)
    if not root.is_dir():
        print(site[0])
        print("briefings check: 1 problem (1 error, 0 warnings)", file=sys.stderr)
        return 1
    project, problems = check_project(root, seeds, briefings, cache)
    problems = (*site, *problems)
    for problem in problems:
        print(problem)
    if cache is not None:
        size = cache_size(cache)
        shown = cache.relative_to(root) if cache.is_relative_to(root) else cache
        print(f"annotation cache {shown.as_posix()}: {_count(size.entries, 'entry', 'entries')}, "
              f"{_size(size.entry_bytes)} ({_size(size.total_bytes)} in all, with the stored pages and search index)")
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


def _project_dirs(args: argparse.Namespace) -> tuple[Path, str, str, Path | None, list[Diagnostic]]:
    """Root, seeds and overlays folders and cache, as `mkdocs build` would use them, and the
    problems of mkdocs.yml that would stop the build before any of them is read."""
    root = Path(args.root)
    if not root.is_dir():
        return root, "seeds", "briefings", None, [Diagnostic(str(root), 0, "project folder not found (--root)", "error")]
    config, problems = _site_config(root / "mkdocs.yml")
    options = _plugin_options(config)

    def option(value: object, default: str) -> str:
        return str(value) if isinstance(value, str) and value else default  # `!ENV` unset reads as None

    seeds = args.seeds or option(options.get("seeds_dir"), "seeds")
    briefings = args.briefings or option(options.get("briefings_dir"), "briefings")
    cache = None if args.no_cache else root / option(options.get("cache_dir"), ".cache/briefings")
    docs = option(config.get("docs_dir"), "docs")
    if (root / "mkdocs.yml").is_file() and not (root / docs).is_dir():
        problems.append(Diagnostic("mkdocs.yml", 0, f"docs_dir '{docs}' is not a folder, and mkdocs stops before any "
                                   f"plugin runs: create it (mkdir {docs}) with an index.md in it (git keeps no "
                                   "empty folder), or run `briefings new` for a whole site", "error"))
    return root, seeds, briefings, cache, problems


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
    root, seeds, briefings, cache, site = _project_dirs(args)
    if not root.is_dir():
        print(site[0], file=sys.stderr)
        return 2
    project, problems = check_project(root, seeds, briefings, cache)
    errors = [p for p in (*site, *problems) if p.is_error]
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


def _new(args: argparse.Namespace) -> int:
    """Write a new site's skeleton into DIR."""
    directory = Path(args.directory)
    try:
        made = make_site(directory, args.name, force=args.force, requirement=args.requirement)
    except NewSiteError as exc:
        print(f"briefings new: {exc}", file=sys.stderr)
        return 2
    for rel in made.written:
        print(f"wrote {directory / rel}")
    for rel in made.kept:
        print(f"kept  {directory / rel} (it exists)")
    print(f"\nNext:\n  cd {directory}\n  mkdocs serve     # http://127.0.0.1:8000/\n"
          "See README.md there for adding articles and publishing on GitHub Pages "
          "(its workflow installs requirements.txt).")
    return 0


def _cache_prune(args: argparse.Namespace) -> int:
    """Remove the annotation cache's entries the site's current inputs do not use (all, with --all)."""
    args.no_cache = False
    root, seeds, briefings, cache, site = _project_dirs(args)
    if cache is None:  # no project folder
        for problem in site:
            print(problem, file=sys.stderr)
        return 2
    if args.all:
        keys: frozenset[str] = frozenset()
        before = time.time()
    else:
        before = now()
        project, problems = check_project(root, seeds, briefings, cache)  # annotates what is missing
        errors = [p for p in (*site, *problems) if p.is_error]
        for problem in errors:
            print(problem, file=sys.stderr)
        if errors:
            print("briefings cache prune: fix these first (the entries the site uses cannot be known), "
                  "or remove every entry with --all", file=sys.stderr)
            return 2
        keys = used_keys(project.briefings, project.register, engine_version())
    done = prune(cache, keys, before, anchor=root.resolve() if not cache.is_absolute() else None)
    if done.problem:
        print(f"briefings cache prune: {done.problem}", file=sys.stderr)
        return 1
    print(f"briefings cache prune: removed {_count(done.removed, 'entry', 'entries')} ({_size(done.freed)}), "
          f"kept {done.kept}")
    return 0


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="briefings", formatter_class=formatter,
        description="Annotated news briefings: start a site, check its inputs, see what the engine finds.",
        epilog=_examples(
            "briefings new my-site --name 'Our briefings'   # a site that builds as it is",
            "cd my-site && mkdocs serve                      # preview it at http://127.0.0.1:8000/",
            "briefings check                                 # articles, overlays, register: file:line problems",
            "briefings annotate --pretty seeds/article.txt   # what the engine finds in one article",
            "briefings review --limit 5                      # what an editor should check first",
            "briefings cache prune                           # drop annotations the site no longer uses",
        ) + "\n\n`briefings VERB --help` tells more about each.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    p = verbs.add_parser(
        "new", help="start a new briefing site in a folder", formatter_class=formatter,
        description="Write a site that `mkdocs build --strict` builds as it is: mkdocs.yml, docs/index.md "
        "(the generated home page), seeds/ with one example article, briefings/entities.yml, a README "
        "and a GitHub Actions workflow that builds and deploys to GitHub Pages.",
        epilog=_examples("briefings new my-site", "briefings new . --force --name 'Newsroom briefings'"),
    )
    p.add_argument("directory", metavar="DIR", help="the new site's folder (created; refused when not empty)")
    p.add_argument("--name", default="Briefings", help="the site's name (site_name; default: Briefings)")
    p.add_argument("--force", action="store_true", help="write into a folder that is not empty; existing files are kept")
    p.add_argument("--requirement", default=DEFAULT_REQUIREMENT, metavar="SPEC",
                   help=f"how requirements.txt installs the plugin: a pip requirement (default: {DEFAULT_REQUIREMENT}, "
                   "the plugin as installed here; a git URL also works)")
    p.set_defaults(func=_new)

    p = verbs.add_parser(
        "annotate", help="print entities and claims as JSON, or as readable text", formatter_class=formatter,
        description="The annotation the site would make of each file (UTF-8 text), one JSON object a line, "
        "or with --pretty entities by kind and claims with their speaker, cue and hedges.",
        epilog=_examples(
            "briefings annotate --pretty seeds/article.txt",
            "briefings annotate --register briefings/entities.yml article.txt",
            "briefings annotate --jsonl < docs.jsonl > annotations.jsonl   # {\"id\", \"text\"} lines",
        ),
    )
    p.add_argument("files", nargs="*", help="UTF-8 text files")
    p.add_argument("--jsonl", action="store_true", help='read {"id", "text"} JSON Lines on stdin')
    p.add_argument("--register", metavar="PATH", help="an entity register (entities.yml) to apply")
    p.add_argument("--pretty", action="store_true", help="readable text instead of JSON")
    p.set_defaults(func=_annotate)

    p = verbs.add_parser(
        "check", help="validate seeds, overlays and the register without building", formatter_class=formatter,
        description="Every problem of the site's inputs at once, as file:line messages (the ones that make "
        "`mkdocs build --strict` fail), and the annotation cache's size. Reads mkdocs.yml as mkdocs does.",
        epilog=_examples("briefings check", "briefings check --root ../other-site --no-cache"),
    )
    _project_arguments(p)
    p.add_argument("--no-cache", action="store_true", help="do not read or write .cache/briefings/")
    p.set_defaults(func=_check)

    p = verbs.add_parser(
        "review",
        help="list the claims and names an editor should check first, with suggested fixes",
        formatter_class=formatter,
        description="Per briefing (most findings first): claims whose speaker is missing, unresolved or "
        "guessed, and names typed on weak evidence, as seeds/<file>:<line> lines with the overlay or "
        "register lines that fix or confirm them.",
        epilog=_examples("briefings review --limit 5", "briefings review --threshold 0.7"),
    )
    _project_arguments(p)
    p.add_argument("--no-cache", action="store_true", help="do not read or write .cache/briefings/")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="show only the N briefings with most findings")
    p.add_argument("--threshold", type=float, default=LINK_CONFIDENCE, metavar="C",
                   help=f"list what the engine is less sure of than C (default {LINK_CONFIDENCE})")
    p.set_defaults(func=_review)

    p = verbs.add_parser(
        "cache", help="the annotation cache (.cache/briefings/)", formatter_class=formatter,
        description="Builds keep each annotation in the cache and remove, after a complete build, the "
        "entries it did not use. `briefings check` shows its size.",
        epilog=_examples("briefings cache prune", "briefings cache prune --all"),
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = actions.add_parser("prune", help="remove the entries the site's current inputs do not use", formatter_class=formatter,
                           description="Annotates what is missing (as `check` does), then removes every other "
                           "entry no build has read or written since the command started.",
                           epilog=_examples("briefings cache prune", "briefings cache prune --root ../other-site --all"))
    _project_arguments(q)
    q.add_argument("--all", action="store_true", help="remove every entry (the next build annotates everything)")
    q.set_defaults(func=_cache_prune)
    export_site.add_parser(verbs)
    return parser


def _project_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", default=".", help="project directory (default: current directory)")
    p.add_argument("--seeds", help="seeds directory, relative to the root (default: from mkdocs.yml, else seeds)")
    p.add_argument("--briefings", help="overlays directory, relative to the root (default: from mkdocs.yml, else briefings)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
