"""Entity pages and A-Z listings in built sites, and a crawler that follows every generated link.

Generated pages no longer go through Python-Markdown, so mkdocs no longer
validates their links: the renderer writes final relative URLs itself. The
crawler here is what checks them: every relative `href` inside `<article>`
of every HTML page must lead to a file of the site and, when it names an
`#anchor`, to an element with that id there.

`listing_site` (tests/conftest.py) is built with `min_briefings: 2` (the
policy the tests name, whatever the default): Christopher Wray, the FBI and
Paris are named in one briefing each, Jane Doe in two.
"""

from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

WRAY = "briefings/2020-01-01-wray-warns/"
DOE = "briefings/2020-01-02-doe-in-paris/"


# --- the crawler ----------------------------------------------------------------------------------


class _Page(HTMLParser):
    """The ids of a page, and the hrefs inside its `<article>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self._article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "article":
            self._article += 1
        if self._article and tag == "a" and a.get("href") is not None:
            self.hrefs.append(a["href"] or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "article":
            self._article -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article:
            self._article -= 1


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def broken_links(site: Path) -> list[str]:
    """Every relative link inside `<article>` of every HTML page of `site` that does not resolve."""
    return crawl(site)[1]


def crawl(site: Path) -> tuple[dict[str, int], list[str]]:
    """(how many links, with and without anchors, were followed; the links that do not resolve).

    Every relative link inside `<article>` of every HTML page of `site` that does not resolve.

    A link resolves when its path names a file of the site (a folder URL names
    its `index.html`) and its `#anchor`, if any, is the id of an element there.
    Links to other sites (`https:`, `mailto:`, `//host`) are not followed;
    root-absolute paths (`/x/`) are reported, since a site served under a
    sub-path (GitHub Pages) would break them.
    """
    site = site.resolve()
    pages: dict[Path, _Page] = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    followed = {"pages": len(pages), "links": 0, "anchors": 0}
    for path, page in pages.items():
        where = path.relative_to(site).as_posix()
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            if parts.path.startswith("/"):
                problems.append(f"{where}: {href} (root-absolute)")
                continue
            if parts.path:
                target = Path(os.path.normpath(path.parent / unquote(parts.path)))
                if target != site and site not in target.parents:
                    problems.append(f"{where}: {href} (outside the site)")
                    continue
                if parts.path.endswith("/") or target.is_dir():
                    target = target / "index.html"
            else:
                target = path  # "#anchor" on the page itself
            if not target.is_file():
                problems.append(f"{where}: {href} (no such page)")
                continue
            followed["links"] += 1
            anchor = unquote(parts.fragment)
            if anchor and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                followed["anchors"] += 1
                if anchor not in ids:
                    problems.append(f"{where}: {href} (no id {anchor!r} there)")
    return followed, problems


def test_crawler_reports_what_does_not_resolve(tmp_path: Path) -> None:
    """The crawler must be able to fail: a hand-made site with one of each kind of bad link."""
    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "c").mkdir()
    (site / "index.html").write_text(
        '<html><body><a href="nowhere/">outside the article: not checked</a><article>'
        '<p id="top">x</p><a href="b/">ok</a><a href="b/#here">ok</a><a href="b/index.html#here">ok</a>'
        '<a href="#top">ok</a><a href="https://example.org/x">external</a><a href="mailto:a@b.c">mail</a>'
        '<a href="b/#missing">bad anchor</a><a href="nope/">bad page</a><a href="#gone">bad own anchor</a>'
        '<a href="/b/">absolute</a><a href="c/">folder without index</a>'
        "</article></body></html>",
        encoding="utf-8",
    )
    (site / "b" / "index.html").write_text(
        '<article><h2 id="here">x</h2><a href="../">ok</a><a href="../#top">ok</a><a href="../../up/">bad</a></article>',
        encoding="utf-8",
    )
    assert broken_links(site) == [
        "b/index.html: ../../up/ (outside the site)",
        "index.html: b/#missing (no id 'missing' there)",
        "index.html: nope/ (no such page)",
        "index.html: #gone (no id 'gone' there)",
        "index.html: /b/ (root-absolute)",
        "index.html: c/ (no such page)",
    ]


def test_every_generated_link_resolves_in_the_spec_site(spec_site: Path) -> None:
    """Briefings, entity pages, A-Z listings (most names there are mentioned once), claims, pagination."""
    assert list((spec_site / "people" / "a-z").iterdir())  # listing pages exist, so their links are crawled
    followed, problems = crawl(spec_site)
    assert problems == []
    # Not vacuous: the crawl saw the pages and followed their links and anchors.
    assert followed["pages"] > 40 and followed["links"] > 500 and followed["anchors"] > 100, followed


def test_every_generated_link_resolves_in_the_listing_site(listing_site: Path) -> None:
    followed, problems = crawl(listing_site)
    assert problems == [] and followed["anchors"] > 10, followed


# --- entity pages and listings (min_briefings: 2) -----------------------------------------------


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def follow(url: str, href: str) -> str:
    """Where a link on the page at site URL `url` leads, relative to the site root."""
    root = "https://example.org/"
    got = urljoin(root + url, href)
    assert got.startswith(root), (url, href)
    return got[len(root):]


#: A paragraph of a briefing's text (or its photo caption): a line of its own, unlike callouts' paragraphs.
ARTICLE_PARAGRAPH = re.compile(r'^<p(?: class="bf-caption"[^>]*)?>.*?</p>$', re.M)


def links(url: str, fragment: str, role: str | None = None) -> list[tuple[str, str]]:
    """(where it leads, visible text) of each `<a>` in fragment, optionally only those in one role.

    Roles follow the page's markup: a "mention" is a link in the article's
    paragraphs other than a claim number, a "sidebar" link is in the entity
    sidebar, a "speaker" opens a callout's footer.
    """
    if role == "mention":
        fragment = re.sub(r"<sup><a\b.*?</a></sup>", "", "".join(ARTICLE_PARAGRAPH.findall(fragment)))
    elif role == "sidebar":
        fragment = "".join(re.findall(r'<aside class="bf-entities".*?</aside>', fragment, re.S))
    elif role == "speaker":
        fragment = "".join(re.findall(r"<footer><a\b[^>]*>.*?</a>", fragment, re.S))
    out = []
    for m in re.finditer(r"<a\b([^>]*)>(.*?)</a>", fragment, re.S):
        attrs = m.group(1)
        href = re.search(r'\bhref="([^"]*)"', attrs)
        if href:
            out.append((follow(url, html.unescape(href.group(1))), text(m.group(2))))
    return out


def entry(page: str, entity_id: str) -> tuple[str, str]:
    """The element with id `entity_id` on a listing page: (its HTML tag, the entry's HTML up to the next one)."""
    m = re.search(rf'<(\w+)\b[^>]*\bid="{re.escape(entity_id)}"[^>]*>.*?(?=<h2\b|</article>|\Z)', page, re.S)
    assert m, f"no element with id {entity_id!r}"
    return m.group(1), m.group(0)


def test_entity_in_one_briefing_has_no_page(listing_site: Path) -> None:
    assert not (listing_site / "people" / "christopher-wray").exists()
    assert not (listing_site / "organisations" / "federal-bureau-of-investigation").exists()
    assert not (listing_site / "places" / "paris").exists()


@pytest.mark.parametrize(
    ("briefing", "entity_id", "name", "listing", "title"),
    [
        (WRAY, "christopher-wray", "Christopher Wray", "people/a-z/c/", "Wray warns of threats"),
        (WRAY, "federal-bureau-of-investigation", "Federal Bureau of Investigation", "organisations/a-z/f/",
         "Wray warns of threats"),
        (DOE, "paris", "Paris", "places/a-z/p/", "Doe visits Paris"),
    ],
)
def test_mention_links_to_the_listing_entry(listing_site: Path, briefing: str, entity_id: str, name: str,
                                            listing: str, title: str) -> None:
    page = article(read(listing_site, briefing))
    target = f"{listing}#{entity_id}"
    mentions = [(to, t) for to, t in links(briefing, page, "mention") if to == target]
    assert mentions, f"no mention on {briefing} links to {target}"
    paragraphs = "".join(ARTICLE_PARAGRAPH.findall(page))
    raw = [h for h in re.findall(r'<a href="([^"]*)"', paragraphs) if not h.startswith("#")]
    assert any(h.endswith(f"/{target}") for h in raw), raw  # ".../people/a-z/c/#christopher-wray"
    # The sidebar links the same way.
    assert (target, name) in links(briefing, page, "sidebar")
    # The entry: an element with that id showing the name, then where it is named.
    listing_page = article(read(listing_site, listing.rstrip("/")))
    tag, html_entry = entry(listing_page, entity_id)
    assert tag.startswith("h")
    heading = re.search(r"<h\d[^>]*>(.*?)</h\d>", html_entry, re.S)
    assert heading and text(heading.group(1)).strip() == name
    assert (briefing, title) in links(listing, html_entry)


def test_listing_entry_shows_role_briefings_and_claims(listing_site: Path) -> None:
    listing = "people/a-z/c/"
    _, html_entry = entry(article(read(listing_site, listing.rstrip("/"))), "christopher-wray")
    shown = text(html_entry)
    assert "Director" in shown  # the role
    assert "In 1 briefing: Wray warns of threats" in shown  # where he is named, linked
    assert (WRAY, "Wray warns of threats") in links(listing, html_entry)
    # What he said: a link to his claims on the claims index, which shows them in full.
    said = [to for to, label in links(listing, html_entry) if label == "1 claim"]
    assert said == ["claims/#speaker-christopher-wray"]
    claims = article(read(listing_site, "claims"))
    _, group = entry(claims, "speaker-christopher-wray")
    assert "ready for anything" in text(group)
    assert any(to.startswith(WRAY + "#claim-") for to, _ in links("claims/", group))


def test_speaker_without_page_links_to_the_listing(listing_site: Path) -> None:
    page = article(read(listing_site, WRAY))
    assert ("people/a-z/c/#christopher-wray", "Christopher Wray") in links(WRAY, page, "speaker")
    claims = article(read(listing_site, "claims"))
    assert ("people/a-z/c/#christopher-wray", "Christopher Wray") in links("claims/", claims)


def test_entity_in_two_briefings_has_its_page(listing_site: Path) -> None:
    assert (listing_site / "people" / "jane-doe" / "index.html").is_file()
    for briefing in (WRAY, DOE):
        page = article(read(listing_site, briefing))
        assert ("people/jane-doe/", "Jane Doe") in links(briefing, page, "mention"), briefing
    doe = article(read(listing_site, "people/jane-doe"))
    mentioned = doe[doe.index('id="mentioned-in"'):]
    assert {to for to, _ in links("people/jane-doe/", mentioned)} >= {WRAY, DOE}
    # Her letter page links to her page instead of describing her, and so does the index.
    j = article(read(listing_site, "people/a-z/j"))
    assert 'id="jane-doe"' not in j
    assert ("people/jane-doe/", "Jane Doe") in links("people/a-z/j/", j)
    index = article(read(listing_site, "people"))
    assert ("people/jane-doe/", "Jane Doe") in links("people/", index)
    assert "Christopher Wray" not in text(index)  # no page of his own: only on his letter's page
    assert "people/a-z/c/" in {to for to, _ in links("people/", index)}


def test_min_briefings_1_gives_every_name_a_page(site_builder, listing_seeds) -> None:
    site = site_builder(seeds=listing_seeds, plugin={"min_briefings": 1})
    assert (site / "people" / "christopher-wray" / "index.html").is_file()
    assert (site / "places" / "paris" / "index.html").is_file()
    page = article(read(site, WRAY))
    assert ("people/christopher-wray/", "Christopher Wray") in links(WRAY, page, "mention")
    c = article(read(site, "people/a-z/c"))
    assert 'id="christopher-wray"' not in c  # no entry: his page says it all
    assert ("people/christopher-wray/", "Christopher Wray") in links("people/a-z/c/", c)
    assert broken_links(site) == []


def test_min_briefings_per_kind(site_builder, listing_seeds) -> None:
    """A number per kind: people from one briefing here, places from three (more than this site has)."""
    site = site_builder(seeds=listing_seeds, plugin={"min_briefings": {"person": 1, "place": 3}})
    assert (site / "people" / "christopher-wray" / "index.html").is_file()
    assert not (site / "places" / "paris").exists()
    page = article(read(site, DOE))
    assert ("places/a-z/p/#paris", "Paris") in links(DOE, page, "mention")
    assert broken_links(site) == []


def test_default_min_briefings_fits_a_small_site(site_builder, listing_seeds) -> None:
    """With the plugin's default on a two-briefing site, a name in a single briefing has a page (issue 18:
    fixed defaults of 10 and 20 gave a small site none); a large site's names of one briefing are
    served by their listing entry (`listing_site`, `min_briefings: 2`, and test_corpus's fitted sizes)."""
    site = site_builder(seeds=listing_seeds)
    assert (site / "people" / "christopher-wray" / "index.html").is_file()
    assert (site / "places" / "paris" / "index.html").is_file()
    page = article(read(site, WRAY))
    assert ("people/christopher-wray/", "Christopher Wray") in links(WRAY, page, "mention")
    assert broken_links(site) == []


def test_links_resolve_without_directory_urls(site_builder, listing_seeds) -> None:
    """`use_directory_urls: false` gives pages as `x.html`: generated links follow the site's layout."""
    site = site_builder(seeds=listing_seeds, plugin={"min_briefings": 2}, config={"use_directory_urls": False})
    assert (site / "people" / "a-z" / "c.html").is_file() and (site / "briefings" / "index.html").is_file()
    followed, problems = crawl(site)
    assert problems == [] and followed["links"] > 40 and followed["anchors"] > 10, (followed, problems)
    page = (site / "briefings" / "2020-01-01-wray-warns.html").read_text(encoding="utf-8")
    assert 'href="../people/a-z/c.html#christopher-wray"' in article(page)
