"""A page's outline in a real build: the table of contents comes from it (and the editor's own headings),
the same on a build that makes the pages and on one that reuses them from the page store."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

SEEDS = {
    "2020-01-01-doe.txt": "---\ntitle: Doe speaks\n---\nJane Doe met reporters. \"We are ready,\" Doe said.\n",
}
REGISTER = (
    "- name: Jane Doe\n  kind: person\n  description: |\n    A senator.\n\n"
    "    ## Early life\n\n    Born somewhere.\n\n    ### School\n\n    A school.\n"
)
_TOC = re.compile(r'data-md-component="toc".*?class="md-content"', re.S)


def toc_of(site: Path, url: str) -> list[str]:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    found = _TOC.search(html)
    assert found is not None, url
    return re.findall(r'href="#([^"]+)"', found.group(0))


def test_entity_toc_holds_the_outline_around_the_editor_headings(project_writer: Callable[..., Path],
                                                                  mkdocs_build: Callable[..., Path]) -> None:
    config = project_writer(seeds=SEEDS, register=REGISTER, plugin={"min_briefings": 1})
    site = mkdocs_build(config)
    expected = ["about", "early-life", "school", "said", "mentioned-in"]
    assert toc_of(site, "people/jane-doe") == expected
    first = (site / "people/jane-doe/index.html").read_bytes()
    shutil.rmtree(site)
    again = mkdocs_build(config)  # inputs unchanged: the pages come from the page store, outline and all
    assert toc_of(again, "people/jane-doe") == expected
    assert (again / "people/jane-doe/index.html").read_bytes() == first
