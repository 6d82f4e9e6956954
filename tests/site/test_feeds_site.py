"""Atom feeds in built sites: the latest briefings and one per entity page, linked from page heads,
valid for a feed parser, the same on a build that reuses the last one's pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest

SEEDS = {
    "2020-01-01-wray-warns.txt": "---\ntitle: Wray warns of threats\ndate: 2020-01-01\ntags: [security]\n---\n"
    "FBI Director Christopher Wray said on Monday that the agency was \"ready for anything\". "
    "Jane Doe, a senator, agreed with him.\n",
    "2020-01-02-doe-in-paris.txt": "---\ntitle: Doe visits <Paris> & more\ndate: 2020-01-02\n---\n"
    "Senator Jane Doe met reporters in Paris on Tuesday. \"We are ready,\" Doe said.\n",
    "undated.txt": "---\ntitle: No date here\n---\nJane Doe was seen.\n",
}
SITE_URL = "https://example.org/news/"


def _site_path(site: Path, url: str) -> Path:
    """The file a URL of the site names (a folder URL names its index.html)."""
    assert url.startswith(SITE_URL), url
    path = site / url[len(SITE_URL):]
    return path / "index.html" if url.endswith("/") else path


@pytest.fixture(scope="module")
def built(project_maker: Callable[..., Path]) -> tuple[Path, Path]:
    """(mkdocs.yml, site) of a project built once for the module (a real, strict `mkdocs build`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = project_maker("feeds", seeds=SEEDS, plugin={"min_briefings": 1}, config={"site_url": SITE_URL})
    config = load_config(config_file=str(config_file), strict=True)
    build(config)
    return config_file, Path(config.site_dir)


def test_every_feed_is_valid_atom_of_the_sites_pages(built: tuple[Path, Path]) -> None:
    _, site = built
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.xml") if p.name != "sitemap.xml")
    assert "feed.xml" in paths and "feeds/people/jane-doe.xml" in paths and "feeds/places/paris.xml" in paths
    for path in paths:
        parsed = feedparser.parse((site / path).read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.id == SITE_URL + path
        assert parsed.entries, path
        for entry in parsed.entries:
            assert _site_path(site, entry.link).is_file(), entry.link
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", entry.updated)


def test_latest_briefings_newest_first_undated_left_out(built: tuple[Path, Path]) -> None:
    _, site = built
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert [e.title for e in parsed.entries] == ["Doe visits <Paris> & more", "Wray warns of threats"]
    assert parsed.feed.updated == "2020-01-02T00:00:00Z"  # from front matter, not the clock
    assert [t.term for t in parsed.entries[1].tags] == ["security"]
    assert parsed.entries[1].summary.startswith("FBI Director Christopher Wray said")
    wray = feedparser.parse((site / "feeds" / "people" / "christopher-wray.xml").read_bytes())
    assert [e.title for e in wray.entries] == ["Wray warns of threats"]


@pytest.mark.parametrize(("page", "feeds"), [
    ("index.html", ["feed.xml"]),
    ("briefings/2020-01-01-wray-warns/index.html", ["feed.xml"]),
    ("people/jane-doe/index.html", ["feed.xml", "feeds/people/jane-doe.xml"]),
    ("404.html", []),
])
def test_page_heads_link_their_feeds(built: tuple[Path, Path], page: str, feeds: list[str]) -> None:
    _, site = built
    html = (site / page).read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    links = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"<>]*" href="([^"]+)">', head)
    assert [(site / Path(page).parent / href).resolve().relative_to(site.resolve()).as_posix() for href in links] == feeds
    assert html.count('type="application/atom+xml"') == len(feeds)


def test_a_build_that_reuses_the_pages_writes_the_same_feeds(built: tuple[Path, Path], mkdocs_build: Callable[..., Path],
                                                             caplog: pytest.LogCaptureFixture) -> None:
    config, site = built
    before = {p: p.read_bytes() for p in site.rglob("*.xml")}
    with caplog.at_level("INFO"):
        mkdocs_build(config)
    assert "are reused" in caplog.text
    assert {p: p.read_bytes() for p in site.rglob("*.xml")} == before


def test_a_damaged_feed_store_is_said_and_made_again(project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path],
                                                     caplog: pytest.LogCaptureFixture) -> None:
    config = project_writer(seeds=SEEDS, plugin={"min_briefings": 1}, config={"site_url": SITE_URL})
    site = mkdocs_build(config)
    feed = (site / "feed.xml").read_bytes()
    (stored,) = (config.parent / ".cache" / "briefings" / "pages").glob("feeds-*.json")
    stored.write_text('{"format": 1, "entries": {}, "feeds": [{"path": "x", "page": "../x.md"}]}', encoding="utf-8")
    with caplog.at_level("INFO"):
        mkdocs_build(config, strict=False)
    assert "is corrupt" in caplog.text and "are reused" not in caplog.text
    assert (site / "feed.xml").read_bytes() == feed


def test_no_site_url_no_feeds(project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path]) -> None:
    site = mkdocs_build(project_writer(seeds=SEEDS, config={"site_url": None}))
    assert not (site / "feed.xml").exists() and not (site / "feeds").exists()
    assert "application/atom+xml" not in (site / "index.html").read_text(encoding="utf-8")


def test_entry_links_follow_the_sites_url_layout(project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path]) -> None:
    site = mkdocs_build(project_writer(seeds=SEEDS, config={"site_url": SITE_URL, "use_directory_urls": False}))
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert parsed.entries[0].link == urljoin(SITE_URL, "briefings/2020-01-02-doe-in-paris.html")
    assert _site_path(site, parsed.entries[0].link).is_file()
