"""`briefings review`: what an editor should check first, with file:line and a suggested fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from projectfiles import write_project

from mkdocs_briefings.cli import main
from mkdocs_briefings.core.model import Annotation, Briefing, Claim, Entity, SourceInfo, Span, Speaker
from mkdocs_briefings.core.review import Finding, SeedLayout, body_layout, ordered, review


@pytest.mark.parametrize(
    ("raw", "first_line", "lines"),
    [
        ("One.\nTwo.", 1, 2),  # no front matter
        ("---\ntitle: T\ndate: 2020-01-01\n---\nOne.\nTwo.\nThree.", 5, 3),
        ("---\n---\nOne.", 3, 1),  # empty front matter
        ("---\ntitle: T\n---\n\n\nOne.\n\n", 6, 1),  # blank lines around the body are not the body
    ],
)
def test_body_layout(raw: str, first_line: int, lines: int) -> None:
    body = raw.split("---\n", 2)[2] if raw.startswith("---\n") else raw
    assert body_layout("seeds/a.txt", raw, body) == SeedLayout("seeds/a.txt", first_line, lines)


TEXT = 'Ann Lee met Acme.\n"We will win," he said.\n"Nobody knows," a voice said.\nTony Blair spoke.'


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def _briefing(claims: tuple[Claim, ...], entities: tuple[Entity, ...], overlay: str | None = None) -> Briefing:
    return Briefing("b", "B", TEXT, Annotation(entities, claims), sources=(SourceInfo("b.txt"),), overlay=overlay)


ANN = Entity("ann-lee", "Ann Lee", "person", mentions=(_span("Ann Lee"),), confidence=0.95)
ACME = Entity("acme", "Acme", "organisation", mentions=(_span("Acme"),), confidence=0.3)
BLAIR = Entity("tony-blair", "Tony Blair", "other", mentions=(_span("Tony Blair"),), confidence=0.2)
SURE = Claim("claim-1", "direct", _span("We will win,"), speaker=Speaker(_span("he"), "ann-lee", 0.9))
GUESSED = Claim("claim-1", "direct", _span("We will win,"), speaker=Speaker(_span("he"), "ann-lee", 0.4))
UNRESOLVED = Claim("claim-2", "direct", _span("Nobody knows,"), speaker=Speaker(_span("a voice"), None, 0.2))
NO_SPEAKER = Claim("claim-2", "direct", _span("Nobody knows,"))
LAYOUT = [SeedLayout("seeds/b.txt", 4, 4)]


@pytest.mark.parametrize(
    ("claims", "entities", "expected"),
    [
        ((SURE,), (ANN,), []),  # confident: nothing to check
        ((GUESSED,), (ANN,), [(0.4, 5, 'claim-1: speaker "he" guessed as Ann Lee')]),
        ((UNRESOLVED,), (ANN,), [(0.2, 6, 'claim-2: speaker "a voice" not resolved')]),
        ((NO_SPEAKER,), (ANN,), [(0.0, 6, 'claim-2: no speaker found for "Nobody knows,"')]),
        ((), (ANN, ACME), [(0.3, 4, '"Acme" typed organisation on weak evidence')]),
        ((), (BLAIR,), []),  # a weak "other" is not shown as a page: nothing to check
        (  # least certain first
            (GUESSED, NO_SPEAKER),
            (ANN, ACME),
            [(0.0, 6, "claim-2: no speaker"), (0.3, 4, '"Acme" typed'), (0.4, 5, "claim-1: speaker")],
        ),
    ],
)
def test_review_findings(claims: tuple[Claim, ...], entities: tuple[Entity, ...], expected: list[tuple[float, int, str]]) -> None:
    found = review(_briefing(claims, entities), LAYOUT)
    assert [(f.confidence, f.line) for f in found] == [(c, line) for c, line, _ in expected]
    for f, (_, _, message) in zip(found, expected, strict=True):
        assert f.path == "seeds/b.txt"
        assert f.message.startswith(message)


def test_fixes_are_valid_yaml_for_the_overlay_and_register() -> None:
    found = review(_briefing((GUESSED, NO_SPEAKER), (ANN, ACME), overlay="briefings/mine.md"), LAYOUT)
    fixes = {f.message.split(":")[0]: f.fix for f in found}
    where, _, snippet = fixes["claim-1"].partition(": ")
    assert where == "briefings/mine.md"
    correction = yaml.safe_load(snippet.split(" to confirm")[0])["claims"][0]
    assert correction == {"quote": "We will win,", "speaker": "Ann Lee"}
    entity_fix = next(f.fix for f in found if "Acme" in f.message)
    assert entity_fix.startswith("briefings/entities.yml: - ")
    assert yaml.safe_load(entity_fix.split(": ", 1)[1].split(" to confirm")[0]) == [{"name": "Acme", "kind": "organisation"}]


def test_lines_of_a_briefing_made_of_two_seeds() -> None:
    text = "First seed line one.\nFirst seed line two.\nSecond seed, only line."
    claim = Claim("claim-1", "indirect", Span(text.index("Second"), len(text), text[text.index("Second"):]))
    b = Briefing("b", "B", text, Annotation((), (claim,)), sources=(SourceInfo("a.txt"), SourceInfo("c.txt")))
    found = review(b, [SeedLayout("seeds/a.txt", 3, 2), SeedLayout("seeds/c.txt", 1, 1)])
    assert [(f.path, f.line) for f in found] == [("seeds/c.txt", 1)]


def test_ordered_puts_the_briefings_with_most_findings_first() -> None:
    f = Finding(0.1, "seeds/x.txt", 1, "m", "fix")
    assert [slug for slug, _ in ordered({"a": [f], "b": [f, f], "c": []})] == ["b", "a"]


def test_review_command_on_a_real_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A threshold above 1 lists everything the engine found, whatever its confidence: the test pins
    # the command's plumbing (project, seed lines, fixes), not the engine's current certainty.
    seed = "---\ntitle: Quiet\n---\n\nThe council met on Monday.\nAnn Lee said the plan would fail.\n"
    root = write_project(tmp_path, {"quiet.txt": seed}, {}, "")
    assert main(["review", "--root", str(root), "--no-cache", "--threshold", "1.01"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0].startswith("== quiet: ")
    assert any(line.startswith('seeds/quiet.txt:6: claim-1: speaker "Ann Lee"') for line in lines)
    assert any(line.startswith('seeds/quiet.txt:6: "Ann Lee" typed person') for line in lines)
    assert any(line.startswith('    fix: briefings/quiet.md: claims: [{quote: "the plan would fail') for line in lines)
    assert "in 1 briefing of 1 (confidence below 1.01)" in out.err
    assert main(["review", "--root", str(root), "--no-cache", "--threshold", "0"]) == 0
    assert capsys.readouterr().out == ""  # nothing is less certain than 0


def test_review_refuses_a_broken_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path, {"bad.txt": b"\xc3\x28"}, {}, "")
    assert main(["review", "--root", str(root), "--no-cache"]) == 2
    assert "seeds/bad.txt" in capsys.readouterr().err
