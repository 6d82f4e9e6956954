"""The generated home page (issue 15): docs/index.md asks for it with `<!-- briefings: home -->`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

SEEDS = {
    f"2020-01-{d:02d}-story-{d}.txt": f"---\ntitle: Story {d} <b>bold</b>\nsource: Wire {d}\ndate: 2020-01-{d:02d}\n---\n"
    f"Jane Doe met reporters in Paris on day {d}. \"We are ready,\" Doe said. More text follows.\n"
    for d in range(1, 13)
}
HOME = "---\ntitle: Welcome\n---\n# Our briefings\n\nEditors wrote this.\n\n<!-- briefings: home -->\n"


def home(site: Path) -> str:
    page = (site / "index.html").read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


def test_home_page_lists_the_latest_ten(project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path]) -> None:
    site = mkdocs_build(project_writer(seeds=SEEDS, docs={"index.md": HOME}, plugin={"min_briefings": 1}))
    html = home(site)
    assert "Editors wrote this." in html and html.index("Editors wrote this.") < html.index('id="latest-briefings"')
    titles = re.findall(r'<a class="bf-list__title" href="([^"]+)">', html)
    assert titles == [f"briefings/2020-01-{d:02d}-story-{d}/" for d in range(12, 2, -1)]  # newest first, ten
    assert "Story 12 &lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html  # seed text stays text
    assert "Wire 12" in html and 'class="bf-lead">Jane Doe met reporters in Paris on day 12.</span>' in html
    counts = {w: int(n.replace(",", "")) for n, w in re.findall(r"<strong>([\d,]+)</strong> (\w+)", html)}
    assert counts["briefings"] == 12 and counts["claims"] == 12 and counts["people"] >= 1 and counts["places"] >= 1
    assert all(f'href="{p}/"' in html for p in ("briefings", "people", "organisations", "places", "claims"))
    assert '<form class="bf-home-search" action="" method="get" role="search">' in html
    assert "<title>Welcome" in (site / "index.html").read_text(encoding="utf-8")  # its front matter kept


@pytest.mark.parametrize("text", ["# Home\n\nNo marker here.\n", "# Home\n\n<!-- briefings:home -->\n"])
def test_without_the_marker_the_editor_page_is_left_alone(project_writer: Callable[..., Path],
                                                          mkdocs_build: Callable[..., Path], text: str) -> None:
    site = mkdocs_build(project_writer(seeds=SEEDS, docs={"index.md": text}, plugin={"min_briefings": 1}))
    html = home(site)
    assert "latest-briefings" not in html and "bf-home" not in html


def test_editing_the_home_text_shows_on_a_reused_build(project_writer: Callable[..., Path],
                                                       mkdocs_build: Callable[..., Path]) -> None:
    config = project_writer(seeds=SEEDS, docs={"index.md": HOME}, plugin={"min_briefings": 1})
    mkdocs_build(config)
    (config.parent / "docs" / "index.md").write_text(HOME.replace("Editors wrote this.", "Now it says this."))
    html = home(mkdocs_build(config))  # the generated pages come back from the page store
    assert "Now it says this." in html and "Editors wrote this." not in html and 'id="latest-briefings"' in html
