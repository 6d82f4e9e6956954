"""Hostile and odd seed files: each builds correctly or fails naming the file, never a traceback.

Every case is a real `mkdocs build --strict` of a one-seed temporary project
in a subprocess, because what an editor sees is the command's output: the
assertion is on that output and on the built page, not on internal calls.
Whether every real BBC article builds is checked by
`tests/bench/bench_corpus.py`: the whole corpus takes well over the two
minutes a test may take.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_briefings.core.limits import MAX_CLAIMS
from mkdocs_briefings.core.seeds import MAX_SEED_BYTES

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MKDOCS_YML = """\
site_name: Robustness
theme:
  name: material
plugins:
  - search
  - briefings
"""


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site: Path


def build_project(root: Path, seeds: dict[str, bytes], timeout: float = 300, strict: bool = True) -> Build:
    """Write a project with these seed files and run `mkdocs build --strict` (or without --strict) on it."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n\nRobustness project.\n", encoding="utf-8")
    (root / "seeds").mkdir(exist_ok=True)
    (root / "briefings").mkdir(exist_ok=True)
    for name, data in seeds.items():
        (root / "seeds" / name).write_bytes(data)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, root / "site")


class _Text(HTMLParser):
    """The text of a page's <article> (the page content), with the tags it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.stack: list[str] = []
        self.chunks: list[str] = []
        self.tags_with_text: list[tuple[tuple[str, ...], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr"}:
            return
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "article" in self.stack and "script" not in self.stack:
            self.chunks.append(data)
            self.tags_with_text.append((tuple(self.stack), data))


def article_text(page: Path) -> _Text:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def briefing_page(site: Path, slug: str) -> Path:
    page = site / "briefings" / slug / "index.html"
    assert page.is_file(), f"no page {page.relative_to(site)}; built: {sorted(p.name for p in (site / 'briefings').iterdir())}"
    return page


def assert_clean_output(build: Build) -> None:
    assert "Traceback" not in build.output, build.output[-4000:]


def assert_fails_naming(build: Build, name: str, line: bool = False) -> None:
    """The build stopped, and its output tells the editor which file (and line)."""
    assert_clean_output(build)
    assert build.returncode != 0, f"expected a failure naming {name}; build passed:\n{build.output[-2000:]}"
    assert name in build.output, f"the message does not name {name}:\n{build.output[-2000:]}"
    if line:
        assert re.search(rf"{re.escape(name)}(:\d+| line \d+|, line \d+)", build.output), (
            f"the message names {name} but not a line:\n{build.output[-2000:]}"
        )


def assert_builds_or_fails_naming(build: Build, name: str) -> None:
    assert_clean_output(build)
    if build.returncode != 0:
        assert name in build.output, f"failed without naming {name}:\n{build.output[-2000:]}"


# --- inputs that must build, with what the page must show -----------------------------------


def test_crlf_line_ends_become_paragraphs(tmp_path: Path) -> None:
    build = build_project(tmp_path, {"crlf.txt": b"---\r\ntitle: Windows file\r\n---\r\nFirst paragraph here.\r\nSecond paragraph here.\r\n"})
    assert_clean_output(build)
    assert build.returncode == 0, build.output[-3000:]
    html = briefing_page(build.site, "crlf").read_text(encoding="utf-8")
    assert "\r" not in html
    assert "Windows file" in html and "title: Windows file" not in html
    text = article_text(briefing_page(build.site, "crlf"))
    assert any("First paragraph here." in t and "Second paragraph here." not in t for _, t in text.tags_with_text)
    assert "Second paragraph here." in "".join(text.chunks)


def test_cr_line_ends_become_paragraphs(tmp_path: Path) -> None:
    build = build_project(tmp_path, {"old-mac.txt": b"First paragraph here.\rSecond paragraph here.\r"})
    assert_clean_output(build)
    assert build.returncode == 0, build.output[-3000:]
    html = briefing_page(build.site, "old-mac").read_text(encoding="utf-8")
    assert "\r" not in html
    text = "".join(article_text(briefing_page(build.site, "old-mac")).chunks)
    assert "First paragraph here." in text and "Second paragraph here." in text
    assert "First paragraph here.Second" not in text


def test_utf8_bom_does_not_hide_front_matter(tmp_path: Path) -> None:
    data = "\ufeff---\ntitle: Title behind a BOM\n---\nBody of the article.\n".encode("utf-8")
    build = build_project(tmp_path, {"bom.txt": data})
    assert_clean_output(build)
    assert build.returncode == 0, build.output[-3000:]
    html = briefing_page(build.site, "bom").read_text(encoding="utf-8")
    assert "\ufeff" not in html
    assert "Title behind a BOM" in html
    assert "title: Title behind a BOM" not in "".join(article_text(briefing_page(build.site, "bom")).chunks)


def test_tabs_do_not_make_code_blocks(tmp_path: Path) -> None:
    build = build_project(tmp_path, {"tabs.txt": b"\tIndented by a tab, as markdown code would be.\n\t\tTwo\ttabs\there.\n"})
    assert_clean_output(build)
    assert build.returncode == 0, build.output[-3000:]
    text = article_text(briefing_page(build.site, "tabs"))
    joined = "".join(text.chunks)
    assert "Indented by a tab" in joined
    for stack, data in text.tags_with_text:
        if "Indented by a tab" in data or "tabs" in data:
            assert "pre" not in stack and "code" not in stack, f"seed text became a code block: {stack}"


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("only-quotes.txt", '"""""\n\u201c\u201d\u201c\u201d\n\'\'\'\'\n"\n'.encode("utf-8"), "\u201c\u201d\u201c\u201d"),
        ("unbalanced.txt", b'He said "this quote never closes.\nShe replied "one" and then "another.\n', "never closes"),
        ("nested.txt", b'"He told me \'she said "no" twice\' yesterday," the clerk said.\n', "twice"),
    ],
)
def test_odd_quotes_build(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    build = build_project(tmp_path, {name: data})
    assert_clean_output(build)
    assert build.returncode == 0, build.output[-3000:]
    assert expected in "".join(article_text(briefing_page(build.site, name.removesuffix(".txt"))).chunks)


def test_ten_thousand_paragraphs(tmp_path: Path) -> None:
    """Every paragraph reaches the page. Each is also a claim ("... says ..."): 10,000 are more than a
    briefing shows (core/limits.py), so the build warns naming the seed (--strict would fail on it)."""
    body = "".join(f"Paragraph {i} says the committee met on day {i % 28 + 1}.\n" for i in range(10_000))
    build = build_project(tmp_path, {"many.txt": body.encode("utf-8")}, strict=False)
    assert_clean_output(build)
    assert build.returncode == 0, build.output[-3000:]
    assert f"seeds/many.txt: this briefing has {MAX_CLAIMS:,} claims or more" in build.output
    text = "".join(article_text(briefing_page(build.site, "many")).chunks)
    assert "Paragraph 0 says" in text and "Paragraph 9999 says" in text


def test_twenty_megabyte_seed_is_refused_by_name(tmp_path: Path) -> None:
    """A whole archive pasted into one seed fails fast with a message naming the file.

    Claim-dense text costs about 21 CPU seconds and 380 MB of memory per
    megabyte of seed (measured on 0.5-2 MB: linear), and 20 MB would become a
    page no browser can show, so seeds over `MAX_SEED_BYTES` are refused
    before they are read, with advice on splitting them.
    """
    paragraph = (
        'The council met on Tuesday. "We will not raise taxes," said Mayor Anna Berg, '
        "according to a statement from the city of Oslo. Officials reportedly disagreed.\n"
    )
    body = paragraph * (20_000_000 // len(paragraph) + 1)
    build = build_project(tmp_path, {"huge.txt": body.encode("utf-8")}, timeout=300)
    assert_clean_output(build)
    assert build.returncode != 0
    assert "huge.txt" in build.output and "split it into several seeds" in build.output, build.output[-3000:]


def test_large_claim_dense_seed_builds(tmp_path: Path) -> None:
    """Half a megabyte of claim-dense text (four times the longest real article) builds correctly.

    It has thousands of claims, more than a briefing shows (core/limits.py), so the build warns
    naming the seed (which --strict fails on) and the page says what was left out.
    """
    paragraph = (
        'The council met on Tuesday. "We will not raise taxes," said Mayor Anna Berg, '
        "according to a statement from the city of Oslo. Officials reportedly disagreed.\n"
    )
    body = paragraph * (MAX_SEED_BYTES // 8 // len(paragraph))
    build = build_project(tmp_path, {"big.txt": body.encode("utf-8")}, timeout=600, strict=False)
    assert_clean_output(build)
    assert build.returncode == 0, build.output[-3000:]
    assert f"seeds/big.txt: this briefing has {MAX_CLAIMS:,} claims or more" in build.output, build.output[-3000:]
    page = briefing_page(build.site, "big").read_text(encoding="utf-8")
    assert "Anna Berg" in page and f"only the first {MAX_CLAIMS:,} are shown" in page


# --- inputs that may build or fail, but never crash ------------------------------------------


@pytest.mark.parametrize(
    "name, data",
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\t\n  \r\n\n"),
        ("front-matter-only.txt", b"---\ntitle: Nothing below\n---\n"),
        ("controls.txt", b"Text with a NUL\x00 and a bell\x07 in it.\n"),
    ],
)
def test_degenerate_seeds_build_or_fail_cleanly(tmp_path: Path, name: str, data: bytes) -> None:
    build = build_project(tmp_path, {name: data, "ok.txt": b"A normal article about the weather.\n"})
    assert_builds_or_fails_naming(build, name)
    if build.returncode == 0:
        html = "".join(p.read_text(encoding="utf-8") for p in build.site.rglob("*.html"))
        assert "\x00" not in html and "\x07" not in html


# --- inputs that must fail with a message naming the file ------------------------------------


def test_binary_seed_names_the_file(tmp_path: Path) -> None:
    data = b"Valid start.\n" + b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"
    build = build_project(tmp_path, {"picture.txt": data})
    assert_fails_naming(build, "picture.txt")


def test_latin1_seed_names_file_and_byte_offset(tmp_path: Path) -> None:
    build = build_project(tmp_path, {"latin1.txt": "Valid start.\nPrice: 5 \u00a3 only.\n".encode("latin-1")})
    assert_fails_naming(build, "latin1.txt")
    assert re.search(r"\b2[23]\b", build.output), f"no byte offset (22) in:\n{build.output[-2000:]}"


def test_front_matter_without_closing_fence(tmp_path: Path) -> None:
    build = build_project(tmp_path, {"unclosed.txt": b"---\ntitle: Never closed\ndate: 2024-01-01\nBody text.\n"})
    assert_fails_naming(build, "unclosed.txt", line=True)


@pytest.mark.parametrize(
    "name, data",
    [
        ("list-fm.txt", b"---\n- a\n- b\n---\nBody.\n"),
        ("scalar-fm.txt", b"---\njust a string\n---\nBody.\n"),
        ("bad-yaml-fm.txt", b"---\ntitle: [unclosed\n---\nBody.\n"),
    ],
)
def test_front_matter_that_is_not_a_mapping(tmp_path: Path, name: str, data: bytes) -> None:
    build = build_project(tmp_path, {name: data})
    assert_fails_naming(build, name)
