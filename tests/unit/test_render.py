"""The render layer: article layout, escaping, links, and the HTML of generated pages.

Generated pages are `PageSpec`s whose HTML comes from `spec.make()` and never
goes through Python-Markdown; only editor-written markdown (`spec.markdown`)
does, the way mkdocs renders it (with our sanitising extension).
"""

from __future__ import annotations

import json
import re
from datetime import date
from urllib.parse import urljoin

import markdown
import pytest
from markupsafe import Markup

from mkdocs_briefings.core.corpus import build_corpus
from mkdocs_briefings.core.kinds import PAGE_DIRS, TABLE
from mkdocs_briefings.core.model import Span
from mkdocs_briefings.render import static
from mkdocs_briefings.render.article import _non_overlapping, layout
from mkdocs_briefings.render.indexes import claim_counts
from mkdocs_briefings.render.paths import CSS_URI, page_url, rel
from mkdocs_briefings.render.renderer import PageSpec, Renderer
from mkdocs_briefings.render.safety import clean, json_ld, markdown_source, web_url
from mkdocs_briefings.render.sanitize import BriefingsHtmlExtension, unsafe_url
from mkdocs_briefings.render.views import (
    RolesView,
    adds_to,
    badges,
    context,
    date_label,
    full_stop,
    inner_quotes,
    one_line,
    roles_view,
)

PAYLOADS = [
    "# Heading",
    "*emphasis* and _under_ and **strong**",
    "[x](javascript:alert(1))",
    "<script>alert(1)</script>",
    "{{ config.site_name }} {% raw %}",
    "!!! note",
    "<!--/bf:html--> <img src=x onerror=alert(1)>",
    "`code` \\ & &amp; &lt;b&gt;",
    "| a | b |",
    "\x02wzxhzdk:0\x03 \x01",
]

_HREF = re.compile(r'href="([^"#:]*)(?:#([^"]*))?"')


def links_in(html: str) -> list[tuple[str, str]]:
    """(path, anchor) of every relative link in generated HTML (absolute URLs and pure anchors aside)."""
    return [(m.group(1), m.group(2) or "") for m in _HREF.finditer(html) if m.group(1)]


def editor_html(source: str) -> str:
    """Editor-written markdown rendered the way mkdocs renders it on the demo site, with our extension."""
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition", "toc", BriefingsHtmlExtension()])
    return md.convert(source)


def to_html(spec: PageSpec) -> str:
    """The HTML body of a generated page: its own HTML around its editor markdown (as the plugin joins them)."""
    parts = spec.make()
    middle = editor_html(spec.markdown) if spec.markdown else ""
    return "\n".join(x for x in (parts.before, middle, parts.after) if x)


def pages_of(renderer: Renderer) -> dict[str, PageSpec]:
    """Every generated page by source path (which must be unique)."""
    specs = list(renderer.pages())
    pages = {spec.src_uri: spec for spec in specs}
    assert len(pages) == len(specs), "two generated pages share a source path"
    return pages


def text_of(html: str) -> str:
    """The visible text of HTML (tags dropped, entities decoded)."""
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html))


SITE = "https://example.org/sub/"  # a site served under a path: links must stay relative


def follow(here: str, href: str, directory_urls: bool = True) -> str:
    """Where a link on the generated page `here` leads, as a URL relative to the site root."""
    got = urljoin(SITE + page_url(here, directory_urls), href)
    assert got.startswith(SITE), (here, href)
    return got[len(SITE):]


@pytest.mark.parametrize(
    ("here", "target", "anchor", "directory_urls", "expected"),
    [
        # Directory URLs (mkdocs' default, the demo site's): every page is a folder.
        ("briefings/a.md", "people/x.md", "", True, "people/x/"),
        ("briefings/page/2.md", "briefings/a.md", "", True, "briefings/a/"),
        ("briefings/index.md", "briefings/page/2.md", "", True, "briefings/page/2/"),
        ("briefings/page/2.md", "briefings/index.md", "", True, "briefings/"),
        ("briefings/page/3.md", "briefings/page/2.md", "", True, "briefings/page/2/"),
        ("people/x.md", "briefings/a.md", "claim-3", True, "briefings/a/#claim-3"),
        ("people/index.md", "people/a-z/c.md", "", True, "people/a-z/c/"),
        ("people/a-z/c.md", "people/index.md", "", True, "people/"),
        ("briefings/a.md", "people/a-z/c.md#christopher-wray", "", True, "people/a-z/c/#christopher-wray"),
        ("people/a-z/c.md", "people/a-z/other.md", "", True, "people/a-z/other/"),
        ("claims/page/2.md", "claims/index.md", "speaker-x", True, "claims/#speaker-x"),
        ("index.md", "people/x.md", "", True, "people/x/"),
        ("people/x.md", "people/x.md", "said", True, "people/x/#said"),
        # use_directory_urls: false: pages are .html files.
        ("briefings/a.md", "people/x.md", "", False, "people/x.html"),
        ("briefings/page/2.md", "briefings/a.md", "", False, "briefings/a.html"),
        ("briefings/index.md", "briefings/page/2.md", "", False, "briefings/page/2.html"),
        ("briefings/page/2.md", "briefings/index.md", "", False, "briefings/index.html"),
        ("people/x.md", "briefings/a.md", "claim-3", False, "briefings/a.html#claim-3"),
        ("briefings/a.md", "people/a-z/c.md#christopher-wray", "", False, "people/a-z/c.html#christopher-wray"),
        ("index.md", "people/index.md", "", False, "people/index.html"),
    ],
)
def test_rel(here: str, target: str, anchor: str, directory_urls: bool, expected: str) -> None:
    """`rel` gives a relative URL (never a `.md` path, never absolute) that leads from `here` to `target`."""
    href = rel(here, target, anchor, directory_urls=directory_urls)
    assert ".md" not in href and not href.startswith("/") and ":" not in href
    assert follow(here, href, directory_urls) == expected
    if directory_urls:
        assert rel(here, target, anchor) == href  # the default


