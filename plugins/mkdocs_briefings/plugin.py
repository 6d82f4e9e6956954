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

import html
import logging
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
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

from .core.annotate import engine_version
from .core.cache import now, prune, used_keys
from .core.corpus import Corpus, Thresholds, build_corpus, fitted_thresholds
from .core.diagnostics import BriefingsError
from .core.export import briefings_json
from .core.kinds import BY_KEY, PAGE_DIRS
from .core.project import load_project
from .render import feeds as atom
from .render.jinja import FOLDER as TEMPLATE_FOLDER
from .render.pagecache import fingerprint
from .render.pagemaker import StoreError
from .render.pages import Section, headings_of
from .render.pagestore import PageStore
from .render.paths import HOME, HOME_MARKER
from .render.renderer import CSS_URI, JS_URI, PageSpec, Renderer
from .render.sanitize import BriefingsHtmlExtension, registered
from .search.integration import BACKENDS, SearchIntegration

log = get_plugin_logger(__name__)


#: Where a feed link's way up to the site's root goes (a character no title keeps).
_UP = "\0"
#: A run of white space that holds a line break (the theme's template indentation).
_BLANK_LINES = re.compile(r"\n[ \t\r\n]+")


class GeneratedPage(Page):
    """A page made by the renderer: HTML on demand, editor markdown through mkdocs.

    Other plugins see it as an ordinary page: from the moment its HTML is
    made (`on_page_content` when some other plugin listens to that event,
    else `on_page_context`) until it is written, `content` is the page's
    full HTML. The search plugin alone reads the lean version
    (`search_html`: headings and plain text), through `LeanSearchIndex`.
    """

    def __init__(self, spec: PageSpec, file: File, config: MkDocsConfig, *, tags: bool = False) -> None:
        self.spec = spec
        self.editor_html = ""
        self.editor_headings: tuple[Section, ...] = ()
        self.search_html: str | None = None
        self.made = False
        self.tags = tags  # the site runs a tags plugin, which reads `meta["tags"]`
        super().__init__(None, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        self.meta = dict(self.spec.meta)
        if not self.tags:
            # Without a tags plugin nobody shows them from here, and material's
            # search would weigh them a million times a word of the text.
            self.meta.pop("tags", None)
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
        self.made = False

    def materialize(self) -> None:
        """Make the page's HTML (`content`) and the lean version search indexes (`search_html`)."""
        parts = self.spec.make()
        self.content = _join(parts.before, self.editor_html, parts.after)
        # A table of contents the page hides is never made: the theme would render it
        # (hidden) into every briefing and listing page, and search finds a section's
        # anchor without it, the same as with it.
        hidden = "toc" in (self.meta.get("hide") or ())
        toc_tokens = [] if hidden else self.spec.outline.toc(self.editor_headings)
        self.toc = get_toc(toc_tokens)  # type: ignore[arg-type]  # mkdocs types tokens as its private TypedDict; ours are the same plain dicts
        self.search_html = _join(parts.search_before, self.editor_html, parts.search_after)
        self.made = True

    def indexed(self) -> None:
        """Search has read the lean version: drop it."""
        self.search_html = None

    def release(self) -> None:
        """Drop the HTML once the page is written: memory stays flat however large the site."""
        self.content = ""
        self.search_html = None


class LeanSearchIndex:
    """Mixin for the search plugin's index: a generated page is indexed from its lean version.

    mkdocs' and material's search plugins index `page.content` in their
    `on_page_context`, where every other plugin must find the page's full
    HTML. The lean version (headings and the article's plain text) keeps the
    briefing's notes, badges and sidebars out of the results and is a
    fraction of the parsing.
    """

    def add_entry_from_context(self, page: Any) -> None:
        lean = getattr(page, "search_html", None)
        if lean is None:
            super().add_entry_from_context(page)  # type: ignore[misc]  # the search index class this is mixed into
            return
        full, page.content = page.content, lean
        try:
            super().add_entry_from_context(page)  # type: ignore[misc]  # as above
        finally:
            page.content = full


def _lean_search(config: MkDocsConfig) -> None:
    """Mix `LeanSearchIndex` into the search plugin's index (mkdocs' or material's), once."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None or isinstance(index, LeanSearchIndex):
        return
    index.__class__ = type("Lean" + type(index).__name__, (LeanSearchIndex, type(index)), {})


def _listens(config: MkDocsConfig, event: str, ours: object) -> bool:
    """Whether a plugin or hook other than `ours` handles `event`."""
    return any(getattr(method, "__self__", None) is not ours for method in config.plugins.events.get(event, ()))


def _tags_plugin(config: MkDocsConfig) -> bool:
    """Whether the site runs mkdocs-material's tags plugin (any instance of it), enabled."""
    for name, plugin in config.plugins.items():
        if name.split(" #")[0] in ("tags", "material/tags") and plugin.config.get("enabled", True):
            return True
    return False


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


def _home_source(files: Files) -> tuple[File | None, str, dict[str, Any]] | None:
    """docs/index.md, its markdown and front matter, when it holds `HOME_MARKER`; else None.

    A site without a home page of its own (no docs/index.md, no docs/README.md:
    a new site with an empty docs/) gets the generated one, with no text
    before it: otherwise `/` and the site title's link lead nowhere.
    """
    file = files.get_file_from_path(HOME)
    if file is None and files.get_file_from_path("README.md") is None:
        return None, "", {}
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

    min_briefings = c.Optional(c.Type((int, dict)))
    """From how many briefings a person, organisation or place gets a page of
    its own (register entries always do): one number for every kind, or a
    number per kind (`person`, `organisation`, `place`). A kind left out
    fits the site's size (`corpus.fitted_thresholds`): every name on a small
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


def _thresholds_hint(thresholds: dict[str, int], briefing_count: int) -> str:
    """One line saying from how many briefings each kind gets a page, and how to choose otherwise."""
    parts = [f"{BY_KEY[kind].plural.lower()} from {n} briefing{'' if n == 1 else 's'}" for kind, n in thresholds.items()]
    return (f"entity pages for {', '.join(parts)} (fitted to a site of {briefing_count} "
            f"briefing{'' if briefing_count == 1 else 's'}; set the plugin's min_briefings to choose)")


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
        # The annotation cache entries this build used, and when it started (for `_prune_cache`).
        self.cache_keys: frozenset[str] | None = None
        self.started = 0.0
        #: Another plugin reads pages in `on_page_content`: make generated pages' HTML there.
        self.early = False
        self.tags = False
        #: Page source path -> the `<link rel="alternate">` tags of its feeds (`""`: every page's), with
        #: `_UP` where the way up to the site's root goes.
        self.feed_links: dict[str, str] = {}

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
        if self.config.min_briefings is not None:
            _check_min_briefings(self.config.min_briefings)
        self._check_folders(config)
        self.search.close()
        self.search = SearchIntegration(self.config.search_backend, dirty=self.dirty,
                                        cache_dir=self._path(self.config.cache_dir) / "search")
        # Only when someone reads it there: made early, a page's HTML waits in memory
        # from the first page read to its own writing (every page of the site at once).
        self.early = _listens(config, "page_content", self)
        self.tags = _tags_plugin(config)
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
        self.cache_keys = None
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
                )
            except BriefingsError as exc:
                raise PluginError(f"briefings: {exc}") from None
            self.cache_keys = used_keys(project.briefings, project.register, engine_version())
            chosen = cast("Thresholds | None", self.config.min_briefings)  # its shape is checked in on_config
            thresholds = fitted_thresholds(len(project.briefings), chosen)
            if not isinstance(chosen, int) and set(thresholds) - set(chosen or {}):
                log.info(_thresholds_hint(thresholds, len(project.briefings)))
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
            store.make(list(renderer.pages()), kept, summary, partial(briefings_json, self.corpus))
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
            GeneratedPage(spec, self._add(files, config, spec.src_uri, "", in_nav=spec.index), config, tags=self.tags)
        for src_uri, data in Renderer.assets():
            self._add(files, config, src_uri, data, in_nav=False)
        self._add_feeds(files, config, feeds)
        log.info(store.summary)
        self.search.choose(files, config)
        _lean_search(config)
        return files

    def _add_feeds(self, files: Files, config: MkDocsConfig, feeds: list[atom.Feed]) -> None:
        """Add the Atom feeds, and note which pages link them from their head.

        A feed's addresses must be absolute: without `site_url` there are none.
        """
        self.feed_links = {}
        site_url = config.site_url or ""
        if not feeds:
            return
        if not site_url:
            log.info("no site_url in mkdocs.yml: the site has no Atom feeds (their links must be absolute)")
            return
        site_url = site_url if site_url.endswith("/") else site_url + "/"
        for feed in feeds:
            data = atom.atom(feed, site_url=site_url, site_name=config.site_name, directory_urls=config.use_directory_urls)
            self._add(files, config, feed.path, data, in_nav=False)
            key = "" if feed.path == atom.SITE_FEED else feed.page
            self.feed_links[key] = self.feed_links.get(key, "") + (
                f'<link rel="alternate" type="application/atom+xml" title="{html.escape(feed.title.replace(_UP, ""))}" '
                f'href="{_UP}{html.escape(feed.path)}">'
            )

    def _feed_head(self, output: str, page: Page) -> str:
        """Link the page's feeds (the site's latest briefings, and an entity page's own) from its head."""
        links = self.feed_links.get("", "") + self.feed_links.get(page.file.src_uri, "")
        end = output.find("</head>") if links else -1
        if end < 0:
            return output
        # A page's URL has one `/` per folder down from the root: `people/jane-doe/`, `people/jane-doe.html`.
        return output[:end] + links.replace(_UP, "../" * page.url.count("/")) + output[end:]

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
                self.search.index(page, generated=True, full_html=full or "")
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
        output = self._feed_head(self.search.page_output(output), page)
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
        the pages and writes `briefings.json` (each waits on the disk).
        """
        self.search.start_write(config.site_dir)
        self._keep_pages(config)
        self.search.write(config.site_dir)

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
            self._prune_cache()
        except StoreError as exc:
            store.abort()
            raise PluginError(f"briefings: making the pages failed:\n{exc}") from None
        finally:
            store.close()
            self.store = None

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
        """A failed build keeps nothing: stop the page-making and Pagefind processes, drop its pages."""
        self.search.close()
        if self.store is not None:
            self.store.abort()
            self.store = None
