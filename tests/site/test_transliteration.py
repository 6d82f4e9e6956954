"""Names outside Latin script in a real build: each person keeps their own page, quotes and description.

Before slugs were transliterated, "Владимир Путин" and "Владимир Зеленский"
both became the first 12 UTF-8 bytes in hex: one page, Zelenskyy's words
credited to Putin, and one register description silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

REGISTER = """\
- name: Владимир Путин
  kind: person
  description: President of Russia.
- name: Владимир Зеленский
  kind: person
  description: President of Ukraine.
"""
SEEDS = {
    "2022-03-01-putin.txt": "Владимир Путин said the talks had failed.\n",
    "2022-03-02-zelensky.txt": "Владимир Зеленский said the talks would go on.\n",
}


def test_two_cyrillic_names_keep_two_pages(
    project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path]
) -> None:
    site = mkdocs_build(project_writer(seeds=SEEDS, register=REGISTER, plugin={"min_briefings": 1}))
    putin = (site / "people" / "vladimir-putin" / "index.html").read_text(encoding="utf-8")
    zelensky = (site / "people" / "vladimir-zelenskiy" / "index.html").read_text(encoding="utf-8")
    assert "President of Russia." in putin and "President of Ukraine." not in putin
    assert "President of Ukraine." in zelensky and "President of Russia." not in zelensky
    assert "would go on" in zelensky and "would go on" not in putin
    export = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    speakers = {b["slug"]: [c["speaker"]["entity"] for c in b["annotation"]["claims"]] for b in export["briefings"]}
    assert speakers == {"2022-03-01-putin": ["vladimir-putin"], "2022-03-02-zelensky": ["vladimir-zelenskiy"]}


def test_register_collision_fails_a_strict_build(
    project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path]
) -> None:
    register = REGISTER + "- name: Vladimir Putin\n  kind: person\n  description: Another.\n"
    with pytest.raises(Abort):
        mkdocs_build(project_writer(seeds=SEEDS, register=register, plugin={"min_briefings": 1}))
