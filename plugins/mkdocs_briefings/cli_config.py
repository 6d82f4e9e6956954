"""mkdocs.yml as the `briefings` commands read it: the project's folders, as a build would use them.

`check`, `review` and `cache prune` look where `mkdocs build` looks: the
plugin's `seeds_dir`, `briefings_dir` and `cache_dir` options, read with
mkdocs' own YAML loader, and the problems of mkdocs.yml that would stop a
build before any input is read, as file:line diagnostics.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, cast

import yaml

from .core.diagnostics import Diagnostic


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


def project_dirs(args: argparse.Namespace) -> tuple[Path, str, str, Path | None, list[Diagnostic]]:
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
