"""Untrusted input cannot become script, HTML or markdown structure in the built site.

One real build of a temporary project whose every editorial channel carries
the same payload list: seed text, seed front matter (title, source, url,
licence, tags), the seed's file name, overlay title, summary and claim notes,
register names, aliases, descriptions and links. The built HTML is then
walked element by element with the standard library's parser, which ends a
<script> element where a browser would, so a `</script>` breakout shows up
as a script body that is no longer valid JSON.

The build is not `--strict`: some payloads (a `javascript:` URL in a register
link or a claim's source) are rightly reported as warnings, and the point
here is what reaches the page when an editor ignores them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">anchor</a>',
    "<details open ontoggle=alert(1)>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    "</script><script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{ 7*7 }}",
    "{% raw %}",
    "{# unclosed jinja comment",
    "text {: onclick=alert(1) }",
    '<div markdown="1">*md in html* <span onclick=alert(1)>s</span></div>',
)

#: Markdown and admonition syntax in a seed: each line must stay literal text.
MARKDOWN_LINES: tuple[str, ...] = (
    "# Heading payload",
    "## Second heading payload",
    '!!! danger "Danger payload"',
    "*emphasis payload*",
    "- list payload",
    "> blockquote payload",
    "| table | payload |",
    "|---|---|",
    "<b>bold payload</b>",
    "<!-- comment payload -->",
    "***",
    "[^1]: footnote payload",
    '??? danger "Details payload"',
    "```html",
    "<b>fenced payload</b>",
    "```",
)

#: Zero-width and bidirectional controls that can disguise a name on screen.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

#: The markdown extensions sites commonly enable, so that payload syntax has something to trigger.
MKDOCS_YML = """\
site_name: Security
theme:
  name: material
plugins:
  - search
  - briefings
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - toc
  - pymdownx.details
  - pymdownx.superfences
"""

EVIL_SEED_NAME = "evil\"'<img src=x onerror=alert(1)>.txt"


def _yaml(value: object) -> str:
    """JSON is a subset of YAML, and JSON strings escape everything that could break it."""
    return json.dumps(value)


def write_project(root: Path) -> None:
    """The payload project: two seeds (one with an overlay), a register, a docs page."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\nSecurity project.\n", encoding="utf-8")
    seeds = root / "seeds"
    seeds.mkdir()
    briefs = root / "briefings"
    briefs.mkdir()
    joined = " ".join(PAYLOADS)

    # 1. A seed with hostile front matter and a hostile body, no overlay.
    body = [
        "Acme Corp and John Smith met in Oslo on Monday.",
        *MARKDOWN_LINES,
        *(f"Payload line {i}: {p}" for i, p in enumerate(PAYLOADS)),
        '"Stop </script><script>alert(1)</script> now," said John Smith.',
        '"Quote <img src=x onerror=alert(1)> here," Acme Corp said in a statement.',
        "Jo\u200bhn Sm\u202eith was there too.",
    ]
    front = {
        "title": "Title " + joined,
        "source": "Source <script>alert(1)</script>",
        "url": "javascript:alert(1)",
        "license": "<img src=x onerror=alert(1)>",
        "tags": ["<script>alert(1)</script>", "{{ 7*7 }}"],
    }
    text = "---\n" + "".join(f"{k}: {_yaml(v)}\n" for k, v in front.items()) + "---\n" + "\n".join(body) + "\n"
    (seeds / "payload.txt").write_text(text, encoding="utf-8")
    # ... and its control: the same shape without the payloads, to count template elements.
    control = [body[0], '"Stop now," said John Smith.', '"Quote here," Acme Corp said in a statement.']
    front = {**front, "title": "Control", "source": "Control", "license": "Control", "tags": ["control"]}
    text = "---\n" + "".join(f"{k}: {_yaml(v)}\n" for k, v in front.items()) + "---\n" + "\n".join(control) + "\n"
    (seeds / "control.txt").write_text(text, encoding="utf-8")

    # 2. A seed whose claims an overlay annotates, with hostile title, summary and notes.
    quotes = [f'"Statement number {i} stands firm," said John Smith.' for i in range(len(PAYLOADS))]
    (seeds / "edited.txt").write_text(
        "John Smith of Acme Corp spoke in Oslo.\n" + "\n".join(quotes) + "\n", encoding="utf-8"
    )
    claims = [
        {"quote": f"Statement number {i} stands firm", "status": "disputed", "note": f"Note {p}"}
        for i, p in enumerate(PAYLOADS)
    ]
    claims[0]["source"] = "javascript:alert(1)"
    claims[1]["speaker"] = "Eve <img src=x onerror=alert(1)> {{ 7*7 }}"  # a speaker fix naming a new person
    overlay = (
        "---\n"
        f"seed: edited.txt\n"
        f"title: {_yaml('Overlay ' + joined)}\n"
        f"tags: {_yaml(['<svg onload=alert(1)>'])}\n"
        f"claims: {_yaml(claims)}\n"
        "---\n"
        "Editor summary with **allowed markdown**.\n\n" + "\n\n".join(f"Summary {p}" for p in PAYLOADS) + "\n"
    )
    (briefs / "edited.md").write_text(overlay, encoding="utf-8")

    # 3. A seed with a hostile file name.
    (seeds / EVIL_SEED_NAME).write_text("John Smith visited Oslo again.\n", encoding="utf-8")

    # 4. The register: hostile names, aliases, descriptions and links.
    register = [
        {
            "name": "Acme <script>alert(1)</script> Corp",
            "kind": "organisation",
            "aliases": ["Acme Corp"],
            "description": "\n\n".join(f"Description {p}" for p in PAYLOADS),
            "links": ["javascript:alert(1)", "https://example.org/acme"],
        },
        {
            "name": "John\u200b Smith\u202e\u2066",
            "kind": "person",
            "aliases": ["John Smith", "Jo\u200dhn"],
            "description": "A <img src=x onerror=alert(1)> person {{ 7*7 }}.",
            "links": ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
        },
        {"name": "Oslo", "kind": "place", "aliases": [], "description": "Capital. [x](javascript:alert(1))", "links": []},
    ]
    (briefs / "entities.yml").write_text(_yaml(register) + "\n", encoding="utf-8")

    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")


