"""The one schema for editors' YAML (core/schema.py): seed front matter, overlays, the register.

Every problem at once, each on its line; scalars read as written; one URL rule.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from growth import assert_linear

from mkdocs_briefings.core import schema as sc
from mkdocs_briefings.core.overlays import Overlay, parse_overlay
from mkdocs_briefings.core.register import parse_register
from mkdocs_briefings.core.schema import is_web_url
from mkdocs_briefings.core.seeds import read_seed
from mkdocs_briefings.render.safety import web_url

OVERLAY = "briefings/talks.md"
REGISTER = "briefings/entities.yml"


def _overlay(front: str) -> tuple[Overlay, list[tuple[int, str, str]]]:
    overlay, diags = parse_overlay(f"---\nseed: a.txt\n{front}\n---\nSummary.\n", OVERLAY, "talks")
    assert overlay is not None
    return overlay, [(d.line, d.severity, d.message) for d in diags]


# -- issue 18: `status: false` written unquoted, as docs/editing.md shows it ----------------------


@pytest.mark.parametrize(
    ("status", "expected", "problem"),
    [
        ("false", "false", None),  # YAML reads a boolean; the editor wrote the status "false"
        ("False", None, "bad status 'False'"),  # what was written is shown, not Python's False
        ("'false'", "false", None),
        ("verified", "verified", None),
        ("no", None, "bad status 'no'"),  # YAML 1.1's other boolean is not a status
        ("true", None, "bad status 'true'"),
        ("1", None, "bad status '1'"),
        ("[false]", None, "bad status [False]"),
    ],
)
def test_status_is_read_as_written(status: str, expected: str | None, problem: str | None) -> None:
    overlay, diags = _overlay(f"claims:\n  - quote: the words\n    status: {status}")
    assert overlay.corrections[0].status == expected
    if problem is None:
        assert diags == []
    else:
        assert [(line, severity) for line, severity, _ in diags] == [(5, "warning")]
        assert problem in diags[0][2] and diags[0][2].endswith("use one of verified, disputed, unverified, false")


def test_docs_example_status_false_builds_without_a_warning() -> None:
    """The correction docs/editing.md shows, with the status it lists, unquoted."""
    docs = (Path(__file__).parents[2] / "docs" / "editing.md").read_text(encoding="utf-8")
    assert "`false`" in docs and "status: unverified" in docs
    overlay, diags = _overlay("claims:\n  - quote: \"more than 2000 civilians\"\n    status: false\n    note: No count.")
    assert diags == [] and overlay.corrections[0].status == "false"


# -- issue 18: every problem of a register at once ---------------------------------------------


def test_bad_kind_and_duplicate_alias_are_reported_in_one_run() -> None:
    text = "- name: A\n  kind: person\n  aliases: [X]\n- name: B\n  kind: persn\n  aliases: [X]\n"
    entries, diags = parse_register(text, REGISTER)
    assert [e.name for e in entries] == ["A"]
    assert [(d.line, d.message.split(":")[0]) for d in diags] == [
        (5, "unknown kind 'persn' for 'B' — did you mean 'person'? (use one of person, organisation, place, group, other)"),
        (6, "alias 'X' of 'B' is already claimed by 'A' (line 1)"),
    ]


def test_an_unusable_entry_still_claims_its_names() -> None:
    """Fixing the first entry's kind must not reveal a new problem on the second."""
    text = "- name: A\n  kind: thing\n- name: a\n  kind: person\n"
    entries, diags = parse_register(text, REGISTER)
    assert entries == ()
    assert [d.line for d in diags] == [2, 3]
    assert "'a' is already registered on line 1 (as 'A')" in diags[1].message


def test_every_field_of_a_correction_without_quote_is_checked() -> None:
    _, diags = _overlay("claims:\n  - status: maybe\n    drop: perhaps\n    source: javascript:x")
    assert [(line, m.split(" ")[0]) for line, _, m in diags] == [(4, "correction"), (4, "bad"), (6, "bad"), (5, "'drop'")]


def test_every_problem_of_an_overlay_at_once() -> None:
    _, diags = _overlay("titel: x\ndate: someday\ntags: {a: 1}\nentities: [X]\nclaims: 3")
    assert [line for line, _, _ in diags] == [3, 4, 5, 6, 7]


