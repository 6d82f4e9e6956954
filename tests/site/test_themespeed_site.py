"""Material's translations looked up once a build (`themespeed.py`): the same site, byte for byte.

Real builds of a small project, with the lookup and without it (the
plugin's `on_env` made a no-op), in material's English and German; and a
site whose `custom_dir` has its own `partials/language.html` keeps it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_briefings import plugin as plugin_module
from mkdocs_briefings.themespeed import LANGUAGE

SEEDS = {
    "2022-03-04-talks.txt": "---\ntitle: Zelenskyy dares Putin to talk\ndate: 2022-03-04\n---\n"
    "Ukrainian President Volodymyr Zelenskyy said on Thursday: \"I don't bite. What are you afraid of?\"\n",
}


def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file() and p.name != "sitemap.xml.gz"}


def _build(config_file: Path, site: str) -> Path:
    config = load_config(config_file=str(config_file), site_dir=str(config_file.parent / site), strict=True)
    build(config)
    return Path(config.site_dir)


@pytest.mark.parametrize("language", ["en", "de"])
def test_translations_looked_up_once_build_the_same_site(
    project_writer: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, language: str,
) -> None:
    config_file = project_writer(seeds=SEEDS, config={"theme": {"name": "material", "language": language}})
    seen: list[bool] = []
    real = plugin_module.memoize_translations

    def spy(env: object, config: object) -> None:
        real(env, config)  # type: ignore[arg-type]  # the build's own environment and config
        seen.append("briefings_theme_translation" in env.globals)  # type: ignore[attr-defined]

    with monkeypatch.context() as watched:
        watched.setattr(plugin_module, "memoize_translations", spy)
        memo = _build(config_file, "site-memo")
    assert seen == [True]
    with monkeypatch.context() as without:
        without.setattr(plugin_module, "memoize_translations", lambda env, config: None)
        plain = _build(config_file, "site-plain")
    assert _tree(memo) == _tree(plain)
    page = (memo / "index.html").read_text(encoding="utf-8")
    assert ("Zum Inhalt" if language == "de" else "Skip to content") in page


def test_a_sites_own_language_template_is_kept(project_writer: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    config_file = project_writer(seeds=SEEDS, config={"theme": {"name": "material", "custom_dir": "overrides"}})
    own = config_file.parent / "overrides" / LANGUAGE
    own.parent.mkdir(parents=True)
    own.write_text('{% macro t(key) %}{{ "Ours: " ~ key }}{% endmacro %}\n', encoding="utf-8")
    seen: list[bool] = []
    real = plugin_module.memoize_translations

    def spy(env: object, config: object) -> None:
        real(env, config)  # type: ignore[arg-type]  # the build's own environment and config
        seen.append("briefings_theme_translation" in env.globals)  # type: ignore[attr-defined]

    monkeypatch.setattr(plugin_module, "memoize_translations", spy)
    site = _build(config_file, "site")
    assert seen == [False]
    assert "Ours: action.skip" in (site / "index.html").read_text(encoding="utf-8")


