"""The Atom feeds as site files, and the links to them in page heads.

`render/feeds.py` makes the feeds' data and XML; this adds them to the
site's files (only with a `site_url`: a feed's addresses must be absolute)
and links each page's feeds from its head.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .generated import add_file
from .render import feeds as atom

#: Where a feed link's way up to the site's root goes (a character no title keeps).
_UP = "\0"


def add_feeds(files: Files, config: MkDocsConfig, feeds: list[atom.Feed], info: Callable[[str], None]) -> dict[str, str]:
    """Add the Atom feeds; return which pages link them from their head.

    Page source path -> the `<link rel="alternate feed">` tags of its feeds
    (`""`: every page's), with `_UP` where the way up to the site's root goes.
    A feed's addresses must be absolute: without `site_url` there are none.
    """
    feed_links: dict[str, str] = {}
    site_url = config.site_url or ""
    if not feeds:
        return feed_links
    if not site_url:
        info("no site_url in mkdocs.yml: the site has no Atom feeds (their links must be absolute)")
        return feed_links
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    for feed in feeds:
        data = atom.atom(feed, site_url=site_url, site_name=config.site_name, directory_urls=config.use_directory_urls)
        add_file(files, config, feed.path, data, in_nav=False)
        key = "" if feed.path == atom.SITE_FEED else feed.page
        # "alternate feed", not "alternate" alone: material reads every `link[rel=alternate]` as
        # another language of the site and fetches `sitemap.xml` beside it (a 404 in feeds/people/,
        # the demo's 300 KB sitemap on every page load beside feed.xml). Feed autodiscovery reads
        # `alternate` as a token of the attribute, as the Atom autodiscovery draft says.
        feed_links[key] = feed_links.get(key, "") + (
            f'<link rel="alternate feed" type="application/atom+xml" title="{html.escape(feed.title.replace(_UP, ""))}" '
            f'href="{_UP}{html.escape(feed.path)}">'
        )
    return feed_links


def feed_head(feed_links: dict[str, str], output: str, page: Page) -> str:
    """Link the page's feeds (the site's latest briefings, and an entity page's own) from its head."""
    links = feed_links.get("", "") + feed_links.get(page.file.src_uri, "")
    end = output.find("</head>") if links else -1
    if end < 0:
        return output
    # A page's URL has one `/` per folder down from the root: `people/jane-doe/`, `people/jane-doe.html`.
    return output[:end] + links.replace(_UP, "../" * page.url.count("/")) + output[end:]
