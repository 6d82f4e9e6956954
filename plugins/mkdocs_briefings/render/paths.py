"""Every path, URL and anchor of the generated site, in one place.

The core decides what the site holds (which entities earn a page, who said
what); this module decides where each thing lives: a page's source path
("people/jane-doe.md"), the anchor of an entry on a page ("speaker-jane-doe"),
and the relative URL of a link from one generated page to another. Templates
and views ask here; nothing else builds a path.

One rule for slug collisions: a page named after a slug (a briefing, an
entity) never takes the name of its folder's own pages, `index` (the
folder's index page) or `page` (the folder of its pagination): such a slug
gets a trailing "-" (`briefings/page-.md`, `people/index-.md`), whether
it is an entity's or a briefing's (a seed or overlay named `index` builds
`briefings/index-/`). Nothing else renames or refuses a slug for this.
"""

from __future__ import annotations

from functools import lru_cache

from ..core.entity_pages import letter_of
from ..core.entity_records import EntityRecord
from ..core.kinds import PAGE_DIRS
from ..core.speaker_groups import SpeakerGroup
from ..core.text import is_slug

#: Where the stylesheet and script are published in the site.
CSS_URI = "assets/briefings/briefings.css"
JS_URI = "assets/briefings/briefings.js"

#: Names a folder's own pages take: its index page and its pagination folder.
RESERVED_STEMS: frozenset[str] = frozenset({"index", "page"})


def page_stem(slug: str) -> str:
    """A slug as a page name that cannot collide with its folder's index page or pagination folder.

    Anything but a slug about to become part of a file path is a bug upstream
    (the cache and the loaders check ids), and is refused here rather than
    written outside the site.
    """
    if not is_slug(slug):
        raise ValueError(f"not a slug, cannot be a page path: {slug[:40]!r}")
    return f"{slug}-" if slug in RESERVED_STEMS else slug


@lru_cache(maxsize=1 << 14)
def briefing_page(slug: str) -> str:
    """The page source path of a briefing (cached: listings, claims and "said about" link to each many times)."""
    return f"briefings/{page_stem(slug)}.md"


#: The site's home page, when its docs/index.md asks the plugin for one (see `HOME_MARKER`).
HOME = "index.md"

#: What docs/index.md writes (anywhere in it) to get the generated home page after its own text.
HOME_MARKER = "<!-- briefings: home -->"


def briefings_page(n: int) -> str:
    """The page source of page `n` of the briefings index."""
    return "briefings/index.md" if n == 1 else f"briefings/page/{n}.md"


def claims_page(n: int) -> str:
    """The page source of page `n` of the claims index."""
    return "claims/index.md" if n == 1 else f"claims/page/{n}.md"


def ledger_page(n: int) -> str:
    """The page source of page `n` of the claims ledger (statements in two stories or more)."""
    return "ledger/index.md" if n == 1 else f"ledger/page/{n}.md"


def ledger_anchor(entry_id: str) -> str:
    """The id of a ledger entry's heading on its ledger page (entry ids are "s-" and hex digits)."""
    return entry_id


def figures_page(n: int) -> str:
    """The page source of page `n` of the figures ledger (figures of one thing about one place, across stories)."""
    return "figures/index.md" if n == 1 else f"figures/page/{n}.md"


def series_anchor(series_id: str) -> str:
    """The id of a series' heading on its figures ledger page (series ids are "f-" and hex digits)."""
    return series_id


def sources_page() -> str:
    """The page source of the site's Sources page (how stories are sourced, per outlet, tag and month)."""
    return "sources/index.md"


def kind_index(kind: str) -> str:
    """The A-Z index page of a kind with pages (mkdocs.yml's nav lists the same paths)."""
    return f"{PAGE_DIRS[kind]}/index.md"


def entity_page(rec: EntityRecord) -> str | None:
    """The page source path of an entity with a page of its own, else None."""
    return f"{PAGE_DIRS[rec.kind]}/{page_stem(rec.id)}.md" if rec.has_page else None


def letter_slug(letter: str) -> str:
    """'C' -> 'c'; '#' -> 'other'."""
    return "other" if letter == "#" else letter.lower()


def letter_anchor(letter: str) -> str:
    """The id of a letter's heading on a kind's A-Z index."""
    return f"letter-{letter_slug(letter)}"


def listing_page(kind: str, letter: str) -> str:
    """The A-Z listing page of one kind with pages and one letter ('#' for digits and symbols)."""
    return f"{PAGE_DIRS[kind]}/a-z/{letter_slug(letter)}.md"


def entity_listing(kind: str, name: str) -> str | None:
    """The A-Z listing page that holds an entity's entry: every entity of a kind with pages has one."""
    return listing_page(kind, letter_of(name)) if kind in PAGE_DIRS else None


def entity_anchor(rec: EntityRecord) -> str:
    """The id of an entity's entry on its A-Z listing page."""
    return rec.id


def entity_link(rec: EntityRecord) -> str | None:
    """Where a mention links to: its page, or its entry on the A-Z listing ("path#id"); None for other kinds."""
    page = entity_page(rec)
    if page:
        return page
    listing = entity_listing(rec.kind, rec.name)
    return f"{listing}#{entity_anchor(rec)}" if listing else None


def speaker_anchor(group: SpeakerGroup) -> str:
    """The id of a speaker group's heading on the claims index."""
    return f"speaker-{group.entity or group.key.lstrip('~')}"


@lru_cache(maxsize=1 << 16)
def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL mkdocs gives a page source: 'a/b.md' -> 'a/b/' (or 'a/b.html'); 'a/index.md' -> 'a/'."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return "./"
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@lru_cache(maxsize=1 << 16)
def _folders(src_uri: str, directory_urls: bool) -> tuple[str, ...]:
    """The folders of a page's URL: 'briefings/a.md' -> ('briefings', 'a') with directory URLs."""
    url = page_url(src_uri, directory_urls)
    return () if url == "./" else tuple(url.split("/")[:-1])


def _rel(here: str, target: str, directory_urls: bool) -> str:
    # What mkdocs.utils.get_relative_url gives (which the render layer does not
    # import; tests compare the two), without its path normalisation: this runs
    # for every link of every page, and both URLs are already clean.
    base = _folders(here, directory_urls)
    url = page_url(target, directory_urls)
    parts = [""] if url == "./" else url.split("/")
    i, n = 0, min(len(base), len(parts) - 1)
    while i < n and base[i] == parts[i]:
        i += 1
    up, rest = "../" * (len(base) - i), "/".join(parts[i:])
    return up + rest if rest else up or "./"


@lru_cache(maxsize=1 << 12)
def rel(here: str, target: str, anchor: str = "", directory_urls: bool = True) -> str:
    """The link from page source `here` to page source `target` ("path.md" or "path.md#anchor").

    Cached: a briefing links to each of its speakers and names several times (the article, the
    "In this briefing" box, each claim's note and callout), and pages are made one after another.
    """
    if "#" in target:
        target, own = target.split("#", 1)
        anchor = anchor or own
    href = _rel(here, target, directory_urls)
    return f"{href}#{anchor}" if anchor else href
