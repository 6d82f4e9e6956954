"""The Atom feeds' data (render/feeds.py): what is chosen, what is read back from the cache, the XML."""

from __future__ import annotations

from datetime import date
from typing import Any

import feedparser
import pytest

from mkdocs_briefings.core.corpus import build_corpus
from mkdocs_briefings.render import feeds

TEXT = "Jane Doe met reporters in Paris. \"We are ready,\" Doe said.\n"


@pytest.fixture
def data(make_briefing: Any) -> dict[str, Any]:
    people = [("jane-doe", "Jane Doe", "person", ["senator"], ["Jane Doe", "Doe"])]
    briefings = [
        make_briefing("b-old", TEXT, people, date=date(2020, 1, 1), tags=("x", "a&b")),
        make_briefing("b-new", TEXT, people, date=date(2021, 5, 6)),
        make_briefing("b-undated", TEXT, people),
    ]
    return feeds.feed_data(build_corpus(briefings, (), min_briefings=1))


def test_feeds_list_dated_briefings_newest_first(data: dict[str, Any]) -> None:
    by_path = {f["path"]: f for f in data["feeds"]}
    assert by_path["feed.xml"]["entries"] == ["b-new", "b-old"]  # the undated one has no place in a feed
    assert by_path["feeds/people/jane-doe.xml"] == {
        "path": "feeds/people/jane-doe.xml", "title": "Briefings naming Jane Doe", "page": "people/jane-doe.md",
        "entries": ["b-new", "b-old"],
    }
    assert data["entries"]["b-old"]["tags"] == ["x", "a&b"]


def test_feed_data_round_trips(data: dict[str, Any]) -> None:
    read = feeds.read_feed_data(data)
    assert [f.path for f in read] == [f["path"] for f in data["feeds"]]
    assert read[0].entries[0].date == "2021-05-06"


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(format=0), "version"),
    (lambda d: d["entries"]["b-old"].update(page="../../etc/passwd.md"), "bad page"),
    (lambda d: d["entries"]["b-old"].update(page="people/x.html"), "bad page"),
    (lambda d: d["entries"]["b-old"].update(date="2020-02-31"), "day is out of range"),
    (lambda d: d["entries"]["b-old"].update(date="yesterday"), "bad page or date"),
    (lambda d: d["entries"]["b-old"].update(title=["x"]), "title is not text"),
    (lambda d: d["feeds"][0].update(entries=["nobody"]), "nobody"),
    (lambda d: d["feeds"][1].update(page="/abs.md"), "bad page"),
    (lambda d: d.update(feeds={}), "feeds is not a list"),
])
def test_bad_feed_data_is_refused(data: dict[str, Any], change: Any, message: str) -> None:
    change(data)
    with pytest.raises((ValueError, KeyError), match=message):
        feeds.read_feed_data(data)


def test_a_feed_path_is_made_from_its_page_never_read(data: dict[str, Any]) -> None:
    data["feeds"][1]["path"] = "../../outside.xml"
    assert feeds.read_feed_data(data)[1].path == "feeds/people/jane-doe.xml"


@pytest.mark.parametrize(("text", "summary"), [
    ("One line.\nTwo line.", "One line."),
    ("\n\n  Spaced out.  \n", "Spaced out."),
    ("word " * 100, ("word " * 60).strip() + "…"),
    ("x" * 400, "x" * 300 + "…"),
    ("", ""),
])
def test_summary_is_the_first_paragraph_cut_at_a_word(text: str, summary: str) -> None:
    assert feeds._summary(text, 0) == summary


def test_atom_is_valid_escaped_and_dated_from_front_matter() -> None:
    entry = feeds.Entry("briefings/b.md", "Title <script>alert(1)</script> & \x01more", "2020-01-02", "Sum\x0bmary", ("a&b",))
    feed = feeds.Feed("feed.xml", "Latest briefings", "briefings/index.md", (entry,))
    xml = feeds.atom(feed, site_url="https://example.org/news/", site_name="Site", directory_urls=True)
    assert b"<script>" not in xml and b"\x01" not in xml
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Site: Latest briefings"
    assert parsed.feed.updated == "2020-01-02T00:00:00Z"
    (got,) = parsed.entries
    assert got.title == "Title <script>alert(1)</script> & more"
    assert got.link == got.id == "https://example.org/news/briefings/b/"
    assert got.summary == "Summary"
    assert [t.term for t in got.tags] == ["a&b"]
    flat = feeds.atom(feed, site_url="https://example.org/", site_name="Site", directory_urls=False)
    assert b'href="https://example.org/briefings/b.html"' in flat
