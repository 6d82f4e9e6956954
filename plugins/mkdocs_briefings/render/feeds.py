"""Atom feeds: the latest briefings, and the latest briefings of each entity with a page.

Written with the standard library's XML escaping, not a feed plugin or library:

- mkdocs-rss-plugin writes RSS 2.0, not Atom: one feed of created and one
  of updated pages per instance (filtered by a path pattern), dated from
  git log or a `date` in the page's front matter. Generated pages have no
  file in git (it would date entries with the build time, so the site would
  change on every build), and a feed per entity page would take an instance
  per entity, thousands of them.
- feedgen (1.0.0, its latest release) brings lxml and python-dateutil,
  and dates a feed's `<updated>` by the clock and adds a `<generator>`
  unless each is overridden; the Atom needed here is some forty lines of
  escaped text.

Every text and attribute goes through `xml.sax.saxutils`' escaping;
characters XML 1.0 cannot hold are dropped before. Every date comes from
the briefings' front matter (midnight UTC), never from the clock, so the
same inputs give the same feeds byte for byte.

`feed_data` is what the feeds are made of, as JSON: the adapter keeps it
next to the page store (a build that reuses the last build's pages has no
corpus to make it from) and makes the XML for the site's URL on every build.
Pure Python (no mkdocs import), like the core.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..core.contract import expect_list, expect_text
from ..core.corpus import Corpus
from ..core.files import atomic_write
from .paths import briefing_page, briefings_page, entity_page, page_url

#: Entries per feed: the newest briefings.
FEED_SIZE = 20
#: The latest briefings' feed, at the site's root (where feed readers look first).
SITE_FEED = "feed.xml"
#: Longest summary of an entry, in characters (the article's first paragraph, cut at a word).
SUMMARY_CHARS = 300
ATOM = "http://www.w3.org/2005/Atom"

#: Bumped when the layout of `feed_data` changes.
FORMAT = 1
#: A generated page's source path (slugs in folders, ending in .md).
_SRC_URI = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)*\.md")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: What XML 1.0 cannot hold (C0 controls but tab and line breaks, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Entry:
    """One briefing as a feed entry."""

    page: str  # its page's source path
    title: str
    date: str  # ISO date
    summary: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Feed:
    """One feed: where it goes, its title, the page it accompanies, and its entries (newest first)."""

    path: str
    title: str
    page: str
    entries: tuple[Entry, ...]


def feed_path(src_uri: str) -> str:
    """Where an entity page's feed goes: `people/jane-doe.md` -> `feeds/people/jane-doe.xml`."""
    return "feeds/" + src_uri[: -len(".md")] + ".xml"


def _summary(text: str, start: int) -> str:
    """The article's first paragraph (after a photo caption), cut at a word near SUMMARY_CHARS."""
    para = next((line.strip() for line in text[start:].splitlines() if line.strip()), "")
    if len(para) <= SUMMARY_CHARS:
        return para
    cut = para.rfind(" ", 0, SUMMARY_CHARS)
    return para[: cut if cut > 0 else SUMMARY_CHARS].rstrip(" ,;:") + "…"


def feed_data(corpus: Corpus) -> dict[str, Any]:
    """Every feed of the site as JSON: the latest dated briefings, then one per entity page that has any."""
    entries: dict[str, Entry] = {}
    for b in corpus.briefings:
        if b.date is not None:
            entries[b.slug] = Entry(briefing_page(b.slug), b.title, b.date.isoformat(),
                                    _summary(b.text, b.caption.end if b.caption else 0), tuple(b.tags))

    def newest(slugs: list[str]) -> list[str]:
        dated = sorted({s for s in slugs if s in entries}, key=lambda s: (entries[s].date, s), reverse=True)
        return dated[:FEED_SIZE]

    feeds = [{"path": SITE_FEED, "title": "Latest briefings", "page": briefings_page(1),
              "entries": newest(list(entries))}]
    for rec in sorted(corpus.entities.values(), key=lambda r: (r.kind, r.id)):
        page = entity_page(rec) if rec.has_page else None
        chosen = newest([a.slug for a in rec.appearances]) if page else []
        if page and chosen:
            feeds.append({"path": feed_path(page), "title": f"Briefings naming {rec.name}", "page": page, "entries": chosen})
    used = sorted({s for f in feeds for s in f["entries"]})
    return {
        "format": FORMAT,
        "entries": {s: {"page": entries[s].page, "title": entries[s].title, "date": entries[s].date,
                        "summary": entries[s].summary, "tags": list(entries[s].tags)} for s in used},
        "feeds": [f for f in feeds if f["entries"]],
    }


