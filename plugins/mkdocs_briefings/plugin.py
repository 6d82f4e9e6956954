"""The mkdocs adapter: configuration, generated files, live reload, export.

Thin on purpose (like mkdocs-material's tags plugin): the core loads and
indexes, the Renderer makes pages; this module only moves data between
mkdocs and them, logs the core's diagnostics as warnings (so
`mkdocs build --strict` fails on them) and turns fatal input errors into a
PluginError that names the file and line.

Generated pages are `GeneratedPage`s (a Page subclass, as mkdocs-material's
blog plugin makes its own pages): their HTML comes from the page store when
the page is written and is dropped right after, so neither Python-Markdown
nor a site's worth of page bodies in memory is paid for pages whose markup
we wrote ourselves. The store (`render/pagestore.py`) has the renderer make
them (in a child process for a large site) or, when no input changed since
the last complete build, reads that build's pages back. Editor-written
markdown on them (summaries, register descriptions) still goes through
mkdocs' own rendering, link checks included.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data as get_markdown_meta

from .core.contract import export_json
from .core.corpus import Corpus, Thresholds, build_corpus
from .core.diagnostics import BriefingsError
from .core.export import across
from .core.kinds import MIN_BRIEFINGS, PAGE_DIRS
from .core.project import load_project
from .render.jinja import FOLDER as TEMPLATE_FOLDER
from .render.pages import Section, headings_of
from .render.pagestore import PageStore, StoreError, fingerprint
from .render.paths import HOME, HOME_MARKER
from .render.renderer import CSS_URI, JS_URI, PageSpec, Renderer
from .render.sanitize import BriefingsHtmlExtension, registered
from .search.integration import BACKENDS, SearchIntegration

log = get_plugin_logger(__name__)


#: A run of white space that holds a line break (the theme's template indentation).
_BLANK_LINES = re.compile(r"\n[ \t\r\n]+")


class GeneratedPage(Page):
    """A page made by the renderer: HTML on demand, editor markdown through mkdocs."""

    def __init__(self, spec: PageSpec, file: File, config: MkDocsConfig) -> None:
        self.spec = spec
        self.editor_html = ""
        self.editor_headings: tuple[Section, ...] = ()
        self.full_html = ""
        super().__init__(None, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        self.meta = dict(self.spec.meta)
        self.markdown = self.spec.markdown

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Render only the editor's markdown now; the page's own HTML waits for `materialize`."""
        anchors = set(self.spec.anchors)
        if self.spec.markdown:
            super().render(config, files)
            self.editor_html, editor_ids, renamed = _own_ids(self.content or "", self.present_anchor_ids or set(), anchors)
            self.editor_headings = tuple(replace(h, id=renamed.get(h.id, h.id)) for h in headings_of(self.toc))
            anchors |= editor_ids
        self.present_anchor_ids = anchors
        self.content = ""

    def materialize(self) -> None:
        """Make the page's HTML; until `unveil`, `content` is the lean version for the search index."""
        parts = self.spec.make()
        self.full_html = _join(parts.before, self.editor_html, parts.after)
        # A table of contents the page hides is never made: the theme would render it
        # (hidden) into every briefing and listing page, and search finds a section's
        # anchor without it, the same as with it.
        hidden = "toc" in (self.meta.get("hide") or ())
        toc_tokens = [] if hidden else self.spec.outline.toc(self.editor_headings)
        self.toc = get_toc(toc_tokens)  # type: ignore[arg-type]  # mkdocs types tokens as its private TypedDict; ours are the same plain dicts
        self.content = _join(parts.search_before, self.editor_html, parts.search_after)

    def unveil(self) -> None:
        """Put the page's own HTML in place for the theme (after search has read its version)."""
        self.content, self.full_html = self.full_html, ""

    def release(self) -> None:
        """Drop the HTML once the page is written: memory stays flat however large the site."""
        self.content = ""


#: Ids the page keeps for itself besides its spec's anchors: the search version's title, the theme's own.
_RESERVED_IDS = frozenset({"title"})
_ID_ATTR = re.compile(r'(\sid=")([^"]*)(")')
_HEADERLINK = re.compile(r'(<a class="headerlink" href="#)([^"]*)(")')


def _own_ids(editor_html: str, editor_ids: set[str], page_ids: set[str]) -> tuple[str, set[str], dict[str, str]]:
    """Editor markdown's heading ids, renamed where they would repeat one of the page's own.

    An editor's `## claim-1` or `## Sources` gets the id the page already
    gives a claim or a section; two elements with one id break the links to
    it. Such an id becomes `editor-<id>` (links the editor wrote to `#claim-1`
    still go to the page's claim).
    """
    taken = page_ids | _RESERVED_IDS
    renamed: dict[str, str] = {}
    for anchor in sorted(editor_ids):
        if anchor in taken or anchor.startswith("__"):
            new, n = f"editor-{anchor}", 1
            while new in taken or new in editor_ids or new in renamed.values():
                n += 1
                new = f"editor-{anchor}-{n}"
            renamed[anchor] = new
    if not renamed:
        return editor_html, set(editor_ids), renamed

    def swap(m: re.Match[str]) -> str:
        return m.group(1) + renamed.get(m.group(2), m.group(2)) + m.group(3)

    editor_html = _HEADERLINK.sub(swap, _ID_ATTR.sub(swap, editor_html))
    return editor_html, {renamed.get(a, a) for a in editor_ids}, renamed


