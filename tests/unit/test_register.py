"""The entity register: valid entries, and a message on the right line for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_briefings.core.register import load_register, parse_register

PATH = "briefings/entities.yml"


def test_valid_register() -> None:
    entries, diags = parse_register(
        "# comment\n"
        "- name: Volodymyr Zelenskyy\n"
        "  kind: person\n"
        "  aliases: [Zelensky, Volodymyr Zelensky]\n"
        "  description: President of *Ukraine*.\n"
        "  links: [https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy]\n"
        "- name: NATO\n"
        "  kind: organisation\n"
        "  aliases: Nato\n",
        PATH,
    )
    assert diags == []
    assert [(e.name, e.kind, e.aliases, e.line) for e in entries] == [
        ("Volodymyr Zelenskyy", "person", ("Zelensky", "Volodymyr Zelensky"), 2),
        ("NATO", "organisation", ("Nato",), 7),
    ]
    assert entries[0].description == "President of *Ukraine*."
    assert entries[0].links == ("https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy",)


@pytest.mark.parametrize(
    ("text", "line", "words", "names"),
    [
        ("- name: A\n  kind: persn\n", 2, "unknown kind 'persn' for 'A' — did you mean 'person'? (use one of person", []),
        ("- name: A\n  knd: person\n", 2, "unknown key 'knd' in a register entry — did you mean 'kind'?", ["A"]),
        ("- kind: person\n", 1, "has no 'name'", []),
        ("- just a string\n", 1, "must be a mapping", []),
        ("- name: A\n- name: a\n", 2, "'a' is already registered on line 1 (as 'A')", ["A"]),
        (
            "- name: A\n  aliases: [X]\n- name: B\n  aliases:\n    - Y\n    - X\n",
            6,
            "alias 'X' of 'B' is already claimed by 'A' (line 1)",
            ["A", "B"],
        ),
        ("- name: A\n  aliases: [B]\n- name: B\n", 3, "'B' is already registered on line 1 (as 'A')", ["A"]),
        (
            "- name: A\n  links:\n    - https://ok.example\n    - javascript:alert(1)\n",
            4,
            "bad link 'javascript:alert(1)' for 'A': only http:// and https://",
            ["A"],
        ),
        ("- name: A\n  aliases: {x: 1}\n", 2, "'aliases' of 'A' must be a list", ["A"]),
        ("- name: A\n  description: [1, 2]\n", 2, "'description' of 'A' must be text", ["A"]),
        # Names that spell the same id would be one entity, and one description would be lost.
        ("- name: Łódź\n  kind: place\n- name: Lodz\n  kind: place\n", 3,
         "'Lodz' gets the same id 'lodz' as 'Łódź' on line 1", ["Łódź"]),
        ("- name: Владимир Путин\n  kind: person\n  description: a\n- name: Vladimir Putin\n  kind: person\n", 4,
         "'Vladimir Putin' gets the same id 'vladimir-putin' as 'Владимир Путин' on line 1", ["Владимир Путин"]),
        ("- name: Anne-Marie\n- name: Anne Marie\n", 2, "gets the same id 'anne-marie' as 'Anne-Marie'", ["Anne-Marie"]),
    ],
)
def test_register_mistakes(text: str, line: int, words: str, names: list[str]) -> None:
    entries, diags = parse_register(text, PATH)
    assert [e.name for e in entries] == names
    assert len(diags) == 1, diags
    assert (diags[0].path, diags[0].line, diags[0].severity) == (PATH, line, "warning")
    assert words in diags[0].message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- name: A\n  kind: [person\n", 3, "invalid YAML"),
        ("name: A\nkind: person\n", 1, "must be a YAML list"),
        ("- name: !!python/object/apply:os.system ['true']\n", 1, "invalid YAML"),
    ],
)
def test_register_errors(text: str, line: int, words: str) -> None:
    entries, diags = parse_register(text, PATH)
    assert entries == ()
    assert [(d.line, d.severity) for d in diags] == [(line, "error")]
    assert words in diags[0].message


def test_missing_and_empty_register(tmp_path: Path) -> None:
    assert load_register(tmp_path / "entities.yml", PATH) == ((), [])
    (tmp_path / "entities.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_register(tmp_path / "entities.yml", PATH) == ((), [])


def test_register_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "entities.yml").write_bytes(b"- name: Caf\xe9\n")
    entries, diags = load_register(tmp_path / "entities.yml", PATH)
    assert entries == () and diags[0].line == 1 and "byte offset 11" in diags[0].message


def test_invisible_characters_are_stripped_from_names() -> None:
    entries, _ = parse_register("- name: \"Zelen\u200bskyy\"\n  aliases: [\"Ze\u202elensky\"]\n", PATH)
    assert entries[0].name == "Zelenskyy" and entries[0].aliases == ("Zelensky",)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_register_text_gives_entries_or_messages(text: str) -> None:
    entries, diags = parse_register(text, PATH)
    assert all(d.path == PATH and d.line >= 0 for d in diags)
    assert all(e.kind in ("person", "organisation", "place", "group", "other") and e.name for e in entries)


def test_names_in_other_scripts_keep_their_own_entries() -> None:
    """Before transliteration both names slugged to the same 12 bytes: one description was lost."""
    entries, diags = parse_register(
        "- name: Владимир Путин\n  kind: person\n  description: President of Russia.\n"
        "- name: Владимир Зеленский\n  kind: person\n  description: President of Ukraine.\n",
        PATH,
    )
    assert diags == []
    assert [e.description for e in entries] == ["President of Russia.", "President of Ukraine."]