@pytest.mark.parametrize(
    ("here", "target", "anchor", "expected"),
    [
        ("briefings/a.md", "people/x.md", "", "../../people/x/"),
        ("people/x.md", "briefings/a.md", "claim-3", "../../briefings/a/#claim-3"),
        ("briefings/a.md", "people/a-z/c.md#christopher-wray", "", "../../people/a-z/c/#christopher-wray"),
    ],
)
def test_rel_examples(here: str, target: str, anchor: str, expected: str) -> None:
    """The exact links the design names (one folder to another: the shortest link is the only sensible one)."""
    assert rel(here, target, anchor) == expected


@pytest.mark.parametrize(
    ("src_uri", "directory_urls", "expected"),
    [
        ("briefings/a.md", True, "briefings/a/"),
        ("briefings/index.md", True, "briefings/"),
        ("briefings/page/2.md", True, "briefings/page/2/"),
        ("people/a-z/other.md", True, "people/a-z/other/"),
        ("index.md", True, "./"),
        ("briefings/a.md", False, "briefings/a.html"),
        ("briefings/index.md", False, "briefings/index.html"),
        ("people/a-z/c.md", False, "people/a-z/c.html"),
        ("index.md", False, "index.html"),
    ],
)
def test_page_url(src_uri: str, directory_urls: bool, expected: str) -> None:
    assert page_url(src_uri, directory_urls) == expected


