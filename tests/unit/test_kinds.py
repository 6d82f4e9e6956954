"""The table of kinds is the one source: every other spelling of a kind must agree with it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_briefings.core import kinds, model
from mkdocs_briefings.core.entities import candidate
from mkdocs_briefings.render.paths import kind_index

ROOT = Path(__file__).resolve().parents[2]


def test_model_and_engine_use_the_table() -> None:
    assert model.KINDS == kinds.KINDS == tuple(k.key for k in kinds.TABLE)
    engine = (candidate.PERSON, candidate.ORG, candidate.PLACE, candidate.GROUP, candidate.OTHER)
    assert engine == kinds.KINDS  # the engine's own constants (core/entities/candidate.py) name the same kinds


def test_every_kind_with_pages_has_a_default_threshold_and_a_schema_type() -> None:
    assert set(kinds.MIN_BRIEFINGS) == set(kinds.PAGE_DIRS)
    assert all(kinds.BY_KEY[k].schema_type for k in kinds.PAGE_DIRS)
    assert len(set(kinds.PAGE_DIRS.values())) == len(kinds.PAGE_DIRS)  # one folder per kind


@pytest.mark.parametrize(("key", "expected"), [("person", "Person"), ("place", "Place"), ("other", "Other"),
                                                ("nonsense", "Other"), ("", "Other")])
def test_kind_of(key: str, expected: str) -> None:
    assert kinds.kind_of(key).singular == expected


def test_demo_nav_lists_each_kind_index_under_its_plural() -> None:
    """mkdocs.yml's nav is written by hand: it must name each kind's index, in the table's order."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    entries = [(title, path) for item in nav for title, path in item.items()]
    expected = [(kinds.BY_KEY[k].plural, kind_index(k)) for k in kinds.PAGE_DIRS]
    assert [e for e in entries if e[1] in {p for _, p in expected}] == expected
