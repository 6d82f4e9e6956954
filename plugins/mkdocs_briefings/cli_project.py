"""`briefings check`, `review`, `cache prune` and `new`: the verbs over a site's folder.

Each takes parsed arguments and returns an exit status; problems are
file:line diagnostics on stdout (`check`) or stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .cli_config import project_dirs
from .core.annotate import engine_version
from .core.cache import cache_size, now, prune, used_keys
from .core.project import check_project
from .core.review import Finding, SeedLayout, body_layout, ordered, review
from .core.seeds import read_text, split_front_matter
from .newsite import NewSiteError, make_site


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def _count(n: int, noun: str, nouns: str = "") -> str:
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


def run_check(args: argparse.Namespace) -> int:
    """Validate seeds, overlays and the register without building; 1 when anything is wrong.

    It annotates (through the cache) because whether a correction still
    matches a claim can only be known from the annotation.
    """
    root, seeds, briefings, cache, site = project_dirs(args)
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


def run_review(args: argparse.Namespace) -> int:
    """List, per briefing, the claims and names an editor should check first, with suggested fixes."""
    root, seeds, briefings, cache, site = project_dirs(args)
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


def run_new(args: argparse.Namespace) -> int:
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


def run_cache_prune(args: argparse.Namespace) -> int:
    """Remove the annotation cache's entries the site's current inputs do not use (all, with --all)."""
    args.no_cache = False
    root, seeds, briefings, cache, site = project_dirs(args)
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
