"""Leaving the plugin platform: `briefings export` built by Zensical and by mkdocs without the
plugin, and the demo built `--strict` by ProperDocs (the maintained MkDocs 1.x fork) and mkdocs.

Real builds in child processes, as a site's CI runs them (`zensical build`,
`properdocs build`, `mkdocs build`); the export is written by the
`briefings export` command itself.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mkdocs_briefings.cli import main

REPO = Path(__file__).resolve().parents[2]
WRAY = "briefings/2020-01-01-wray-warns"
SEEDS = {
    "2020-01-01-wray-warns.txt": "---\ntitle: Wray warns of threats\ndate: 2020-01-01\ntags: [security]\n---\n"
    "FBI Director Christopher Wray said on Monday that the agency was \"ready for anything\". "
    "Jane Doe, a senator, agreed with him.\n",
    "2020-01-02-doe-in-paris.txt": "---\ntitle: Doe visits Paris\ndate: 2020-01-02\n---\n"
    "Senator Jane Doe met reporters in Paris on Tuesday. \"We are ready,\" Doe said.\n",
}
OVERLAY = "---\nseed: 2020-01-01-wray-warns.txt\n---\nThe director's warning, **in brief**; see [Doe in Paris](2020-01-02-doe-in-paris.md).\n"
HOME = "# Home\n\nOur briefings, [the latest first](briefings/index.md).\n\n<!-- briefings: home -->\n"


def _run(cmd: list[str], cwd: Path, timeout: int = 600) -> str:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout + done.stderr


def _tool(name: str) -> list[str]:
    """The tool as a module of this interpreter (its test extra installs it)."""
    module = {"zensical": "zensical", "properdocs": "properdocs", "mkdocs": "mkdocs"}[name]
    return [sys.executable, "-m", module]


@pytest.fixture(scope="module")
def project(project_maker: Callable[..., Path]) -> Path:
    """A small project (an overlay with markdown, the generated home page); its mkdocs.yml."""
    return project_maker(
        "to-export", seeds=SEEDS, overlays={"2020-01-01-wray-warns.md": OVERLAY}, plugin={"min_briefings": 1},
        docs={"index.md": HOME, "about.md": "# About\n\nSee [Jane Doe](people/jane-doe.md).\n"},
        config={"site_url": "https://example.org/"},
    )


def _export(config: Path, out: Path, links: str) -> Path:
    assert main(["export", str(out), "-f", str(config), "--links", links]) == 0
    return out


@pytest.fixture(scope="module")
def exported(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project, exported by `briefings export` (links to .md files, for Zensical)."""
    return _export(project, tmp_path_factory.mktemp("export") / "site-export", "source")


def broken_links(site: Path) -> list[str]:
    """Relative links of the exported pages' HTML (inside `bf-export`) that lead to no file or no id there."""
    problems = []
    texts: dict[Path, str] = {}

    def read(path: Path) -> str:
        if path not in texts:
            texts[path] = path.read_text(encoding="utf-8")
        return texts[path]

    for path in sorted(site.rglob("*.html")):
        text = read(path)
        start = text.find('class="bf-export"')
        if start < 0:
            continue
        for href in re.findall(r'href="([^"]*)"', text[start:text.find("</article>", start)]):
            if not href or re.match(r"[a-z]+:", href):
                continue
            where, _, anchor = href.partition("#")
            target = (path.parent / where).resolve() if where else path
            target = target / "index.html" if target.is_dir() else target
            if not target.is_file():
                problems.append(f"{path.relative_to(site)}: {href}")
            elif anchor and target.suffix == ".html" and f'id="{anchor}"' not in read(target):
                problems.append(f"{path.relative_to(site)}: {href} (no such id)")
    return problems


