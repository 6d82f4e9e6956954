"""Site search for the briefings plugin: which backend, and the Pagefind index build.

Two backends, one user interface (mkdocs-material's header search box,
shortcuts, keyboard navigation and result list):

- `material`: material's own search plugin, untouched. It writes the whole
  lunr index as `search/search_index.json`, which every page downloads and
  builds in the browser on load: fine for a few hundred pages, seconds for
  thousands, and it works from `file://`.
- `pagefind`: a chunked static index built here during `mkdocs build` and
  `mkdocs serve` (Pagefind's binary comes from the `pagefind[bin]` wheel).
  Each page's search document (`document.py`) is streamed to a Pagefind
  process while mkdocs renders the next page; `site/pagefind/` is written
  at the end. A worker script (`assets/worker.js`) speaks material's search
  worker protocol and answers from Pagefind, fetching only the index chunks
  and result fragments of the words typed, and nothing until a query is.
  Material's search plugin stays enabled (its header box, shortcuts and
  result list need it) but indexes nothing: its `search_index.json` holds
  only the language settings the page's highlighter reads.

`auto` (the default) takes Pagefind from `AUTO_PAGES` pages up, when the
binary is installed, and material's search below.

A build whose search documents turn out the same as the last build's reuses
that build's bundle from the cache (`bundlecache.py`) instead of running
Pagefind: while they match, documents are only spooled to a temp file, and
at the first one that differs Pagefind starts and gets the spool first.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import struct
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..render.pagecache import code_version
from .bundlecache import BundleCache, Kept, doc_digest
from .canonical import canonicalize
from .document import Facts, document, facts, first_heading, is_listing, kind_of, title_of
from .service import PagefindError, PagefindService, executable

log = get_plugin_logger(__name__)

#: Values of the plugin's `search_backend` option.
BACKENDS = ("auto", "pagefind", "material")

#: From this many pages up, `auto` picks Pagefind. Measured on this project's
#: sites (headless Chromium, 2-core machine): material's lunr index is about
#: 0.65 KB a page and its first results take about 0.35 ms a page (the demo's
#: 2,773 pages: 1.8 MB, 0.8-1.0 s), so below ~500 pages it answers within
#: 0.3 s and keeps working from `file://`; above, Pagefind's fixed ~120 KB
#: of script and wasm is the smaller download too.
AUTO_PAGES = 500

#: Where the bundle and the worker go in the site.
BUNDLE_DIR = "pagefind"
WORKER_URI = "assets/briefings-search/worker.js"
CSS_URI = "assets/briefings-search/search.css"
JS_URI = "assets/briefings-search/search.js"
ASSETS = Path(__file__).resolve().parent / "assets"

#: Files of Pagefind's bundle that only its own UIs use (the worker needs none of them).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")

#: Material's worker URL in the page's `__config` JSON (the hash changes between releases).
_WORKER_URL = re.compile(r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


def _material_search(config: MkDocsConfig) -> Any:
    """Material's search plugin instance, if the site uses it."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def page_url(file: File) -> str:
    """A page's address as search gets it: "/" and `Page.url` (which is "" for the home page's "./")."""
    return "/" + ("" if file.url in (".", "./") else file.url)


def excluded(meta: Mapping[str, Any]) -> bool:
    """Whether a page's front matter keeps it out of search (`search: {exclude: true}`, as material reads it)."""
    search = meta.get("search") or {}
    return isinstance(search, dict) and bool(search.get("exclude"))


def _language(config: MkDocsConfig) -> str:
    """The site's search language: the first of material's search plugin's `lang`."""
    material = _material_search(config)
    return str(((material.config.get("lang") if material is not None else None) or ["en"])[0])


