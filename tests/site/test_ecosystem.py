"""Briefings next to other plugins: real builds with a hook that reads pages, mkdocs-material's
`tags` and `offline` plugins and mkdocs-minify-plugin.

Generated pages make their HTML on demand; these builds check that every
other plugin's page events still find it (`on_page_content` when someone
listens there, `on_page_context`, `on_post_page`), that what they change is
what gets written, and that search still indexes the lean version.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

BRIEFING = "briefings/2020-01-01-wray-warns"
SEEDS = {
    "2020-01-01-wray-warns.txt": "---\ntitle: Wray warns of threats\ntags: [security, R&D <b>]\n---\n"
    "FBI Director Christopher Wray said on Monday that the agency was \"ready for anything\". "
    "Jane Doe, a senator, agreed with him.\n",
    "2020-01-02-doe-in-paris.txt": "---\ntitle: Doe visits Paris\ntags: [security]\n---\n"
    "Senator Jane Doe met reporters in Paris on Tuesday. \"We are ready,\" Doe said.\n",
}

#: A hook (mkdocs `hooks:`) that records what it sees of each page and marks the HTML it is given.
HOOK = '''
import json
from pathlib import Path

SEEN = {}

def note(page, event, html):
    SEEN.setdefault(page.file.src_uri, {})[event] = {
        "ours": 'class="bf-' in (html or ""), "marked": "hook-marker" in (html or ""),
    }

%s

def on_page_context(context, page, config, nav):
    note(page, "page_context", page.content)

def on_post_page(output, page, config):
    note(page, "post_page", page.content)
    note(page, "output", output)

def on_post_build(config):
    Path(__file__).with_name("seen.json").write_text(json.dumps(SEEN, sort_keys=True))
'''

ON_PAGE_CONTENT = '''
def on_page_content(html, page, config, files):
    note(page, "page_content", html)
    return html + '<p class="hook-marker">marked by a hook</p>'
'''


def _hooked_site(tmp_path_factory: pytest.TempPathFactory, session_builder: Callable[..., Path], name: str,
                 early: bool) -> tuple[Path, dict[str, Any]]:
    hook = tmp_path_factory.mktemp(f"{name}-hook") / "hook.py"
    hook.write_text(HOOK % (ON_PAGE_CONTENT if early else ""), encoding="utf-8")
    site = session_builder(
        name, seeds=SEEDS,
        docs={"index.md": "# Home\n\nA test site.\n", "tags.md": "# Tags\n\n<!-- material/tags -->\n"},
        config={"plugins": ["search", "tags", {"briefings": {"min_briefings": 1}}], "hooks": [str(hook)]},
    )
    return site, json.loads(hook.with_name("seen.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def early_site(tmp_path_factory: pytest.TempPathFactory, session_builder: Callable[..., Path]) -> tuple[Path, dict[str, Any]]:
    """Built with a hook that reads and changes pages in `on_page_content`, and material's tags plugin."""
    return _hooked_site(tmp_path_factory, session_builder, "early", early=True)


@pytest.fixture(scope="module")
def late_site(tmp_path_factory: pytest.TempPathFactory, session_builder: Callable[..., Path]) -> tuple[Path, dict[str, Any]]:
    """Built with a hook that reads pages only in `on_page_context` and `on_post_page`."""
    return _hooked_site(tmp_path_factory, session_builder, "late", early=False)


@pytest.mark.parametrize(("page", "written"), [(f"{BRIEFING}.md", f"{BRIEFING}/index.html"),
                                               ("briefings/index.md", "briefings/index.html")])
def test_a_hook_sees_and_changes_generated_html_at_page_content(early_site: tuple[Path, dict[str, Any]], page: str,
                                                                 written: str) -> None:
    site, seen = early_site
    assert seen[page]["page_content"] == {"ours": True, "marked": False}
    for event in ("page_context", "post_page", "output"):
        assert seen[page][event] == {"ours": True, "marked": True}, event
    assert "marked by a hook" in (site / written).read_text(encoding="utf-8")


def test_a_hook_sees_generated_html_at_page_context_and_post_page(late_site: tuple[Path, dict[str, Any]]) -> None:
    _, seen = late_site
    page = seen[f"{BRIEFING}.md"]
    assert "page_content" not in page
    for event in ("page_context", "post_page", "output"):
        assert page[event] == {"ours": True, "marked": False}, event
    assert seen["index.md"]["page_context"] == {"ours": False, "marked": False}  # a hand-written page


@pytest.mark.parametrize("fixture", ["early_site", "late_site"])
def test_search_still_indexes_the_lean_version(request: pytest.FixtureRequest, fixture: str) -> None:
    """Material's search reads the headings and plain text, not the hook's mark, the notes or the sidebar."""
    site, _ = request.getfixturevalue(fixture)
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    briefing = [d for d in docs if d["location"].startswith(f"{BRIEFING.split('/')[0]}/2020-01-01-wray-warns/")]
    text = " ".join(d["text"] for d in briefing)
    assert "ready for anything" in text
    assert "marked by a hook" not in text
    assert 'class="bf-' not in text