def _home_source(files: Files) -> tuple[File, str, dict[str, Any]] | None:
    """docs/index.md, its markdown and front matter, when it holds `HOME_MARKER`; else None."""
    file = files.get_file_from_path(HOME)
    if file is None or file.generated_by is not None or not file.abs_src_path:
        return None
    text = Path(file.abs_src_path).read_text(encoding="utf-8-sig", errors="replace")
    if HOME_MARKER not in text:
        return None
    markdown, meta = get_markdown_meta(text)
    return file, markdown, meta


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


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

    min_briefings = c.Type((int, dict), default=dict(MIN_BRIEFINGS))
    """From how many briefings a person, organisation or place gets a page of
    its own (register entries always do): one number for every kind, or a
    number per kind (`person`, `organisation`, `place`; a kind left out keeps
    its default). The default gives people a page from 10 briefings and
    organisations and places, which the news names far more often and quotes
    far less, from 20. The others are described on their A-Z listing page
    (every briefing they appear in, and what they said). 1 gives every name
    a page: fine for a small site, but most names in a news archive are
    mentioned once or twice, and a page each multiplies the build time and
    size of a large one."""

    search_backend = c.Choice(BACKENDS, default="auto")
    """Site search: `pagefind` (a chunked index fetched word by word), `material`
    (material's lunr index, loaded whole by every page) or `auto` (Pagefind from
    500 pages up when its binary is installed). See docs/search.md."""