# -- scalars as written, null as not given --------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "title", "tags"),
    [
        ("title: 2024\ntags: [yes, no, 1e3]", "2024", ("yes", "no", "1e3")),
        ("title: yes", "yes", ()),
        ("title: 1.50", "1.50", ()),
        ("title:\ntags:", None, ()),  # null: not given
        ("title: \"  Two   spaces \"", "Two   spaces", ()),  # a seed's title keeps its inner spacing
    ],
)
def test_seed_scalars_are_read_as_written(tmp_path: Path, front: str, title: str | None, tags: tuple[str, ...]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"---\n{front}\n---\nBody.\n", encoding="utf-8")
    seed, diags = read_seed(path, "a.txt", "seeds/a.txt")
    assert diags == [] and seed is not None
    assert (seed.info.title, seed.tags) == (title, tags)


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("source: [a, b]", 2, "'source' must be text"),
        ("license: {a: 1}", 2, "'license' must be text"),
        ("title: ''", 2, "'title' must be text"),
        ("tags: [a, [b]]", 2, "'tags' must be a list of words"),
        ("url: 'https://[::1'", 2, "bad url 'https://[::1'"),
    ],
)
def test_seed_field_problems(tmp_path: Path, front: str, line: int, words: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"---\n{front}\n---\nBody.\n", encoding="utf-8")
    seed, diags = read_seed(path, "a.txt", "seeds/a.txt")
    assert seed is not None and [(d.line, d.severity) for d in diags] == [(line, "warning")]
    assert words in diags[0].message


@pytest.mark.parametrize(
    ("front", "seeds", "tags", "errors"),
    [
        ("seeds: [a.txt, 7, '', b.txt]", (("a.txt", 2), ("b.txt", 2)), None, [(2, "each of 'seeds'"), (2, "each of 'seeds'")]),
        ("seeds:\n  - a.txt\n  - [x]", (("a.txt", 3),), None, [(4, "each of 'seeds'")]),
        ("seed: a.txt\ntags:", (("a.txt", 2),), None, []),  # null tags: the seeds' tags
        ("seed: a.txt\ntags: []", (("a.txt", 2),), (), []),  # an empty list: no tags
    ],
)
def test_overlay_seeds_and_tags(front: str, seeds: tuple[tuple[str, int], ...], tags: tuple[str, ...] | None,
                                errors: list[tuple[int, str]]) -> None:
    overlay, diags = parse_overlay(f"---\n{front}\n---\n", OVERLAY, "talks")
    assert overlay is not None and overlay.seeds == seeds and overlay.tags == tags
    assert [(d.line, d.message[:15]) for d in diags if d.is_error] == errors


# -- one URL rule for the inputs and the pages ------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://en.wikinews.org/wiki/X", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("http://example.org/a?b=c#d", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<b>", False),
        ("//evil.example/x", False),
        ("https://", False),
        ("https:///path", False),
        ("https://exa mple.org", False),
        ("https://a.org/\"onmouseover=x", False),
        ("https://a.org/it's", False),
        ("https://[::1", False),  # urlsplit refuses it: so does the input rule
        ("ftp://example.org", False),
    ],
)
def test_one_url_rule(url: str, ok: bool) -> None:
    assert is_web_url(url) is ok
    assert (web_url(url) == url) is ok  # the renderer checks again with the same rule


def test_keys_read_elsewhere_are_not_unknown() -> None:
    """A module with keys of its own (the overlay's editorial controls) adds them without a field here."""
    plain = sc.Schema((sc.Field("title", sc.text()),), where="test", not_mapping="not a mapping")
    wider = sc.Schema(plain.fields, where="test", not_mapping="not a mapping", elsewhere=("extra",))
    for schema, unknown in ((plain, ["unknown key 'extra' in test (valid keys: title)"]), (wider, [])):
        report = sc.Report("f.yml")
        got = sc.read(schema, {"title": "T", "extra": [1]}, report)
        assert got == ({"title": "T"}, True)
        assert [d.message for d in report.diagnostics] == unknown
    assert wider.keys == ("title", "extra")


# -- cost: linear in the file, however many keys, names or tags --------------------------------------


def _front(n: int) -> str:
    return "---\n" + "".join(f"k{i}: v\n" for i in range(n)) + "---\nSummary.\n"


def _register(n: int) -> str:
    names = ", ".join(f"a{i}" for i in range(n))
    return f"- name: A\n  aliases: [{names}]\n- name: B\n  aliases: [{names}]\n"


@pytest.mark.parametrize(
    ("work", "make"),
    [
        # Every unknown key looked up its line by scanning the mapping: 20,000 keys took 17 s.
        (lambda text: parse_overlay(text, OVERLAY, "talks"), _front),
        # Every alias claimed twice looked up in a list of the aliases kept: 20,000 took 12 s.
        (lambda text: parse_register(text, REGISTER), _register),
        (lambda text: parse_overlay(text, OVERLAY, "talks"),
         lambda n: "---\ntags: [" + ", ".join(f"t{i}" for i in range(n)) + "]\n---\n"),
    ],
    ids=["unknown-keys", "claimed-aliases", "tags"],
)
def test_validation_is_linear(work: Callable[[str], object], make: Callable[[int], str]) -> None:
    # The cyclic garbage collector is paused while timing: in a full test run its passes cost
    # in proportion to every object the earlier tests left alive, which is not our growth.
    gc.collect()
    gc.disable()
    try:
        assert_linear(work, make, 6000, repeats=2)
    finally:
        gc.enable()
