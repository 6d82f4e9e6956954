"""The `briefings` plugin's options (mkdocs.yml) and their checks.

The config class is mkdocs' own (`base.Config`); what its option types
cannot say (a positive `per_page`, a `min_briefings` of known kinds, input
and cache folders outside what mkdocs publishes or deletes) is checked
here, each refusal a PluginError naming the option.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .core.kinds import BY_KEY, PAGE_DIRS
from .search.integration import BACKENDS


class BriefingsConfig(base.Config):
    """Options of the `briefings` plugin; paths are relative to mkdocs.yml."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder of raw articles (`.txt`, or `.md` with YAML front matter)."""

    briefings_dir = c.Type(str, default="briefings")
    """Folder of editorial input: `<slug>.md` overlays and the `entities.yml` register."""

    cache_dir = c.Type(str, default=".cache/briefings")
    """Where annotations, and the last complete build's pages, are kept between builds (safe to delete)."""

    per_page = c.Type(int, default=50)
    """Briefings per page of the briefings index."""

    min_briefings = c.Optional(c.Type((int, dict)))
    """From how many briefings a person, organisation or place gets a page of
    its own (register entries always do): one number for every kind, or a
    number per kind (`person`, `organisation`, `place`). A kind left out
    fits the site's size (`entity_pages.fitted_thresholds`): every name on a small
    site, and on an archive of 2,000 briefings or more people from 10
    briefings and organisations and places, which the news names far more
    often and quotes far less, from 20. The others are described on their
    A-Z listing page (every briefing they appear in, and what they said).
    1 gives every name a page: fine for a small site, but most names in a
    news archive are mentioned once or twice, and a page each multiplies the
    build time and size of a large one."""

    search_backend = c.Choice(BACKENDS, default="auto")
    """Site search: `pagefind` (a chunked index fetched word by word), `material`
    (material's lunr index, loaded whole by every page) or `auto` (Pagefind from
    500 pages up when its binary is installed). See docs/search.md."""


def thresholds_hint(thresholds: dict[str, int], briefing_count: int) -> str:
    """One line saying from how many briefings each kind gets a page, and how to choose otherwise."""
    parts = [f"{BY_KEY[kind].plural.lower()} from {n} briefing{'' if n == 1 else 's'}" for kind, n in thresholds.items()]
    return (f"entity pages for {', '.join(parts)} (fitted to a site of {briefing_count} "
            f"briefing{'' if briefing_count == 1 else 's'}; set the plugin's min_briefings to choose)")


def check_min_briefings(value: Any) -> None:
    """Refuse a `min_briefings` that is not a positive number, or a mapping of page kinds to one."""
    values = value.items() if isinstance(value, dict) else [("", value)]
    for kind, n in values:
        if kind and kind not in PAGE_DIRS:
            raise PluginError(
                f"briefings: min_briefings has an unknown kind {kind!r}; use one of {', '.join(sorted(PAGE_DIRS))}"
            )
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            where = f"min_briefings.{kind}" if kind else "min_briefings"
            raise PluginError(f"briefings: {where} must be a whole number of at least 1, not {n!r}")


def check_folders(options: BriefingsConfig, root: Path, config: MkDocsConfig) -> None:
    """Refuse input or cache folders inside `docs_dir` or `site_dir`.

    mkdocs publishes everything under `docs/` as it is: seeds there would
    become raw pages (their HTML unescaped) beside their briefings, and the
    cache's page bodies and annotation files would be downloadable. Under
    `site_dir` they would be deleted by the next build's clean-up.
    """
    published = {"docs_dir": Path(config.docs_dir).resolve(), "site_dir": Path(config.site_dir).resolve()}
    for option in ("seeds_dir", "briefings_dir", "cache_dir"):
        path = (root / getattr(options, option)).resolve()
        for name, folder in published.items():
            if path == folder or folder in path.parents:
                raise PluginError(
                    f"briefings: {option} ({getattr(options, option)}) is inside {name}, where mkdocs "
                    f"{'publishes' if name == 'docs_dir' else 'deletes'} every file: move it outside"
                )


def check_options(options: BriefingsConfig, root: Path, config: MkDocsConfig) -> None:
    """Refuse what the option types let through: `per_page` below 1, a bad `min_briefings`, folders mkdocs owns."""
    if options.per_page < 1:
        raise PluginError(f"briefings: per_page must be at least 1, not {options.per_page}")
    if options.min_briefings is not None:
        check_min_briefings(options.min_briefings)
    check_folders(options, root, config)