URIS = ["index.md", "briefings/index.md", "briefings/a.md", "briefings/page/2.md", "people/index.md",
        "people/x.md", "people/a-z/c.md", "claims/page/12.md", "places/index-.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_rel_and_page_url_agree_with_mkdocs(directory_urls: bool) -> None:
    """The core cannot import mkdocs, so it re-implements mkdocs' URLs: they must lead to the same place."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    for target in URIS:
        url = File(target, "docs", "site", directory_urls).url
        assert page_url(target, directory_urls) == url, target
        for here in URIS:
            here_url = File(here, "docs", "site", directory_urls).url
            ours = rel(here, target, directory_urls=directory_urls)
            theirs = get_relative_url(url, here_url)
            assert urljoin(SITE + here_url, ours) == urljoin(SITE + here_url, theirs), (here, target, ours, theirs)


def test_stylesheet_knows_every_kind_folder() -> None:
    """A mention's kind is the folder its link leads into: the stylesheet (and, through its
    --bf-kind, the script) must name each one that `PAGE_DIRS` gives."""
    css = dict(static.assets())[CSS_URI].decode("utf-8")
    for folder in PAGE_DIRS.values():
        assert f'a[href*="/{folder}/"]' in css, folder
    for kind in TABLE:  # the word a mention's tooltip and the script say is the table's
        if kind.folder:
            assert f'{kind.folder}/"] {{ --bf-kind: "{kind.singular}"; text-decoration-color: var(--bf-{kind.key}); }}' in css
            assert f'[data-kind="{kind.key}"] li > :first-child {{ border-color: var(--bf-{kind.key}); }}' in css
        else:  # a kind without pages is never linked: the sidebar and the tooltip give it the default
            assert f'[data-kind="{kind.key}"] li' not in css
    assert "@kinds" not in css  # every marker line was replaced


@pytest.mark.parametrize("label", ['Pe"ople', "Back\\slash", "a;b", "x}"])
def test_stylesheet_refuses_a_label_it_would_have_to_escape(label: str) -> None:
    with pytest.raises(ValueError):
        static._css_string(label)


def test_date_label() -> None:
    assert date_label(date(2022, 3, 4)) == "4 March 2022"
    assert date_label(None) == "Undated"


@pytest.mark.parametrize(
    ("sentence", "stop"),
    [("CC BY 2.5", "."), ("Included as the specification article.", ""), ("Really?", ""), ("Wow!", ""),
     ("And so on…", ""), ("Ends with a space. ", ""), ("v1.0 licence", "."), ("", ".")],
)
def test_full_stop(sentence: str, stop: str) -> None:
    """A licence line gets one full stop, never two ("…mkdocs-briefings.." on the specification article)."""
    assert full_stop(sentence) == stop


def test_json_ld_cannot_break_out() -> None:
    out = json_ld({"text": "</script><script>alert(1)</script> & <!--", "u": "\u2028"})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out)["text"].startswith("</script>")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tony Blair", "Tony Blair"),
        ("", ""),
        ("line\nbreak\ttab\r", "line\nbreak\ttab\r"),  # not printable, but kept
        ("soft\u00adhyphen\u200b", "soft\u00adhyphen\u200b"),  # not printable, but kept
        ("a\x00b\x08c\x0bd\x0ce\x1ff\x7fg", "abcdefg"),
        ("bell\x07 and\x1b[31m", "bell and[31m"),
        ("non\ufffechar\uffff", "nonchar"),
        (Markup("<b>\x00</b>"), Markup("<b>\x00</b>")),  # rendered markup passes as it is
        (3, 3),
        (None, None),
    ],
)
def test_clean_drops_control_characters_only(value: object, expected: object) -> None:
    out = clean(value)
    assert out == expected and type(out) is type(expected)


def test_clean_agrees_with_its_rule_on_every_character() -> None:
    """The printable fast path drops exactly what the rule drops, over the whole of Unicode."""
    rule = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert clean(text) == rule.sub("", text)
    for c in range(0x10000):  # one character at a time: the fast path is taken per value
        ch = chr(c)
        if not 0xD800 <= c <= 0xDFFF:
            assert clean(ch) == rule.sub("", ch), hex(c)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://en.wikinews.org/wiki/X", "https://en.wikinews.org/wiki/X"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("javascript:alert(1)", None),
        ("//evil.example/x", None),
        ("data:text/html,<b>", None),
        ("https://exa mple.org", None),
        (None, None),
    ],
)
def test_web_url(url: str | None, expected: str | None) -> None:
    assert web_url(url) == expected


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "javascript&#58;alert(1)", "java\tscript:x", "data:text/html,x"]
)
def test_unsafe_url(url: str) -> None:
    assert unsafe_url(url)


def test_markdown_source_removes_html_and_attr_lists() -> None:
    md = markdown.Markdown(extensions=["attr_list", BriefingsHtmlExtension()])
    html = md.convert(markdown_source('Hi <b onclick="x">there</b> [a](javascript:alert(1)){: onclick="y" } **ok**'))
    assert "<b" not in html and "onclick" not in html.replace("&quot;", "").split("&lt;b")[0]
    assert 'href="javascript' not in html
    assert "<strong>ok</strong>" in html
    assert not re.search(r"<[a-z]+[^>]*\sonclick=", html)


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], []),
        ([(0, 3, "a"), (3, 5, "b"), (7, 9, "c")], [(0, 3, "a"), (3, 5, "b"), (7, 9, "c")]),  # in order, apart
        ([(7, 9, "c"), (0, 3, "a")], [(0, 3, "a"), (7, 9, "c")]),  # out of order: sorted
        ([(0, 3, "a"), (0, 5, "b"), (4, 6, "c")], [(0, 5, "b")]),  # same start: the longer; its overlap dropped
        ([(0, 3, "a"), (2, 6, "b"), (6, 8, "c")], [(0, 3, "a"), (6, 8, "c")]),  # overlapping the kept: dropped
        ([(0, 2, "b"), (0, 2, "a")], [(0, 2, "a")]),  # a tie: by key
        ([(0, 3, "a"), (4, 4, "e"), (5, 6, "b")], [(0, 3, "a"), (5, 6, "b")]),  # empty: dropped
        ([(2, 1, "x")], []),
    ],
)
def test_non_overlapping(spans: list[tuple[int, int, str]], expected: list[tuple[int, int, str]]) -> None:
    assert _non_overlapping(spans) == expected


def test_layout_pieces_cover_the_text_exactly(make_briefing) -> None:
    text = "Caption of Zelenskyy. Photo / AP\nZelenskyy said \"Zelenskyy wins here\" and Zelenskyy left.\nPutin agreed."
    b = make_briefing(
        "t",
        text,
        [("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", [], ["Zelenskyy"]),
         ("vladimir-putin", "Vladimir Putin", "person", [], ["Putin"])],
        [{"content": "Zelenskyy wins here", "speaker": "Zelenskyy", "entity": "volodymyr-zelenskyy"},
         {"content": "Putin agreed", "kind": "indirect"}],
        caption=Span.of(text, 0, text.index("\n")),
    )
    art = layout(b, build_corpus([b]))
    assert art.caption is not None
    assert "".join(p.text for r in art.caption.runs for p in r.pieces) == text[: text.index("\n")]
    lines = text.split("\n")[1:]
    assert ["".join(p.text for r in para.runs for p in r.pieces) for para in art.paragraphs] == lines
    first = art.paragraphs[0]
    links = [(p.text, p.link) for r in first.runs for p in r.pieces if p.entity]
    assert links == [("Zelenskyy", True), ("Zelenskyy", False), ("Zelenskyy", False)]  # first per paragraph
    claim_runs = [r for r in first.runs if r.claim]
    assert [r.claim for r in claim_runs] == ["claim-1"] and claim_runs[0].ends_claim
    assert [c.id for c in first.claims] == ["claim-1"]
    assert [c.id for c in art.paragraphs[1].claims] == ["claim-2"]
    assert art.leftover == ()


def test_mention_crossing_a_claim_edge_is_split(make_briefing) -> None:
    text = "He said New York City is big."
    b = make_briefing("t", text, [("new-york-city", "New York City", "place", [], ["New York City"])],
                      [{"content": "York City is big", "kind": "indirect"}])
    (para,) = layout(b, build_corpus([b])).paragraphs
    assert [(r.claim, [(p.text, p.entity) for p in r.pieces]) for r in para.runs] == [
        (None, [("He said ", None), ("New ", "new-york-city")]),
        ("claim-1", [("York City", "new-york-city"), (" is big", None)]),
        (None, [(".", None)]),
    ]


def test_badges() -> None:
    from mkdocs_briefings.core.model import Claim, Speaker

    c = Claim("claim-1", "direct", Span(0, 1, "x"), speaker=Speaker(Span(0, 1, "x"), None),
              hedges=("reportedly",), status="disputed")
    assert [b.key for b in badges(c)] == ["unnamed", "hedged", "disputed"]
    assert badges(Claim("claim-2", "direct", Span(0, 1, "x"), speaker=Speaker(Span(0, 1, "x"), "e"))) == ()


def test_badge_table_is_the_one_source(make_briefing) -> None:
    """Each badge's key, label, filter choice and help are written once (views.BADGES): the script's
    tooltips, the claims index's filter and every badge on a page come from it."""
    from mkdocs_briefings.core.model import STATUSES
    from mkdocs_briefings.render.paths import JS_URI
    from mkdocs_briefings.render.views import BADGES

    assert [b.key for b in BADGES] == ["unnamed", "hedged", *STATUSES]
    js = dict(static.assets())[JS_URI].decode("utf-8")
    assert "@badges" not in js
    for b in BADGES:
        assert f'"{b.key}": "{b.help}"' in js
    b = make_briefing("a", "Acme fell, officials reportedly said.", [],
                      [{"content": "Acme fell", "kind": "indirect", "speaker": "officials", "cue": "said",
                        "hedges": ["reportedly"], "status": "false"}])
    pages = pages_of(Renderer(build_corpus([b])))
    claims = to_html(pages["claims/index.md"])
    assert re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', claims) == [("", "all claims")] + [
        (b.key, b.filter) for b in BADGES]
    callout = to_html(pages["briefings/a.md"])
    for page in (claims, callout):  # one markup for a badge wherever it shows
        assert '<span data-badge="unnamed">Unnamed source</span><span data-badge="hedged">Hedged</span>' \
               '<span data-badge="false">False</span>' in page


