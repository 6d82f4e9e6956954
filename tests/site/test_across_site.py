"""Across briefings (issue 17) in a real build: duplicate stories, and every new link resolving.

The project holds the specification article twice (a copy re-filed under
another name and date, its headline changed) and two other briefings that
share people with it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SPEC_SEED, build, repo_seed, write_project
from test_links import broken_links

COPY = "2022-03-05-zelenskyy-repeats-call-for-talks.txt"
OTHERS = (
    "2020-01-18-ukrainian-president-rejects-prime-minister-s-resignation.txt",
    "2020-01-13-iran-admits-downing-ukrainian-jet-cites-human-error.txt",
)


def _retitled(seed: str, title: str) -> str:
    return re.sub(r"(?m)^title: .*$", f"title: {title}", seed, count=1)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = repo_seed(SPEC_SEED)
    seeds = {SPEC_SEED: spec, COPY: _retitled(spec, "Zelenskyy repeats his call for talks"),
             **{name: repo_seed(name) for name in OTHERS}}
    return build(write_project(tmp_path_factory.mktemp("across"), seeds=seeds, plugin={"min_briefings": 2}))


def _page(site: Path, slug: str) -> str:
    return (site / "briefings" / slug / "index.html").read_text(encoding="utf-8")


def test_copies_say_same_story_and_link_each_other(site: Path) -> None:
    spec = _page(site, SPEC_SEED.removesuffix(".txt"))
    copy = _page(site, COPY.removesuffix(".txt"))
    assert re.search(r'class="bf-same-story"[^>]*>Same story as <a href="\.\./2022-03-05-zelenskyy-repeats-call-for-talks/">'
                     r"Zelenskyy repeats his call for talks</a>", spec)
    assert 'Same story as <a href="../2022-03-04-zelenskyy-challenges-putin-to-talks/">' in copy
    for name in OTHERS:  # the other briefings are different stories
        assert "bf-same-story" not in _page(site, name.removesuffix(".txt"))


def test_related_briefings_never_list_a_copy(site: Path) -> None:
    spec = _page(site, SPEC_SEED.removesuffix(".txt"))
    related = spec.split('id="related-briefings"', 1)[1].split("</ul>", 1)[0] if 'id="related-briefings"' in spec else ""
    assert COPY.removesuffix(".txt") not in related


def test_every_link_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_export_lists_duplicate_groups(site: Path) -> None:
    import json

    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert data["duplicates"] == [sorted([SPEC_SEED.removesuffix(".txt"), COPY.removesuffix(".txt")])]
