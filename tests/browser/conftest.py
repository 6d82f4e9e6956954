"""Fixtures for the browser tests: one real build, one local server, one real Chromium.

Why this shape: the reader's experience (search, tooltips, the phone layout,
the claims filter, accessibility) only exists once mkdocs-material's
JavaScript and our CSS run in a browser, so nothing here is mocked. The demo
site is built once per session with `mkdocs build --strict` (the same command
CI deploys), served from a `http.server` thread on 127.0.0.1 with an
ephemeral port, and driven through Playwright with Debian's Chromium
(`/usr/bin/chromium`): a test tool's own browser download cannot work on
machines that reach only package registries.

Set `BRIEFINGS_TEST_SITE=path/to/site` to reuse an already built site while
iterating on the tests; CI never sets it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    ARTIFACTS,
    LAUNCH_ARGS,
    REPO,
    SpecBriefing,
    Visit,
    chromium_executable,
    find_spec_briefing,
    serve_site,
    watch_page,
)

#: Generous: a cold build annotates all 294 seeds on 2 cores.
BUILD_TIMEOUT_S = 900
#: Page loads and actions on a busy 2-core CI machine: the claims index
#: (~2,400 rows, 1.8 MB) takes 8+ s to load there. A timeout is a failure
#: to investigate, never something a test waits out silently.
NAVIGATION_TIMEOUT_MS = 60_000
ACTION_TIMEOUT_MS = 30_000


def _unavailable(reason: str) -> None:
    """Skip on a developer machine without a browser, but fail in CI.

    CONTRIBUTING.md promises that `python -m pytest` runs the browser tests
    "when Chromium is present"; in CI (`CI=true`) `.ci/run` installs it, so a
    missing browser there is a broken install step that must not pass green.
    """
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site, built once for the whole session into a temp dir."""
    prebuilt = os.environ.get("BRIEFINGS_TEST_SITE")
    if prebuilt:
        path = Path(prebuilt).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"BRIEFINGS_TEST_SITE={prebuilt} holds no built site (no index.html)", pytrace=False)
        return path
    out = tmp_path_factory.mktemp("demo-site")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    try:
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(cmd[1:])}` took more than {BUILD_TIMEOUT_S} s", pytrace=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-40:])
        pytest.fail(f"`mkdocs build --strict` of the demo site failed ({proc.returncode}):\n{tail}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Base URL (with trailing slash) of the built site, served on 127.0.0.1."""
    with serve_site(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session; each test gets fresh contexts."""
    exe = chromium_executable()
    if not exe.is_file():
        _unavailable(f"no Chromium at {exe} (apt-get install chromium, or set BRIEFINGS_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the `test` extra installs it
        _unavailable('the playwright package is missing: pip install -e ".[test]"')
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(exe), args=LAUNCH_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def briefings_export(site_dir: Path) -> list[dict[str, Any]]:
    """Every briefing of `site/briefings.json`, the site's own machine-readable truth."""
    path = site_dir / "briefings.json"
    if not path.is_file():
        pytest.fail(f"the built site has no briefings.json ({path})", pytrace=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data.get("briefings", data) if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        pytest.fail("briefings.json holds no list of briefings", pytrace=False)
    return items


@pytest.fixture(scope="session")
def spec(briefings_export: list[dict[str, Any]]) -> SpecBriefing:
    """The specification article's briefing, found by slug or title, not hard-coded."""
    found = find_spec_briefing(briefings_export)
    if found is None:
        pytest.fail("no briefing in briefings.json is the Zelenskyy/Putin talks article", pytrace=False)
    return found


@pytest.fixture
def open_page(chromium: Any, site_url: str) -> Iterator[Callable[..., Visit]]:
    """Open a site path in a fresh browser context, watching console and network.

    Each call gets its own context (so viewport, colour scheme and storage
    never leak between checks); everything is closed after the test.
    """
    contexts: list[Any] = []

    def _open(
        path: str,
        *,
        width: int = 1280,
        height: int = 900,
        color_scheme: str = "light",
        wait_until: str = "load",
    ) -> Visit:
        context = chromium.new_context(
            viewport={"width": width, "height": height},
            color_scheme=color_scheme,
            reduced_motion="reduce",
            base_url=site_url,
        )
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        visit = watch_page(page, site_url)
        response = page.goto(site_url + path.lstrip("/"), wait_until=wait_until)
        visit.status = response.status if response else None
        return visit

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """`tests/artifacts/` (gitignored): screenshots a person looks at after a run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