@pytest.mark.parametrize(
    ("name", "written", "adds"),
    [
        ("Tony Blair", "He", True),  # a pronoun: how the speaker was resolved
        ("Tony Blair", "the prime minister", True),
        ("Warner Bros", "Time Warner", True),  # another name altogether: worth a look
        ("Tony Blair", "Tony Blair", False),
        ("Volodymyr Zelenskyy", "Zelenskyy", False),  # part of the name
        ("Tony Blair", "Mr Blair", False),  # honorific and surname: the same name
        ("Richard Parsons", "chairman and chief executive Richard Parsons", False),
        ("Jane Doe", "Does", True),  # whole words only
        ("AP", "ap", False),
    ],
)
def test_as_written_only_when_it_adds(name: str, written: str, adds: bool) -> None:
    assert adds_to(name, written) is adds


_LONG = "one two three four five six seven eight nine ten " * 4


@pytest.mark.parametrize(
    ("sentence", "start", "end", "expected"),
    [
        ("Alice met Bob.", 10, 13, ("Alice met ", "Bob", ".")),  # short: whole
        (_LONG + "Bob " + _LONG, len(_LONG), len(_LONG) + 3,  # long: cut at words, marked
         ("…" + _LONG[-79:].lstrip(), "Bob", " " + _LONG[:78].rsplit(" ", 1)[0] + "…")),
        ("x" * 100 + " Bob", 101, 104, ("…" + "x" * 79 + " ", "Bob", "")),  # no word break: cut anyway
    ],
)
def test_context_keeps_a_window_around_the_mention(sentence: str, start: int, end: int, expected: tuple[str, str, str]) -> None:
    before, name, after = context(sentence, Span(start, end, sentence[start:end]), width=80)
    assert (before, name, after) == expected
    assert len(before) <= 81 and len(after) <= 81
    assert sentence.find(before.lstrip("…")) >= 0 and sentence.find(after.rstrip("…")) >= 0


@pytest.mark.parametrize("payload", PAYLOADS)
def test_seed_payloads_stay_text(make_briefing, payload: str) -> None:
    text = f"{payload}\nZelenskyy said \"{payload}\" today.\n{payload} Zelenskyy"
    b = make_briefing(
        "p",
        text,
        [("volodymyr-zelenskyy", payload, "person", [payload], ["Zelenskyy"])],
        [{"content": payload, "speaker": "Zelenskyy", "entity": "volodymyr-zelenskyy", "cue": "said",
          "hedges": [payload], "status": "disputed", "note": payload, "status_source": payload}],
        title=payload,
        tags=(payload,),
    )
    pages = pages_of(Renderer(build_corpus([b])))
    assert "briefings/p.md" in pages
    for uri, spec in pages.items():
        assert spec.markdown == "", uri  # seed text never becomes markdown
        html = to_html(spec)
        assert "<script>alert" not in html, uri
        assert "<img" not in html, uri
        assert "<!--" not in html, uri
        assert not re.search(r"<h1[^>]*>\s*Heading", html), uri
        assert "<em>emphasis" not in html and "<strong>strong" not in html, uri
        assert 'href="javascript' not in html, uri
        # The Sources and ledger pages print tables of their own (class "bf-..."); markdown's have no class.
        assert not re.search(r'<table(?! class="bf-)', html) and 'class="admonition' not in html and "<code>" not in html, uri
        assert "\x02" not in html and "\x01" not in html and "\x03" not in html, uri
        if uri == "briefings/p.md":
            visible = text_of(html)
            assert payload.replace("\x02", "").replace("\x03", "").replace("\x01", "") in visible
        assert "<" not in str(spec.meta.get("title", "")), uri  # the theme prints the title as it is