def _offline(config: MkDocsConfig) -> bool:
    """Whether material's offline plugin is on (its site is opened from file://)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return plugin is not None and bool(plugin.config.get("enabled", True))


class SearchIntegration:
    """The `search_backend` option in action; the plugin calls one method per mkdocs event."""

    def __init__(self, option: str, *, dirty: bool = False, cache_dir: Path | None = None) -> None:
        if option not in BACKENDS:
            raise PluginError(f"briefings: search_backend must be one of {', '.join(BACKENDS)}, not {option!r}")
        self.option = option
        #: `mkdocs build --dirty` / `serve --dirtyreload` render only changed pages: an index of
        #: those alone would replace the whole one, so such builds keep the last index instead.
        self.dirty = dirty
        self.backend = "material"
        self.service: PagefindService | None = None
        self.seconds = 0.0  # time this build spent on the Pagefind index (documents, streaming, writing)
        self.language = "en"
        self.cache_dir = cache_dir
        self.binary: Path | None = None
        self.active = False  # this build makes (or reuses) a Pagefind index
        self.bundles: BundleCache | None = None
        self.kept: Kept | None = None  # the last build's bundle, while every document so far matches its list
        self.spool: IO[bytes] | None = None  # the documents sent to no one yet, while they match
        self.digests: list[str] = []
        #: Documents made with the pages are still coming (`take_ahead`): the others wait in `held`.
        self.ahead = False
        self.held: list[tuple[str, str]] = []
        self.sent_ahead: set[str] = set()  # URLs whose documents came with their pages
        self.indexed_here: set[str] = set()  # URLs whose documents `index` made
        self.built: set[str] | None = None  # URLs of every page this build builds that may be searched (`await_pages`)
        self.missing: set[str] | None = None  # URLs `index` must still see, once nothing comes ahead
        self.complete = False  # every document is in: Pagefind writes (`start_write`)
        self.site_dir = ""

    # -- on_files ----------------------------------------------------------

    def _wanted(self, config: MkDocsConfig, pages: int) -> tuple[str, Path | None]:
        """The backend a site of `pages` pages takes (`none`, `material` or `pagefind`), and the Pagefind binary.

        Raises PluginError for a choice that cannot work on this site.
        """
        material = _material_search(config)
        wanted = self.option
        if material is None or not material.config.get("enabled", True):
            if wanted == "pagefind":
                raise PluginError("briefings: search_backend: pagefind needs material's search plugin in `plugins:` "
                                  "(it draws the search box); add `- search` before `- briefings`")
            return "none", None
        binary = executable()
        if _offline(config):
            # Pagefind's worker fetches index chunks, which a browser refuses for a page opened from
            # file://; material's worker reads the index the offline plugin writes as a script.
            if wanted == "pagefind":
                raise PluginError("briefings: search_backend: pagefind cannot work with material's offline plugin "
                                  "(a page opened from file:// may not fetch the index); use auto or material")
            wanted = "material"
        if wanted == "auto":
            wanted = "pagefind" if pages >= AUTO_PAGES and binary is not None else "material"
        if wanted == "pagefind" and binary is None:
            raise PluginError("briefings: search_backend: pagefind needs the Pagefind binary: pip install 'pagefind[bin]'")
        return wanted, binary

    def _keeps_last_index(self, config: MkDocsConfig) -> bool:
        return self.dirty and (Path(config.site_dir) / BUNDLE_DIR / "pagefind-entry.json").is_file()

    def ahead_language(self, config: MkDocsConfig, pages: int) -> str | None:
        """The language of the search documents to make with the pages (`pagemaker.Ahead`), when a site of
        `pages` pages gets a new Pagefind index in this build; else None."""
        wanted, _ = self._wanted(config, pages)
        if wanted != "pagefind" or self._keeps_last_index(config):
            return None
        return _language(config)

    def choose(self, files: Files, config: MkDocsConfig) -> str:
        """Pick the backend for this build and, for Pagefind, add the worker and its stylesheet."""
        self.close()
        self.ahead, self.held, self.sent_ahead, self.indexed_here = False, [], set(), set()
        self.built, self.missing, self.complete, self.site_dir = None, None, False, ""
        material = _material_search(config)
        pages = sum(1 for f in files if f.is_documentation_page())
        wanted, binary = self._wanted(config, pages)
        if self.option == "auto" and wanted == "material" and pages >= AUTO_PAGES and binary is None and not _offline(config):
            log.info("no Pagefind binary (pip install 'pagefind[bin]'): material's search indexes this site")
        self.backend = wanted
        if wanted != "pagefind":
            return wanted
        self.language = _language(config)
        _quiet_material_index(material)
        _skip_material_page_context(config, material)
        for uri, name in ((WORKER_URI, "worker.js"), (CSS_URI, "search.css"), (JS_URI, "search.js")):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, content=(ASSETS / name).read_bytes(), inclusion=InclusionLevel.NOT_IN_NAV))
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if not any(str(s) == JS_URI for s in config.extra_javascript):
            config.extra_javascript.append(JS_URI)
        if self._keeps_last_index(config):
            log.info("search: a dirty build keeps the last Pagefind index (a full build makes a new one)")
            return wanted
        assert binary is not None
        self.binary, self.active, self.seconds, self.digests = binary, True, 0.0, []
        if self.cache_dir is not None:
            self.bundles = BundleCache(self.cache_dir, _bundle_key(binary, self.language))
            self.kept = self.bundles.kept()
            self._report_cache()
        if self.kept is not None:
            self.spool = tempfile.TemporaryFile(prefix="briefings-search-")  # noqa: SIM115  # lives until write() or close()
        else:
            self._start()
        log.info(f"search: Pagefind indexes this site's {pages} pages")
        return wanted

    def _start(self) -> None:
        """Start Pagefind, and give it the documents spooled while they matched the kept bundle's."""
        assert self.binary is not None
        self.kept = None
        try:
            self.service = PagefindService(self.binary, language=self.language)
        except (OSError, PagefindError) as exc:
            raise PluginError(f"briefings: could not start Pagefind ({self.binary}): {exc}") from None
        spool, self.spool = self.spool, None
        if spool is None:
            return
        with spool:
            spool.seek(0)
            while header := spool.read(8):
                url_len, doc_len = struct.unpack("<II", header)
                url = spool.read(url_len).decode("utf-8", "surrogateescape")
                self._send(url, spool.read(doc_len).decode("utf-8", "surrogateescape"))

    def _send(self, url: str, doc: str) -> None:
        assert self.service is not None
        try:
            self.service.add_html(url, doc)
        except PagefindError as exc:
            raise PluginError(f"briefings: Pagefind failed on {url}: {exc}") from None

    def _report_cache(self) -> None:
        """Say once why the kept bundle cannot be used, when it is damaged (a missing one is no news)."""
        if self.bundles is not None and self.bundles.problem:
            log.warning(f"search: the kept Pagefind index in {self.bundles.directory} is not used and is "
                        f"made again: {self.bundles.problem}")
            self.bundles.problem = None

    # -- on_page_context (while page.content is the search text) ------------

    def index(
        self, page: Page, *, generated: bool, full_html: str, found: Facts | None = None, quoteless: str | None = None,
        first: bool = False,
    ) -> None:
        """Send one page's search document to Pagefind (pages marked `search: exclude` are skipped).

        `found` and `quoteless`: the facts the page-making process read from
        the page's HTML and the search text with the claims' words cut
        (`Parts`); without them both are made from `full_html` here.

        The index holds its documents in one order however they were made:
        first those of the generated pages without editor markdown (`first`)
        whose text has its title heading, the documents that may be made with
        the pages (`take_ahead`), in page order; then every other, in the
        order mkdocs builds the pages. A build whose pages come back from the
        page store indexes them in that order too, so it writes the same index.
        """
        if not self.active:
            return
        if excluded(page.meta):
            if "/" + page.url in self.sent_ahead:
                log.warning(f"search: {page.file.src_uri} was kept out of search after its document was sent with "
                            "its page; it stays searchable")
            return
        url = "/" + page.url
        if url in self.sent_ahead:  # its document went with the page's making (`take_ahead`)
            return
        if self.complete:  # every page that may have a document was in (`await_pages`): mkdocs builds no other
            log.warning(f"search: {page.file.src_uri} was built after the search index was complete; it is not searchable")
            return
        self.indexed_here.add(url)
        if self.missing is not None:
            self.missing.discard(url)
        start = time.perf_counter()
        content = page.content or ""
        kind = kind_of(page.file.src_uri, generated)
        doc = document(
            title=title_of(content, page.title or ""),
            search_html=content,
            kind=kind,
            found=found if found is not None else facts(full_html or content, kind),
            listing=generated and is_listing(page.file.src_uri),
            language=self.language,
            quoteless=quoteless,
        )
        if first and not self.ahead and first_heading(content) is not None:
            self._offer(url, doc)
        else:  # after the first part (the documents made ahead, while they are still coming)
            self.held.append((url, doc))
        self.seconds += time.perf_counter() - start
        self._write_when_complete()

    def take_ahead(self, url: str, doc: str) -> None:
        """Send a generated page's document made with the page (`pagemaker.Ahead`), before mkdocs reaches it.

        A page this build already indexed itself (mkdocs reached it first) is
        not sent twice.
        """
        if not self.active or url in self.indexed_here:
            return
        start = time.perf_counter()
        self.sent_ahead.add(url)
        self._offer(url, doc)
        self.seconds += time.perf_counter() - start

    def expect_ahead(self) -> None:
        """Documents made with the pages will come (`take_ahead`): `index` holds every other until `ahead_done`."""
        self.ahead = self.active

    def ahead_done(self) -> None:
        """Every document made ahead is sent."""
        self.ahead = False
        self._count_missing()

    def await_pages(self, files: Files, unsearched: set[str], site_dir: str) -> None:
        """Every page this build builds but the generated ones kept out of search (`unsearched`, source
        paths: listings, which come last in page order): once each has its document in (made ahead, or by
        `index`), Pagefind writes its index at once, while mkdocs still renders the theme around the last
        pages, instead of after the build's last page."""
        self.built = {page_url(f) for f in files.documentation_pages(inclusion=InclusionLevel.is_included)
                      if f.src_uri not in unsearched}
        self.site_dir = site_dir
        self._count_missing()

    def _count_missing(self) -> None:
        """Once no document comes ahead any more: the pages `index` must still see."""
        if self.built is not None and not self.ahead:
            self.missing = self.built - self.sent_ahead - self.indexed_here
            self._write_when_complete()

    def _write_when_complete(self) -> None:
        if self.missing is not None and not self.missing and not self.complete:
            self.start_write(self.site_dir)

    def _offer(self, url: str, doc: str) -> None:
        """One document for the index, in the order of the index: to Pagefind, or to the spool while every
        document so far matches the kept bundle's list."""
        digest = doc_digest(url, doc)
        self.digests.append(digest)
        kept, at = self.kept, len(self.digests) - 1
        if kept is not None and self.spool is not None and at < len(kept.docs) and kept.docs[at] == digest:
            data = (url.encode("utf-8", "surrogateescape"), doc.encode("utf-8", "surrogateescape"))
            self.spool.write(struct.pack("<II", len(data[0]), len(data[1])) + data[0] + data[1])
        else:
            if self.service is None:
                self._start()
            self._send(url, doc)

    # -- on_post_page -------------------------------------------------------

    def page_output(self, output: str) -> str:
        """Point the page's search at the Pagefind worker instead of material's lunr worker."""
        if self.backend != "pagefind":
            return output
        start = output.find('<script id="__config"')
        if start < 0:
            return output
        head, tail = output[:start], output[start:]
        return head + _WORKER_URL.sub(lambda m: f'{m.group(1)}{m.group(2)}{WORKER_URI}"', tail, count=1)

    # -- on_post_build ------------------------------------------------------

    def start_write(self, site_dir: str) -> None:
        """Let Pagefind finish indexing and write the bundle while the build writes its own last files."""
        self.ahead, self.complete = False, True
        held, self.held = self.held, []
        for url, doc in held:  # the index's second part (`index`)
            self._offer(url, doc)
        if self.service is not None and not self.service.writing:
            out = Path(site_dir) / BUNDLE_DIR
            try:
                shutil.rmtree(out, ignore_errors=True)
                self.service.start_write(out)
            except PagefindError as exc:
                self.close()
                raise PluginError(f"briefings: writing the Pagefind index failed: {exc}") from None

    def write(self, site_dir: str) -> None:
        """Write `site/pagefind/` (or copy the last build's, when every document matched) and stop Pagefind."""
        if not self.active:
            return
        start = time.perf_counter()
        out = Path(site_dir) / BUNDLE_DIR
        if self.kept is not None and self.bundles is not None:
            if len(self.digests) == len(self.kept.docs) and self.bundles.restore(self.kept, out):
                self.close()
                log.info(f"search: this build's {len(self.digests)} search documents are the last build's: "
                         f"its Pagefind index is reused ({time.perf_counter() - start:.2f} s)")
                return
            self._report_cache()
            self._start()
        service = self.service
        assert service is not None
        try:
            if not service.writing:  # else start_write cleared it before Pagefind began writing
                shutil.rmtree(out, ignore_errors=True)
            service.write(out)
        except PagefindError as exc:
            raise PluginError(f"briefings: writing the Pagefind index failed: {exc}") from None
        finally:
            self.close()
        for name in _UNUSED:
            (out / name).unlink(missing_ok=True)
        if not canonicalize(out):
            log.info("search: Pagefind's filter chunks are in a form this version does not know; left as written")
        if self.bundles is not None:
            problem = self.bundles.store(out, self.digests)
            if problem is not None:  # the cache is optional: the site is complete without it
                log.info(f"search: the Pagefind index could not be kept for the next build: {problem}")
        written = time.perf_counter() - start
        self.seconds += written
        log.info(f"search: Pagefind indexed {service.pages} pages in {self.seconds:.2f} s of this build "
                 f"({self.seconds - written:.2f} s making and sending pages, {written:.2f} s writing the index; "
                 f"Pagefind's own CPU time {service.cpu_seconds:.2f} s)")

    def close(self) -> None:
        """Stop the Pagefind process, if one runs (after a failed build too)."""
        if self.service is not None:
            self.service.close()
            self.service = None
        if self.spool is not None:
            self.spool.close()
            self.spool = None
        self.kept = None


