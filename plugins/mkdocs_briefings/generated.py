"""Generated pages: a mkdocs `Page` whose HTML the renderer makes on demand.

Generated pages are `GeneratedPage`s (a Page subclass, as mkdocs-material's
blog plugin makes its own pages): their HTML comes from the page store when
the page is written and is dropped right after, so neither Python-Markdown
nor a site's worth of page bodies in memory is paid for pages whose markup
we wrote ourselves. Editor-written markdown on them (summaries, register
descriptions) still goes through mkdocs' own rendering, link checks
included; its heading ids are renamed where they would repeat the page's
own. Here too: how the site's other plugins see these pages (search reads
a lean version; a tags plugin reads their tags), the generated home page's
source, and adding a generated file to the site's files.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data as get_markdown_meta

from .render.pages import Section, headings_of
from .render.paths import HOME, HOME_MARKER
from .render.renderer import PageSpec
from .search.document import Facts, join_quoteless, joined


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
        self.search_facts: Facts | None = None  # what Pagefind's document takes from the page's HTML (`Parts.facts`)
        self.quoteless: str | None = None  # `search_html` with the claims' words cut (`Parts.quoteless`), if made
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
        self.content = joined(parts.before, self.editor_html, parts.after)
        # A table of contents the page hides is never made: the theme would render it
        # (hidden) into every briefing and listing page, and search finds a section's
        # anchor without it, the same as with it.
        hidden = "toc" in (self.meta.get("hide") or ())
        toc_tokens = [] if hidden else self.spec.outline.toc(self.editor_headings)
        self.toc = get_toc(toc_tokens)  # type: ignore[arg-type]  # mkdocs types tokens as its private TypedDict; ours are the same plain dicts
        self.search_html = joined(parts.search_before, self.editor_html, parts.search_after)
        self.search_facts = parts.facts
        self.quoteless = join_quoteless(parts.search_before, self.editor_html, parts.quoteless)
        self.made = True

    def indexed(self) -> None:
        """Search has read the lean version: drop it."""
        self.search_html = None
        self.search_facts = self.quoteless = None

    def release(self) -> None:
        """Drop the HTML once the page is written: memory stays flat however large the site."""
        self.content = ""
        self.search_html = None
        self.search_facts = self.quoteless = None


def listens(config: MkDocsConfig, event: str, ours: object) -> bool:
    """Whether a plugin or hook other than `ours` handles `event`."""
    return any(getattr(method, "__self__", None) is not ours for method in config.plugins.events.get(event, ()))


def tags_plugin(config: MkDocsConfig) -> bool:
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


def home_source(files: Files) -> tuple[File | None, str, dict[str, Any]] | None:
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




def add_file(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes, *, in_nav: bool) -> File:
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