def test_briefing_page_structure(make_briefing) -> None:
    text = "Zelenskyy said \"I don't bite\".\nKherson fell, officials reportedly said."
    b = make_briefing(
        "spec",
        text,
        [("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", ["Ukrainian President"], ["Zelenskyy"]),
         ("kherson", "Kherson", "place", [], ["Kherson"]), ("ukrainians", "Ukrainians", "group", [], [])],
        [{"content": "I don't bite", "speaker": "Zelenskyy", "entity": "volodymyr-zelenskyy", "cue": "said"},
         {"content": "Kherson fell", "kind": "indirect", "speaker": "officials", "cue": "said", "hedges": ["reportedly"]}],
        date=date(2022, 3, 4),
    )
    spec = Renderer(build_corpus([b], min_briefings=1)).briefing(b)
    assert spec.src_uri == "briefings/spec.md" and spec.title == "Spec"
    assert {"article", "sources", "claim-1", "claim-2"} <= spec.anchors
    html = to_html(spec)
    # A mention: a link into its kind's folder. The text says "Zelenskyy": its tooltip adds what
    # the kind (which the stylesheet reads from the folder) does not say: the full name and the role.
    assert '<a href="../../people/volodymyr-zelenskyy/" data-tip="Volodymyr Zelenskyy · Ukrainian President">Zelenskyy</a>' in html
    assert '<a href="../../places/kherson/">Kherson</a>' in html  # nothing to add: no tip
    # The claim's words are highlighted and numbered, the number linking its callout.
    assert '<mark>I don&#39;t bite</mark><sup><a href="#claim-1">1</a></sup>' in html
    assert 'id="claim-1"' in html and 'id="claim-2"' in html
    assert 'data-badge="unnamed"' in html and 'data-badge="hedged"' in html
    assert 'class="bf-entities"' in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld is not None
    data = json.loads(ld.group(1))
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2022-03-04"
    assert {"@type": "Place", "name": "Kherson"} in data["mentions"]
    assert data["hasPart"] == [{"@type": "Quotation", "text": "I don't bite",
                                "spokenByCharacter": {"@type": "Person", "name": "Volodymyr Zelenskyy"}}]
    assert "Wikinews" in html and "https://creativecommons.org/licenses/by/2.5/" in html


def test_claims_in_place(make_briefing) -> None:
    """A claim's words appear once in the reading flow; its note beside the paragraph carries the
    details (and the id); the list at the end (for print and readers without the script) repeats them."""
    text = "Intro with no claim.\nZelenskyy said \"I don't bite\".\nKherson fell, officials reportedly said."
    b = make_briefing(
        "spec", text,
        [("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", ["Ukrainian President"], ["Zelenskyy"])],
        [{"content": "I don't bite", "speaker": "Zelenskyy", "entity": "volodymyr-zelenskyy", "cue": "said"},
         {"content": "Kherson fell", "kind": "indirect", "speaker": "officials", "cue": "said", "hedges": ["reportedly"]}],
    )
    spec = Renderer(build_corpus([b], min_briefings=1)).briefing(b)
    html = to_html(spec)
    article = html[html.index('<div class="bf-article">'):html.index('<section class="bf-claims-list">')]
    assert article.count("I don&#39;t bite") == 1  # in the text only, not again in a callout
    assert html.count('id="claim-1"') == 1 and '<details class="bf-note" id="claim-1" data-kind="direct">' in html
    start = article.index('id="claim-1"')
    note = article[start:article.index("</details>", start)]
    assert '<span class="bf-note__who">Volodymyr Zelenskyy</span>' in note
    assert 'href="../../people/volodymyr-zelenskyy/">Volodymyr Zelenskyy</a>, Ukrainian President' in note
    assert "<i>said</i>" in note and "<blockquote>" not in note
    assert '<li value="2"><aside class="bf-claim" data-kind="indirect" data-claim="claim-2">' in html
    assert "<blockquote>Kherson fell</blockquote>" in html  # the list repeats the words
    assert {"claims", "in-this-briefing"} <= spec.anchors
    # The story first: the "In this briefing" box follows the first paragraph, linked from the top.
    assert html.index("Intro with no claim.") < html.index('id="in-this-briefing"') < html.index("<mark>I don&#39;t bite")
    assert '<a class="bf-names" href="#in-this-briefing">' in html


@pytest.mark.parametrize(
    ("text", "nested", "expected"),
    [
        ('it "an aggression"', True, "it ‘an aggression’"),  # the site's “…” go around: inner marks single
        ("it “an aggression”", True, "it ‘an aggression’"),
        ('"We are ready"', True, "We are ready"),  # marks around the whole text: dropped, not doubled
        ("“We are ready”", True, "We are ready"),
        ('"a" and "b"', True, "‘a’ and ‘b’"),  # not one pair around the whole: kept, made single
        ('he said "no', True, "he said ‘no"),  # an unclosed mark stays one mark
        ("no marks at all", True, "no marks at all"),
        ("it's Kyiv's", True, "it's Kyiv's"),  # apostrophes are not quotation marks
        ('it "an aggression"', False, "it “an aggression”"),  # reported speech: double, made curly
        ('"We are ready"', False, "“We are ready”"),
        ('(“x”) and -"y"', True, "(‘x’) and -‘y’"),  # a straight mark after a bracket or dash opens
        ('a"b"c', True, "a’b’c"),  # ... after a letter it closes
        ("«Non» dit-il", True, "‘Non’ dit-il"),
        ("„Ja“ sagte er", False, "“Ja“ sagte er"),  # “ opens (English), also where German closes with it
        ('""', True, ""),
        ('""', False, "“”"),
        ('he said—"no"', True, "he said—‘no’"),
    ],
)
def test_inner_quotes(text: str, nested: bool, expected: str) -> None:
    assert inner_quotes(text, nested) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First sentence. Second one.", "First sentence."),
        ("An **editor's** [summary](https://x.org) said so. More.", "An editor's summary said so."),
        ("No full stop at all", "No full stop at all"),
        ('"Quoted," he said. Then.', '"Quoted," he said.'),
        ("Mr. Smith went home. Then.", "Mr. Smith went home."),  # an abbreviation does not end it
        ("J. R. Smith won. Then.", "J. R. Smith won."),  # nor does an initial
        ("word " * 60, ("word " * 40).strip() + "…"),  # cut at a word near 200 characters
        ("", ""),
    ],
)
def test_one_line(text: str, expected: str) -> None:
    assert one_line(text) == expected


