"""A new site from scratch (issue 18): `briefings new`, an empty docs/, and entity pages on a small site.

Each case is a real `mkdocs build --strict`: of the folder `briefings new`
writes (run as the commands a new user types, in a subprocess), and of
small projects with no home page of their own.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from mkdocs_briefings.cli import main

SEED_SLUG = "2020-01-13-iran-admits-downing-ukrainian-jet-cites-human-error"
HINT = "entity pages for people from"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return {**env, **extra}


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`briefings new site`, then `mkdocs build --strict` in it, as a user types them."""
    root = tmp_path_factory.mktemp("new") / "site"
    assert main(["new", str(root), "--name", "Newsroom briefings"]) == 0
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=_env(),
                          capture_output=True, text=True, timeout=600, check=False)
    return root, done


def test_new_site_builds_strict(new_site: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, done = new_site
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    site = root / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="latest-briefings"' in home and f'href="briefings/{SEED_SLUG}/"' in home  # the generated home page
    assert "<title>Newsroom briefings</title>" in home
    briefing = (site / "briefings" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert "Hassan Rouhani" in briefing and "CC BY 2.5" in briefing
    # One briefing: every name earns a page (thresholds fitted to the site's size), said once in the log.
    assert (site / "people" / "hassan-rouhani" / "index.html").is_file()
    assert (site / "people" / "volodymyr-zelenskyy" / "index.html").is_file()  # the register's example entry
    assert done.stderr.count(HINT) == 1
    assert "people from 1 briefing, organisations from 1 briefing, places from 1 briefing" in done.stderr


def test_new_site_passes_check(new_site: tuple[Path, subprocess.CompletedProcess[str]], capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = new_site
    assert main(["check", "--root", str(root)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("briefings check: ok — 1 briefings")


def test_new_site_takes_its_address_from_the_environment(tmp_path: Path) -> None:
    root = tmp_path / "site"
    assert main(["new", str(root)]) == 0
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                          env=_env(SITE_URL="https://example.org/news/"), capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    sitemap = (root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>https://example.org/news/briefings/{SEED_SLUG}/</loc>" in sitemap


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_new_site_serves(new_site: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, _ = new_site
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
                              cwd=root, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        home = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    home = r.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert 'id="latest-briefings"' in home
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/briefings/{SEED_SLUG}/", timeout=5) as r:
            assert "Hassan Rouhani" in r.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- a site whose docs/ has no home page ---------------------------------------------------------

SEEDS = {
    "2020-01-01-wray-warns.txt": "---\ntitle: Wray warns of threats\ndate: 2020-01-01\n---\n"
    "FBI Director Christopher Wray said on Monday that the agency was \"ready for anything\". "
    "Jane Doe, a senator, agreed with him in Washington.\n",
    "2020-01-02-doe-in-paris.txt": "---\ntitle: Doe visits Paris\ndate: 2020-01-02\n---\n"
    "Senator Jane Doe met reporters in Paris on Tuesday. \"We are ready,\" Doe said.\n",
    "2020-01-03-smith-in-rome.txt": "---\ntitle: Smith in Rome\ndate: 2020-01-03\n---\n"
    "Prime Minister John Smith arrived in Rome on Wednesday. \"It is a good day,\" Smith said.\n",
}


def _no_home(config: Path, docs: dict[str, str] | None = None) -> Path:
    index = config.parent / "docs" / "index.md"
    index.unlink()
    for name, text in (docs or {}).items():
        (config.parent / "docs" / name).write_text(text, encoding="utf-8")
    return config


@pytest.mark.parametrize("nav", ["listed", "auto"])
def test_empty_docs_gets_the_generated_home(project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path], nav: str) -> None:
    extra = {} if nav == "listed" else {"nav": None}
    config = _no_home(project_writer(seeds=SEEDS, config=extra))
    assert list((config.parent / "docs").iterdir()) == []
    site = mkdocs_build(config)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="latest-briefings"' in home
    titles = re.findall(r'<a class="bf-list__title" href="([^"]+)">', home)
    assert titles == ["briefings/2020-01-03-smith-in-rome/", "briefings/2020-01-02-doe-in-paris/", "briefings/2020-01-01-wray-warns/"]
    # The site title's link on every page leads to the home page, which exists.
    page = (site / "briefings" / "2020-01-02-doe-in-paris" / "index.html").read_text(encoding="utf-8")
    (title_link,) = re.findall(r'<a href="([^"]*)" title="[^"]*" class="md-header__button md-logo"', page)
    assert (site / "briefings" / "2020-01-02-doe-in-paris" / title_link / "index.html").resolve() == (site / "index.html").resolve()
    if nav == "auto":  # mkdocs' own nav starts with it
        nav_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', home)
        assert nav_links[0] in (".", "./")


def test_a_readme_home_is_left_alone(project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path]) -> None:
    config = _no_home(project_writer(seeds=SEEDS, config={"nav": None}), {"README.md": "# Our readme\n\nHello.\n"})
    site = mkdocs_build(config)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Our readme" in home and "latest-briefings" not in home


# --- entity pages fitted to the site's size ------------------------------------------------------

@pytest.mark.parametrize(
    ("plugin", "pages", "hint"),
    [
        # Left out: three briefings, so every name gets a page, and the log says so once.
        ({}, {"people/christopher-wray", "people/jane-doe", "people/john-smith", "places/paris", "places/rome"}, True),
        # Chosen: the site's number wins, whatever its size; no hint.
        ({"min_briefings": 2}, {"people/jane-doe"}, False),
        ({"min_briefings": {"person": 1, "organisation": 1, "place": 3}},
         {"people/christopher-wray", "people/jane-doe", "people/john-smith"}, False),
        ({"min_briefings": {"place": 1}}, {"people/christopher-wray", "people/jane-doe", "people/john-smith", "places/paris",
                                           "places/rome"}, True),
    ],
)
def test_a_small_site_gives_its_names_pages(project_writer: Callable[..., Path], mkdocs_build: Callable[..., Path],
                                             caplog: pytest.LogCaptureFixture, plugin: dict[str, object], pages: set[str],
                                             hint: bool) -> None:
    with caplog.at_level(logging.INFO):
        site = mkdocs_build(project_writer(seeds=SEEDS, plugin=plugin))
    found = {f"{kind}/{p.name}" for kind in ("people", "places") for p in (site / kind).iterdir()
             if p.is_dir() and p.name not in ("a-z", "page") and (p / "index.html").is_file()}
    assert pages <= found
    assert not {"people/christopher-wray", "people/jane-doe", "people/john-smith", "places/paris", "places/rome"} - pages & found
    hints = [r.getMessage() for r in caplog.records if HINT in r.getMessage()]
    assert len(hints) == (1 if hint else 0)


# --- `mkdocs build --strict -q` ------------------------------------------------------------------

STALE = (f"---\nseed: {SEED_SLUG}.txt\nclaims:\n  - quote: words that are in no claim\n    status: disputed\n---\n")


@pytest.mark.parametrize(
    ("args", "status", "said"),
    [
        (["--strict"], 1, "WARNING -  mkdocs_briefings: briefings/stale.md:4: correction quote"),
        # mkdocs 1.6 drops warnings before counting them with -q: the plugin fails the build itself.
        (["--strict", "-q"], 1, "briefings: 1 problems in the inputs, and strict mode with warnings hidden (-q)"),
        (["-q"], 0, ""),  # not strict: a warning does not fail a build
    ],
)
def test_a_stale_correction_fails_strict_even_when_quiet(tmp_path: Path, args: list[str], status: int, said: str) -> None:
    root = tmp_path / "site"
    assert main(["new", str(root)]) == 0
    (root / "briefings" / "stale.md").write_text(STALE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=root, env=_env(),
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == status, done.stderr
    assert said in done.stderr