def test_briefing_tags_reach_materials_tags_index(early_site: tuple[Path, dict[str, Any]]) -> None:
    site, _ = early_site
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    # Both briefings are listed under "security", with links that resolve.
    section = tags[tags.index('id="tag:security"'):]
    for slug in ("2020-01-01-wray-warns", "2020-01-02-doe-in-paris"):
        assert f'href="../briefings/{slug}/"' in section, slug
        assert (site / "briefings" / slug / "index.html").is_file()
    # A tag with markup in it is text wherever material prints it.
    assert "R&amp;D &lt;b&gt;" in tags and "<b>" not in tags
    page = (site / BRIEFING / "index.html").read_text(encoding="utf-8")
    chips = re.search(r'<nav class="md-tags"[^>]*>(.*?)</nav>', page, re.S)
    assert chips is not None
    assert 'href="../../tags/#tag:security"' in chips.group(1)
    assert "R&amp;D &lt;b&gt;" in chips.group(1) and "<b>" not in chips.group(1)


def test_without_a_tags_plugin_pages_carry_no_tags(listing_site: Path) -> None:
    """No tags plugin: material's search must not weigh briefing tags as it weighs a tagged page's."""
    docs = json.loads((listing_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not any("tags" in d for d in docs)


# --- material's offline plugin and mkdocs-minify-plugin --------------------------------------------


@pytest.fixture(scope="module")
def offline_site(session_builder: Callable[..., Path]) -> Path:
    return session_builder(
        "offline", seeds=SEEDS,
        config={"plugins": ["search", "offline", {"minify": {"minify_html": True}}, {"briefings": {"min_briefings": 1}}]},
    )


def test_minify_minifies_generated_pages(offline_site: Path) -> None:
    page = (offline_site / f"{BRIEFING}.html").read_text(encoding="utf-8")
    assert page.count("\n") < 10, "htmlmin leaves no line of the theme's layout"
    assert "ready for anything" in page
    assert 'class="bf-claim' in page or "bf-note" in page
    assert "Christopher Wray" in page


def test_offline_site_links_files_and_searches_without_fetch(offline_site: Path) -> None:
    """`offline` turns directory URLs off and inlines the search index for the worker: no fetch from file://."""
    page = (offline_site / f"{BRIEFING}.html").read_text(encoding="utf-8")
    links = re.findall(r'href="?(\.\./[^"\s>#]+\.html)', page)  # htmlmin drops the quotes
    assert any("people/" in link for link in links)
    for link in links:
        assert (offline_site / "briefings" / link).resolve().is_file(), link
    assert (offline_site / "search" / "search_index.js").is_file()
    assert not (offline_site / "pagefind").exists()
    found = re.search(r'<script id="?__config"? type="?application/json"?>(.*?)</script>', page, re.S)
    assert found is not None
    config = json.loads(found.group(1))
    assert re.search(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$", config["search"])


def test_offline_refuses_pagefind(project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path],
                                  caplog: pytest.LogCaptureFixture) -> None:
    """Pagefind fetches its index chunks, which a browser refuses from file://: say so at build time."""
    from mkdocs.exceptions import Abort

    config = project_writer(seeds=SEEDS, config={"plugins": ["search", "offline", {"briefings": {"search_backend": "pagefind"}}]})
    with caplog.at_level("ERROR"), pytest.raises(Abort):
        mkdocs_build(config)
    assert "cannot work with material's offline plugin" in caplog.text


def test_a_build_that_reuses_the_pages_shows_them_the_same(project_writer: Callable[..., Path], tmp_path: Path,
                                                            mkdocs_build: Callable[..., Path],
                                                            caplog: pytest.LogCaptureFixture) -> None:
    """The page store's replay keeps the tags (escaped, validated) and makes the HTML for the hook as before."""
    hook = tmp_path / "hook" / "hook.py"
    hook.parent.mkdir()
    hook.write_text(HOOK % ON_PAGE_CONTENT, encoding="utf-8")
    config = project_writer(
        seeds=SEEDS, docs={"index.md": "# Home\n", "tags.md": "# Tags\n\n<!-- material/tags -->\n"},
        config={"plugins": ["search", "tags", {"briefings": {"min_briefings": 1}}], "hooks": [str(hook)]},
    )
    site = mkdocs_build(config)
    first = {p: (site / p).read_bytes() for p in ("tags/index.html", f"{BRIEFING}/index.html")}
    seen = hook.with_name("seen.json").read_text(encoding="utf-8")
    with caplog.at_level("INFO"):
        mkdocs_build(config)
    assert "are reused" in caplog.text
    assert {p: (site / p).read_bytes() for p in first} == first
    assert hook.with_name("seen.json").read_text(encoding="utf-8") == seen