def link(html: str, cls: str) -> str | None:
    """The href of the first `<a class="cls">` in html, or None."""
    m = re.search(rf'<a class="{cls}" href="([^"]*)"', html)
    return m.group(1) if m else None


def listed(here: str, html: str, directory_urls: bool = True) -> list[str]:
    """Where the items of a briefings index lead, in order."""
    return [follow(here, h, directory_urls) for h in re.findall(r'<a class="bf-list__title" href="([^"]*)"', html)]


def test_pagination(make_briefing) -> None:
    bs = [make_briefing(f"b{i}", "x", date=date(2020, 1, i + 1)) for i in range(5)]
    specs = list(Renderer(build_corpus(bs), per_page=2).briefing_indexes())
    pages = {s.src_uri: s for s in specs}
    assert list(pages) == ["briefings/index.md", "briefings/page/2.md", "briefings/page/3.md"]
    assert [s.index for s in specs] == [True, False, False]  # only the first page goes in the nav
    (u1, first), (u2, middle), (u3, last) = ((u, to_html(pages[u])) for u in pages)
    assert follow(u1, link(first, "bf-next")) == "briefings/page/2/" and link(first, "bf-prev") is None
    assert follow(u2, link(middle, "bf-prev")) == "briefings/" and follow(u2, link(middle, "bf-next")) == "briefings/page/3/"
    assert follow(u3, link(last, "bf-prev")) == "briefings/page/2/" and link(last, "bf-next") is None
    # Newest first, per_page to a page, every briefing once.
    assert listed(u1, first) == ["briefings/b4/", "briefings/b3/"]
    assert listed(u2, middle) == ["briefings/b2/", "briefings/b1/"]
    assert listed(u3, last) == ["briefings/b0/"]


def test_pagination_without_directory_urls(make_briefing) -> None:
    bs = [make_briefing(f"b{i}", "x", date=date(2020, 1, i + 1)) for i in range(3)]
    pages = {s.src_uri: s for s in Renderer(build_corpus(bs), per_page=2, directory_urls=False).briefing_indexes()}
    u1, u2 = "briefings/index.md", "briefings/page/2.md"
    first, last = to_html(pages[u1]), to_html(pages[u2])
    assert follow(u1, link(first, "bf-next"), False) == "briefings/page/2.html"
    assert listed(u1, first, False) == ["briefings/b2.html", "briefings/b1.html"]
    assert follow(u2, link(last, "bf-prev"), False) == "briefings/index.html"
    assert listed(u2, last, False) == ["briefings/b0.html"]


def snapshot(specs: list[PageSpec]) -> list[tuple]:
    """Everything a page spec determines, its HTML included (the spec itself holds closures)."""
    return [(s.src_uri, s.title, repr(dict(s.meta)), sorted(s.anchors), s.markdown, s.index, to_html(s)) for s in specs]


def test_same_input_same_pages(make_briefing) -> None:
    b = make_briefing("a", "Zelenskyy met Putin. \"Yes,\" Zelenskyy said.",
                      [("z", "Z", "person", [], ["Zelenskyy"]), ("p", "P", "person", [], ["Putin"])],
                      [{"content": "Yes,", "speaker": "Zelenskyy", "entity": "z"}], summary="*Sum*")
    c = make_briefing("c", "Zelenskyy left.", [("z", "Z", "person", [], ["Zelenskyy"])])
    one = snapshot(list(Renderer(build_corpus([b, c])).pages()))
    two = snapshot(list(Renderer(build_corpus([c, b])).pages()))
    assert one == two
    assert len(one) > 5 and all(html for *_, html in one)
    # Making a page twice gives the same HTML (no state carried between calls).
    again = snapshot(list(Renderer(build_corpus([b, c])).pages()))
    assert [x[-1] for x in again] == [x[-1] for x in one]


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                     "[x](javascript:alert(1))", '[x](y){: onclick="alert(1)" }',
                                     "<!--/bf:html--><b>x</b>", "text\n\n<!--bf:html-->\n<i>x</i>\n<!--/bf:html-->"])
def test_summary_markdown_is_sanitised(make_briefing, payload: str) -> None:
    b = make_briefing("s", "Plain text.", summary=f"**Summary** {payload}")
    spec = Renderer(build_corpus([b])).briefing(b)
    assert "summary" in spec.anchors and spec.markdown.startswith("**Summary**")
    html = to_html(spec)  # page HTML around the summary, as mkdocs renders it
    assert '<h2 id="summary">' in html
    assert "<strong>Summary</strong>" in html
    assert "<script>" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert 'href="javascript' not in html and not re.search(r"<[^>]+\sonclick=", html)


# -- claims index pagination ----------------------------------------------------------------------

SPEAKERS = [("alice-adams", "Alice Adams", 3), ("bob-brown", "Bob Brown", 2), ("carol-clark", "Carol Clark", 4),
            ("dan-drew", "Dan Drew", 1), ("eve-evans", "Eve Evans", 7)]