def _check_min_briefings(value: Any) -> None:
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


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Generates briefing, entity and index pages from seeds outside `docs/`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.corpus: Corpus | None = None
        self.store: PageStore | None = None
        self.root = Path.cwd()
        self.search = SearchIntegration("auto")
        self.dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember a dirty build (`--dirty`, `--dirtyreload`): it renders only changed pages."""
        self.dirty = dirty

    def _path(self, value: str) -> Path:
        return (self.root / value).resolve()

    def _check_folders(self, config: MkDocsConfig) -> None:
        """Refuse input or cache folders inside `docs_dir` or `site_dir`.

        mkdocs publishes everything under `docs/` as it is: seeds there would
        become raw pages (their HTML unescaped) beside their briefings, and the
        cache's page bodies and annotation files would be downloadable. Under
        `site_dir` they would be deleted by the next build's clean-up.
        """
        published = {"docs_dir": Path(config.docs_dir).resolve(), "site_dir": Path(config.site_dir).resolve()}
        for option in ("seeds_dir", "briefings_dir", "cache_dir"):
            path = self._path(getattr(self.config, option))
            for name, folder in published.items():
                if path == folder or folder in path.parents:
                    raise PluginError(
                        f"briefings: {option} ({getattr(self.config, option)}) is inside {name}, where mkdocs "
                        f"{'publishes' if name == 'docs_dir' else 'deletes'} every file: move it outside"
                    )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve paths, register the markdown extension and the site's CSS/JS."""
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        if self.config.per_page < 1:
            raise PluginError(f"briefings: per_page must be at least 1, not {self.config.per_page}")
        _check_min_briefings(self.config.min_briefings)
        self._check_folders(config)
        self.search.close()
        self.search = SearchIntegration(self.config.search_backend, dirty=self.dirty,
                                        cache_dir=self._path(self.config.cache_dir) / "search")
        if not registered(config.markdown_extensions):
            config.markdown_extensions.append(BriefingsHtmlExtension())  # type: ignore[arg-type]  # mkdocs types the list as names; Markdown also takes instances
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if not any(str(s) == JS_URI for s in config.extra_javascript):
            config.extra_javascript.append(JS_URI)
        return config

    # Early (before other plugins such as search see the file list), so every
    # generated page is an ordinary page to everyone after us.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Load the project, index it and add every generated page and asset.

        When nothing the pages are made from has changed since the last
        complete build, its pages are read back from the page store instead.
        """
        seeds, briefings = self._path(self.config.seeds_dir), self._path(self.config.briefings_dir)
        home = _home_source(files)  # docs/index.md, when it asks for the generated home page
        settings = {"plugin": dict(self.config), "directory_urls": config.use_directory_urls, "home": home is not None}
        # A site's custom_dir may override our templates (render/jinja.py): they are inputs of the pages too.
        overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        inputs = [seeds, briefings, *([overrides / TEMPLATE_FOLDER] if overrides else [])]
        store = PageStore(self._path(self.config.cache_dir) / "pages", fingerprint(inputs, settings), log.warning)
        self.store = store
        self.corpus = None
        if store.replay():
            log.info(f"inputs unchanged since the last build: its {len(store.specs)} generated pages are reused")
        else:
            try:
                project = load_project(
                    self.root,
                    seeds_dir=self.config.seeds_dir,
                    briefings_dir=self.config.briefings_dir,
                    cache_dir=self._path(self.config.cache_dir),
                    progress=log.info,
                )
            except BriefingsError as exc:
                raise PluginError(f"briefings: {exc}") from None
            thresholds = cast(Thresholds, self.config.min_briefings)  # its shape is checked in on_config
            self.corpus = build_corpus(project.briefings, project.register, min_briefings=thresholds)
            try:
                renderer = Renderer(self.corpus, per_page=self.config.per_page, directory_urls=config.use_directory_urls,
                                    overrides=overrides, home=home is not None)
            except BriefingsError as exc:  # a template override that does not compile
                raise PluginError(f"briefings: {exc}") from None
            summary = (
                f"{len(project.briefings)} briefings, "
                f"{sum(1 for r in self.corpus.entities.values() if r.has_page)} entity pages, "
                f"{self.corpus.claim_count()} claims"
            )
            corpus = self.corpus
            kept = [str(d) for d in project.diagnostics if not d.transient]
            store.make(list(renderer.pages()), kept, summary, lambda: export_json(corpus.briefings, across(corpus)))
            for diagnostic in project.diagnostics:
                if diagnostic.transient:
                    log.warning(diagnostic)
        for message in store.diagnostics:
            log.warning(message)
        if home is not None:
            files.remove(home[0])  # the generated home page takes its place, with its text
        for spec in store.specs:
            if home is not None and spec.src_uri == HOME:
                spec = replace(spec, markdown=home[1], meta={**spec.meta, **home[2]})  # the text as it is now
            GeneratedPage(spec, self._add(files, config, spec.src_uri, "", in_nav=spec.index), config)
        for src_uri, data in Renderer.assets():
            self._add(files, config, src_uri, data, in_nav=False)
        log.info(store.summary)
        self.search.choose(files, config)
        return files

    @staticmethod
    def _add(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes, *, in_nav: bool) -> File:
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
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
        files.append(file)
        return file

    # Before the search plugin (priority 0) reads the page's content...
    @event_priority(100)
    def _make_page(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        """Make a generated page's HTML just before it is indexed and written."""
        if isinstance(page, GeneratedPage):
            try:
                page.materialize()
            except StoreError as exc:
                raise PluginError(f"briefings: making the pages failed:\n{exc}") from None
            except BriefingsError as exc:  # a site's template override that failed on this page
                raise PluginError(f"briefings: {exc}") from None
        return context

    # ...and after it, so that the theme renders the page's own HTML.
    @event_priority(-100)
    def _unveil_page(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        if isinstance(page, GeneratedPage):
            page.unveil()
        return context

    # Between the two, with search's text in `content`: the Pagefind backend indexes it.
    def _index_page(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        generated = isinstance(page, GeneratedPage)
        self.search.index(page, generated=generated, full_html=page.full_html if isinstance(page, GeneratedPage) else "")
        return context

    on_page_context = CombinedEvent(_make_page, _index_page, _unveil_page)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Squeeze the theme's indentation out of a generated page, then forget its HTML.

        A run of white space holding a line break renders exactly as one line
        break outside `<pre>` and `<textarea>` (only an editor's summary could
        bring one, and then the page is left alone); the theme's indentation
        is a fifth of a page's bytes, and a large site has tens of thousands
        of pages.
        """
        output = self.search.page_output(output)
        if isinstance(page, GeneratedPage):
            page.release()
            if "<pre" not in output and "<textarea" not in output:
                return _BLANK_LINES.sub("\n", output)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Static pages (404.html) search like every other page."""
        return self.search.page_output(output_content)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when seeds, overlays or the register change (they live outside docs/)."""
        for folder in (self.config.seeds_dir, self.config.briefings_dir):
            path = self._path(folder)
            if path.is_dir():
                server.watch(str(path))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write `briefings.json` (every briefing with its metadata and annotation); keep the pages."""
        self.search.write(config.site_dir)
        store = self.store
        if store is None:
            return
        out = Path(config.site_dir) / "briefings.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        try:
            kept = store.commit()  # open: a concurrent build's pruning cannot take it away
            if kept is not None:
                kept.seek(0)
                with open(tmp, "wb") as copy:
                    shutil.copyfileobj(kept, copy)
            else:
                assert self.corpus is not None
                tmp.write_bytes(export_json(self.corpus.briefings, across(self.corpus)))
            os.replace(tmp, out)
        except StoreError as exc:
            store.abort()
            raise PluginError(f"briefings: making the pages failed:\n{exc}") from None
        finally:
            store.close()
            self.store = None

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build keeps nothing: stop the page-making and Pagefind processes, drop its pages."""
        self.search.close()
        if self.store is not None:
            self.store.abort()
            self.store = None
