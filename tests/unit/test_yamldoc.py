"""Editors' YAML (seed front matter, overlays, the register) cannot make a build expand it without bound.

A YAML alias (`*a`) repeats its anchor's value; aliases of aliases grow the
value exponentially with the number of lines (a "billion laughs"). Every
reader refuses them with an error on the alias's line that never prints the
expanded value, so the cost stays linear in the file whatever its shape.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from growth import assert_linear

from mkdocs_briefings.core.diagnostics import QUOTE_LIMIT, Diagnostic, quoted
from mkdocs_briefings.core.overlays import parse_overlay
from mkdocs_briefings.core.register import parse_register
from mkdocs_briefings.core.seeds import read_seed
from mkdocs_briefings.core.yamldoc import YamlError, parse_yaml


def bomb(levels: int, key: str, width: int = 6, indent: str = "") -> str:
    """Anchors a0..aN-1, each a list of `width` aliases of the one before, and `key` holding width**levels items."""
    lines = [f"{indent}a0: &a0 [\"lol\"]"]
    for i in range(1, levels):
        lines.append(f"{indent}a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    lines.append(f"{indent}{key}: [{', '.join([f'*a{levels - 1}'] * width)}]")
    return "\n".join(lines)


def _seed(tmp_path: Path, levels: int) -> list[Diagnostic]:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: T\n" + bomb(levels, "date") + "\n---\nBody.\n", encoding="utf-8")
    return read_seed(path, "a.txt", "seeds/a.txt")[1]


def _register(levels: int) -> list[Diagnostic]:
    body = bomb(levels, "kind", indent="  ")
    return parse_register(f"- name: Anna Berg\n{body}\n", "briefings/entities.yml")[1]


def _overlay(levels: int) -> list[Diagnostic]:
    return parse_overlay(f"---\nseed: a.txt\n{bomb(levels, 'date')}\n---\nSummary.\n", "briefings/a.md", "a")[1]


READERS: dict[str, Callable[[int], list[Diagnostic]]] = {"register": _register, "overlay": _overlay}


@pytest.mark.parametrize("reader", ["seed", "register", "overlay"])
def test_alias_bomb_is_refused_on_its_line_without_its_value(tmp_path: Path, reader: str) -> None:
    diags = _seed(tmp_path, 7) if reader == "seed" else READERS[reader](7)
    errors = [d for d in diags if d.is_error]
    assert len(errors) == 1, diags
    error = errors[0]
    assert "aliases" in error.message and "lol" not in str(error)
    # the first alias is on the file line of `a1:`: line 4 of a seed or overlay (after '---' and one key), 3 of the register
    assert error.line == (3 if reader == "register" else 4), error


@pytest.mark.parametrize("reader", ["seed", "register", "overlay"])
def test_alias_bomb_cost_is_linear_in_its_lines(tmp_path: Path, reader: str) -> None:
    """2 and 8 lines of aliases: the second expands to 6**8 (1.7 million) items unless refused."""
    work = (lambda n: _seed(tmp_path, n)) if reader == "seed" else READERS[reader]
    assert_linear(work, lambda n: n, 2, repeats=1)


@pytest.mark.parametrize(
    "text",
    ["a: &x [1, 2]\nb: *x\n", "a: &x\n  k: *x\n", "- &x one\n- *x\n", "? &k key\n: *k\n"],
)
def test_every_alias_is_refused(text: str) -> None:
    with pytest.raises(YamlError) as exc:
        parse_yaml(text, "f.yml")
    assert "aliases" in exc.value.diagnostic.message


@pytest.mark.parametrize(
    "text, data",
    [
        ("a: &x [1, 2]\n", {"a": [1, 2]}),  # an anchor no alias repeats costs nothing
        ("a: [1, 1]\nb: [1, 1]\n", {"a": [1, 1], "b": [1, 1]}),  # equal values are not aliases
        ("title: '*not an alias*'\n", {"title": "*not an alias*"}),
        ("- a\n- b\n", ["a", "b"]),
    ],
)
def test_yaml_without_aliases_parses(text: str, data: object) -> None:
    assert parse_yaml(text, "f.yml").data == data


@pytest.mark.parametrize(
    "value, shown",
    [("short", "'short'"), ("x" * 1000, None), (["lol"] * 10_000, None), (12, "12")],
)
def test_quoted_values_are_bounded(value: object, shown: str | None) -> None:
    got = quoted(value)
    assert len(got) <= QUOTE_LIMIT
    if shown is not None:
        assert got == shown
    else:
        assert got.endswith("\u2026")


def test_long_bad_date_is_not_printed_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ndate: " + "y" * 100_000 + "\n---\nBody.\n", encoding="utf-8")
    _, diags = read_seed(path, "a.txt", "seeds/a.txt")
    assert len(diags) == 1 and "bad date" in diags[0].message and len(str(diags[0])) < 300