def claims_briefing(make_briefing, slug: str, speakers=SPEAKERS, unnamed: int = 2, unattributed: int = 1):
    """A briefing whose claims are `n` quotes per (id, name, n) speaker, plus unnamed and unattributed ones."""
    lines, claims = [], []
    for ent_id, name, n in speakers:
        for k in range(n):
            content = f"{slug} {ent_id} claim {k}"
            lines.append(f'"{content}," {name} said.')
            claims.append({"content": content, "speaker": name, "entity": ent_id})
    for k in range(unnamed):
        content = f"{slug} unnamed claim {k}"
        lines.append(f'"{content}," an official said.')
        claims.append({"content": content, "speaker": "an official", "entity": None})
    for k in range(unattributed):
        content = f"{slug} unattributed claim {k}"
        lines.append(f"It was reported that {content}.")
        claims.append({"content": content, "kind": "indirect"})
    ents = [(ent_id, name, "person", [], [name]) for ent_id, name, _ in speakers]
    return make_briefing(slug, "\n".join(lines), ents, claims, date=date(2020, 1, 1))


_ROW = re.compile(r'<li data-kind="[^"]*"[^>]*>.*?<a href="[^"]*briefings/([^/"]+)/#(claim-\d+)">', re.S)


def claim_pages(renderer: Renderer) -> list[tuple[str, list[str], list[tuple[str, str]], str]]:
    """Per claims page: (src_uri, speaker keys in order, (slug, claim id) rows, html)."""
    out = []
    for spec in renderer.claims_indexes():
        html = to_html(spec)
        speakers = re.findall(r'<section class="bf-speaker-group" data-speaker="([^"]+)"', html)
        out.append((spec.src_uri, speakers, _ROW.findall(html), html))
    return out


@pytest.mark.parametrize(
    ("per_page", "expected"),
    [
        # Claims per speaker over both briefings: Alice 6, Bob 4, Carol 4, Dan 1, Eve 7, unnamed 2, unattributed 1.
        # A page holds at most `per_page` claims: a speaker with more fills pages of their own, continued.
        (5, [["alice-adams"], ["alice-adams", "bob-brown"], ["carol-clark", "dan-drew"], ["eve-evans"],
             ["eve-evans", "~unnamed", "~unattributed"]]),
        (6, [["alice-adams"], ["bob-brown"], ["carol-clark", "dan-drew"], ["eve-evans"],
             ["eve-evans", "~unnamed", "~unattributed"]]),
        (10, [["alice-adams", "bob-brown"], ["carol-clark", "dan-drew"], ["eve-evans", "~unnamed", "~unattributed"]]),
        (1, [["alice-adams"]] * 6 + [["bob-brown"]] * 4 + [["carol-clark"]] * 4 + [["dan-drew"]] + [["eve-evans"]] * 7
         + [["~unnamed"]] * 2 + [["~unattributed"]]),
        (500, [["alice-adams", "bob-brown", "carol-clark", "dan-drew", "eve-evans", "~unnamed", "~unattributed"]]),
    ],
)
def test_claims_pagination(make_briefing, per_page: int, expected: list[list[str]]) -> None:
    bs = [claims_briefing(make_briefing, "one"), claims_briefing(make_briefing, "two", SPEAKERS[:2], 0, 0)]
    corpus = build_corpus(bs)
    sizes = {g.key: len(g.claims) for g in corpus.speakers}
    pages = claim_pages(Renderer(corpus, claims_per_page=per_page))
    assert [uri for uri, *_ in pages] == ["claims/index.md"] + [f"claims/page/{n}.md" for n in range(2, len(pages) + 1)]
    speakers = [sp for _, sp, _, _ in pages]
    # Alice and Bob have 3 + 3 and 2 + 2 claims: the second briefing's claims join theirs.
    assert sizes == {"alice-adams": 6, "bob-brown": 4, "carol-clark": 4, "dan-drew": 1, "eve-evans": 7,
                     "~unnamed": 2, "~unattributed": 1}
    flat = [k for page in speakers for k in page]
    assert [k for i, k in enumerate(flat) if i == 0 or flat[i - 1] != k] == [g.key for g in corpus.speakers]  # in order
    for _, _, page_rows, _ in pages:  # never over the limit
        assert 1 <= len(page_rows) <= per_page
    # Every claim exactly once across the pages, on its speaker's page.
    rows = [row for _, _, page_rows, _ in pages for row in page_rows]
    every = [(r.slug, r.claim.id) for g in corpus.speakers for r in g.claims]
    assert len(rows) == len(set(rows)) == corpus.claim_count() == len(every)
    assert sorted(rows) == sorted(every)
    assert speakers == expected


def test_claim_counts_add_up_every_page(make_briefing) -> None:
    bs = [claims_briefing(make_briefing, "one"), claims_briefing(make_briefing, "two", SPEAKERS[:2], 0, 0)]
    corpus = build_corpus(bs)
    counts = claim_counts(corpus.speakers)
    claims = [r.claim for g in corpus.speakers for r in g.claims]
    assert sum(row[""] for row in counts.values()) == corpus.claim_count() == len(claims)
    for kind, row in counts.items():
        for key, n in row.items():
            assert n == sum(1 for c in claims if c.kind == kind and (not key or key in {b.key for b in badges(c)}))


@pytest.mark.parametrize(
    ("roles", "limit", "expected"),
    [
        ((), 6, None),
        (("Prime Minister",), 6, RolesView("Prime Minister", (), 0)),
        (("a", "b", "c"), 6, RolesView("a", ("b", "c"), 0)),
        (("a", "b", "c", "d"), 2, RolesView("a", ("b", "c"), 1)),
    ],
)
def test_roles_view(roles: tuple[str, ...], limit: int, expected: RolesView | None) -> None:
    assert roles_view(roles, limit) == expected


