"""The mkdocs adapter: configuration, generated files, live reload, export.

Thin on purpose (like mkdocs-material's tags plugin): the core loads and
indexes, the Renderer writes page sources; this module only moves data
between mkdocs and them, logs the core's diagnostics as warnings (so
`mkdocs build --strict` fails on them) and turns fatal input errors into a
PluginError that names the file and line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .core.corpus import Corpus, build_corpus
from .core.diagnostics import BriefingsError
from .core.project import Project, load_project
from .render.htmlblock import BriefingsHtmlExtension, registered
from .render.renderer import CSS_URI, JS_URI, Renderer

log = get_plugin_logger(__name__)


def _is_index(src_uri: str) -> bool:
    """Whether a generated path is one of the index pages (the only ones fit for the nav)."""
    return src_uri.endswith("/index.md") or not src_uri.endswith(".md")


class BriefingsConfig(base.Config):
    """Options of the `briefings` plugin; paths are relative to mkdocs.yml."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder of raw articles (`.txt`, or `.md` with YAML front matter)."""

    briefings_dir = c.Type(str, default="briefings")
    """Folder of editorial input: `<slug>.md` overlays and the `entities.yml` register."""

    cache_dir = c.Type(str, default=".cache/briefings")
    """Where annotations are cached between builds (safe to delete)."""

    per_page = c.Type(int, default=50)
    """Briefings per page of the briefings index."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Generates briefing, entity and index pages from seeds outside `docs/`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self.corpus: Corpus | None = None
        self.root = Path.cwd()

    def _path(self, value: str) -> Path:
        return (self.root / value).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve paths, register the markdown extension and the site's CSS/JS."""
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        if self.config.per_page < 1:
            raise PluginError(f"briefings: per_page must be at least 1, not {self.config.per_page}")
        if not registered(config.markdown_extensions):
            config.markdown_extensions.append(BriefingsHtmlExtension())  # type: ignore[arg-type]
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if not any(str(s) == JS_URI for s in config.extra_javascript):
            config.extra_javascript.append(JS_URI)  # type: ignore[arg-type]
        return config

    # Early (before other plugins such as search see the file list), so every
    # generated page is an ordinary page to everyone after us.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Load the project, index it and add every generated page and asset."""
        try:
            project = load_project(
                self.root,
                seeds_dir=self.config.seeds_dir,
                briefings_dir=self.config.briefings_dir,
                cache_dir=self._path(self.config.cache_dir),
                progress=log.debug,
            )
        except BriefingsError as exc:
            raise PluginError(f"briefings: {exc}") from None
        for diagnostic in project.diagnostics:
            log.warning(str(diagnostic))
        self.project = project
        self.corpus = build_corpus(project.briefings, project.register)
        renderer = Renderer(self.corpus, per_page=self.config.per_page)

        for src_uri, source in renderer.pages():
            self._add(files, config, src_uri, source)
        for src_uri, data in renderer.assets():
            self._add(files, config, src_uri, data)
        log.info(
            f"{len(project.briefings)} briefings, "
            f"{sum(1 for r in self.corpus.entities.values() if r.page)} entity pages, "
            f"{self.corpus.claim_count()} claims"
        )
        return files

    @staticmethod
    def _add(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes) -> None:
        """Add one generated file; a hand-written file at the same path is an error, not a silent loss."""
        existing = files.get_file_from_path(src_uri)
        if existing is not None and existing.generated_by is None:
            raise PluginError(
                f"briefings: docs/{src_uri} clashes with a generated page; rename or remove it"
            )
        if existing is not None:
            files.remove(existing)
        # Only the index pages may go in the nav; one nav entry per briefing or
        # entity would make every page's nav grow with the corpus (O(N^2) build).
        inclusion = InclusionLevel.UNDEFINED if _is_index(src_uri) else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when seeds, overlays or the register change (they live outside docs/)."""
        for folder in (self.config.seeds_dir, self.config.briefings_dir):
            path = self._path(folder)
            if path.is_dir():
                server.watch(str(path))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write `briefings.json`: every briefing with its metadata and annotation."""
        if self.corpus is None:
            return
        records = []
        for b in sorted(self.corpus.briefings, key=lambda b: b.slug):
            records.append(
                {
                    "slug": b.slug,
                    "title": b.title,
                    "date": b.date.isoformat() if b.date else None,
                    "sources": [
                        {
                            "seed": s.seed,
                            "title": s.title,
                            "date": s.date.isoformat() if s.date else None,
                            "source": s.source,
                            "url": s.url,
                            "license": s.license,
                        }
                        for s in b.sources
                    ],
                    "tags": list(b.tags),
                    "summary": b.summary,
                    "annotation": b.annotation.to_json(b.slug),
                }
            )
        out = Path(config.site_dir) / "briefings.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(json.dumps({"briefings": records}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, out)