def test_export_is_plain_markdown_assets_and_config_without_the_plugin(exported: Path) -> None:
    config = yaml.safe_load((exported / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    assert config["docs_dir"] == "docs" and config["use_directory_urls"] is True
    assert "assets/briefings/briefings.css" in config["extra_css"]
    docs = exported / "docs"
    for name in ("assets/briefings/briefings.css", "assets/briefings/briefings.js", "feed.xml",
                 "feeds/people/jane-doe.xml", "briefings.json", "about.md", "people/a-z/j.md"):
        assert (docs / name).is_file(), name
    text = (docs / f"{WRAY}.md").read_text(encoding="utf-8")
    front, body = re.fullmatch(r"---\n(.*?)---\n\n(.*)", text, re.S).groups()  # type: ignore[union-attr]
    assert yaml.safe_load(front) == {"title": "Wray warns of threats", "hide": ["toc"], "tags": ["security"]}
    assert body.startswith('<div class="bf-export">\n') and body.endswith("\n</div>\n")
    # The editor's markdown is rendered by the plugin's build, not left to the generator; links are to
    # markdown files, relative to this one, as a markdown link would be.
    assert "<strong>in brief</strong>" in body and 'href="2020-01-02-doe-in-paris.md"' in body
    assert 'href="../people/jane-doe.md"' in body and 'href="#claim-1"' in body
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert 'href="briefings/index.md"' in home and home.startswith('<div class="bf-export">')


@pytest.mark.parametrize(("html", "src_uri", "url", "want"), [
    ('<a href="../../people/jane-doe/#said">', "briefings/b.md", "briefings/b/", '<a href="../people/jane-doe.md#said">'),
    ('<a href="../">', "briefings/b.md", "briefings/b/", '<a href="index.md">'),
    ('<a href="../../">', "briefings/b.md", "briefings/b/", '<a href="../index.md">'),
    ('<a href="a-z/j/">', "people/index.md", "people/", '<a href="a-z/j.md">'),
    ('<a href="../people/jane-doe.html">', "briefings/b.md", "briefings/b.html", '<a href="../people/jane-doe.md">'),
    ('<link href="../../feed.xml">', "briefings/b.md", "briefings/b/", '<link href="../feed.xml">'),
    ('<a href="#claim-1">', "briefings/b.md", "briefings/b/", '<a href="#claim-1">'),
    ('<a href="https://example.org/x/">', "briefings/b.md", "briefings/b/", '<a href="https://example.org/x/">'),
    ('<a href="/abs/">', "briefings/b.md", "briefings/b/", '<a href="/abs/">'),
    ('<a href="../../../../out/">', "briefings/b.md", "briefings/b/", '<a href="../../../../out/">'),
    ('<p data-href="../../people/jane-doe/">', "briefings/b.md", "briefings/b/", '<p data-href="../../people/jane-doe/">'),
])
def test_source_links(html: str, src_uri: str, url: str, want: str) -> None:
    from mkdocs_briefings.export_site import source_links

    pages = {"": "index.md", "briefings/": "briefings/index.md", "people/jane-doe/": "people/jane-doe.md",
             "people/jane-doe.html": "people/jane-doe.md", "people/a-z/j/": "people/a-z/j.md"}
    assert source_links(html, src_uri, url, pages) == want


@pytest.mark.parametrize(("generator", "links"), [("zensical", "source"), ("mkdocs", "site")])
def test_the_export_builds_without_the_plugin(project: Path, generator: str, links: str, tmp_path: Path) -> None:
    """A briefing page, an entity page and search work on a site built by a generator that runs no plugins."""
    work = _export(project, tmp_path / "export", links)
    _run([*_tool(generator), "build", "-f", "mkdocs.yml", "--strict"], cwd=work)
    site = work / "site"
    page = (site / WRAY / "index.html").read_text(encoding="utf-8")
    assert page.count('class="bf-export"') == 1
    assert "ready for anything" in page and 'id="claim-1"' in page and "<strong>in brief</strong>" in page
    assert re.search(r'href="[./]*assets/briefings/briefings\.css"', page)
    entity = (site / "people" / "jane-doe" / "index.html").read_text(encoding="utf-8")
    assert "Jane Doe" in entity and 'id="mentioned-in"' in entity and "../../briefings/2020-01-02-doe-in-paris/" in entity
    assert 'href="../2020-01-02-doe-in-paris/"' in page and 'href="../../people/jane-doe/"' in page
    assert broken_links(site) == []
    if generator == "zensical":
        items = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
    else:
        items = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    found = {i["location"].split("#")[0]: i for i in items if "ready for anything" in i["text"]}
    assert f"{WRAY}/" in found, sorted(i["location"] for i in items)
    assert any(i["location"].startswith("people/jane-doe/") for i in items)


def test_export_refuses_to_write_over_the_project(project_writer: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    config = project_writer(seeds=SEEDS)
    assert main(["export", str(config.parent), "-f", str(config)]) == 1
    assert "would hold the project itself" in capsys.readouterr().err
    assert (config.parent / "seeds").is_dir()


def test_export_never_wipes_a_folder_it_did_not_write(project_writer: Callable[..., Path], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    config = project_writer(seeds=SEEDS)
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "thesis.txt").write_text("years of work", encoding="utf-8")
    assert main(["export", str(documents), "-f", str(config)]) == 1
    assert "holds no earlier export" in capsys.readouterr().err
    assert (documents / "thesis.txt").read_text(encoding="utf-8") == "years of work"
    out = tmp_path / "export"
    assert main(["export", str(out), "-f", str(config)]) == 0  # a new folder
    (out / "stale.md").write_text("from an older export", encoding="utf-8")
    assert main(["export", str(out), "-f", str(config)]) == 0  # its own earlier export: replaced
    assert not (out / "stale.md").exists() and (out / "mkdocs.yml").is_file()


def test_export_without_the_plugin_in_config(project_writer: Callable[..., Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    config = project_writer(seeds=SEEDS, config={"plugins": ["search"]})
    assert main(["export", str(tmp_path / "out"), "-f", str(config)]) == 1
    assert "no `briefings` plugin" in capsys.readouterr().err


# --- the demo, on every platform ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_demo_builds_strict(tool: str, tmp_path: Path) -> None:
    """The demo site, `--strict`, under mkdocs and under ProperDocs (which runs MkDocs 1.x plugins unchanged)."""
    site = tmp_path / "site"
    log = _run([*_tool(tool), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)], cwd=REPO, timeout=900)
    assert "briefings" in log
    page = (site / "briefings" / "zelenskyy-challenges-putin-to-talks" / "index.html").read_text(encoding="utf-8")
    assert 'class="bf-article"' in page and 'type="application/atom+xml"' in page
    assert (site / "feed.xml").is_file() and (site / "briefings.json").is_file()


@pytest.mark.slow
def test_demo_export_builds_under_zensical(tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert main(["export", str(out), "-f", str(REPO / "mkdocs.yml")]) == 0
    _run([*_tool("zensical"), "build", "-f", "mkdocs.yml", "--strict"], cwd=out, timeout=900)
    page = (out / "site" / "briefings" / "zelenskyy-challenges-putin-to-talks" / "index.html").read_text(encoding="utf-8")
    assert 'class="bf-article"' in page
    assert (out / "site" / "people" / "volodymyr-zelenskyy" / "index.html").is_file()
    items = json.loads((out / "site" / "search.json").read_text(encoding="utf-8"))["items"]
    assert any(i["location"].startswith("briefings/zelenskyy-challenges-putin-to-talks/") for i in items)
    assert broken_links(out / "site") == []


def test_export_takes_the_themes_overrides_and_leaves_hooks(project_writer: Callable[..., Path], tmp_path: Path) -> None:
    """A theme's custom_dir goes with the export (its paths are relative to the project); hooks, which are code of
    the project's, do not."""
    config = project_writer(seeds=SEEDS, config={"theme": {"name": "material", "custom_dir": "overrides"},
                                                 "hooks": ["hooks/noop.py"]})
    (config.parent / "overrides" / "partials").mkdir(parents=True)
    (config.parent / "overrides" / "partials" / "copyright.html").write_text("<p>Our newsroom</p>\n", encoding="utf-8")
    (config.parent / "hooks").mkdir()
    (config.parent / "hooks" / "noop.py").write_text("", encoding="utf-8")
    out = _export(config, tmp_path / "out", "source")
    exported = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert exported["theme"]["custom_dir"] == "overrides" and "hooks" not in exported
    assert (out / "overrides" / "partials" / "copyright.html").read_text(encoding="utf-8") == "<p>Our newsroom</p>\n"
    _run([*_tool("zensical"), "build", "-f", "mkdocs.yml", "--strict"], cwd=out)
    assert "Our newsroom" in (out / "site" / WRAY / "index.html").read_text(encoding="utf-8")
