"""The cache is optional: a build whose cache cannot be used says so once per part and builds anyway.

Real builds with `cache_dir` on a full disk (a filled tmpfs, when the tests
may mount one) and with a file in place of the cache folder. The site must
be the one a build with a working cache makes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

SEEDS = {
    "2020-01-01-ada.txt": 'Ada Lovelace said: "It works." Charles Babbage agreed in London.\n',
    "2020-01-02-babbage.txt": 'Charles Babbage said the engine was finished. Ada Lovelace was in London.\n',
}


def _build(config_file: Path, site: str, caplog: pytest.LogCaptureFixture) -> tuple[Path, list[str]]:
    caplog.clear()
    config = load_config(config_file=str(config_file), site_dir=str(config_file.parent / site), strict=False)
    with caplog.at_level(logging.WARNING):
        mkdocs_build(config)
    return Path(config.site_dir), [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


@pytest.fixture
def reference(project_maker: Callable[..., Path], caplog: pytest.LogCaptureFixture) -> tuple[Path, dict[str, bytes]]:
    site, warnings = _build(project_maker("reference", seeds=SEEDS, plugin={"min_briefings": 1}), "site", caplog)
    assert warnings == []
    return site, _pages(site)


def _check(site: Path, warnings: list[str], reference: tuple[Path, dict[str, bytes]], cache: Path) -> None:
    assert _pages(site) == reference[1]
    assert (site / "briefings.json").read_bytes() == (reference[0] / "briefings.json").read_bytes()
    about_cache = [w for w in warnings if "cache" in w or "page store" in w]
    assert about_cache == warnings and 1 <= len(warnings) <= 2, warnings  # once for annotations, once for pages
    assert all(str(cache.name) in w for w in warnings)


def test_full_cache_disk(
    full_disk: Path, project_writer: Callable[..., Path], caplog: pytest.LogCaptureFixture,
    reference: tuple[Path, dict[str, bytes]],
) -> None:
    config_file = project_writer(seeds=SEEDS, plugin={"min_briefings": 1, "cache_dir": str(full_disk)})
    site, warnings = _build(config_file, "site", caplog)
    _check(site, warnings, reference, full_disk)


def test_a_file_in_place_of_the_cache_folder(
    project_writer: Callable[..., Path], caplog: pytest.LogCaptureFixture, reference: tuple[Path, dict[str, bytes]],
) -> None:
    config_file = project_writer(seeds=SEEDS, plugin={"min_briefings": 1, "cache_dir": "cache-file"})
    (config_file.parent / "cache-file").write_bytes(b"not a folder")
    site, warnings = _build(config_file, "site", caplog)
    _check(site, warnings, reference, config_file.parent / "cache-file")
