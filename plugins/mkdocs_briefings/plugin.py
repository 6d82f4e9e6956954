"""The mkdocs adapter: configuration, generated files, live reload, export.

Thin on purpose (like mkdocs-material's tags plugin): the core loads and
indexes, the Renderer makes pages; this module only moves data between
mkdocs and them in mkdocs' events, logs the core's diagnostics as warnings
(so `mkdocs build --strict` fails on them) and turns fatal input errors into
a PluginError that names the file and line. Its options and their checks
are in `options.py`, the generated pages in `generated.py`, the feeds'
files and head links in `feedlinks.py`.

The store (`render/pagestore.py`) has the renderer make the generated pages
(in a child process for a large site) or, when no input changed since the
last complete build, reads that build's pages back; a page's HTML is made
when it is written and dropped right after.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .core.annotate import engine_version
from .core.annotating import CacheWrites
from .core.cache import now, prune, used_keys
from .core.collector import BuildCollector, leave
from .core.corpus import Corpus, build_corpus
from .core.diagnostics import BriefingsError
from .core.entity_pages import Thresholds, fitted_thresholds
from .core.export import briefings_json
from .core.project import load_project
from .feedlinks import add_feeds, feed_head
from .generated import GeneratedPage, add_file, home_source, listens, tags_plugin
from .options import BriefingsConfig, check_options, thresholds_hint
from .render import feeds as atom
from .render.jinja import FOLDER as TEMPLATE_FOLDER
from .render.pagecache import fingerprint
from .render.pagemaker import Ahead, StoreError
from .render.pagestore import PageStore
from .render.paths import HOME
from .render.renderer import CSS_URI, JS_URI, PageSpec, Renderer
from .render.sanitize import BriefingsHtmlExtension, registered
from .search.integration import SearchIntegration, excluded, lean_search, page_url
from .themespeed import memoize_translations

log = get_plugin_logger(__name__)


#: A run of white space that holds a line break (the theme's template indentation).
_BLANK_LINES = re.compile(r"\n[ \t\r\n]+")


def _refuse_hidden_warnings(config: MkDocsConfig, problems: Sequence[str]) -> None:
    """Fail a strict build whose warnings `-q` hides.

    mkdocs 1.6 counts only the warnings its logger lets through, and `-q`
    lets none through: `mkdocs build --strict -q` would pass a site with a
    stale correction. The inputs' problems fail it anyway, as an error
    (which `-q` still shows), naming each one.
    """
    if config.strict and problems and not log.isEnabledFor(logging.WARNING):
        raise PluginError(f"briefings: {len(problems)} problems in the inputs, and strict mode with warnings hidden "
                          "(-q) would not count them:\n" + "\n".join(problems))


def _first_in_search(spec: PageSpec) -> bool:
    """Whether a generated page's search document needs nothing mkdocs makes (no editor markdown, not the
    home page, whose text is the site's): it may be made with the page, and goes first in the index."""
    return not spec.markdown and spec.src_uri != HOME and not excluded(spec.meta)


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Generates briefing, entity and index pages from seeds outside `docs/`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.corpus: Corpus | None = None
        self.store: PageStore | None = None
        self.root = Path.cwd()
        self.search = SearchIntegration("auto")
        self.dirty = False
        self.command = ""  # the mkdocs command running this plugin (`on_startup`; none in a build run from Python)
        self.site_config: MkDocsConfig | None = None
        #: The annotations this build made, being written to the cache meanwhile (`annotating.CacheWrites`).
        self.cache_writes: CacheWrites | None = None
        # The annotation cache entries this build used, and when it started (for `_prune_cache`).
        self.cache_keys: frozenset[str] | None = None
        self.started = 0.0
        #: Another plugin reads pages in `on_page_content`: make generated pages' HTML there.
        self.early = False
        #: The pages whose search documents are made with them, until `on_nav` sends them (`_ahead`).
        self.ahead: Ahead | None = None
        self.tags = False
        #: Page source path -> the `<link rel="alternate feed">` tags of its feeds (`feedlinks.add_feeds`).
        self.feed_links: dict[str, str] = {}
        self.collector = BuildCollector()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember a dirty build (`--dirty`, `--dirtyreload`): it renders only changed pages; and the command."""
        self.dirty = dirty
        self.command = command

    def on_shutdown(self) -> None:
        """`mkdocs build` ends the process now: its corpus and pages are left to the operating system
        (`collector.leave`), not freed one by one."""
        if self.command == "build":
            leave(self, self.site_config)

    def _path(self, value: str) -> Path:
        return (self.root / value).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve paths, register the markdown extension and the site's CSS/JS."""
        self.site_config = config
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        check_options(self.config, self.root, config)
        self.search.close()
        self.search = SearchIntegration(self.config.search_backend, dirty=self.dirty,
                                        cache_dir=self._path(self.config.cache_dir) / "search")
        # Only when someone reads it there: made early, a page's HTML waits in memory
        # from the first page read to its own writing (every page of the site at once).
        self.early = listens(config, "page_content", self)
        self.tags = tags_plugin(config)
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
        self.collector.start()
        seeds, briefings = self._path(self.config.seeds_dir), self._path(self.config.briefings_dir)
        home = home_source(files)  # docs/index.md, when it asks for the generated home page
        settings = {"plugin": dict(self.config), "directory_urls": config.use_directory_urls, "home": home is not None}
        # A site's custom_dir may override our templates (render/jinja.py): they are inputs of the pages too.
        overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        inputs = [seeds, briefings, *([overrides / TEMPLATE_FOLDER] if overrides else [])]
        store = PageStore(self._path(self.config.cache_dir) / "pages", fingerprint(inputs, settings), log.warning)
        self.store = store
        self.corpus = None
        self.cache_keys = None
        self.cache_writes = None
        feeds = atom.load(store.directory, store.key, log.warning)
        if feeds is not None and store.replay():
            log.info(f"inputs unchanged since the last build: its {len(store.specs)} generated pages are reused")
        else:
            self.started = now()
            try:
                project = load_project(
                    self.root,
                    seeds_dir=self.config.seeds_dir,
                    briefings_dir=self.config.briefings_dir,
                    cache_dir=self._path(self.config.cache_dir),
                    progress=log.info,
                    cache_later=True,
                )
            except BriefingsError as exc:
                raise PluginError(f"briefings: {exc}") from None
            self.cache_writes = project.cache_writes
            self.cache_keys = used_keys(project.briefings, project.register, engine_version())
            chosen = cast("Thresholds | None", self.config.min_briefings)  # its shape is checked in on_config
            thresholds = fitted_thresholds(len(project.briefings), chosen)
            if not isinstance(chosen, int) and set(thresholds) - set(chosen or {}):
                log.info(thresholds_hint(thresholds, len(project.briefings)))
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
            feeds = atom.keep(store.directory, store.key, atom.feed_data(self.corpus))
            kept = [str(d) for d in project.diagnostics if not d.transient]
            specs = list(renderer.pages())
            self.collector.keep()  # the corpus and the page specs live until the build ends
            self.ahead = self._ahead(specs, files, config, home)
            store.make(specs, kept, summary, partial(briefings_json, self.corpus), self.ahead)
            for diagnostic in project.diagnostics:
                if diagnostic.transient:
                    log.warning(diagnostic)
        for message in store.diagnostics:
            log.warning(message)
        _refuse_hidden_warnings(config, store.diagnostics)
        if home is not None and home[0] is not None:
            files.remove(home[0])  # the generated home page takes its place, with its text
        for spec in store.specs:
            if home is not None and spec.src_uri == HOME:
                spec = replace(spec, markdown=home[1], meta={**spec.meta, **home[2]})  # the text as it is now
            GeneratedPage(spec, add_file(files, config, spec.src_uri, "", in_nav=spec.index), config, tags=self.tags)
        for src_uri, data in Renderer.assets():
            add_file(files, config, src_uri, data, in_nav=False)
        self.feed_links = add_feeds(files, config, feeds, log.info)
        log.info(store.summary)
        self.search.choose(files, config)
        if self.ahead is not None:
            self.search.expect_ahead()
        lean_search(config)
        return files

    def _ahead(self, specs: Sequence[PageSpec], files: Files, config: MkDocsConfig,
               home: tuple[File | None, str, dict[str, Any]] | None) -> Ahead | None:
        """The generated pages whose search documents are made with them (`pagemaker.Ahead`), if search is
        Pagefind: all but those whose document needs what mkdocs makes (editor markdown: the home page's
        text too) or that are kept out of search."""
        pages = sum(1 for f in files if f.is_documentation_page()) + len(specs)
        pages -= 1 if home is not None and home[0] is not None else 0  # the generated home page takes its place
        language = self.search.ahead_language(config, pages)
        if language is None:
            return None
        return Ahead(frozenset(i for i, spec in enumerate(specs) if _first_in_search(spec)), language)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Send the search documents made ahead from now on, under each page's address, once every plugin
        has had its say on the files (a page another plugin dropped is not sent)."""
        ahead, self.ahead = self.ahead, None
        store = self.store
        if ahead is not None and store is not None:
            files_of = {i: files.get_file_from_path(store.specs[i].src_uri) for i in ahead.pages}
            urls = {i: page_url(f) for i, f in files_of.items() if f is not None and f.is_documentation_page()}
            store.send_ahead(lambda i, doc: self.search.take_ahead(urls[i], doc) if i in urls else None,
                             self.search.ahead_done)
            self.search.await_pages(files, {spec.src_uri for spec in store.specs if excluded(spec.meta)}, config.site_dir)
        return nav

    @staticmethod
    def _materialize(page: GeneratedPage) -> None:
        try:
            page.materialize()
        except StoreError as exc:
            raise PluginError(f"briefings: making the pages failed:\n{exc}") from None
        except BriefingsError as exc:  # a site's template override that failed on this page
            raise PluginError(f"briefings: {exc}") from None

    # First, so that every other plugin's `on_page_content` gets the page's HTML.
    @event_priority(100)
    def on_page_content(self, content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Make a generated page's HTML here when another plugin reads pages at this event."""
        if self.early and isinstance(page, GeneratedPage):
            self._materialize(page)
            return page.content or ""
        return content

    # Before every other plugin's `on_page_context` (search's among them)...
    @event_priority(100)
    def _make_page(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        """Make a generated page's HTML (if not made yet), and send its search text to Pagefind."""
        if isinstance(page, GeneratedPage):
            if not page.made:
                self._materialize(page)
            full, page.content = page.content, page.search_html
            try:
                self.search.index(page, generated=True, full_html=full or "", found=page.search_facts, quoteless=page.quoteless,
                                  first=_first_in_search(page.spec))
            finally:
                page.content = full
        else:
            self.search.index(page, generated=False, full_html="")
        return context

    # ...and after them all: the search plugin has read the lean version.
    @event_priority(-100)
    def _indexed_page(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        if isinstance(page, GeneratedPage):
            page.indexed()
        return context

    on_page_context = CombinedEvent(_make_page, _indexed_page)

    def _squeeze(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Squeeze the theme's indentation out of a generated page.

        A run of white space holding a line break renders exactly as one line
        break outside `<pre>` and `<textarea>` (only an editor's summary could
        bring one, and then the page is left alone); the theme's indentation
        is a fifth of a page's bytes, and a large site has tens of thousands
        of pages.
        """
        output = feed_head(self.feed_links, self.search.page_output(output), page)
        if isinstance(page, GeneratedPage) and "<pre" not in output and "<textarea" not in output:
            return _BLANK_LINES.sub("\n", output)
        return output

    # Last: other plugins' `on_post_page` may still read `page.content`.
    @event_priority(-100)
    def _release(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Forget a generated page's HTML once it is written."""
        if isinstance(page, GeneratedPage):
            page.release()
        return output

    on_post_page = CombinedEvent(_squeeze, _release)

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Let material's theme look its translations up once a build (`themespeed.py`)."""
        memoize_translations(env, config)
        return env

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
        """Write `briefings.json` and the search index; keep the pages.

        Pagefind finishes its index and writes it while this process keeps
        the pages and writes `briefings.json` (each waits on the disk). The
        garbage collector gets the process's own settings back (`collector.py`).
        """
        try:
            if self.store is not None:
                self.store.made_all()  # every search document made with the pages is sent
            self.search.start_write(config.site_dir)
            self._keep_pages(config)
            self.search.write(config.site_dir)
        finally:
            self.collector.end()

    def _keep_pages(self, config: MkDocsConfig) -> None:
        """Write `briefings.json` (every briefing with its metadata and annotation); keep the pages."""
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
                tmp.write_bytes(briefings_json(self.corpus))
            os.replace(tmp, out)
            self._cache_written()
            self._prune_cache()
        except StoreError as exc:
            store.abort()
            raise PluginError(f"briefings: making the pages failed:\n{exc}") from None
        finally:
            store.close()
            self.store = None

    def _cache_written(self) -> None:
        """Wait for this build's new annotations to be in the cache (written while Pagefind writes its index)."""
        writes, self.cache_writes = self.cache_writes, None
        problem = writes.wait() if writes is not None else None
        if problem is not None:
            log.warning(str(problem))

    def _prune_cache(self) -> None:
        """Remove the annotation cache's entries this complete build did not use.

        Only after a complete build that annotated every briefing (not one
        whose pages came back from the page store, which read no entry, and
        not a dirty build); entries a build running at the same time reads
        or writes are newer than this build's start and stay (`cache.prune`).
        """
        keys, self.cache_keys = self.cache_keys, None
        if keys is None or self.dirty:
            return
        done = prune(self.root / self.config.cache_dir, keys, self.started, anchor=self.root)
        if done.problem:
            log.info(f"annotation cache {done.problem}")
        elif done.removed:
            log.info(f"annotation cache: removed {done.removed} {'entry' if done.removed == 1 else 'entries'} no build uses any more "
                     f"({done.freed / 1e6:.1f} MB), kept {done.kept}")

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build keeps nothing but its annotations: stop the page-making and Pagefind processes, drop
        its pages."""
        self.search.close()
        self._cache_written()
        self.collector.end()
        if self.store is not None:
            self.store.abort()
            self.store = None