def read_feed_data(data: Any) -> list[Feed]:
    """`feed_data` read back (it comes from the cache, outside input): ValueError unless well formed.

    Nothing read chooses a path: a feed's path is made again from its page's,
    which must have the shape of a generated page's source path.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not feed data of this version")
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, dict):
        raise ValueError("entries is not an object")
    entries: dict[str, Entry] = {}
    for slug, e in raw_entries.items():
        if not isinstance(e, dict):
            raise ValueError(f"entry {slug!r} is not an object")
        page, day = expect_text(e.get("page"), "page"), expect_text(e.get("date"), "date")
        if _SRC_URI.fullmatch(page) is None or _ISO_DATE.fullmatch(day) is None:
            raise ValueError(f"entry {slug!r} has a bad page or date")
        Date.fromisoformat(day)  # ValueError on 2020-02-31
        entries[slug] = Entry(page, expect_text(e.get("title"), "title"), day, expect_text(e.get("summary"), "summary"),
                              tuple(expect_text(t, "tag") for t in expect_list(e.get("tags"), "tags")))
    feeds = []
    for f in expect_list(data.get("feeds"), "feeds"):
        if not isinstance(f, dict):
            raise ValueError("a feed is not an object")
        page = expect_text(f.get("page"), "page")
        if _SRC_URI.fullmatch(page) is None:
            raise ValueError("a feed has a bad page")
        path = SITE_FEED if expect_text(f.get("path"), "path") == SITE_FEED else feed_path(page)
        chosen = tuple(entries[expect_text(s, "entry")] for s in expect_list(f.get("entries"), "entries"))
        feeds.append(Feed(path, expect_text(f.get("title"), "title"), page, chosen))
    return feeds


def _text(value: str) -> str:
    """Text for an XML element: what XML cannot hold dropped, markup characters escaped."""
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    """A quoted XML attribute value (quotes, markup characters and line breaks escaped)."""
    return quoteattr(_NOT_XML.sub("", value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def atom(feed: Feed, *, site_url: str, site_name: str, directory_urls: bool) -> bytes:
    """One feed as Atom XML. `site_url` is the site's absolute address, ending in '/'.

    Written as text (every value through `_text` or `_attr`): a site has a
    feed per entity page, thousands of them, and building and indenting an
    element tree costs several times as much.
    """

    def url(src_uri: str) -> str:
        path = page_url(src_uri, directory_urls)
        return site_url + ("" if path == "./" else path)

    title = f"{site_name}: {feed.title}" if site_name else feed.title
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}">',
        f"  <title>{_text(title)}</title>",
        f"  <id>{_text(site_url + feed.path)}</id>",
        f'  <link rel="self" type="application/atom+xml" href={_attr(site_url + feed.path)} />',
        f'  <link rel="alternate" type="text/html" href={_attr(url(feed.page))} />',
        f"  <updated>{_stamp(max(e.date for e in feed.entries))}</updated>",
        f"  <author>\n    <name>{_text(site_name or 'Briefings')}</name>\n  </author>",
    ]
    for e in feed.entries:
        link = url(e.page)
        out += [
            "  <entry>",
            f"    <title>{_text(e.title)}</title>",
            f'    <link rel="alternate" type="text/html" href={_attr(link)} />',
            f"    <id>{_text(link)}</id>",
            f"    <published>{_stamp(e.date)}</published>",
            f"    <updated>{_stamp(e.date)}</updated>",
            *([f"    <summary>{_text(e.summary)}</summary>"] if e.summary else []),
            *(f"    <category term={_attr(tag)} />" for tag in e.tags),
            "  </entry>",
        ]
    out.append("</feed>\n")
    return "\n".join(out).encode("utf-8")


# -- kept between builds ------------------------------------------------------------------------------


def _cached(directory: Path, key: str) -> Path:
    return directory / f"feeds-{key}.json"


def load(directory: Path, key: str, warn: Callable[[str], None]) -> list[Feed] | None:
    """The feeds kept for the inputs `key`, or None (missing, or damaged: then said so)."""
    path = _cached(directory, key)
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        warn(f"feed store {path} cannot be read ({exc.strerror or exc}); making the pages again")
        return None
    try:
        return read_feed_data(json.loads(raw.decode("utf-8")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
        warn(f"feed store {path} is corrupt ({reason}); making the pages again")
        return None


def keep(directory: Path, key: str, data: dict[str, Any]) -> list[Feed]:
    """Keep `feed_data` for the next build of the same inputs (and drop other inputs'); return its feeds.

    `directory` is the page store's: a build reuses pages only with their
    feeds, and a folder that cannot be written is reported once, by the store.
    """
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path = _cached(directory, key)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(path, raw)
        for old in directory.glob("feeds-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # the page store says so (same folder), and the next build makes the pages and feeds again
    return read_feed_data(data)
