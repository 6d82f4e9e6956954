"""Real `mkdocs build`s of small temporary projects, with assertions on the output.

The specification project (the spec article, its overlay, the demo register
and two Wikinews seeds) is built once per session, with `min_briefings: 2`:
entities named in two briefings or in the register have a page, the others
an entry on their A-Z listing page. Assertions that name
people (Zelenskyy as the speaker of "I don't bite") depend on the engine.
Generated HTML escapes quotes (`don&#39;t`), so text is compared unescaped.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import Abort

SPEC = "zelenskyy-challenges-putin-to-talks"


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def follow(url: str, href: str) -> str:
    """Where a link on the page at site URL `url` (e.g. 'briefings/') leads, relative to the site root."""
    root = "https://example.org/"
    got = urljoin(root + url, href)
    assert got.startswith(root), (url, href)
    return got[len(root):]


def text(fragment: str) -> str:
    """The visible text of an HTML fragment (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def article(page: str) -> str:
    """The page's content (the theme's header, nav and footer aside)."""
    return page[page.index("<article"):page.index("</article>")]


def targets(url: str, fragment: str) -> set[str]:
    """Where the relative links of an HTML fragment on the page at `url` lead."""
    return {follow(url, h) for h in re.findall(r'href="([^"]*)"', fragment) if ":" not in h and not h.startswith("//")}


def callout(page: str, needle: str) -> str:
    """The HTML of the claim callout whose quoted content holds `needle`."""
    for m in re.finditer(r'<aside[^>]*class="bf-claim"[^>]*>.*?</aside>', page, re.S):
        if needle in html.unescape(m.group(0)):
            return m.group(0)
    raise AssertionError(f"no callout holds {needle!r}")


def test_spec_page_links_zelenskyy(spec_site: Path) -> None:
    page = read(spec_site, f"briefings/{SPEC}")
    # A mention: a link to his page in the article's text, with a tooltip (his kind comes from the folder).
    assert re.search(r'<p>[^\n]*<a href="\.\./\.\./people/volodymyr-zelenskyy/" data-tip="[^"]*">', page)


def test_i_dont_bite_names_zelenskyy(spec_site: Path) -> None:
    box = callout(read(spec_site, f"briefings/{SPEC}"), "I don't bite")
    assert re.search(r'<footer><a href="\.\./\.\./people/volodymyr-zelenskyy/">Volodymyr Zelenskyy</a>', box)  # the speaker
    assert re.search(r'data-claim="claim-\d+"', box) and 'data-kind="direct"' in box
    # ...and its note beside the paragraph carries the id the number in the text links to.
    n = re.search(r'data-claim="(claim-\d+)"', box).group(1)
    assert f'<details class="bf-note" id="{n}" data-kind="direct">' in read(spec_site, f"briefings/{SPEC}")


def test_zelenskyy_page_lists_the_quote_and_briefings(spec_site: Path) -> None:
    page = read(spec_site, "people/volodymyr-zelenskyy")
    assert "I don't bite" in text(page)
    assert re.search(rf'href="\.\./\.\./briefings/{SPEC}/#claim-\d+"', page)
    mentioned = page[page.index('id="mentioned-in"'):]
    assert len(set(re.findall(r'href="\.\./\.\./briefings/([^/"]+)/"', mentioned))) >= 2


def test_said_is_grouped_by_briefing_and_roles_have_one_main(spec_site: Path) -> None:
    page = read(spec_site, "people/volodymyr-zelenskyy")
    said = page[page.index('id="said"'):page.index('id="mentioned-in"')]
    titles = re.findall(r'<p class="bf-said-title"><a href="([^"]+)">', said)
    assert titles and len(titles) == len(set(titles))  # each briefing's title once
    spec_group = said[said.index(f'<a href="../../briefings/{SPEC}/">'):]
    spec_group = spec_group[:spec_group.index('<li class="bf-said-briefing">') if '<li class="bf-said-briefing">' in spec_group else None]
    assert len(re.findall(rf'href="\.\./\.\./briefings/{SPEC}/#claim-\d+"', spec_group)) >= 2  # his claims under it
    roles = re.search(r'<p class="bf-roles">(.*?)</p>', page, re.S)
    assert roles and roles.group(1).count("bf-role--main") == 1
    assert "Roles:" not in page


def test_places_and_indexes_exist(spec_site: Path) -> None:
    # Ukraine is named in all three briefings: it has a page. Kherson, only in the
    # spec article, has its entry on the K listing of places instead.
    assert (spec_site / "places/ukraine/index.html").exists()
    assert not (spec_site / "places/kherson").exists()
    k = read(spec_site, "places/a-z/k")
    entry = re.search(r'<h2[^>]*\bid="kherson"[^>]*>(.*?)</h2>(.*?)(?=<h2|</article>)', k, re.S)
    assert entry is not None and text(entry.group(1)) == "Kherson"
    assert f"briefings/{SPEC}/" in targets("places/a-z/k/", entry.group(2))  # where it is named
    for index in ("briefings", "people", "organisations", "places", "claims"):
        assert (spec_site / index / "index.html").exists(), index
    people = read(spec_site, "people")
    linked = targets("people/", article(people))
    assert "people/volodymyr-zelenskyy/" in linked  # an entity with a page: listed by name
    assert "people/a-z/m/" in linked  # a letter page (Michelle Bachelet has no page of her own)
    assert "places/a-z/k/" in targets("places/", article(read(spec_site, "places")))


def test_search_index(spec_site: Path) -> None:
    index = json.loads((spec_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    titles = {d["location"]: d["title"] for d in index["docs"]}
    assert "people/volodymyr-zelenskyy/" in locations  # an entity page
    # An entity named in one briefing is found at its entry on its letter page.
    assert titles.get("people/a-z/m/#michelle-bachelet") == "Michelle Bachelet"
    assert f"briefings/{SPEC}/" in locations
    # Sidebars and boilerplate stay out: no entry is the entity sidebar or a callout.
    texts = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(f"briefings/{SPEC}/"))
    assert "In this briefing" not in texts and "Hedged in the text" not in texts
    assert "claims/" not in locations and "briefings/" not in locations  # indexes excluded
    assert "people/" not in locations and "places/" not in locations


def test_hidden_tables_of_contents_are_not_rendered(spec_site: Path) -> None:
    """Briefing and A-Z pages hide their table of contents: the theme gets none to render,
    yet search still cuts them into sections at their headings, and entity pages keep theirs."""
    toc = re.compile(r'data-md-component="toc".*?</ul>', re.S)
    for url in (f"briefings/{SPEC}/", "people/a-z/m/"):
        found = toc.search(read(spec_site, url))
        assert found is None or 'class="md-nav__link"' not in found.group(0), url
    assert 'href="#said"' in toc.search(read(spec_site, "people/volodymyr-zelenskyy/")).group(0)
    index = json.loads((spec_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"] for d in index["docs"]}
    assert {f"briefings/{SPEC}/#article", "people/a-z/m/#michelle-bachelet"} <= locations


def test_briefings_json(spec_site: Path) -> None:
    data = json.loads((spec_site / "briefings.json").read_text(encoding="utf-8"))
    slugs = [b["slug"] for b in data["briefings"]]
    assert len(slugs) == 3 and SPEC in slugs
    spec = next(b for b in data["briefings"] if b["slug"] == SPEC)
    assert spec["annotation"]["id"] == SPEC
    assert {"slug", "title", "date", "sources", "tags", "summary", "annotation"} <= set(spec)
    assert spec["summary"] and spec["date"] == "2022-03-04"


def test_json_ld(spec_site: Path) -> None:
    page = read(spec_site, f"briefings/{SPEC}")
    # The NewsArticle first; the claims editors rated follow as ClaimReviews (tests/site/test_across_site.py).
    raw, *reviews = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(reviews) <= 1
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert {"@type": "Person", "name": "Volodymyr Zelenskyy"} in data["mentions"]
    assert any(q["@type"] == "Quotation" and "I don't bite" in q["text"] for q in data["hasPart"])


def test_caption_is_not_body_text(spec_site: Path) -> None:
    page = read(spec_site, f"briefings/{SPEC}")
    assert re.search(r'<p class="bf-caption"[^>]*>.*Photo / <a', page) or re.search(r'<p class="bf-caption"[^>]*>.*Photo / AP', page)
    assert "Wikinews" in read(spec_site, "briefings/2020-01-18-ukrainian-president-rejects-prime-minister-s-resignation")


def test_pagination(spec_site: Path) -> None:
    first, second = read(spec_site, "briefings"), read(spec_site, "briefings/page/2")
    nxt = re.search(r'<a class="bf-next" href="([^"]*)"', first)
    assert nxt and follow("briefings/", nxt.group(1)) == "briefings/page/2/" and "bf-prev" not in first
    prev = re.search(r'<a class="bf-prev" href="([^"]*)"', second)
    assert prev and follow("briefings/page/2/", prev.group(1)) == "briefings/" and "bf-next" not in second
    assert first.index(SPEC) < first.index("2020-01-18")  # newest first
    listed = [follow("briefings/", h) for h in re.findall(r'<a class="bf-list__title" href="([^"]*)"', first)]
    assert listed[0] == f"briefings/{SPEC}/" and len(listed) == 2  # per_page 2


def test_claims_index(spec_site: Path) -> None:
    page = read(spec_site, "claims")
    rows = re.findall(r'<li data-kind="\w+"[^>]*>', page)
    assert rows and any(re.search(r'\bdata-badges="[^"]+"', r) for r in rows)  # the badges of a row, for the filter
    count = re.search(r'<span data-count="">(\d+)</span>', page)
    assert count is not None and int(count.group(1)) == len(rows)
    assert 'class="bf-claim-filters"' in page


def test_nav_does_not_grow_with_seeds(spec_site: Path, site_builder) -> None:
    """A briefing page's nav holds the indexes only, whatever the number of seeds."""
    one = site_builder(seeds={"2020-01-01-a.txt": "---\ntitle: A\n---\nJohn Smith said \"hello\".\n"})

    def nav_links(html: str) -> int:
        nav = html[html.index('md-nav--primary'):html.index('</nav>', html.index('md-nav--primary'))]
        return len(re.findall(r"<a ", nav))

    small = nav_links(read(one, "briefings/2020-01-01-a"))
    big = nav_links(read(spec_site, f"briefings/{SPEC}"))
    assert small == big


PAYLOAD = (
    "# Heading\n"
    "*emphasis* [x](javascript:alert(1)) <script>alert('s')</script> {{ config.site_name }} {% if 1 %}\n"
    "!!! note\n"
    "    indented <img src=x onerror=alert(1)>\n"
    "John Smith said \"</script><script>alert('q')</script>\" on Monday.\n"
)


def test_payloads_stay_literal(site_builder) -> None:
    site = site_builder(
        strict=False,  # the register's script link is (rightly) a warning
        seeds={"2020-01-01-evil.txt": "---\ntitle: \"<script>alert('t')</script> *t*\"\ntags: [\"<b>x</b>\"]\n---\n" + PAYLOAD},
        register="- name: John Smith\n  kind: person\n  description: \"<script>alert('d')</script> [y](javascript:alert(2))\"\n"
                 "  links: [\"javascript:alert(3)\"]\n",
    )
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), path
        assert 'href="javascript' not in html, path
        assert "<em>emphasis" not in html and "<em>t</em>" not in html, path
        assert 'class="admonition' not in html, path
    page = read(site, "briefings/2020-01-01-evil")
    assert "# Heading" in page and "*emphasis*" in page and "{{ config.site_name }}" in page and "!!! note" in page
    assert "<script>alert('s')</script>" in text(article(page))  # shown as text, however it is escaped
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert "</script>" not in raw and json.loads(raw)["@type"] == "NewsArticle"


def test_warnings_fail_strict_builds(site_builder) -> None:
    overlay = "---\nseed: 2020-01-01-a.txt\ntitel: Typo\n---\n"
    with pytest.raises(Abort):
        site_builder(seeds={"2020-01-01-a.txt": "Hello.\n"}, overlays={"a.md": overlay})


def test_fatal_input_stops_the_build_naming_file_and_line(site_builder, caplog: pytest.LogCaptureFixture) -> None:
    """A PluginError (mkdocs logs it and aborts), not a traceback."""
    with pytest.raises(Abort, match="BuildError"):
        site_builder(seeds={"2020-01-01-a.txt": "Hello.\n"}, overlays={"a.md": "no front matter\n"})
    assert any(r.levelname == "ERROR" and "briefings/a.md:1:" in r.getMessage() for r in caplog.records)


def test_builds_are_byte_identical(tmp_path: Path, site_builder) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    seeds = {"2020-01-01-a.txt": "John Smith met Jane Doe in Paris. \"Yes,\" Smith said.\n",
             "2020-01-02-b.txt": "Jane Doe said Paris was calm, according to officials.\n"}
    first = site_builder(seeds=seeds)
    second_dir = tmp_path / "site2"
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(second_dir), strict=True)
    build(config)

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
                if p.is_file() and p.name != "sitemap.xml.gz"}

    a, b = files(first), files(second_dir)
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


def test_core_does_not_import_mkdocs() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import mkdocs_briefings.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'mkdocs_briefings.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'mkdocs' or n.startswith('mkdocs.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize(("anchor", "ok"), [("claim-1", True), ("claim-99", False)])
def test_claim_anchors_are_validated(site_builder, anchor: str, ok: bool) -> None:
    """mkdocs sees the callouts' ids: a link to a real claim passes --strict, a wrong one fails it."""
    seeds = {"2020-01-01-a.txt": "\"We will win,\" John Smith said on Monday.\n"}
    docs = {"index.md": f"# Home\n\n[the claim](briefings/2020-01-01-a.md#{anchor})\n"}
    if ok:
        site = site_builder(seeds=seeds, docs=docs)
        assert f'href="briefings/2020-01-01-a/#{anchor}"' in (site / "index.html").read_text(encoding="utf-8")
    else:
        with pytest.raises(Abort):
            site_builder(seeds=seeds, docs=docs)
