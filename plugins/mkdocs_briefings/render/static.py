"""The site's stylesheet and script, as published: kind rules and badge help come from their tables.

A mention's kind is the folder its link leads into (the article's markup
carries no class per mention: an archive's pages hold tens of thousands),
and the script reads the kind's word back from the stylesheet's `--bf-kind`.
Both the folders and the words are `core/kinds.py`'s, so the stylesheet's
rules for them are written here from that table, in place of its
`/* @kinds ... */` marker lines, rather than by hand. In the same way the
script's table of what each badge means is `views.BADGES`'s, written in
place of its `/* @badges ... */` line.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..core.kinds import TABLE, Kind
from .paths import CSS_URI, JS_URI
from .views import BADGES

ASSETS = Path(__file__).parent / "assets"

#: What a label may hold to go into a CSS string unescaped.
_CSS_SAFE = re.compile(r"[\w .,·-]*")


def _css_string(value: str) -> str:
    if not _CSS_SAFE.fullmatch(value):
        raise ValueError(f"kind label {value!r} needs CSS escaping")
    return f'"{value}"'


def _sidebar(kind: Kind) -> str:
    # Each name of the briefing sidebar (the first thing in its item) is marked in its kind's colour.
    return f'.md-typeset .bf-entities__group[data-kind="{kind.key}"] li > :first-child {{ border-color: var(--bf-{kind.key}); }}'


def _mention(kind: Kind) -> str:
    # A mention's kind is the folder its link leads into; --bf-kind is its tooltip and the script's word.
    return (f'.md-typeset :is(.bf-article, .bf-para) > p a[href*="/{kind.folder}/"] '
            f"{{ --bf-kind: {_css_string(kind.singular)}; text-decoration-color: var(--bf-{kind.key}); }}")


_RULES = {"sidebar": _sidebar, "mentions": _mention}
_MARKER = re.compile(r"^/\* @kinds (\w+): .*\*/$", re.M)


def stylesheet(source: str) -> str:
    """The stylesheet with each `/* @kinds <what>: ... */` line replaced by one rule per kind with pages."""
    def rules(m: re.Match[str]) -> str:
        return "\n".join(_RULES[m.group(1)](k) for k in TABLE if k.folder)

    return _MARKER.sub(rules, source)


_BADGES = re.compile(r"^\s*/\* @badges: .*\*/$", re.M)


def script(source: str) -> str:
    """The script with its `/* @badges: ... */` line replaced by the badge table's entries (key: help)."""
    entries = ",\n".join(f"    {json.dumps(b.key)}: {json.dumps(b.help, ensure_ascii=False)}" for b in BADGES)
    return _BADGES.sub(lambda m: entries, source)


@lru_cache(maxsize=1)
def assets() -> tuple[tuple[str, bytes], ...]:
    """The stylesheet and script, as (site path, bytes)."""
    css = stylesheet((ASSETS / "briefings.css").read_text(encoding="utf-8")).encode("utf-8")
    js = script((ASSETS / "briefings.js").read_text(encoding="utf-8")).encode("utf-8")
    return ((CSS_URI, css), (JS_URI, js))
