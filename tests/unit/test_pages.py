"""A page's outline is its structure, written once: anchors, headings, search sections and TOC come from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from mkdocs_briefings.core.corpus import build_corpus
from mkdocs_briefings.core.model import RegisterEntry
from mkdocs_briefings.render.pages import Outline, Section, headings_of
from mkdocs_briefings.render.renderer import Renderer

S = Section


@pytest.mark.parametrize(
    ("head", "editor", "body", "expected"),
    [
        ((), (), (), []),
        ((S(2, "about", "About"),), (), (S(2, "said", "Said"),), [("about", []), ("said", [])]),
        # An h3 nests under the h2 before it, wherever each comes from; h1 and h4 stay out.
        ((S(2, "about", "About"),), (S(1, "t", "T"), S(3, "early", "Early life"), S(4, "x", "X")),
         (S(2, "said", "Said"),), [("about", ["early"]), ("said", [])]),
        # An h3 before any h2 is a top-level entry.
        ((), (S(3, "lone", "Lone"),), (S(2, "said", "Said"),), [("lone", []), ("said", [])]),
    ],
)
def test_toc(head: tuple[Section, ...], editor: tuple[Section, ...], body: tuple[Section, ...],
             expected: list[tuple[str, list[str]]]) -> None:
    tokens = Outline(head, body).toc(editor)
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in tokens] == expected


@pytest.mark.parametrize(("title", "name"), [("Tom & Jerry", "Tom &amp; Jerry"), (' "<b>" ', '"&lt;b&gt;"'), ("Said", "Said")])
def test_toc_names_are_html_text(title: str, name: str) -> None:
    assert Outline(body=(S(2, "x", title),)).toc()[0]["name"] == name


def test_outline_round_trips_through_json() -> None:
    outline = Outline((S(2, "summary", "Editor’s summary", True),), (S(2, "article", "Article", True), S(3, "a", "<&>")))
    assert Outline.from_json(outline.to_json()) == outline
    assert Outline.from_json(Outline().to_json()) == Outline()
    assert outline.ids() == {"summary", "article", "a"}


@dataclass
class Link:  # the shape of mkdocs' AnchorLink
    title: str
    id: str
    level: int
    children: list[Link] = field(default_factory=list)


def test_headings_of_an_editor_toc() -> None:
    toc = [Link("Early &amp; late", "early", 2, [Link("Youth", "youth", 3)]), Link("Work", "work", 2)]
    assert headings_of(toc) == (S(2, "early", "Early & late"), S(3, "youth", "Youth"), S(2, "work", "Work"))


_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">')


def test_every_page_prints_exactly_its_outline(make_briefing) -> None:
    """The headings with ids on each generated page are its outline's, in order; anchors hold them all;
    search gets exactly the indexed sections."""
    a = make_briefing("a", "Jane Doe met Acme in Paris. \"Fine,\" Doe said. 500 people marched.", [
        ("jane-doe", "Jane Doe", "person", [], ["Jane Doe", "Doe"]), ("acme", "Acme", "organisation", [], ["Acme"]),
        ("paris", "Paris", "place", [], ["Paris"])],
        [{"content": "Fine,", "speaker": "Doe", "entity": "jane-doe", "cue": "said"}], summary="Short.")
    b = make_briefing("b", "Jane Doe again, with Acme.", [
        ("jane-doe", "Jane Doe", "person", [], ["Jane Doe"]), ("acme", "Acme", "organisation", [], ["Acme"])])
    register = (RegisterEntry("Jane Doe", "person", description="Described."),)
    renderer = Renderer(build_corpus([a, b], register, min_briefings={"person": 1, "organisation": 3, "place": 3}))
    seen = set()
    for spec in renderer.pages():
        parts = spec.make()
        head = [(int(lv), i) for lv, i in _HEADING.findall(parts.before) if lv != "1"]
        body = [(int(lv), i) for lv, i in _HEADING.findall(parts.after) if lv != "1"]
        if spec.markdown or spec.outline.head:  # a page with an editor's part: its head sections come before it
            assert head == [(s.level, s.id) for s in spec.outline.head], spec.src_uri
            assert body == [(s.level, s.id) for s in spec.outline.body], spec.src_uri
        else:  # everything is in `before`
            assert head + body == [(s.level, s.id) for s in (*spec.outline.head, *spec.outline.body)], spec.src_uri
        assert spec.outline.ids() <= spec.anchors, spec.src_uri
        search = parts.search_before + parts.search_after
        indexed = [s.id for s in (*spec.outline.head, *spec.outline.body) if s.indexed]
        assert [i for lv, i in _HEADING.findall(search) if lv != "1"] == indexed, spec.src_uri
        seen.add(spec.src_uri.split("/")[0])
    assert seen == {"briefings", "people", "organisations", "places", "claims", "ledger", "figures", "sources"}


@pytest.mark.parametrize(
    "data",
    [
        None, [], {"head": []}, {"head": [], "body": [], "x": []}, {"head": {}, "body": []},
        {"head": [[2, "a", "A"]], "body": []},  # too short
        {"head": [[True, "a", "A", False]], "body": []},  # a bool is not a level
        {"head": [[7, "a", "A", False]], "body": []},
        {"head": [["2", "a", "A", False]], "body": []},
        {"head": [[2, 'a"><script>alert(1)</script>', "A", False]], "body": []},  # an id that would break out
        {"head": [[2, "a b", "A", False]], "body": []},
        {"head": [[2, "", "A", False]], "body": []},
        {"head": [[2, "a", 3, False]], "body": []},
        {"head": [[2, "a", "A", "yes"]], "body": []},
    ],
)
def test_a_stored_outline_that_is_not_one_is_refused(data: object) -> None:
    """The page store is outside input: what it holds reaches the table of contents only if it is an outline."""
    with pytest.raises(ValueError):
        Outline.from_json(data)