@dataclass
class Built:
    """The payload project after one build, shared by every test of the module."""

    root: Path
    site: Path
    returncode: int
    output: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("security")
    write_project(root)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, env=ENV, capture_output=True, text=True, timeout=600
    )
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output and proc.returncode == 0, f"the payload project did not build:\n{output[-4000:]}"
    return Built(root, root / "site", proc.returncode, output)


# --- walking the HTML ---------------------------------------------------------------------------


@dataclass
class Element:
    """One start tag, with its ancestors so that a test can ask what a piece of text sits in."""

    tag: str
    attrs: dict[str, str]
    ancestors: tuple[tuple[str, tuple[str, ...]], ...]  # (tag, classes) from the root down


@dataclass
class Page:
    """A parsed HTML file: every element, every script body, every text node with its ancestors."""

    path: Path
    elements: list[Element] = field(default_factory=list)
    scripts: list[tuple[dict[str, str], str]] = field(default_factory=list)  # (attrs, body)
    texts: list[tuple[tuple[tuple[str, tuple[str, ...]], ...], str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(t for _, t in self.texts)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Walker(HTMLParser):
    """Fills a Page; html.parser ends <script> at `</script` as a browser does, so breakouts show."""

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, tuple[str, ...]]] = []
        self.script: tuple[dict[str, str], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.page.elements.append(Element(tag, values, tuple(self.stack)))
        if tag == "script":
            self.script = (values, [])
        if tag not in _VOID:
            self.stack.append((tag, tuple(values.get("class", "").split())))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append(Element(tag, {k: v or "" for k, v in attrs}, tuple(self.stack)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            self.page.scripts.append((self.script[0], "".join(self.script[1])))
            self.script = None
        if any(t == tag for t, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script[1].append(data)
        elif not any(t == "style" for t, _ in self.stack):
            self.page.texts.append((tuple(self.stack), data))


def parse(path: Path) -> Page:
    page = Page(path)
    _Walker(page).feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> Iterator[Page]:
    for path in sorted(site.rglob("*.html")):
        if "assets" not in path.relative_to(site).parts:
            yield parse(path)


def generated_pages(site: Path) -> Iterator[Page]:
    """Pages the plugin made (briefings, entities, indexes), where the payloads land."""
    for page in html_pages(site):
        top = page.path.relative_to(site).parts[0]
        if top in {"briefings", "people", "organisations", "places", "claims"}:
            yield page


_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping"}
_BAD_SCHEME = re.compile(r"^(javascript|data|vbscript|livescript):", re.IGNORECASE)
_THEME_URL = re.compile(r'new URL\("[^"]*",location\)')


def _scheme_of(value: str) -> str:
    """What a browser would see: it drops ASCII whitespace and controls inside a scheme."""
    return re.sub(r"[\x00-\x20]", "", value)


def theme_inline_scripts(site: Path) -> set[str]:
    """The theme's own inline scripts, from the 404 page (which holds no input text)."""
    page = parse(site / "404.html")
    return {_THEME_URL.sub("URL", body) for attrs, body in page.scripts if not attrs.get("src") and not attrs.get("type")}


def json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


# --- the tests ----------------------------------------------------------------------------------


def test_payload_project_builds_without_crashing(built: Built) -> None:
    assert (built.site / "briefings" / "payload" / "index.html").is_file()
    assert (built.site / "briefings" / "edited" / "index.html").is_file()


def test_no_foreign_script_elements(built: Built) -> None:
    allowed_inline = theme_inline_scripts(built.site)
    problems = []
    for page in html_pages(built.site):
        rel = page.path.relative_to(built.site)
        for attrs, body in page.scripts:
            kind = attrs.get("type", "")
            if attrs.get("src"):
                src = attrs["src"]
                if "assets/" not in src or "//" in src or ":" in src:
                    problems.append(f"{rel}: script src={src!r}")
                if body.strip():
                    problems.append(f"{rel}: script with src and a body {body[:80]!r}")
            elif kind in {"application/ld+json", "application/json"}:
                try:
                    json.loads(body)
                except ValueError as err:
                    problems.append(f"{rel}: {kind} script is not JSON ({err}): {body[:200]!r}")
            elif _THEME_URL.sub("URL", body) not in allowed_inline:
                problems.append(f"{rel}: inline script not from the theme: {body[:200]!r}")
    assert not problems, "\n".join(problems[:30])


def test_no_event_handler_attributes(built: Built) -> None:
    problems = [
        f"{page.path.relative_to(built.site)}: <{el.tag} {name}={value!r}>"
        for page in html_pages(built.site)
        for el in page.elements
        for name, value in el.attrs.items()
        if name.lower().startswith("on")
    ]
    assert not problems, "\n".join(problems[:30])


def test_no_dangerous_url_schemes(built: Built) -> None:
    problems = []
    for page in html_pages(built.site):
        for el in page.elements:
            for name, value in el.attrs.items():
                if name.lower() in _URL_ATTRS and _BAD_SCHEME.match(_scheme_of(value)):
                    problems.append(f"{page.path.relative_to(built.site)}: <{el.tag} {name}={value[:80]!r}>")
                if name.lower() == "style" and re.search(r"javascript:|expression\(|url\(", value, re.IGNORECASE):
                    problems.append(f"{page.path.relative_to(built.site)}: <{el.tag} style={value[:80]!r}>")
    assert not problems, "\n".join(problems[:30])


def test_no_embedding_or_redirecting_elements(built: Built) -> None:
    forbidden = {"iframe", "object", "embed", "frame", "frameset", "base", "applet"}
    problems = []
    for page in html_pages(built.site):
        rel = page.path.relative_to(built.site)
        for el in page.elements:
            if el.tag in forbidden or (el.tag == "meta" and "http-equiv" in el.attrs):
                problems.append(f"{rel}: <{el.tag} {el.attrs}>")
            if el.tag == "img" and el.attrs.get("src", "") == "x":
                problems.append(f"{rel}: the payload <img src=x> became an element")
    assert not problems, "\n".join(problems[:30])


def test_jinja_syntax_is_not_evaluated(built: Built) -> None:
    page = parse(built.site / "briefings" / "payload" / "index.html")
    assert "{{ 7*7 }}" in page.text
    assert "{% raw %}" in page.text
    for page in generated_pages(built.site):
        for _stack, text in page.texts:
            assert "49" not in text, f"{page.path.relative_to(built.site)}: {text!r} (Jinja evaluated {{{{ 7*7 }}}}?)"


#: Words that only the markdown lines of the payload seed contain.
_MARKDOWN_MARKERS = re.compile(r"(heading|danger|details|emphasis|list|blockquote|table|bold|fenced|comment|footnote) payload", re.I)


def _count(page: Page, tag: str) -> int:
    return sum(1 for el in page.elements if el.tag == tag and any(t == "article" for t, _ in el.ancestors))


def test_seed_text_never_becomes_markdown_structure(built: Built) -> None:
    page = parse(built.site / "briefings" / "payload" / "index.html")
    for line in MARKDOWN_LINES:
        if line.strip("*-|"):
            assert line in page.text, f"seed line {line!r} is not shown literally"
    for stack, data in page.texts:
        if not _MARKDOWN_MARKERS.search(data):
            continue
        tags = [t for t, _ in stack]
        classes = {c for _, cs in stack for c in cs}
        assert not set(tags) & {"h1", "h2", "h3", "h4", "h5", "h6"}, f"seed text became a heading: {data!r} in {tags}"
        assert not set(tags) & {"em", "strong", "b", "li", "table", "pre", "code", "blockquote"}, (
            f"seed text became markdown structure: {data!r} in {tags}"
        )
        assert not classes & {"admonition", "danger", "highlight"}, f"seed text became an admonition: {data!r} in {classes}"
        assert "details" not in tags and "summary" not in tags, f"seed text became a details block: {data!r}"
    # "***" and a table line would add <hr>/<table> elements: compare with a page made by the
    # same templates from a seed of the same shape without them.
    other = parse(built.site / "briefings" / "control" / "index.html")
    for tag in ("hr", "table", "h1", "h2", "h3", "h4", "blockquote", "pre"):
        assert _count(page, tag) == _count(other, tag), f"seed text added <{tag}> elements to the article"


def test_html_entities_stay_text(built: Built) -> None:
    page = parse(built.site / "briefings" / "payload" / "index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text, "an entity-escaped payload was unescaped once too often"
    assert "<script>alert(1)</script>" in page.text, "a raw tag in seed text is not shown as text"


def test_json_ld_is_valid_and_holds_payloads_as_data(built: Built) -> None:
    page = parse(built.site / "briefings" / "payload" / "index.html")
    blocks = [body for attrs, body in page.scripts if attrs.get("type") == "application/ld+json"]
    assert blocks, "no JSON-LD on the briefing page"
    parsed = []
    for body in blocks:
        try:
            parsed.append(json.loads(body))
        except ValueError as err:
            pytest.fail(f"a JSON-LD block is not JSON ({err}), did a quote break out? {body[:300]!r}")
    strings = [s for data in parsed for s in json_strings(data)]
    assert any("</script>" in s for s in strings), "neither the title nor the quote is in the JSON-LD as data"
    raw = (built.site / "briefings" / "payload" / "index.html").read_text(encoding="utf-8")
    for body in blocks:
        assert "</" not in body and "<script" not in body.lower(), f"JSON-LD holds markup: {body[:200]!r}"
    assert raw.lower().count("<script") == len(page.scripts), "a script element was smuggled in"


def test_editorial_text_reaches_the_page_escaped(built: Built) -> None:
    """The overlay's title, notes and summary are shown, as text: the payloads were really exercised."""
    page = parse(built.site / "briefings" / "edited" / "index.html")
    assert "Overlay <script>alert(1)</script>" in page.text
    assert "Note <img src=x onerror=alert(1)>" in page.text, "claim notes are not on the page (did the claims match?)"
    assert any("allowed markdown" in data and any(t == "strong" for t, _ in stack) for stack, data in page.texts), (
        "the summary's markdown was not rendered"
    )
    assert "Summary {{ 7*7 }}" in page.text
    assert "Eve <img src=x onerror=alert(1)> {{ 7*7 }}" in page.text, "the corrected speaker is not on the page"


def test_register_text_reaches_entity_pages_escaped(built: Built) -> None:
    pages = list(generated_pages(built.site))
    assert any("Description {{ 7*7 }}" in p.text for p in pages), "the register description is on no page"
    assert any("Acme <script>alert(1)</script> Corp" in p.text for p in pages), "the register name is on no page"


def test_invisible_controls_are_removed(built: Built) -> None:
    problems = []
    for path in sorted(built.site.rglob("*")):
        rel = path.relative_to(built.site)
        if any(c in str(rel) for c in INVISIBLE):
            problems.append(f"path {rel!r}")
        if path.suffix in {".html", ".json"} and "assets" not in rel.parts:
            text = path.read_text(encoding="utf-8")
            found = sorted({f"U+{ord(c):04X}" for c in text if c in INVISIBLE})
            if found:
                problems.append(f"{rel}: {', '.join(found)}")
    assert not problems, "\n".join(problems[:30])


def test_search_index_text_is_inert(built: Built) -> None:
    """Material's search shows index text as HTML, so it is walked like a page."""
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            fragment = Page(Path(doc["location"]))
            _Walker(fragment).feed(doc.get(key, ""))
            for el in fragment.elements:
                if el.tag in {"script", "img", "svg", "iframe", "details", "a", "object", "embed"}:
                    problems.append(f"{doc['location']} {key}: <{el.tag} {el.attrs}>")
                for name in el.attrs:
                    if name.lower().startswith("on"):
                        problems.append(f"{doc['location']} {key}: <{el.tag} {name}>")
    assert not problems, "\n".join(problems[:30])


def test_export_holds_payloads_as_data(built: Built) -> None:
    data = json.loads((built.site / "briefings.json").read_text(encoding="utf-8"))
    strings = list(json_strings(data))
    assert any("<script>alert(1)</script>" in s for s in strings)
    assert not any(c in s for s in strings for c in INVISIBLE)
