"""mkdocs-material's theme, rendered with less work per page: its translations looked up once a build.

Material's `base.html` imports `partials/language.html` into every page and
calls its `t(key)` macro about twenty times a page; each call builds the
language's whole table of strings (`partials/languages/<lang>.html`, some
eighty entries) to return one. On the BBC corpus's 2,715 pages that was
over 57,000 tables, about a tenth of the theme's rendering. Here the
theme's own macro answers each key once a build; the template that base.html
imports then hands out those answers (the same `Markup`, so the pages are
byte for byte the same). A site that overrides `partials/language.html` in
its `custom_dir` keeps its own.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

#: The template material's base.html imports for its translations.
LANGUAGE = "partials/language.html"
#: What takes its place: its one export, `t`, is the memo (an environment global).
_MEMO_TEMPLATE = "{% set t = briefings_theme_translation %}"
_GLOBAL = "briefings_theme_translation"


def _material_templates() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).resolve().parent / "templates"


def memoize_translations(env: jinja2.Environment, config: MkDocsConfig) -> None:
    """Answer material's `t(key)` once per key for this build's environment (when the template is material's)."""
    loader = env.loader
    material = _material_templates()
    if loader is None or material is None or _GLOBAL in env.globals:
        return
    try:
        source, filename, _ = loader.get_source(env, LANGUAGE)
    except jinja2.TemplateNotFound:
        return
    if filename is None or not Path(filename).resolve().is_relative_to(material):
        return  # the site's own language template: left as it is
    macro = getattr(env.from_string(source).make_module({"config": config}), "t", None)
    if not callable(macro):
        return  # a material release whose template works otherwise: left as it is
    answers: dict[Any, Markup] = {}

    def translation(key: Any) -> Markup:
        if key not in answers:
            answers[key] = macro(key)
        return answers[key]

    env.globals[_GLOBAL] = translation
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({LANGUAGE: _MEMO_TEMPLATE}), loader])
