"""The mkdocs adapter's own behaviour: options, assets, live-reload watches."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer


def _config(config_file: Path):
    config = load_config(config_file=str(config_file))
    plugin = config.plugins["briefings"]
    return config, plugin


def test_defaults_and_assets(project_writer) -> None:
    config, plugin = _config(project_writer(seeds={"a.txt": "Hello.\n"}))
    assert (plugin.config.seeds_dir, plugin.config.briefings_dir, plugin.config.cache_dir, plugin.config.per_page) == (
        "seeds", "briefings", ".cache/briefings", 50)
    plugin.on_config(config)
    plugin.on_config(config)  # idempotent: serve re-runs it
    assert config.extra_css.count("assets/briefings/briefings.css") == 1
    assert [str(s) for s in config.extra_javascript].count("assets/briefings/briefings.js") == 1


def test_per_page_must_be_positive(project_writer) -> None:
    config, plugin = _config(project_writer(seeds={"a.txt": "Hello.\n"}, plugin={"per_page": 0}))
    with pytest.raises(PluginError, match="per_page"):
        plugin.on_config(config)


def test_serve_watches_inputs_outside_docs(tmp_path: Path, project_writer) -> None:
    config, plugin = _config(project_writer(seeds={"a.txt": "Hello.\n"}))
    plugin.on_config(config)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    plugin.on_serve(server, config=config, builder=lambda: None)
    watched = set(server._watched_paths)  # mkdocs offers no public accessor
    assert {os.path.abspath(tmp_path / "seeds"), os.path.abspath(tmp_path / "briefings")} <= watched


def test_hand_written_page_clashing_with_a_generated_one(site_builder, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        site_builder(seeds={"a.txt": "Hello.\n"}, docs={"index.md": "# Home\n", "people/index.md": "# Mine\n"})
    assert any("people/index.md clashes with a generated page" in r.getMessage() for r in caplog.records)


def test_min_briefings_default_and_demo(project_writer) -> None:
    from mkdocs_briefings.core.kinds import MIN_BRIEFINGS

    _, plugin = _config(project_writer(seeds={"a.txt": "Hello.\n"}))
    assert plugin.config.min_briefings is None  # left out: fitted to the site's size (entity_pages.fitted_thresholds)
    from mkdocs_briefings.core.entity_pages import FULL_SIZE, fitted_thresholds

    assert fitted_thresholds(FULL_SIZE) == MIN_BRIEFINGS  # an archive keeps the core's defaults
    # The demo is a small site: every name gets a page there.
    from mkdocs.utils.yaml import yaml_load

    demo = yaml_load((Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8"))
    (options,) = [p["briefings"] for p in demo["plugins"] if isinstance(p, dict) and "briefings" in p]
    assert options["min_briefings"] == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "min_briefings must be"),
        (-1, "min_briefings must be"),
        ({"person": 0}, "min_briefings.person must be"),
        ({"place": "many"}, "min_briefings.place must be"),
        ({"place": True}, "min_briefings.place must be"),
        ({"group": 3}, "unknown kind 'group'"),
    ],
)
def test_min_briefings_must_be_positive(project_writer, value: object, message: str) -> None:
    config, plugin = _config(project_writer(seeds={"a.txt": "Hello.\n"}, plugin={"min_briefings": value}))
    with pytest.raises(PluginError, match=message):
        plugin.on_config(config)


@pytest.mark.parametrize("value", [3, {"person": 2}, {"person": 2, "organisation": 5, "place": 9}])
def test_min_briefings_number_or_number_per_kind(project_writer, value: object) -> None:
    config, plugin = _config(project_writer(seeds={"a.txt": "Hello.\n"}, plugin={"min_briefings": value}))
    plugin.on_config(config)
    assert plugin.config.min_briefings == value


@pytest.mark.parametrize(
    ("option", "value", "where"),
    [
        ("cache_dir", "docs/.cache", "inside docs_dir"),  # its page bodies and annotations would be published
        ("cache_dir", "docs", "inside docs_dir"),
        ("seeds_dir", "docs/seeds", "inside docs_dir"),  # seeds would become raw pages, HTML unescaped
        ("briefings_dir", "docs/briefings-input", "inside docs_dir"),
        ("cache_dir", "site/cache", "inside site_dir"),  # deleted by the next build
    ],
)
def test_folders_inside_docs_or_site_are_refused(project_writer, option: str, value: str, where: str) -> None:
    config, plugin = _config(project_writer(seeds={"a.txt": "Hello.\n"}, plugin={option: value}))
    with pytest.raises(PluginError, match=f"{option} .* is {where}"):
        plugin.on_config(config)


@pytest.mark.parametrize("value", [".cache/briefings", "../elsewhere/cache", "docs-cache"])
def test_cache_outside_docs_is_fine(project_writer, value: str) -> None:
    config, plugin = _config(project_writer(seeds={"a.txt": "Hello.\n"}, plugin={"cache_dir": value}))
    plugin.on_config(config)