def _bundle_key(binary: Path, language: str) -> str:
    """What a kept bundle must have been made with: this code, this Pagefind binary, this language."""
    try:
        st = binary.stat()
        identity = f"{binary}\0{st.st_size}\0{st.st_mtime_ns}"
    except OSError:
        identity = str(binary)
    return hashlib.sha256(f"{code_version()}\0{identity}\0{language}".encode("utf-8", "surrogateescape")).hexdigest()


class QuietIndex:
    """Mixin for material's search index: index nothing (the Pagefind backend).

    Material's header box, shortcuts and result list are what readers use;
    its lunr index would cost a third of the build and every reader's
    download. Its `search_index.json` keeps the language settings, which
    material's page highlighter (`?h=` links) reads.
    """

    def add_entry_from_context(self, page: Any) -> None:
        return None


class LeanIndex:
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


def lean_search(config: MkDocsConfig) -> None:
    """Mix `LeanIndex` into the search plugin's index (mkdocs' or material's), once."""
    _mix_into_index(_material_search(config), LeanIndex)


def _mix_into_index(search: Any, mixin: type) -> None:
    """Put `mixin` in front of the class of the search plugin's index (known only at run time), once."""
    index = getattr(search, "search_index", None)
    if index is None or isinstance(index, mixin):
        return
    index.__class__ = type(mixin.__name__ + type(index).__name__, (mixin, type(index)), {})


def _quiet_material_index(material: Any) -> None:
    """Let material's search plugin index nothing (see `QuietIndex`)."""
    _mix_into_index(material, QuietIndex)


def _skip_material_page_context(config: MkDocsConfig, material: Any) -> None:
    """Call material's search `on_page_context` only for a page with a `data-search-*` attribute.

    With its index quiet, all that handler does is strip such attributes
    (which an editor may set with `attr_list`) from the page, with a pattern
    that scans the whole HTML of every page: half a second of a
    2,500-page build, for pages that have none.
    """
    handlers = config.plugins.events.get("page_context", [])
    for n, handler in enumerate(handlers):
        if getattr(handler, "__self__", None) is material and getattr(handler, "__name__", "") == "on_page_context":
            handlers[n] = _only_with_search_attributes(handler)


def _only_with_search_attributes(handler: Any) -> Any:
    def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if "data-search-" in (page.content or ""):
            return handler(context, page=page, config=config, nav=nav)
        return context

    on_page_context.__self__ = handler.__self__  # type: ignore[attr-defined]  # mkdocs' `listens` checks whose it is
    return on_page_context
