"""Editorial control across briefings (core/controls.py): overlay keys, their errors, and what they change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mkdocs_briefings.core.controls import check_controls, kept_figures
from mkdocs_briefings.core.duplicates import Duplicates, find_duplicates
from mkdocs_briefings.core.ledger import build_ledger
from mkdocs_briefings.core.model import NO_CONTROLS, Annotation, Briefing, Claim, Controls, Span, Speaker
from mkdocs_briefings.core.overlays import parse_overlay

PATH = "briefings/talks.md"


def overlay(front: str) -> tuple[Controls, list[tuple[int, str, str]]]:
    ov, diags = parse_overlay(f"---\nseed: a.txt\n{front}\n---\nSummary.\n", PATH, "talks")
    assert ov is not None
    return ov.controls, [(d.line, d.severity, d.message) for d in diags]


def test_good_controls_are_read_with_their_lines() -> None:
    controls, diags = overlay(
        'drop_figures: ["$17.5bn", 500]\nnot_duplicates: [other-story]\nledger_split:\n  - "we will not give up"\n'
        'ledger_merge:\n  - quote: "words here"\n    with: "words there"'
    )
    assert diags == []
    assert controls == Controls((("$17.5bn", 3), ("500", 3)), (("other-story", 4),), (("we will not give up", 6),),
                                (("words here", "words there", 8),))


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("drop_figures: {a: 1}", 3, "'drop_figures' must be"),
        ("drop_figures:\n  - [nested]", 4, "bad item"),
        ("not_duplicates: [Not A Slug]", 3, "bad item"),
        ("ledger_split: true", 3, "'ledger_split' must be"),
        ("ledger_merge: words", 3, "'ledger_merge' must be a list"),
        ("ledger_merge:\n  - quote: only this", 4, "needs 'quote:'"),
        ("ledger_merge:\n  - quote: a\n    with: b\n    whith: c", 6, "unknown key"),
        ("drop_figure: [x]", 3, "unknown key"),
    ],
)
def test_bad_controls_are_errors_on_their_line(front: str, line: int, words: str) -> None:
    _, diags = overlay(front)
    assert any(d[0] == line and words in d[2] for d in diags), diags


def _figures_briefing(drops: tuple[str, ...]) -> Briefing:
    text = "Nearly 500 civilians were killed. Apple made $17.5bn in annual profit. About 300,000 residents fled."
    return Briefing("b", "B", text, Annotation(), overlay=PATH,
                    controls=Controls(drop_figures=tuple((d, 7) for d in drops)))


@pytest.mark.parametrize(
    ("drops", "kept"),
    [
        ((), ["500", "$17.5bn", "300,000"]),
        (("$17.5bn",), ["500", "300,000"]),
        (("nearly 500",), ["$17.5bn", "300,000"]),  # with its qualifier
        (("NEARLY  500 civilians killed",), ["$17.5bn", "300,000"]),  # and what it counts; case and spacing ignored
        (("300,000 residents", "$17.5BN"), ["500"]),
    ],
)
def test_drop_figures_matches_a_figure_as_the_table_shows_it(drops: tuple[str, ...], kept: list[str]) -> None:
    assert [f.text for f in kept_figures(_figures_briefing(drops))] == kept


def test_controls_that_match_nothing_are_warnings_on_their_line() -> None:
    b = _figures_briefing(("$99bn",))
    b = replace(b, controls=replace(b.controls, not_duplicates=(("nowhere", 8), ("b", 9)),
                                    ledger_split=(("no such words", 10),),
                                    ledger_merge=(("no such words", "nor these", 11),)))
    found = sorted((d.line, d.message.split(":")[0]) for d in check_controls([b]))
    assert found == [(7, "drop_figures"), (8, "not_duplicates"), (9, "not_duplicates"), (10, "ledger_split"),
                     (11, "ledger_merge"), (11, "ledger_merge")]
    assert all(d.path == PATH and d.severity == "warning" for d in check_controls([b]))


STORY = " ".join(f"word{i}" for i in range(120))


def test_not_duplicates_keeps_two_copies_apart() -> None:
    texts = [("a", "A headline", STORY), ("b", "A headline", STORY), ("c", "A headline", STORY)]
    assert find_duplicates(texts).groups == (("a", "b", "c"),)
    assert find_duplicates(texts, apart=frozenset({("a", "b")})).groups == (("a", "c"),)
    assert find_duplicates(texts, apart=frozenset({("a", "b"), ("a", "c"), ("b", "c")})).groups == ()


def _claims(slug: str, *contents: str, controls: Controls = NO_CONTROLS) -> Briefing:
    text, claims = "", []
    for n, content in enumerate(contents, 1):
        start = len(text)
        text += content + ". Jane Doe said. "
        claims.append(Claim(f"claim-{n}", "indirect", Span(start, start + len(content), content),
                            speaker=Speaker(Span.of(text, start + len(content) + 2, start + len(content) + 10), "jane-doe")))
    return Briefing(slug, slug, text, Annotation((), tuple(claims)), date=date(2020, 1, 1), controls=controls)


S = "the minister will not resign over the affair"
T = "the government has no plans for new elections this year"
NONE = Duplicates((), {})


def test_ledger_split_keeps_a_claim_out_of_its_entry() -> None:
    a, b, c = _claims("a", S), _claims("b", S), _claims("c", S)
    (entry,) = build_ledger([a, b, c], NONE, {"jane-doe": "Jane Doe"}).entries
    assert entry.briefings == ("a", "b", "c")
    split = replace(c, controls=Controls(ledger_split=(("will not RESIGN", 3),)))
    (entry,) = build_ledger([a, b, split], NONE, {"jane-doe": "Jane Doe"}).entries
    assert entry.briefings == ("a", "b")
    assert build_ledger([a, replace(b, controls=split.controls)], NONE, {}).entries == ()


def test_ledger_merge_joins_two_wordings_of_one_statement() -> None:
    a, b = _claims("a", S), _claims("b", T)
    assert build_ledger([a, b], NONE, {}).entries == ()
    merged = replace(a, controls=Controls(ledger_merge=(("will not resign", "no plans for new elections", 3),)))
    (entry,) = build_ledger([merged, b], NONE, {}).entries
    assert entry.briefings == ("a", "b") and {x.claim for x in entry.appearances} == {"claim-1"}