def test_claims_pages_link_to_each_other(make_briefing) -> None:
    corpus = build_corpus([claims_briefing(make_briefing, "one")])
    specs = list(Renderer(corpus, claims_per_page=5).claims_indexes())
    assert [s.index for s in specs] == [True] + [False] * (len(specs) - 1)  # only the first in the nav
    for n, spec in enumerate(specs, 1):
        html = to_html(spec)
        assert spec.title == ("Claims" if n == 1 else f"Claims, page {n}")
        # Each page's anchors are its own speakers' headings (mkdocs validates links to them).
        ids = set(re.findall(r'<h2 id="(speaker-[^"]+)"', html))
        assert ids == set(spec.anchors)
        pager = [follow(spec.src_uri, h) for h in re.findall(r'<a class="bf-page" href="([^"]+)"', html)]
        others = [page_url(o.src_uri) for o in specs if o is not spec]
        assert pager == others + others, spec.src_uri  # every other page, in order, above and below the list
        assert re.search(rf'<span class="bf-page" aria-current="page"[^>]*>{n}</span>', html)
    assert page_url(specs[1].src_uri) == "claims/page/2/"


def test_one_claims_page_has_no_pager(make_briefing) -> None:
    corpus = build_corpus([claims_briefing(make_briefing, "one")])
    (spec,) = Renderer(corpus).claims_indexes()  # default: about 500 a page
    html = to_html(spec)
    assert spec.src_uri == "claims/index.md" and 'class="bf-pages"' not in html
    assert len(_ROW.findall(html)) == corpus.claim_count() == 20


@pytest.mark.parametrize("min_briefings", [1, 2])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_generated_link_leads_to_a_generated_page(make_briefing, min_briefings: int, directory_urls: bool) -> None:
    """What the site crawler checks on built sites, on the page specs: links and their anchors resolve."""
    wray = ("christopher-wray", "Christopher Wray", "person", ["FBI Director"], ["Christopher Wray", "Wray"])
    doe = ("jane-doe", "Jane Doe", "person", [], ["Jane Doe"])
    paris = ("paris", "Paris", "place", [], ["Paris"])
    bs = [
        make_briefing("a", 'Christopher Wray met Jane Doe in Paris. "Fine," Wray said.', [wray, doe, paris],
                      [{"content": "Fine,", "speaker": "Wray", "entity": "christopher-wray"}], date=date(2020, 1, 2)),
        make_briefing("b", "Jane Doe left.", [doe], date=date(2020, 1, 1)),
        claims_briefing(make_briefing, "c"),
    ]
    renderer = Renderer(build_corpus(bs, min_briefings=min_briefings), per_page=1, directory_urls=directory_urls,
                        claims_per_page=5)
    specs = list(renderer.pages())
    by_url = {page_url(s.src_uri, directory_urls): s for s in specs}
    checked = 0
    for spec in specs:
        for path, anchor in links_in(to_html(spec)):
            target = follow(spec.src_uri, path, directory_urls)
            assert target in by_url, (spec.src_uri, path)
            assert not anchor or anchor in by_url[target].anchors, (spec.src_uri, path, anchor)
            checked += 1
    assert checked > 50
    # Wray (one briefing) has a page, or an entry on the C listing, never both.
    has_page = page_url("people/christopher-wray.md", directory_urls) in by_url
    assert has_page == (min_briefings == 1)
    assert ("christopher-wray" in by_url[page_url("people/a-z/c.md", directory_urls)].anchors) == (not has_page)


@pytest.mark.parametrize(("entity_confidence", "speaker_confidence", "linked"),
                         [(0.9, 0.9, True), (0.2, 0.9, False), (0.9, 0.2, False)])
def test_weak_names_and_guessed_speakers_are_shown_unlinked(make_briefing, entity_confidence: float,
                                                            speaker_confidence: float, linked: bool) -> None:
    """A name typed on weak evidence, or a speaker the engine guessed, is shown as text, never as a link."""
    from dataclasses import replace

    b = make_briefing("weak", "\"We won,\" Acme said.", [("acme", "Acme", "organisation", [], ["Acme"])],
                      [{"content": "We won,", "cue": "said", "speaker": "Acme", "entity": "acme"}])
    ann = b.annotation
    claim = replace(ann.claims[0], speaker=replace(ann.claims[0].speaker, confidence=speaker_confidence))
    b = replace(b, annotation=replace(ann, entities=(replace(ann.entities[0], confidence=entity_confidence),),
                                      claims=(claim,)))
    html = to_html(Renderer(build_corpus([b], min_briefings=1)).briefing(b))
    footer = re.search(r"<footer>(.*?)</footer>", html)
    assert footer is not None
    assert footer.group(1) == ('<a href="../../organisations/acme/">Acme</a>' if linked else "<span>Acme</span>") + " <i>said</i>"
    if entity_confidence >= 0.5:
        assert '<a href="../../organisations/acme/">Acme</a> said.' in html
        assert '<div class="bf-entities__group" data-kind="organisation">' in html
    else:  # plain text, listed apart from the people, organisations and places
        assert "&#34; Acme said.</p>" in html
        assert '<div class="bf-entities__group" data-kind="organisation">' not in html
        assert '<li><span>Acme</span> <small>×1</small></li>' in html
        assert '"mentions"' not in html  # nor typed for machines
