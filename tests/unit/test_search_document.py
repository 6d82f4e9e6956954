"""What Pagefind indexes of a page: kind, date, tags, mentions, claims, and nothing unescaped."""

from __future__ import annotations

import re

import pytest

from mkdocs_briefings.search.document import (
    ENTITY_TITLE_WEIGHT,
    Claim,
    Facts,
    document,
    facts,
    facts_from_json,
    facts_to_json,
    is_listing,
    join_quoteless,
    key_word,
    kind_of,
    plain,
    title_of,
    without_quotes,
)

BRIEFING_HTML = (
    '<h1 class="bf-title">Talks fail</h1>'
    '<p class="bf-meta"><time datetime="2022-03-04">4 March 2022</time> <span class="bf-sep">·</span> '
    '<span class="bf-source">AP</span> <span class="bf-tag">ukraine</span> <span class="bf-tag">a&amp;b</span>'
    ' <span class="bf-tag">ukraine</span></p>'
    "<p>He said <mark>no</mark>.</p>"
    '<aside class="bf-claim" id="claim-1" data-kind="direct">\n<header><b>Direct quote</b><span data-badge="hedged">Hedged</span>'
    "</header>\n<blockquote>I don&#39;t bite</blockquote>\n"
    '<footer><a href="../../people/x/">Volodymyr Zelenskyy</a>, Ukrainian President <i>said</i></footer>\n</aside>'
    '<aside class="bf-claim" id="claim-2" data-kind="indirect"><header><b>Reported speech</b></header>'
    "<blockquote>talks would fail</blockquote><footer>An official</footer></aside>"
    '<p class="bf-meta"><span class="bf-tag">not-the-head</span></p>'
)


@pytest.mark.parametrize(
    ("src_uri", "generated", "kind"),
    [
        ("people/tony-blair.md", True, "person"),
        ("organisations/bbc.md", True, "organisation"),
        ("places/paris.md", True, "place"),
        ("people/a-z/b.md", True, "person"),
        ("briefings/talks-fail.md", True, "briefing"),
        ("claims/index.md", True, "page"),
        ("index.md", False, "page"),
        ("people/mine.md", False, "page"),  # a hand-written page is a page wherever it lives
    ],
)
def test_kind_of(src_uri: str, generated: bool, kind: str) -> None:
    assert kind_of(src_uri, generated) == kind


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [("people/a-z/b.md", True), ("places/a-z/other.md", True), ("people/tony-blair.md", False), ("a-z.md", False)],
)
def test_is_listing(src_uri: str, expected: bool) -> None:
    assert is_listing(src_uri) is expected


def test_briefing_facts() -> None:
    found = facts(BRIEFING_HTML, "briefing")
    assert found.date == "2022-03-04"
    assert found.tags == ("ukraine", "a&b")  # head line only, first occurrence, entities decoded
    assert found.claims == (
        Claim("claim-1", "Direct quote", "Volodymyr Zelenskyy, Ukrainian President", "I don't bite"),
        Claim("claim-2", "Reported speech", "An official", "talks would fail"),
    )
    assert found.mentions == 0


@pytest.mark.parametrize(
    ("html", "kind", "expected"),
    [
        ('<p class="bf-meta"><span>Person</span> <span>in 1,204 briefings, 3 claims</span></p>', "person", Facts(mentions=1204)),
        ('<p class="bf-meta"><span>Place</span> <span>in 1 briefing, 0 claims</span></p>', "place", Facts(mentions=1)),
        ('<p class="bf-meta"><span>Place</span></p><p>in 7 briefings</p>', "place", Facts()),  # not on the head line
        (BRIEFING_HTML, "page", Facts()),  # only briefings have dates, tags and claims
        ("<p>no meta at all</p>", "briefing", Facts()),
        ('<p class="bf-meta"><time datetime="2022-3-4">x</time></p>', "briefing", Facts()),  # not an ISO date
    ],
)
def test_other_facts(html: str, kind: str, expected: Facts) -> None:
    assert facts(html, kind) == expected


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<b>a</b>\n  b &amp; c", "a b & c"),
        ("", ""),
        ("&lt;script&gt;", "<script>"),
        ("\u00a0 x\u2003\t y&nbsp;z \n", "x y z"),  # every Unicode space, decoded ones too, collapsed and trimmed
        ('<a href="#">Name</a> , role ; <i>said</i> !', "Name, role; said!"),  # no space before punctuation
        ("no tags, no entities", "no tags, no entities"),
    ],
)
def test_plain(fragment: str, text: str) -> None:
    assert plain(fragment) == text


