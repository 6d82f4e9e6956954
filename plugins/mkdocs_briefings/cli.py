"""The `briefings` command line: `briefings annotate ...` and friends.

Each verb is a small function taking parsed arguments and returning an exit
status, so tests can call `main([...])` directly: `annotate` in
`cli_annotate.py`, the verbs over a site's folder (`check`, `review`,
`cache prune`, `new`) in `cli_project.py`, `export` in `export_site.py`.
This module builds the argument parser and runs the verb.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import export_site
from .cli_annotate import run_annotate
from .cli_project import run_cache_prune, run_check, run_new, run_review
from .core.model import LINK_CONFIDENCE
from .newsite import DEFAULT_REQUIREMENT


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
    p.set_defaults(func=run_new)

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
    p.set_defaults(func=run_annotate)

    p = verbs.add_parser(
        "check", help="validate seeds, overlays and the register without building", formatter_class=formatter,
        description="Every problem of the site's inputs at once, as file:line messages (the ones that make "
        "`mkdocs build --strict` fail), and the annotation cache's size. Reads mkdocs.yml as mkdocs does.",
        epilog=_examples("briefings check", "briefings check --root ../other-site --no-cache"),
    )
    _project_arguments(p, no_cache=True)
    p.set_defaults(func=run_check)

    p = verbs.add_parser(
        "review",
        help="list the claims and names an editor should check first, with suggested fixes",
        formatter_class=formatter,
        description="Per briefing (most findings first): claims whose speaker is missing, unresolved or "
        "guessed, and names typed on weak evidence, as seeds/<file>:<line> lines with the overlay or "
        "register lines that fix or confirm them.",
        epilog=_examples("briefings review --limit 5", "briefings review --threshold 0.7"),
    )
    _project_arguments(p, no_cache=True)
    p.add_argument("--limit", type=int, default=0, metavar="N", help="show only the N briefings with most findings")
    p.add_argument("--threshold", type=float, default=LINK_CONFIDENCE, metavar="C",
                   help=f"list what the engine is less sure of than C (default {LINK_CONFIDENCE})")
    p.set_defaults(func=run_review)

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
    q.set_defaults(func=run_cache_prune)
    export_site.add_parser(verbs)
    return parser


def _project_arguments(p: argparse.ArgumentParser, *, no_cache: bool = False) -> None:
    """Where the project is; `no_cache` for the commands that can also run without the annotation cache."""
    p.add_argument("--root", default=".", help="project directory (default: current directory)")
    p.add_argument("--seeds", help="seeds directory, relative to the root (default: from mkdocs.yml, else seeds)")
    p.add_argument("--briefings", help="overlays directory, relative to the root (default: from mkdocs.yml, else briefings)")
    if no_cache:
        p.add_argument("--no-cache", action="store_true", help="do not read or write .cache/briefings/")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
