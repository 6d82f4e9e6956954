"""The render layer: article layout, escaping, and page sources through Python-Markdown."""

from __future__ import annotations

import json
import re
from datetime import date

import markdown
import pytest

from mkdocs_briefings.core.corpus import build_corpus
from mkdocs_briefings.core.model import Span
from mkdocs_briefings.render.article import layout
from mkdocs_briefings.render.htmlblock import BriefingsHtmlExtension, unsafe_url
from mkdocs_briefings.render.renderer import Renderer, badges, date_label, rel
from mkdocs_briefings.render.safety import json_ld, markdown_source, web_url

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


def to_html(source: str) -> str:
    """Convert a page source the way mkdocs would (front matter dropped), with our extension."""
    body = source.split("---\n", 2)[2]
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition", "toc", BriefingsHtmlExtension()])
    return md.convert(body)


def text_of(html: str) -> str:
    """The visible text of HTML (tags dropped, entities decoded)."""
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize(
    ("here", "target", "anchor", "expected"),
    [
        ("briefings/a.md", "people/x.md", "", "../people/x.md"),
        ("briefings/page/2.md", "briefings/a.md", "", "../a.md"),
        ("briefings/index.md", "briefings/page/2.md", "", "page/2.md"),
        ("people/x.md", "briefings/a.md", "claim-3", "../briefings/a.md#claim-3"),
    ],
)
def test_rel(here: str, target: str, anchor: str, expected: str) -> None:
    assert rel(here, target, anchor) == expected


def test_date_label() -> None:
    assert date_label(date(2022, 3, 4)) == "4 March 2022"
    assert date_label(None) == "Undated"


def test_json_ld_cannot_break_out() -> None:
    out = json_ld({"text": "</script><script>alert(1)</script> & <!--", "u": "\u2028"})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out)["text"].startswith("</script>")


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
    corpus = build_corpus([b])
    r = Renderer(corpus)
    pages = dict(r.pages())
    for uri, source in pages.items():
        html = to_html(source)
        assert "<script>alert" not in html, uri
        assert "<img" not in html, uri
        assert not re.search(r"<h1[^>]*>\s*Heading", html), uri
        assert "<em>emphasis" not in html, uri
        assert 'href="javascript' not in html, uri
        assert "\x02" not in html and "\x01" not in html, uri
        if uri == "briefings/p.md":
            visible = text_of(html)
            assert payload.replace("\x02", "").replace("\x03", "").replace("\x01", "") in visible


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
    html = to_html(Renderer(build_corpus([b])).briefing(b))
    assert re.search(r'<a [^>]*class="bf-mention"[^>]*href="\.\./people/volodymyr-zelenskyy\.md"', html) or re.search(
        r'<a [^>]*href="\.\./people/volodymyr-zelenskyy\.md"[^>]*class="bf-mention"', html)
    assert 'data-tip="Person · Ukrainian President"' in html
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


def test_pagination(make_briefing) -> None:
    bs = [make_briefing(f"b{i}", "x", date=date(2020, 1, i + 1)) for i in range(5)]
    pages = dict(Renderer(build_corpus(bs), per_page=2).briefing_indexes())
    assert list(pages) == ["briefings/index.md", "briefings/page/2.md", "briefings/page/3.md"]
    first, last = to_html(pages["briefings/index.md"]), to_html(pages["briefings/page/3.md"])
    assert 'class="bf-next" href="page/2.md"' in first and "bf-prev" not in first
    assert 'class="bf-prev" href="../page/2.md"' in last or 'class="bf-prev" href="2.md"' in last
    assert "bf-next" not in last
    assert first.index("b4.md") < first.index("b3.md")  # newest first


def test_same_input_same_pages(make_briefing) -> None:
    b = make_briefing("a", "Zelenskyy met Putin.", [("z", "Z", "person", [], ["Zelenskyy"]), ("p", "P", "person", [], ["Putin"])])
    one = list(Renderer(build_corpus([b])).pages())
    two = list(Renderer(build_corpus([b])).pages())
    assert one == two


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                     "[x](javascript:alert(1))", '[x](y){: onclick="alert(1)" }',
                                     "<!--/bf:html--><b>x</b>", "text\n\n<!--bf:html-->\n<i>x</i>\n<!--/bf:html-->"])
def test_summary_markdown_is_sanitised(make_briefing, payload: str) -> None:
    b = make_briefing("s", "Plain text.", summary=f"**Summary** {payload}")
    html = to_html(Renderer(build_corpus([b])).briefing(b))
    assert "<strong>Summary</strong>" in html
    assert "<script>" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert 'href="javascript' not in html and not re.search(r"<[^>]+\sonclick=", html)