@pytest.mark.parametrize(
    ("search_html", "fallback", "title"),
    [('<h1 id="title">Tony &amp; Cherie</h1><p>x</p>', "ignored", "Tony & Cherie"), ("<p>x</p>", "About &amp; more", "About & more")],
)
def test_title_of(search_html: str, fallback: str, title: str) -> None:
    assert title_of(search_html, fallback) == title


def test_briefing_document_carries_kind_date_tags_and_claims() -> None:
    doc = document(title="Talks fail", search_html='<h1 id="title">Talks fail</h1><p>Body.</p>', kind="briefing",
                   found=facts(BRIEFING_HTML, "briefing"))
    assert doc.startswith('<!DOCTYPE html><html lang="en">')
    for needle in (
        '<span data-pagefind-meta="kind">briefing</span>',
        '<span data-pagefind-filter="kind">briefing</span>',
        '<span data-pagefind-meta="date">2022-03-04</span>',
        '<span data-pagefind-sort="date">2022-03-04</span>',
        '<span data-pagefind-filter="year">2022</span>',
        '<span data-pagefind-filter="month">2022-03</span>',
        '<span data-pagefind-filter="tag">a&amp;b</span>',
        '<h3 id="claim-1" data-pagefind-weight="1">Direct quote · Volodymyr Zelenskyy, Ukrainian President</h3>',
        "<p>I don&#x27;t bite</p>",
    ):
        assert needle in doc, needle
    assert "data-pagefind-ignore><span" in doc  # metadata is not indexed as words
    assert "mentions" not in doc and "listing" not in doc


def test_entity_document_weighs_the_name() -> None:
    doc = document(title="Tony Blair", search_html='<h1 id="title">Tony Blair</h1><p>Person</p>', kind="person",
                   found=Facts(mentions=42))
    assert f'<h1 data-pagefind-weight="{ENTITY_TITLE_WEIGHT:g}">Tony Blair</h1>' in doc
    assert '<span data-pagefind-meta="mentions">42</span>' in doc


def test_listing_document_is_marked_and_its_heading_weighs_nothing() -> None:
    doc = document(title="People: B", search_html='<h1 id="title">People: B</h1><h2 id="bob">Bob</h2>', kind="person",
                   found=Facts(mentions=3), listing=True)
    assert '<span data-pagefind-meta="listing">1</span>' in doc
    assert '<h1 data-pagefind-weight="0">People: B</h1>' in doc
    assert "mentions" not in doc


@pytest.mark.parametrize("evil", ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "a&b"])
def test_untrusted_values_are_escaped(evil: str) -> None:
    found = Facts(date="", tags=(evil,), claims=(Claim("claim-1", evil, evil, evil),))
    doc = document(title=evil, search_html="<p>ok</p>", kind="briefing", found=found)
    assert "<script>" not in doc and "<img" not in doc
    assert doc.count("&amp;") >= (4 if "&" in evil else 0)


@pytest.mark.parametrize(
    ("key", "value", "word"),
    [
        ("tag", "ukraine", "bftag_ukraine"),
        ("tag", "Human Rights", "bftag_human_rights"),
        ("tag", "a_b--c!", "bftag_a_b_c"),
        ("month", "2022-03", "bfmonth_2022_03"),
        ("kind", "person", "bfkind_person"),
    ],
)
def test_key_word(key: str, value: str, word: str) -> None:
    assert key_word(key, value) == word


