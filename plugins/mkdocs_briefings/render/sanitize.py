"""A Python-Markdown extension that keeps editor-written markdown from scripting the site.

Summaries and register descriptions are markdown written by editors and
rendered by mkdocs (so their links are checked like any page's). Their raw
HTML and attribute lists are already turned into text (`safety.markdown_source`);
this tree processor also drops `javascript:`-style URLs and event-handler
attributes from every element, so a `[x](javascript:...)` link cannot run.
It runs on every page of the site, hand-written ones included.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from .safety import BRACE, LT

_UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def unsafe_url(value: str) -> bool:
    """Whether a URL would run script when followed (entities and controls decoded first)."""
    return bool(_UNSAFE_SCHEME.match(_CONTROL.sub("", html.unescape(value))))


class _Defuse(Treeprocessor):
    """Drop script URLs and event-handler attributes from every element."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            for name in list(el.attrib):
                low = name.lower()
                if low.startswith("on") or (low in _URL_ATTRS and unsafe_url(el.attrib[name])):
                    del el.attrib[name]
                    if el.tag in ("a", "img"):  # mkdocs expects every <a>/<img> to keep its URL
                        el.tag = "span"


_URL_ATTRS: frozenset[str] = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster"})


class _Restore(Postprocessor):
    """Turn the stand-ins of `safety.markdown_source` into entities in the finished HTML.

    Last of all (after raw HTML and code blocks are put back), so that no
    Markdown rule ever sees a `<` or `{` the editor wrote, and everywhere
    (text, code, attribute values), where an entity is always safe.
    """

    def run(self, text: str) -> str:
        if LT in text or BRACE in text:
            text = text.replace(LT, "&lt;").replace(BRACE, "&#123;")
        return text


class BriefingsHtmlExtension(Extension):
    """Register the URL defuser and the stand-in restorer."""

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        # After inline patterns (20) created the links, before mkdocs rewrites them.
        md.treeprocessors.register(_Defuse(md), "briefings_defuse", 18)
        md.postprocessors.register(_Restore(md), "briefings_restore", 1)


def registered(extensions: Iterable[object]) -> bool:
    """Whether a markdown_extensions list already holds this extension."""
    return any(isinstance(e, BriefingsHtmlExtension) for e in extensions)
