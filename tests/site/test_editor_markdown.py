"""Editor markdown on generated pages: its headings never repeat the page's ids, its code shows as written.

Real builds of a briefing whose overlay summary has headings named like the
page's own sections and claims, and code spans, code blocks and text holding
`<` and `{`; and an entity whose register description does the same.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

SEED = 'Ada Lovelace said: "It works." Charles Babbage said the engine was late.\n'
SUMMARY = """\
## claim-1

## Sources

## Summary

## Article

Write `<b>` and `{x}` and `a &amp; b`; in text <i>x</i> and {: .y } stay text.

    <pre>block {z}</pre>
"""
OVERLAY = f"---\nseed: ada.txt\n---\n{SUMMARY}"
REGISTER = "- name: Ada Lovelace\n  kind: person\n  description: |\n    ## said\n\n    ## About\n\n    Code `<ok>`.\n"


@pytest.fixture(scope="module")
def site(session_builder: Callable[..., Path]) -> Path:
    return session_builder("editor-markdown", seeds={"ada.txt": SEED}, overlays={"ada.md": OVERLAY}, register=REGISTER,
                           plugin={"min_briefings": 1})


def _ids(html: str) -> Counter[str]:
    return Counter(re.findall(r'\sid="([^"]+)"', html))


@pytest.mark.parametrize("page", ["briefings/ada/index.html", "people/ada-lovelace/index.html"])
def test_every_id_is_unique(site: Path, page: str) -> None:
    ids = _ids((site / page).read_text(encoding="utf-8"))
    assert [i for i, n in ids.items() if n > 1] == []


def test_editor_headings_are_renamed_page_anchors_kept(site: Path) -> None:
    html = (site / "briefings" / "ada" / "index.html").read_text(encoding="utf-8")
    ids = _ids(html)
    for own in ("claim-1", "sources", "summary", "article"):
        assert ids[own] == 1 and ids[f"editor-{own}"] == 1, own
    assert '<details class="bf-note" id="claim-1"' in html  # the claim's note keeps its id; the heading moved


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("briefings/ada/index.html", "<code>&lt;b&gt;</code>"),
        ("briefings/ada/index.html", "<code>&#123;x}</code>"),
        ("briefings/ada/index.html", "<code>a &amp;amp; b</code>"),  # the editor wrote "&amp;": shown as such
        ("briefings/ada/index.html", "&lt;i&gt;x&lt;/i&gt;"),
        ("briefings/ada/index.html", "&#123;: .y }"),
        ("briefings/ada/index.html", "<code>&lt;pre&gt;block &#123;z}&lt;/pre&gt;"),
        ("people/ada-lovelace/index.html", "<code>&lt;ok&gt;</code>"),
    ],
)
def test_code_is_escaped_once(site: Path, page: str, shown: str) -> None:
    html = (site / page).read_text(encoding="utf-8")
    assert shown in html
    assert "&amp;lt;" not in html and "&amp;#123;" not in html and "\ue000" not in html and "\ue001" not in html