def test_filter_values_are_words_too() -> None:
    doc = document(title="T", search_html="<p>x</p>", kind="briefing",
                   found=Facts(date="2022-03-04", tags=("ukraine", "Human rights")))
    assert ('<span data-pagefind-meta="keys">bfkind_briefing bftag_ukraine bftag_human_rights '
            "bfyear_2022 bfmonth_2022_03</span>") in doc


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # each quotation is cut from the first paragraph that holds it whole, once
        (["He said I don't bite today.", "Then talks would fail, they said."], ["He said … today.", "Then … , they said."]),
        (["I don't bite. I don't bite."], ["… . I don't bite."]),
        (["Nothing quoted here."], ["Nothing quoted here."]),
        (["I don't", "bite"], ["I don't", "bite"]),  # split over paragraphs: left where it is
        (["talks would fail", " I don't bite  now"], ["…", "… now"]),  # no space left at either end, none doubled
    ],
)
def test_quotations_are_indexed_once(paragraphs: list[str], expected: list[str]) -> None:
    import html as html_module

    head = '<h1 id="title">T</h1><p>I don&#x27;t bite in the summary</p><h2 id="article">Article</h2>'
    body = head + "".join(f"<p>{html_module.escape(p)}</p>" for p in paragraphs)
    doc = document(title="T", search_html=body, kind="briefing", found=facts(BRIEFING_HTML, "briefing"))
    article = doc[doc.index('<h2 id="article">') : doc.index('<h3 id="claim-1"')]
    assert [html_module.unescape(p) for p in re.findall(r"<p>(.*?)</p>", article)] == expected
    assert "<p>I don&#x27;t bite in the summary</p>" in doc  # only the article is cut
    assert doc.count("<p>I don&#x27;t bite</p>") == 1  # the claim's own section keeps its words


@pytest.mark.parametrize(
    "found",
    [facts(BRIEFING_HTML, "briefing"), Facts(), Facts(mentions=1204), Facts(tags=("Ł “x” 🇺🇦",), date="2022-03-04")],
)
def test_stored_facts_read_back_the_same(found: Facts) -> None:
    assert facts_from_json(facts_to_json(found)) == found


@pytest.mark.parametrize(
    "stored",
    [
        "", "not json", "[]", "{}", '{"a": 1, "b": 2, "c": 3, "d": 4}', "[" * 100_000 + "]" * 100_000,
        '["2022-3-4", [], 0, []]',  # not an ISO date
        '["2022-03-04<script>", [], 0, []]',
        '["", [""], 0, []]',  # an empty tag: `facts` never finds one
        '["", [1], 0, []]',
        '["", [], -1, []]',
        '["", [], true, []]',
        '["", [], 1.5, []]',
        '["", [], 0, [["x", "Claim", "", ""]]]',  # not a claim anchor
        '["", [], 0, [["claim-1\\" onclick=\\"x", "Claim", "", ""]]]',
        '["", [], 0, [["claim-1", "Claim", ""]]]',  # a claim of three fields
        '["", [], 0, [["claim-1", "Claim", "", null]]]',
        '["", [], 0, ["claim-1"]]',
        '["", [], 0, {}]',
    ],
)
def test_stored_facts_that_facts_cannot_make_are_refused(stored: str) -> None:
    """The page store is outside input: what `facts` could not have found is not used (search reads the HTML)."""
    assert facts_from_json(stored) is None


ARTICLE = '<h2 id="article">Article</h2><p>He said I don&#39;t bite and left.</p>'


@pytest.mark.parametrize(
    ("before", "editor", "after"),
    [
        ('<h1 id="title">T</h1>', "<p>I don&#39;t bite, says the summary.</p>", ARTICLE),
        ('<h1 id="title">T</h1>', "", ARTICLE),
        ("", "", ARTICLE),
    ],
)
def test_search_text_cut_ahead_is_the_whole_text_cut(before: str, editor: str, after: str) -> None:
    """What the page-making process cuts of the last part, joined, is what cutting the whole text gives."""
    found = facts(BRIEFING_HTML, "briefing")
    whole = "\n".join(p for p in (before, editor, after) if p)
    ahead = join_quoteless(before, editor, without_quotes(after, found.claims))
    assert ahead == without_quotes(whole, found.claims) != whole
    assert document(title="T", search_html=whole, kind="briefing", found=found, quoteless=ahead) == document(
        title="T", search_html=whole, kind="briefing", found=found)


@pytest.mark.parametrize(
    ("before", "editor", "after"),
    [
        (ARTICLE, "", "<p>I don&#39;t bite</p>"),  # the cutting starts before the last part
        ("", ARTICLE, "<p>I don&#39;t bite</p>"),
        ("<h1>T</h1>", "", None),  # nothing cut ahead
        ("<h1>T</h1>", "", ""),
    ],
)
def test_search_text_cut_ahead_is_not_used_where_the_cut_starts_earlier(before: str, editor: str, after: str | None) -> None:
    assert join_quoteless(before, editor, after) is None
